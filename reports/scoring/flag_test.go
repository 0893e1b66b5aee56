package scoring_test

import (
	"math"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

func TestRankFlags(t *testing.T) {
	criteria := []scoring.Criterion{criterion("c", 0, 100), criterion("small", 1, 5)}
	jurors := []string{"j1", "j2", "j3", "j4", "j5", "j6", "j7"}
	apps := []string{"calm", "range", "sd", "both", "alone"}
	scores := table("c", apps, jurors, [][]float64{
		{60, 70, 65, nan, nan, nan, nan},
		{50, 50, 50, 50, 50, 50, 85},      // range 35, SD 13.2
		{50, 80, nan, nan, nan, nan, nan}, // range 30 (not above 30), SD 21.2
		{20, 90, nan, nan, nan, nan, nan},
		{0, nan, nan, nan, nan, nan, nan},
	})
	scores = append(scores, table("small", []string{"calm"}, jurors[:2], [][]float64{{2, 4}})...)
	tests := []struct {
		name string
		opt  scoring.Options
		want map[[2]string][2]bool // cell → ByRange, BySD
	}{
		{"default shares", scoring.Options{}, map[[2]string][2]bool{
			{"range", "c"}:    {true, false},
			{"sd", "c"}:       {false, true},
			{"both", "c"}:     {true, true},
			{"calm", "small"}: {true, true}, // range 2 of 4, SD 1.41 of 4
		}},
		{"custom range share, sd rule disabled", scoring.Options{RangeShare: 0.05, SDShare: math.Inf(1)},
			map[[2]string][2]bool{
				{"calm", "c"}:     {true, false},
				{"range", "c"}:    {true, false},
				{"sd", "c"}:       {true, false},
				{"both", "c"}:     {true, false},
				{"calm", "small"}: {true, false},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRank(t, criteria, scores, tt.opt)
			got := map[[2]string][2]bool{}
			for _, f := range r.Flags {
				got[[2]string{f.Application, f.Criterion}] = [2]bool{f.ByRange, f.BySD}
			}
			for cell, want := range tt.want {
				if got[cell] != want {
					t.Errorf("Rank(%+v) flag %v = %v, want %v", tt.opt, cell, got[cell], want)
				}
			}
			for cell := range got {
				if _, ok := tt.want[cell]; !ok {
					t.Errorf("Rank(%+v) flags %v, want no flag", tt.opt, cell)
				}
			}
		})
	}
	t.Run("flag reports range and sd", func(t *testing.T) {
		r := mustRank(t, criteria, scores, scoring.Options{})
		for _, f := range r.Flags {
			if f.Application == "both" && (f.Range != 70 || !near(f.SD, 49.497475)) {
				t.Errorf("Rank flag of both = range %v, SD %.6f, want 70, 49.497475", f.Range, f.SD)
			}
		}
	})
}
