package kpi_test

import (
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// TestTrendAwardMaterial checks the figures of the award material
// (REFERENCE.md, "Trends and limits"), percentages to one decimal.
func TestTrendAwardMaterial(t *testing.T) {
	tests := []struct {
		name      string
		series    map[int]float64
		change    float64
		percent   float64
		improving bool
	}{
		{"investigation time 140 to 105 days", map[int]float64{2019: 140, 2022: 105}, -35, -25.0, true},
		{"family support wait 19 to 10 days", map[int]float64{2019: 19, 2022: 10}, -9, -47.4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.TrendOf(tt.series, kpi.LowerIsBetter)
			if err != nil {
				t.Fatal(err)
			}
			if got.Change != tt.change || !got.HasPercent || round1(got.PercentChange) != tt.percent || got.Improving != tt.improving {
				t.Errorf("TrendOf(%v) = %v, %.1f %%, improving %v, want %v, %.1f %%, improving %v",
					tt.series, got.Change, got.PercentChange, got.Improving, tt.change, tt.percent, tt.improving)
			}
		})
	}
}

func TestTrendImproving(t *testing.T) {
	down := map[int]float64{2020: 140, 2023: 105}
	flat := map[int]float64{2020: 7, 2023: 7}
	tests := []struct {
		name   string
		series map[int]float64
		d      kpi.Direction
		want   bool
	}{
		{"falling value improves when lower is better", down, kpi.LowerIsBetter, true},
		{"falling value worsens when higher is better", down, kpi.HigherIsBetter, false},
		{"neutral never improves", down, kpi.Neutral, false},
		{"no change does not improve", flat, kpi.HigherIsBetter, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.TrendOf(tt.series, tt.d)
			if err != nil || got.Improving != tt.want {
				t.Errorf("TrendOf(%v, %v).Improving = %v, %v, want %v", tt.series, tt.d, got.Improving, err, tt.want)
			}
		})
	}
}

func TestTrendRates(t *testing.T) {
	tests := []struct {
		name       string
		series     map[int]float64
		percent    float64
		hasPercent bool
		cagr       float64
		hasCAGR    bool
	}{
		{"ten percent a year for two years", map[int]float64{2020: 100, 2022: 121}, 21, true, 10, true},
		{"halving over one year", map[int]float64{2021: 80, 2022: 40}, -50, true, -50, true},
		{"falling to zero is minus 100 percent a year", map[int]float64{2020: 5, 2022: 0}, -100, true, -100, true},
		{"from zero neither is defined", map[int]float64{2020: 0, 2022: 4}, 0, false, 0, false},
		{"from a negative start the percent follows the change", map[int]float64{2020: -10, 2021: -5}, 50, true, 0, false},
		{"a sign change has no growth rate", map[int]float64{2020: 10, 2021: -5}, -150, true, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.TrendOf(tt.series, kpi.HigherIsBetter)
			if err != nil {
				t.Fatal(err)
			}
			if got.HasPercent != tt.hasPercent || !near(got.PercentChange, tt.percent, 1e-9) {
				t.Errorf("TrendOf(%v) percent = %v, %v, want %v, %v", tt.series, got.PercentChange, got.HasPercent, tt.percent, tt.hasPercent)
			}
			if got.HasCAGR != tt.hasCAGR || !near(got.CAGR, tt.cagr, 1e-9) {
				t.Errorf("TrendOf(%v) CAGR = %v, %v, want %v, %v", tt.series, got.CAGR, got.HasCAGR, tt.cagr, tt.hasCAGR)
			}
		})
	}
}

func TestTrendSlope(t *testing.T) {
	tests := []struct {
		name   string
		series map[int]float64
		want   float64
	}{
		{"two points is the change per year", map[int]float64{2019: 140, 2023: 100}, -10},
		// Hand-worked: x − x̄ = −1.5, −0.5, 0.5, 1.5; Σ(x−x̄)(y−ȳ) = 5.5; Σ(x−x̄)² = 5.
		{"least squares through four years", map[int]float64{2019: 1, 2020: 3, 2021: 2, 2022: 5}, 1.1},
		{"a missing year is skipped, not zero", map[int]float64{2018: 10, 2020: 14, 2021: 16}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.TrendOf(tt.series, kpi.Neutral)
			if err != nil || !near(got.Slope, tt.want, 1e-9) {
				t.Errorf("TrendOf(%v).Slope = %v, %v, want %v", tt.series, got.Slope, err, tt.want)
			}
		})
	}
	t.Run("first and last are the outer years", func(t *testing.T) {
		got, _ := kpi.TrendOf(map[int]float64{2021: 2, 2018: 10, 2020: 14}, kpi.Neutral)
		if got.FirstYear != 2018 || got.LastYear != 2021 || got.First != 10 || got.Last != 2 || got.Points != 3 {
			t.Errorf("TrendOf(…) = %d %v → %d %v (%d points), want 2018 10 → 2021 2 (3 points)",
				got.FirstYear, got.First, got.LastYear, got.Last, got.Points)
		}
	})
}

func TestTrendRejects(t *testing.T) {
	t.Run("one point is too few", func(t *testing.T) {
		if _, err := kpi.TrendOf(map[int]float64{2020: 1}, kpi.LowerIsBetter); !errors.Is(err, kpi.ErrTooFewPoints) {
			t.Errorf("TrendOf(one point) error = %v, want ErrTooFewPoints", err)
		}
	})
	t.Run("no points is too few", func(t *testing.T) {
		if _, err := kpi.TrendOf(nil, kpi.LowerIsBetter); !errors.Is(err, kpi.ErrTooFewPoints) {
			t.Errorf("TrendOf(nil) error = %v, want ErrTooFewPoints", err)
		}
	})
	t.Run("NaN value", func(t *testing.T) {
		if _, err := kpi.TrendOf(map[int]float64{2020: 1, 2021: math.NaN()}, kpi.LowerIsBetter); err == nil {
			t.Error("TrendOf(NaN) error = nil, want an error")
		}
	})
	t.Run("invalid direction", func(t *testing.T) {
		if _, err := kpi.TrendOf(map[int]float64{2020: 1, 2021: 2}, kpi.Direction(0)); err == nil {
			t.Error("TrendOf(Direction(0)) error = nil, want an error")
		}
	})
}
