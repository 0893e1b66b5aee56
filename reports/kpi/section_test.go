package kpi_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

func TestPlace(t *testing.T) {
	nan := math.NaN()
	G, Y, R, X := kpi.Green, kpi.Yellow, kpi.Red, kpi.Grey
	tests := []struct {
		name    string
		in      []kpi.Value
		d       kpi.Direction
		ranks   []int
		pcts    []float64
		colours []kpi.Colour
	}{
		{"ties share a competition rank", section(30, 20, 20, 10), kpi.HigherIsBetter,
			[]int{1, 2, 2, 4}, []float64{100, 50, 50, 0}, []kpi.Colour{G, Y, Y, R}},
		{"lower is better ranks the smallest first", section(140, 105, 120, 90), kpi.LowerIsBetter,
			[]int{4, 2, 3, 1}, []float64{0, 200.0 / 3, 100.0 / 3, 100}, []kpi.Colour{R, Y, Y, G}},
		{"neutral ranks descending without green or red", section(1, 3, 2), kpi.Neutral,
			[]int{3, 1, 2}, []float64{0, 100, 50}, []kpi.Colour{Y, Y, Y}},
		{"missing values are unranked and grey", section(5, nan, 7), kpi.HigherIsBetter,
			[]int{2, 0, 1}, []float64{0, 0, 100}, []kpi.Colour{R, X, G}},
		{"a lone value scores the middle", section(nan, 42), kpi.LowerIsBetter,
			[]int{0, 1}, []float64{0, 50}, []kpi.Colour{X, Y}},
		{"all tied are all yellow", section(3, 3, 3), kpi.HigherIsBetter,
			[]int{1, 1, 1}, []float64{50, 50, 50}, []kpi.Colour{Y, Y, Y}},
		{"quartile boundaries are inclusive", section(5, 4, 3, 2, 1), kpi.HigherIsBetter,
			[]int{1, 2, 3, 4, 5}, []float64{100, 75, 50, 25, 0}, []kpi.Colour{G, G, Y, R, R}},
		{"eight values give two green and two red", section(8, 7, 6, 5, 4, 3, 2, 1), kpi.HigherIsBetter,
			[]int{1, 2, 3, 4, 5, 6, 7, 8},
			[]float64{100, 600.0 / 7, 500.0 / 7, 400.0 / 7, 300.0 / 7, 200.0 / 7, 100.0 / 7, 0},
			[]kpi.Colour{G, G, Y, Y, Y, Y, R, R}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.Place(tt.in, tt.d, kpi.DefaultThresholds())
			if err != nil {
				t.Fatalf("Place(%v) error %v", tt.in, err)
			}
			for i, p := range got {
				if p.Code != tt.in[i].Code {
					t.Errorf("Place(…)[%d].Code = %s, want %s", i, p.Code, tt.in[i].Code)
				}
				if p.Rank != tt.ranks[i] || !near(p.Percentile, tt.pcts[i], 1e-9) || p.Colour != tt.colours[i] {
					t.Errorf("Place(…)[%s] = rank %d, %.4f %%, %s, want rank %d, %.4f %%, %s",
						p.Code, p.Rank, p.Percentile, p.Colour, tt.ranks[i], tt.pcts[i], tt.colours[i])
				}
			}
		})
	}
}

func TestPlaceTreatsNaNAsMissing(t *testing.T) {
	in := []kpi.Value{{Code: "0180", Value: math.NaN(), Valid: true}, {Code: "1280", Value: math.Inf(1), Valid: true}}
	got, err := kpi.Place(in, kpi.HigherIsBetter, kpi.DefaultThresholds())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		if p.Valid || p.Rank != 0 || p.Colour != kpi.Grey || p.Value != 0 {
			t.Errorf("Place(%v)[%s] = %+v, want unranked and grey", in, p.Code, p)
		}
	}
}

func TestPlaceThresholds(t *testing.T) {
	eleven := section(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) // percentiles 0, 10, …, 100
	tests := []struct {
		name       string
		th         kpi.Thresholds
		green, red int
	}{
		{"default quartiles", kpi.DefaultThresholds(), 3, 3},
		{"best tenth green and worst half red", kpi.Thresholds{Green: 10, Red: 50}, 2, 6},
		{"halves leave the middle yellow", kpi.Thresholds{Green: 50, Red: 50}, 5, 5},
		{"zero cut-offs colour nothing", kpi.Thresholds{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.Place(eleven, kpi.HigherIsBetter, tt.th)
			if err != nil {
				t.Fatal(err)
			}
			count := map[kpi.Colour]int{}
			for _, p := range got {
				count[p.Colour]++
			}
			if count[kpi.Green] != tt.green || count[kpi.Red] != tt.red {
				t.Errorf("Place(0…10, %+v) = %d green, %d red, want %d, %d",
					tt.th, count[kpi.Green], count[kpi.Red], tt.green, tt.red)
			}
		})
	}
}

