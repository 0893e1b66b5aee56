package assign_test

import "github.com/leanforum/awards/reports/assign"

// minSpread returns the least possible difference between the largest and
// the smallest juror load over all valid assignments of in, and false when
// there is none. It is independent of package assign: for each window
// [lo, lo+s] of loads that contains the mean, it asks a max-flow with lower
// bounds whether some assignment keeps every load inside the window.
func minSpread(in assign.Input) (int, bool) {
	m := len(in.Jurors)
	total := len(in.Applications) * in.PerApplication
	if m == 0 || !windowFeasible(in, 0, total) {
		return 0, false
	}
	for s := 0; ; s++ {
		for lo := max(0, (total+m-1)/m-s); lo <= total/m; lo++ {
			if windowFeasible(in, lo, lo+s) {
				return s, true
			}
		}
	}
}

// windowFeasible reports whether in has a valid assignment with every
// juror's total load in [lo, hi]. Each application must send exactly its
// need and each juror receive between its lower and upper bound; the
// standard reduction turns these lower bounds into a max-flow from a new
// source S to a new sink T that must saturate them all.
func windowFeasible(in assign.Input, lo, hi int) bool {
	f := factsOf(in)
	nA, nJ := len(in.Applications), len(in.Jurors)
	s, t, bigS, bigT := 0, nA+nJ+1, nA+nJ+2, nA+nJ+3
	c := make([][]int, nA+nJ+4)
	for i := range c {
		c[i] = make([]int, len(c))
	}
	required := 0
	for a, app := range in.Applications {
		need := in.PerApplication - f.fixedApp[app]
		if need < 0 {
			return false
		}
		c[bigS][1+a] += need
		c[s][bigT] += need
		required += need
		for j, juror := range in.Jurors {
			if f.free(assign.Pair{Juror: juror, Application: app}) {
				c[1+a][1+nA+j] = 1
			}
		}
	}
	for j, juror := range in.Jurors {
		lower, upper := max(0, lo-f.fixedJuror[juror]), hi-f.fixedJuror[juror]
		if in.MaxLoad > 0 {
			upper = min(upper, max(0, in.MaxLoad-f.fixedJuror[juror]))
		}
		if upper < lower {
			return false
		}
		c[1+nA+j][t] = upper - lower
		c[bigS][t] += lower
		c[1+nA+j][bigT] += lower
		required += lower
	}
	c[t][s] = required + 1
	return maxFlow(c, bigS, bigT) == required
}

// maxFlow returns the maximum flow from s to t in the capacity matrix c,
// by Edmonds-Karp; it consumes c.
func maxFlow(c [][]int, s, t int) int {
	total := 0
	for {
		prev := make([]int, len(c))
		for i := range prev {
			prev[i] = -1
		}
		prev[s] = s
		queue := []int{s}
		for len(queue) > 0 && prev[t] < 0 {
			u := queue[0]
			queue = queue[1:]
			for v, capacity := range c[u] {
				if capacity > 0 && prev[v] < 0 {
					prev[v] = u
					queue = append(queue, v)
				}
			}
		}
		if prev[t] < 0 {
			return total
		}
		push := int(^uint(0) >> 1)
		for v := t; v != s; v = prev[v] {
			push = min(push, c[prev[v]][v])
		}
		for v := t; v != s; v = prev[v] {
			c[prev[v]][v] -= push
			c[v][prev[v]] += push
		}
		total += push
	}
}
