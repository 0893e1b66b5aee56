package scoring_test

import (
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

// The expected values in this file are those of REFERENCE.md for the
// Shrout & Fleiss (1979) matrix.

func TestRankShroutFleissJurors(t *testing.T) {
	criteria, scores := shroutFleiss()
	r := mustRank(t, criteria, scores, scoring.Options{})
	want := []struct {
		juror          string
		mean, severity float64
	}{
		{"J1", 7.666667, 2.375},
		{"J2", 2.5, -2.791667},
		{"J3", 4.333333, -0.958333},
		{"J4", 6.666667, 1.375},
	}
	if len(r.JurorCriteria) != len(want) {
		t.Fatalf("len(Rank(shroutFleiss).JurorCriteria) = %d, want %d", len(r.JurorCriteria), len(want))
	}
	for i, w := range want {
		jc := r.JurorCriteria[i]
		t.Run("judge mean and additive severity of "+w.juror, func(t *testing.T) {
			if jc.Juror != w.juror || jc.N != 6 {
				t.Errorf("JurorCriteria[%d] = %q with N %d, want %q with N 6", i, jc.Juror, jc.N, w.juror)
			}
			if !near(jc.Mean, w.mean) {
				t.Errorf("Rank(shroutFleiss) mean of %s = %.6f, want %.6f", w.juror, jc.Mean, w.mean)
			}
			if !near(jc.Severity, w.severity) {
				t.Errorf("Rank(shroutFleiss) severity of %s = %.6f, want %.6f", w.juror, jc.Severity, w.severity)
			}
		})
	}
}

func TestRankShroutFleissCells(t *testing.T) {
	criteria, scores := shroutFleiss()
	r := mustRank(t, criteria, scores, scoring.Options{})
	tests := []struct {
		target                     string
		mean, rng, zMean, zOnScale float64
	}{
		{"S1", 6.00, 7, 0.363270, 5.868765},
		{"S2", 3.00, 5, -1.153543, 3.0},
		{"S3", 6.50, 4, 0.667560, 6.444273},
		{"S4", 4.00, 6, -0.754075, 3.755518},
		{"S5", 7.50, 5, 1.225758, 7.5},
		{"S6", 4.75, 5, -0.348970, 4.521698},
	}
	for _, tt := range tests {
		t.Run("raw mean, range and z-scores of "+tt.target, func(t *testing.T) {
			c := cellOf(t, r, tt.target, "c")
			checks := []struct {
				name      string
				got, want float64
			}{
				{"Value", c.Value, tt.mean},
				{"Stats.Mean", c.Stats.Mean, tt.mean},
				{"Stats.Range", c.Stats.Range, tt.rng},
				{"ZMean", c.ZMean, tt.zMean},
				{"ZValue", c.ZValue, tt.zOnScale},
				{"ZScore total", standingOf(t, r.ZScore, tt.target).Total, tt.zOnScale},
				{"Raw total", standingOf(t, r.Raw, tt.target).Total, tt.mean},
			}
			for _, ch := range checks {
				if !near(ch.got, ch.want) {
					t.Errorf("Rank(shroutFleiss) %s of %s = %.6f, want %.6f", ch.name, tt.target, ch.got, ch.want)
				}
			}
		})
	}
}

func TestRankShroutFleissOrder(t *testing.T) {
	criteria, scores := shroutFleiss()
	r := mustRank(t, criteria, scores, scoring.Options{})
	want := []string{"S5", "S3", "S1", "S6", "S4", "S2"}
	views := []struct {
		name string
		view []scoring.Standing
	}{{"raw", r.Raw}, {"z-score", r.ZScore}, {"severity", r.Severity}}
	for _, v := range views {
		t.Run(v.name+" view ranks S5 > S3 > S1 > S6 > S4 > S2", func(t *testing.T) {
			if got := order(v.view); !slices.Equal(got, want) {
				t.Errorf("Rank(shroutFleiss) %s order = %v, want %v", v.name, got, want)
			}
			if got := ranks(v.view); !slices.Equal(got, []int{1, 2, 3, 4, 5, 6}) {
				t.Errorf("Rank(shroutFleiss) %s ranks = %v, want 1..6", v.name, got)
			}
			for _, s := range v.view {
				if s.Change != 0 {
					t.Errorf("Rank(shroutFleiss) %s change of %s = %d, want 0", v.name, s.Application, s.Change)
				}
			}
		})
	}
	t.Run("severity correction keeps balanced means", func(t *testing.T) {
		for _, s := range r.Severity {
			raw := standingOf(t, r.Raw, s.Application).Total
			if !near(s.Total, raw) {
				t.Errorf("Rank(shroutFleiss) severity total of %s = %.6f, want %.6f", s.Application, s.Total, raw)
			}
		}
	})
}