func TestPlaceRejects(t *testing.T) {
	ok := section(1, 2)
	tests := []struct {
		name string
		in   []kpi.Value
		d    kpi.Direction
		th   kpi.Thresholds
	}{
		{"invalid direction", ok, kpi.Direction(0), kpi.DefaultThresholds()},
		{"negative threshold", ok, kpi.HigherIsBetter, kpi.Thresholds{Green: -1, Red: 25}},
		{"thresholds above 100 together", ok, kpi.HigherIsBetter, kpi.Thresholds{Green: 60, Red: 41}},
		{"NaN threshold", ok, kpi.HigherIsBetter, kpi.Thresholds{Green: math.NaN(), Red: 25}},
		{"code without leading zero", []kpi.Value{{Code: "180", Valid: true}}, kpi.HigherIsBetter, kpi.DefaultThresholds()},
		{"code with letters", []kpi.Value{{Code: "G927", Valid: true}}, kpi.HigherIsBetter, kpi.DefaultThresholds()},
		{"repeated code", append(section(1), section(2)...), kpi.HigherIsBetter, kpi.DefaultThresholds()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := kpi.Place(tt.in, tt.d, tt.th); err == nil {
				t.Errorf("Place(%v, %v, %+v) = %v, nil, want an error", tt.in, tt.d, tt.th, got)
			}
		})
	}
}

func TestGroupStats(t *testing.T) {
	nan := math.NaN()
	in := section(10, 20, nan, 60)
	tests := []struct {
		name    string
		members []string
		want    kpi.Summary
	}{
		{"mean over members with a value", []string{"0001", "0002", "0003"},
			kpi.Summary{Mean: 15, Median: 15, Count: 2, Members: 3}},
		{"nil members mean everyone", nil,
			kpi.Summary{Mean: 30, Median: 20, Count: 3, Members: 4}},
		{"member outside the cross-section has no value", []string{"0004", "0999"},
			kpi.Summary{Mean: 60, Median: 60, Count: 1, Members: 2}},
		{"unweighted, so one large value pulls the mean", []string{"0001", "0002", "0004"},
			kpi.Summary{Mean: 30, Median: 20, Count: 3, Members: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.GroupStats(in, tt.members)
			if err != nil || got != tt.want {
				t.Errorf("GroupStats(%v) = %+v, %v, want %+v, nil", tt.members, got, err, tt.want)
			}
		})
	}
}

func TestGroupStatsRejects(t *testing.T) {
	in := section(10, math.NaN())
	t.Run("no member with a value", func(t *testing.T) {
		if _, err := kpi.GroupStats(in, []string{"0002"}); !errors.Is(err, kpi.ErrNoValues) {
			t.Errorf("GroupStats([0002]) error = %v, want ErrNoValues", err)
		}
	})
	t.Run("repeated member", func(t *testing.T) {
		if _, err := kpi.GroupStats(in, []string{"0001", "0001"}); err == nil {
			t.Error("GroupStats([0001 0001]) error = nil, want an error")
		}
	})
	t.Run("group id as member", func(t *testing.T) {
		if _, err := kpi.GroupStats(in, []string{"G92786"}); err == nil {
			t.Error("GroupStats([G92786]) error = nil, want an error")
		}
	})
}

func TestGroupStatsHugeValues(t *testing.T) {
	big := math.MaxFloat64
	tests := []struct {
		name string
		in   []kpi.Value
		want kpi.Summary
	}{
		{"values near the float limit", section(big, big, big, big),
			kpi.Summary{Mean: big, Median: big, Count: 4, Members: 4}},
		{"opposite huge values cancel", section(-big, big),
			kpi.Summary{Mean: 0, Median: 0, Count: 2, Members: 2}},
		{"1e308 three times", section(1e308, 1e308, 1e308),
			kpi.Summary{Mean: 1e308, Median: 1e308, Count: 3, Members: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.GroupStats(tt.in, nil)
			if err != nil || got != tt.want {
				t.Errorf("GroupStats() = %+v, %v, want %+v, nil", got, err, tt.want)
			}
		})
	}
}

// TestGroupStatsMeanIsThePlainMean checks that the overflow-safe mean is
// the plain sum divided by the count, bit for bit, on ordinary data.
func TestGroupStatsMeanIsThePlainMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for range 200 {
		xs := make([]float64, 1+rng.IntN(300))
		sum := 0.0
		for i := range xs {
			xs[i] = (rng.Float64() - 0.3) * math.Pow(10, float64(rng.IntN(12)))
			sum += xs[i]
		}
		got, err := kpi.GroupStats(section(xs...), nil)
		if want := sum / float64(len(xs)); err != nil || got.Mean != want {
			t.Fatalf("GroupStats(%d values).Mean = %v, %v, want %v", len(xs), got.Mean, err, want)
		}
	}
}
