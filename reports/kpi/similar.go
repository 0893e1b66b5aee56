package kpi

import (
	"fmt"
	"math"
	"sort"
)

// DefaultNeighbours is the number of similar municipalities Similar returns
// when asked for k <= 0: Kolada's "Liknande kommuner" groups have seven
// members.
const DefaultNeighbours = 7

// Neighbour is a municipality and its structural distance from another.
type Neighbour struct {
	Code     string
	Distance float64
}

// Similar returns the k municipalities structurally nearest to code, nearest
// first, code itself excluded; fewer when there are not k others. k <= 0
// means DefaultNeighbours.
//
// vars holds each municipality's structural variables, the same number and
// order for all. Each variable is turned into z-scores over all
// municipalities in vars, (x − mean) / sample standard deviation; a variable
// without spread gives every municipality z = 0 and so tells none apart.
// The distance is the weighted Euclidean one, √Σ wⱼ (zⱼ − z'ⱼ)², where the
// weights multiply squared differences; nil weights mean 1 for every
// variable. Equal distances are ordered by code.
func Similar(code string, vars map[string][]float64, weights []float64, k int) ([]Neighbour, error) {
	if k <= 0 {
		k = DefaultNeighbours
	}
	m, err := checkVars(code, vars)
	if err != nil {
		return nil, err
	}
	if weights, err = checkWeights(weights, m); err != nil {
		return nil, err
	}
	z := zScores(vars, m)
	out := make([]Neighbour, 0, len(vars)-1)
	for c, zc := range z {
		if c != code {
			out = append(out, Neighbour{Code: c, Distance: distance(z[code], zc, weights)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Distance != out[j].Distance {
			return out[i].Distance < out[j].Distance
		}
		return out[i].Code < out[j].Code
	})
	return out[:min(k, len(out))], nil
}

// checkVars checks codes and vectors and returns the number of variables.
func checkVars(code string, vars map[string][]float64) (int, error) {
	if _, ok := vars[code]; !ok {
		return 0, fmt.Errorf("kpi: municipality %q has no structural variables", code)
	}
	if len(vars) < 2 {
		return 0, fmt.Errorf("kpi: similarity needs at least two municipalities, got %d", len(vars))
	}
	m := len(vars[code])
	if m == 0 {
		return 0, fmt.Errorf("kpi: no structural variables")
	}
	for c, xs := range vars {
		if err := checkCode(c); err != nil {
			return 0, err
		}
		if len(xs) != m {
			return 0, fmt.Errorf("kpi: municipality %s has %d variables, want %d", c, len(xs), m)
		}
		for j, x := range xs {
			if !finite(x) {
				return 0, fmt.Errorf("kpi: variable %d of municipality %s is %v", j, c, x)
			}
		}
	}
	return m, nil
}

// checkWeights returns weights, or m ones when weights is nil.
func checkWeights(weights []float64, m int) ([]float64, error) {
	if weights == nil {
		weights = make([]float64, m)
		for j := range weights {
			weights[j] = 1
		}
		return weights, nil
	}
	if len(weights) != m {
		return nil, fmt.Errorf("kpi: %d weights for %d variables", len(weights), m)
	}
	sum := 0.0
	for j, w := range weights {
		if !(w >= 0) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("kpi: weight %d is %v, want a finite number >= 0", j, w)
		}
		sum += w
	}
	if sum == 0 {
		return nil, fmt.Errorf("kpi: all weights are zero")
	}
	return weights, nil
}

// zScores standardises each of the m variables over all municipalities.
// Codes are visited in sorted order so that the sums, and so the distances,
// are the same on every run.
func zScores(vars map[string][]float64, m int) map[string][]float64 {
	codes := make([]string, 0, len(vars))
	for c := range vars {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	z := make(map[string][]float64, len(vars))
	flat := make([]float64, len(codes)*m)
	for i, c := range codes {
		z[c] = flat[i*m : (i+1)*m : (i+1)*m]
	}
	col := make([]float64, len(codes))
	for j := 0; j < m; j++ {
		for i, c := range codes {
			col[i] = vars[c][j]
		}
		mu, sd := meanSD(col)
		if sd == 0 {
			continue
		}
		for i, c := range codes {
			z[c][j] = (col[i] - mu) / sd
		}
	}
	return z
}

// meanSD returns the mean and sample standard deviation of xs, which has at
// least two elements. The deviation is exactly 0 when all xs are equal.
func meanSD(xs []float64) (mu, sd float64) {
	constant := true
	for _, x := range xs {
		constant = constant && x == xs[0]
	}
	if constant {
		return xs[0], 0
	}
	mu = mean(xs)
	ss := 0.0
	for _, x := range xs {
		ss += (x - mu) * (x - mu)
	}
	return mu, math.Sqrt(ss / float64(len(xs)-1))
}

// distance returns the weighted Euclidean distance between a and b.
func distance(a, b, weights []float64) float64 {
	sum := 0.0
	for j := range a {
		d := a[j] - b[j]
		sum += weights[j] * d * d
	}
	return math.Sqrt(sum)
}
