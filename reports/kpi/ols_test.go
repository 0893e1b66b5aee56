package kpi_test

import (
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// longley returns the Longley (1967) data as published by NIST StRD
// (Longley.dat): total employment y, then GNP deflator, GNP, unemployed,
// armed forces, population and year, 1947–1962.
func longley() (x [][]float64, y []float64) {
	rows := [16][7]float64{
		{60323, 83.0, 234289, 2356, 1590, 107608, 1947},
		{61122, 88.5, 259426, 2325, 1456, 108632, 1948},
		{60171, 88.2, 258054, 3682, 1616, 109773, 1949},
		{61187, 89.5, 284599, 3351, 1650, 110929, 1950},
		{63221, 96.2, 328975, 2099, 3099, 112075, 1951},
		{63639, 98.1, 346999, 1932, 3594, 113270, 1952},
		{64989, 99.0, 365385, 1870, 3547, 115094, 1953},
		{63761, 100.0, 363112, 3578, 3350, 116219, 1954},
		{66019, 101.2, 397469, 2904, 3048, 117388, 1955},
		{67857, 104.6, 419180, 2822, 2857, 118734, 1956},
		{68169, 108.4, 442769, 2936, 2798, 120445, 1957},
		{66513, 110.8, 444546, 4681, 2637, 121950, 1958},
		{68655, 112.6, 482704, 3813, 2552, 123366, 1959},
		{69564, 114.2, 502601, 3931, 2514, 125368, 1960},
		{69331, 115.7, 518173, 4806, 2572, 127852, 1961},
		{70551, 116.9, 554894, 4007, 2827, 130081, 1962},
	}
	for _, r := range rows {
		y = append(y, r[0])
		x = append(x, append([]float64(nil), r[1:]...))
	}
	return x, y
}

// column returns xs as rows of one regressor each.
func column(xs ...float64) [][]float64 {
	out := make([][]float64, len(xs))
	for i, x := range xs {
		out[i] = []float64{x}
	}
	return out
}

func TestOLS(t *testing.T) {
	lx, ly := longley()
	tests := []struct {
		name string
		x    [][]float64
		y    []float64
		coef []float64
		r2   float64
		tol  float64 // relative
	}{
		{"exact line y = 2 + 3x", column(0, 1, 2, 3, 4), []float64{2, 5, 8, 11, 14}, []float64{2, 3}, 1, 1e-12},
		{"exact plane y = 1 + 2a − b", [][]float64{{0, 0}, {1, 0}, {0, 1}, {2, 3}, {5, 1}},
			[]float64{1, 3, 0, 2, 10}, []float64{1, 2, -1}, 1, 1e-12},
		// Hand-worked: x̄ = 3, ȳ = 4, Σ(x−x̄)(y−ȳ) = 6, Σ(x−x̄)² = 10, so
		// b = 0.6, a = 4 − 0.6·3 = 2.2; SStotal = 6, SSresidual = 2.4, R² = 0.6.
		{"five points by hand", column(1, 2, 3, 4, 5), []float64{2, 4, 5, 4, 5}, []float64{2.2, 0.6}, 0.6, 1e-12},
		// NIST StRD certified values, 15 significant digits. The centred QR
		// solve keeps about 13 of them on this ill-conditioned design, where
		// the normal equations keep few; the test asks for 11.
		{"Longley, NIST certified", lx, ly, []float64{
			-3482258.63459582, 15.0618722713733, -0.358191792925910e-01, -2.02022980381683,
			-1.03322686717359, -0.511041056535807e-01, 1829.15146461355,
		}, 0.995479004577296, 1e-11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.OLS(tt.x, tt.y)
			if err != nil {
				t.Fatal(err)
			}
			for j, want := range tt.coef {
				if !relNear(got.Coefficients[j], want, tt.tol) {
					t.Errorf("OLS(…).Coefficients[%d] = %.15g, want %.15g", j, got.Coefficients[j], want)
				}
			}
			if !relNear(got.R2, tt.r2, tt.tol) || got.N != len(tt.y) {
				t.Errorf("OLS(…) R² = %.15g, N = %d, want %.15g, %d", got.R2, got.N, tt.r2, len(tt.y))
			}
		})
	}
}

// relNear reports whether got is within a relative tol of want, or within
// tol of it when want is 0.
func relNear(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(math.Abs(want), 1)
}

func TestOLSSingular(t *testing.T) {
	tests := []struct {
		name string
		x    [][]float64
		y    []float64
	}{
		{"constant regressor", column(3, 3, 3, 3), []float64{1, 2, 3, 4}},
		{"repeated regressor", [][]float64{{1, 1}, {2, 2}, {3, 3}, {5, 5}}, []float64{1, 2, 4, 3}},
		{"regressor a sum of others", [][]float64{{1, 0, 1}, {2, 1, 3}, {0, 4, 4}, {3, 3, 6}, {5, 1, 6}},
			[]float64{1, 2, 4, 3, 5}},
		{"fewer observations than coefficients", [][]float64{{1, 2}, {3, 5}}, []float64{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := kpi.OLS(tt.x, tt.y); !errors.Is(err, kpi.ErrSingular) {
				t.Errorf("OLS(%v, %v) = %+v, %v, want ErrSingular", tt.x, tt.y, got, err)
			}
		})
	}
}

func TestOLSRejects(t *testing.T) {
	tests := []struct {
		name string
		x    [][]float64
		y    []float64
	}{
		{"no observations", nil, nil},
		{"rows and observations differ", column(1, 2, 3), []float64{1, 2}},
		{"ragged rows", [][]float64{{1, 2}, {3}, {4, 5}, {6, 7}}, []float64{1, 2, 3, 4}},
		{"response without variation", column(1, 2, 3), []float64{5, 5, 5}},
		{"NaN response", column(1, 2, 3), []float64{1, math.NaN(), 3}},
		{"infinite regressor", column(1, math.Inf(1), 3), []float64{1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := kpi.OLS(tt.x, tt.y); err == nil {
				t.Errorf("OLS(%v, %v) = %+v, nil, want an error", tt.x, tt.y, got)
			}
		})
	}
}

func TestFitPredict(t *testing.T) {
	f := kpi.Fit{Coefficients: []float64{1, 2, -1}}
	t.Run("intercept plus slopes", func(t *testing.T) {
		if got, err := f.Predict([]float64{2, 3}); err != nil || got != 2 {
			t.Errorf("Predict([2 3]) = %v, %v, want 2, nil", got, err)
		}
	})
	t.Run("wrong number of regressors", func(t *testing.T) {
		if got, err := f.Predict([]float64{2}); err == nil {
			t.Errorf("Predict([2]) = %v, nil, want an error", got)
		}
	})
}
