package kpi_test

import (
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// fivePoints is the hand-worked regression of TestOLS as municipalities
// 0001–0005: cost 2, 4, 5, 4, 5 on structure 1–5, fitted 2.2 + 0.6x.
// 0006 has no cost and 0007 no structure, so neither takes part.
func fivePoints() ([]kpi.Value, map[string][]float64) {
	cost := section(2, 4, 5, 4, 5, math.NaN(), 9)
	structure := map[string][]float64{
		"0001": {1}, "0002": {2}, "0003": {3}, "0004": {4}, "0005": {5}, "0006": {6},
	}
	return cost, structure
}

func TestExpectedCost(t *testing.T) {
	cost, structure := fivePoints()
	got, err := kpi.ExpectedCost(cost, structure)
	if err != nil {
		t.Fatal(err)
	}
	want := []kpi.CostRow{
		{Code: "0001", Actual: 2, Expected: 2.8, Residual: -0.8, Deviation: -0.8 / 2.8 * 100},
		{Code: "0002", Actual: 4, Expected: 3.4, Residual: 0.6, Deviation: 0.6 / 3.4 * 100},
		{Code: "0003", Actual: 5, Expected: 4.0, Residual: 1.0, Deviation: 25},
		{Code: "0004", Actual: 4, Expected: 4.6, Residual: -0.6, Deviation: -0.6 / 4.6 * 100},
		{Code: "0005", Actual: 5, Expected: 5.2, Residual: -0.2, Deviation: -0.2 / 5.2 * 100},
	}
	if len(got.Rows) != len(want) || got.Fit.N != 5 || !near(got.Fit.R2, 0.6, 1e-12) {
		t.Fatalf("ExpectedCost(…) = %d rows, N %d, R² %v, want 5, 5, 0.6", len(got.Rows), got.Fit.N, got.Fit.R2)
	}
	for i, r := range got.Rows {
		w := want[i]
		if r.Code != w.Code || r.Actual != w.Actual || !near(r.Expected, w.Expected, 1e-12) ||
			!near(r.Residual, w.Residual, 1e-12) || !near(r.Deviation, w.Deviation, 1e-9) || !r.HasDeviation {
			t.Errorf("ExpectedCost(…).Rows[%d] = %+v, want %+v", i, r, w)
		}
	}
}

func TestExpectedCostDeviationUndefined(t *testing.T) {
	t.Run("expected cost at or below zero", func(t *testing.T) {
		cost := section(-2, 0, 2)
		got, err := kpi.ExpectedCost(cost, map[string][]float64{"0001": {1}, "0002": {2}, "0003": {3}})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range got.Rows {
			if r.HasDeviation != (r.Expected > 0) {
				t.Errorf("ExpectedCost(…) row %s expected %v, HasDeviation %v, want %v", r.Code, r.Expected, r.HasDeviation, r.Expected > 0)
			}
		}
	})
}

func TestExpectedCostSingular(t *testing.T) {
	t.Run("two municipalities for three coefficients", func(t *testing.T) {
		cost := section(10, 20)
		structure := map[string][]float64{"0001": {1, 5}, "0002": {2, 3}}
		if _, err := kpi.ExpectedCost(cost, structure); !errors.Is(err, kpi.ErrSingular) {
			t.Errorf("ExpectedCost(2 × 2) error = %v, want ErrSingular", err)
		}
	})
}

// TestExpectedCostRealData regresses 2022 expenditure per inhabitant on
// structure and checks what every least squares fit with an intercept
// must satisfy: residuals summing to zero and R² in [0, 1].
func TestExpectedCostRealData(t *testing.T) {
	vars, _ := municipData(t, "expenditures", "pop", "share0_19", "share75_", "tax_base")
	cost := make([]kpi.Value, 0, len(vars))
	structure := make(map[string][]float64, len(vars))
	for code, v := range vars {
		cost = append(cost, kpi.Value{Code: code, Value: v[0], Valid: true})
		structure[code] = v[1:]
	}
	got, err := kpi.ExpectedCost(cost, structure)
	if err != nil {
		t.Fatal(err)
	}
	sum, total := 0.0, 0.0
	for _, r := range got.Rows {
		sum += r.Residual
		total += r.Actual
	}
	if len(got.Rows) != 290 || math.Abs(sum) > 1e-9*total {
		t.Errorf("ExpectedCost(2022) = %d rows, residuals summing to %v, want 290, 0", len(got.Rows), sum)
	}
	if !(got.Fit.R2 > 0 && got.Fit.R2 < 1) {
		t.Errorf("ExpectedCost(2022).Fit.R2 = %v, want within (0, 1)", got.Fit.R2)
	}
}

func TestQuadrants(t *testing.T) {
	cost, structure := fivePoints()
	model, err := kpi.ExpectedCost(cost, structure)
	if err != nil {
		t.Fatal(err)
	}
	// Residuals −0.8, +0.6, +1.0, −0.6, −0.2; quality median 85.
	quality := section(90, 95, 80, 60, 85)
	tests := []struct {
		name string
		d    kpi.Direction
		want map[string]kpi.Quadrant
	}{
		{"higher quality is better", kpi.HigherIsBetter, map[string]kpi.Quadrant{
			"0001": kpi.GoodResultsLowerCost, "0002": kpi.GoodResultsHigherCost, "0003": kpi.WeakResultsHigherCost,
			"0004": kpi.WeakResultsLowerCost, "0005": kpi.WeakResultsLowerCost,
		}},
		{"lower quality value is better", kpi.LowerIsBetter, map[string]kpi.Quadrant{
			"0001": kpi.WeakResultsLowerCost, "0002": kpi.WeakResultsHigherCost, "0003": kpi.GoodResultsHigherCost,
			"0004": kpi.GoodResultsLowerCost, "0005": kpi.WeakResultsLowerCost,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.Quadrants(model.Rows, quality, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("Quadrants(…, %v) has %d municipalities, want %d", tt.d, len(got), len(tt.want))
			}
			for code, w := range tt.want {
				if got[code] != w {
					t.Errorf("Quadrants(…, %v)[%s] = %q, want %q", tt.d, code, got[code], w)
				}
			}
		})
	}
}

func TestQuadrantsRejects(t *testing.T) {
	rows := []kpi.CostRow{{Code: "0001", Residual: -1}, {Code: "0002", Residual: 1}}
	t.Run("neutral quality", func(t *testing.T) {
		if _, err := kpi.Quadrants(rows, section(1, 2), kpi.Neutral); err == nil {
			t.Error("Quadrants(NEUTRAL) error = nil, want an error")
		}
	})
	t.Run("no municipality with both", func(t *testing.T) {
		if _, err := kpi.Quadrants(rows, section(math.NaN(), math.NaN()), kpi.HigherIsBetter); !errors.Is(err, kpi.ErrNoValues) {
			t.Errorf("Quadrants(no quality) error = %v, want ErrNoValues", err)
		}
	})
	t.Run("repeated cost row", func(t *testing.T) {
		if _, err := kpi.Quadrants(append(rows, rows[0]), section(1, 2), kpi.HigherIsBetter); err == nil {
			t.Error("Quadrants(repeated row) error = nil, want an error")
		}
	})
}

func TestNetCostDeviation(t *testing.T) {
	tests := []struct {
		name           string
		net, reference float64
		want           float64
	}{
		{"dearer than the reference is positive", 105, 100, 5},
		{"cheaper than the reference is negative", 95, 100, -5},
		{"at the reference is zero", 48200, 48200, 0},
		{"kronor per user", 262500, 250000, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.NetCostDeviation(tt.net, tt.reference)
			if err != nil || !near(got, tt.want, 1e-12) {
				t.Errorf("NetCostDeviation(%v, %v) = %v, %v, want %v, nil", tt.net, tt.reference, got, err, tt.want)
			}
		})
	}
	for _, ref := range []float64{0, -100, math.NaN()} {
		t.Run("rejects reference cost "+formatFloat(ref), func(t *testing.T) {
			if got, err := kpi.NetCostDeviation(100, ref); err == nil {
				t.Errorf("NetCostDeviation(100, %v) = %v, nil, want an error", ref, got)
			}
		})
	}
}
