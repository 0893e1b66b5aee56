package scoring_test

import (
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

// unbalanced is a design in which j1 scores a, b and c; j2 scores a and b;
// j3 scores only c.
func unbalanced() ([]scoring.Criterion, []scoring.Score) {
	scores := table("c", []string{"a", "b", "c"}, []string{"j1", "j2", "j3"}, [][]float64{
		{10, 50, nan},
		{20, 70, nan},
		{30, nan, 40},
	})
	return []scoring.Criterion{criterion("c", 0, 100)}, scores
}

func TestRankUnbalancedZScore(t *testing.T) {
	criteria, scores := unbalanced()
	r := mustRank(t, criteria, scores, scoring.Options{})
	// j1: z = −1, 0, 1; j2: z = ∓1/√2; j3 has one score: z = 0.
	tests := []struct {
		app                  string
		raw, zMean, zOnScale float64
	}{
		{"a", 30, -0.853553, 30},
		{"b", 45, 0.353553, 43.377087},
		{"c", 35, 0.5, 45},
	}
	for _, tt := range tests {
		t.Run("z-scores over the scoring jurors of "+tt.app, func(t *testing.T) {
			c := cellOf(t, r, tt.app, "c")
			if !near(c.Value, tt.raw) || !near(c.ZMean, tt.zMean) || !near(c.ZValue, tt.zOnScale) {
				t.Errorf("Rank(unbalanced) cell %s = value %.6f, z %.6f, on scale %.6f, want %.6f, %.6f, %.6f",
					tt.app, c.Value, c.ZMean, c.ZValue, tt.raw, tt.zMean, tt.zOnScale)
			}
		})
	}
	t.Run("rank changes against raw", func(t *testing.T) {
		if got, want := order(r.Raw), []string{"b", "c", "a"}; !slices.Equal(got, want) {
			t.Errorf("Rank(unbalanced) raw order = %v, want %v", got, want)
		}
		if got, want := order(r.ZScore), []string{"c", "b", "a"}; !slices.Equal(got, want) {
			t.Errorf("Rank(unbalanced) z order = %v, want %v", got, want)
		}
		for app, want := range map[string]int{"a": 0, "b": -1, "c": 1} {
			if got := standingOf(t, r.ZScore, app).Change; got != want {
				t.Errorf("Rank(unbalanced) z change of %s = %d, want %d", app, got, want)
			}
		}
	})
}

func TestRankUnbalancedSeverity(t *testing.T) {
	criteria, scores := unbalanced()
	r := mustRank(t, criteria, scores, scoring.Options{})
	// Grand mean 220/6; severities j1 −16.666667, j2 +23.333333, j3 +3.333333.
	severity := map[string]float64{"j1": -16.666667, "j2": 23.333333, "j3": 3.333333}
	for _, jc := range r.JurorCriteria {
		if !near(jc.Severity, severity[jc.Juror]) {
			t.Errorf("Rank(unbalanced) severity of %s = %.6f, want %.6f", jc.Juror, jc.Severity, severity[jc.Juror])
		}
	}
	adjusted := map[string]float64{"a": 26.666667, "b": 41.666667, "c": 41.666667}
	for app, want := range adjusted {
		if got := cellOf(t, r, app, "c").Adjusted; !near(got, want) {
			t.Errorf("Rank(unbalanced) adjusted %s = %.6f, want %.6f", app, got, want)
		}
	}
	t.Run("corrected totals tie within tolerance", func(t *testing.T) {
		if got, want := ranks(r.Severity), []int{1, 1, 3}; !slices.Equal(got, want) {
			t.Errorf("Rank(unbalanced) severity ranks = %v, want %v", got, want)
		}
		if got, want := order(r.Severity), []string{"b", "c", "a"}; !slices.Equal(got, want) {
			t.Errorf("Rank(unbalanced) severity order = %v, want %v", got, want)
		}
		if got := standingOf(t, r.Severity, "c").Change; got != 1 {
			t.Errorf("Rank(unbalanced) severity change of c = %d, want 1", got)
		}
	})
}

func TestRankFlatZScores(t *testing.T) {
	// Each juror gives every application the same score: no juror has a
	// spread, so every z is 0 and all cells map to the raw midpoint.
	scores := table("c", []string{"a", "b"}, []string{"j1", "j2"}, [][]float64{
		{60, 80},
		{60, 80},
	})
	r := mustRank(t, []scoring.Criterion{criterion("c", 0, 100)}, scores, scoring.Options{})
	for _, c := range r.Cells {
		if c.ZMean != 0 || c.ZValue != 70 {
			t.Errorf("Rank(flat) cell %s = z %v, on scale %v, want 0, 70", c.Application, c.ZMean, c.ZValue)
		}
	}
	if got, want := ranks(r.ZScore), []int{1, 1}; !slices.Equal(got, want) {
		t.Errorf("Rank(flat) z ranks = %v, want %v", got, want)
	}
}
