package reliability_test

import (
	"math"

	"github.com/leanforum/awards/reports/reliability"
)

// bruteAlpha is an independent reference for reliability.Alpha that shares no
// code with it: no coincidence matrix, only the pairable values themselves.
// Observed disagreement averages δ² over all ordered pairs of values within a
// unit, each unit weighted 1/(m_u − 1); expected disagreement averages δ²
// over all ordered pairs of distinct positions among all n pairable values:
//
//	D_o = (1/n) Σ_u 1/(m_u−1) Σ_{i≠j in u} δ²(v_i, v_j)
//	D_e = 1/(n(n−1)) Σ_{a≠b} δ²(v_a, v_b)
//	α   = 1 − D_o/D_e
//
// It is quadratic in n and meant for small test data only.
func bruteAlpha(data [][]float64, level reliability.Level) float64 {
	var units [][]float64
	var all []float64
	for _, row := range data {
		var u []float64
		for _, x := range row {
			if !math.IsNaN(x) {
				u = append(u, x)
			}
		}
		if len(u) >= 2 {
			units = append(units, u)
			all = append(all, u...)
		}
	}
	delta := bruteDelta(level, all)
	n := float64(len(all))
	var do, de float64
	for _, u := range units {
		var sum float64
		for i := range u {
			for j := range u {
				if i != j {
					sum += delta(u[i], u[j])
				}
			}
		}
		do += sum / float64(len(u)-1)
	}
	for a := range all {
		for b := range all {
			if a != b {
				de += delta(all[a], all[b])
			}
		}
	}
	return 1 - (do/n)/(de/(n*(n-1)))
}

// bruteDelta returns δ² for level, with the ordinal frequencies counted
// directly in all, the list of pairable values.
func bruteDelta(level reliability.Level, all []float64) func(c, k float64) float64 {
	count := func(lo, hi float64) float64 {
		var n float64
		for _, v := range all {
			if lo <= v && v <= hi {
				n++
			}
		}
		return n
	}
	switch level {
	case reliability.Nominal:
		return func(c, k float64) float64 {
			if c == k {
				return 0
			}
			return 1
		}
	case reliability.Ordinal:
		return func(c, k float64) float64 {
			lo, hi := math.Min(c, k), math.Max(c, k)
			d := count(lo, hi) - (count(c, c)+count(k, k))/2
			return d * d
		}
	case reliability.Interval:
		return func(c, k float64) float64 { return (c - k) * (c - k) }
	default:
		return func(c, k float64) float64 {
			if c+k == 0 {
				return 0
			}
			return ((c - k) / (c + k)) * ((c - k) / (c + k))
		}
	}
}
