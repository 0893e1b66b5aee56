package kpi_test

import (
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// TestCheckLimitAwardMaterial checks U33401 against its 120-day limit as in
// the award material: 140 days is 20 over, 105 days is 15 under.
func TestCheckLimitAwardMaterial(t *testing.T) {
	in := []kpi.Value{{Code: "1444", Value: 140, Valid: true}, {Code: "1445", Value: 105, Valid: true}}
	got, err := kpi.CheckLimit(in, 120, kpi.LowerIsBetter)
	if err != nil {
		t.Fatal(err)
	}
	want := []kpi.Gap{
		{Code: "1444", Value: 140, Valid: true, Excess: 20, Within: false},
		{Code: "1445", Value: 105, Valid: true, Excess: -15, Within: true},
	}
	for i, g := range got.Gaps {
		if g != want[i] {
			t.Errorf("CheckLimit(%v, 120).Gaps[%d] = %+v, want %+v", in[i].Value, i, g, want[i])
		}
	}
	if got.Count != 2 || got.Within != 1 || got.Share != 50 {
		t.Errorf("CheckLimit(…) = %d of %d, %v %%, want 1 of 2, 50 %%", got.Within, got.Count, got.Share)
	}
}

func TestCheckLimit(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		in     []kpi.Value
		limit  float64
		d      kpi.Direction
		excess []float64
		within []bool
		share  float64
	}{
		{"at the limit is within", section(120), 120, kpi.LowerIsBetter, []float64{0}, []bool{true}, 100},
		{"a minimum is breached from below", section(90, 100), 95, kpi.HigherIsBetter,
			[]float64{5, -5}, []bool{false, true}, 50},
		{"missing values do not count in the share", section(100, nan, 130, 120), 120, kpi.LowerIsBetter,
			[]float64{-20, 0, 10, 0}, []bool{true, false, false, true}, 200.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.CheckLimit(tt.in, tt.limit, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			for i, g := range got.Gaps {
				if g.Excess != tt.excess[i] || g.Within != tt.within[i] {
					t.Errorf("CheckLimit(%v, %v)[%d] = %v, %v, want %v, %v",
						tt.in[i].Value, tt.limit, i, g.Excess, g.Within, tt.excess[i], tt.within[i])
				}
			}
			if !near(got.Share, tt.share, 1e-9) {
				t.Errorf("CheckLimit(…).Share = %v, want %v", got.Share, tt.share)
			}
		})
	}
}

func TestCheckLimitRejects(t *testing.T) {
	ok := section(1)
	tests := []struct {
		name  string
		in    []kpi.Value
		limit float64
		d     kpi.Direction
	}{
		{"neutral has no wrong side", ok, 1, kpi.Neutral},
		{"invalid direction", ok, 1, kpi.Direction(7)},
		{"NaN limit", ok, math.NaN(), kpi.LowerIsBetter},
		{"repeated code", append(section(1), section(2)...), 1, kpi.LowerIsBetter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := kpi.CheckLimit(tt.in, tt.limit, tt.d); err == nil {
				t.Errorf("CheckLimit(%v, %v, %v) = %+v, nil, want an error", tt.in, tt.limit, tt.d, got)
			}
		})
	}
	t.Run("no values", func(t *testing.T) {
		if _, err := kpi.CheckLimit(section(math.NaN()), 120, kpi.LowerIsBetter); !errors.Is(err, kpi.ErrNoValues) {
			t.Errorf("CheckLimit(missing) error = %v, want ErrNoValues", err)
		}
	})
}
