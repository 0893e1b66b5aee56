package assign_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/assign"
)

// shape is the size and density of a random instance.
type shape struct {
	apps, jurors, r int
	conflict, fixed float64 // per-pair probabilities
	maxLoad         int
	prefs           bool
}

// randomShape draws a shape with at most maxApps applications and
// maxJurors jurors.
func randomShape(rng *rand.Rand, maxApps, maxJurors int) shape {
	s := shape{
		apps:     rng.IntN(maxApps) + 1,
		jurors:   rng.IntN(maxJurors) + 1,
		conflict: rng.Float64() * 0.6,
		fixed:    rng.Float64() * 0.15,
		prefs:    rng.IntN(2) == 0,
	}
	s.r = rng.IntN(min(s.jurors, 4)) + 1
	if rng.IntN(3) == 0 {
		s.maxLoad = (s.apps*s.r+s.jurors-1)/s.jurors + rng.IntN(3)
	}
	return s
}

// randomInput builds an instance of shape s; fixed pairs never exceed r per
// application, so every invalid-input check passes.
func randomInput(rng *rand.Rand, s shape) assign.Input {
	in := assign.Input{PerApplication: s.r, MaxLoad: s.maxLoad, Preferences: map[assign.Pair]int{}}
	for i := range s.apps {
		in.Applications = append(in.Applications, fmt.Sprintf("app%03d", i))
	}
	for j := range s.jurors {
		in.Jurors = append(in.Jurors, fmt.Sprintf("juror%02d", j))
	}
	for _, a := range in.Applications {
		fixedHere := 0
		for _, j := range in.Jurors {
			pair := assign.Pair{Juror: j, Application: a}
			switch x := rng.Float64(); {
			case x < s.conflict:
				in.Conflicts = append(in.Conflicts, pair)
			case x < s.conflict+s.fixed && fixedHere < s.r:
				in.Fixed = append(in.Fixed, pair)
				fixedHere++
			case s.prefs && rng.IntN(3) == 0:
				in.Preferences[pair] = rng.IntN(7) - 3
			}
		}
	}
	return in
}

// facts indexes an Input for the checks and oracles below, independently
// of package assign.
type facts struct {
	conflict, fixed      map[assign.Pair]bool
	fixedApp, fixedJuror map[string]int
}

func factsOf(in assign.Input) facts {
	f := facts{
		conflict: map[assign.Pair]bool{}, fixed: map[assign.Pair]bool{},
		fixedApp: map[string]int{}, fixedJuror: map[string]int{},
	}
	for _, c := range in.Conflicts {
		f.conflict[c] = true
	}
	for _, p := range in.Fixed {
		f.fixed[p] = true
		f.fixedApp[p.Application]++
		f.fixedJuror[p.Juror]++
	}
	return f
}

// free reports whether pair may receive a new assignment.
func (f facts) free(pair assign.Pair) bool { return !f.conflict[pair] && !f.fixed[pair] }

// checkPlan fails t unless plan is a valid answer to in: new pairs sorted,
// distinct, known, unconflicted and not fixed already; every application
// with exactly PerApplication jurors; loads matching and within MaxLoad.
func checkPlan(t *testing.T, in assign.Input, plan assign.Plan) {
	t.Helper()
	f := factsOf(in)
	perApp := map[string]int{}
	load := map[string]int{}
	for _, p := range in.Fixed {
		perApp[p.Application]++
		load[p.Juror]++
	}
	for i, p := range plan.Pairs {
		if i > 0 && !pairLess(plan.Pairs[i-1], p) {
			t.Errorf("Pairs[%d] = %v after %v, want strictly sorted", i, p, plan.Pairs[i-1])
		}
		if !slices.Contains(in.Applications, p.Application) || !slices.Contains(in.Jurors, p.Juror) {
			t.Errorf("pair %v names an unknown id", p)
		}
		if f.conflict[p] {
			t.Errorf("pair %v is a conflict", p)
		}
		if f.fixed[p] {
			t.Errorf("pair %v repeats a fixed assignment", p)
		}
		perApp[p.Application]++
		load[p.Juror]++
	}
	for _, a := range in.Applications {
		if perApp[a] != in.PerApplication {
			t.Errorf("application %s has %d jurors, want %d", a, perApp[a], in.PerApplication)
		}
	}
	if len(plan.Load) != len(in.Jurors) {
		t.Errorf("len(Load) = %d, want %d", len(plan.Load), len(in.Jurors))
	}
	for _, j := range in.Jurors {
		if plan.Load[j] != load[j] {
			t.Errorf("Load[%s] = %d, want %d", j, plan.Load[j], load[j])
		}
		if limit := max(in.MaxLoad, f.fixedJuror[j]); in.MaxLoad > 0 && load[j] > limit {
			t.Errorf("juror %s has load %d, want at most %d", j, load[j], limit)
		}
	}
}

func pairLess(a, b assign.Pair) bool {
	if a.Application != b.Application {
		return a.Application < b.Application
	}
	return a.Juror < b.Juror
}

// spread returns the largest minus the smallest load.
func spread(load map[string]int) int {
	if len(load) == 0 {
		return 0
	}
	lo, hi := int(^uint(0)>>1), 0
	for _, n := range load {
		lo, hi = min(lo, n), max(hi, n)
	}
	return hi - lo
}

// squares returns the sum of squared loads.
func squares(load map[string]int) int {
	s := 0
	for _, n := range load {
		s += n * n
	}
	return s
}

// preferenceTotal sums the preferences of the new pairs.
func preferenceTotal(in assign.Input, pairs []assign.Pair) int {
	s := 0
	for _, p := range pairs {
		s += in.Preferences[p]
	}
	return s
}
