package scoring_test

import (
	"math"
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

var nan = math.NaN()

func TestRankWeightedTotals(t *testing.T) {
	criteria := []scoring.Criterion{
		{ID: "A", Weight: 2, Min: 0, Max: 100},
		{ID: "B", Weight: 1, Min: 0, Max: 100},
		{ID: "C", Weight: 1, Min: 0, Max: 100, Independent: true},
	}
	apps, jurors := []string{"x", "y"}, []string{"j1", "j2"}
	var scores []scoring.Score
	scores = append(scores, table("A", apps, jurors, [][]float64{{80, 60}, {90, 90}})...)
	scores = append(scores, table("B", apps, jurors, [][]float64{{50, 70}, {0, 10}})...)
	scores = append(scores, table("C", apps, jurors, [][]float64{{100, 100}, {0, 0}})...)
	r := mustRank(t, criteria, scores, scoring.Options{})
	tests := []struct {
		name         string
		app          string
		total, pct   float64
		rank         int
		independentC float64
	}{
		// x: (2·70 + 1·60)/3; C (100) would make it (2·70 + 60 + 100)/4 = 75.
		{"independent criterion left out of x", "x", 66.666667, 66.666667, 1, 100},
		// y: (2·90 + 1·5)/3; C (0) would make it 46.25.
		{"independent criterion left out of y", "y", 61.666667, 61.666667, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := standingOf(t, r.Raw, tt.app)
			if !near(s.Total, tt.total) || !near(s.Percent, tt.pct) || s.Rank != tt.rank || s.Coverage != 1 {
				t.Errorf("Rank(weighted) raw standing of %s = %+v, want total %.6f, percent %.6f, rank %d, coverage 1",
					tt.app, s, tt.total, tt.pct, tt.rank)
			}
			if c := cellOf(t, r, tt.app, "C"); c.Value != tt.independentC {
				t.Errorf("Rank(weighted) independent cell of %s = %v, want %v", tt.app, c.Value, tt.independentC)
			}
		})
	}
}

func TestRankPercentAcrossScales(t *testing.T) {
	criteria := []scoring.Criterion{criterion("A", 0, 100), criterion("D", 1, 5)}
	scores := []scoring.Score{
		{Application: "x", Juror: "j", Criterion: "A", Value: 50},
		{Application: "x", Juror: "j", Criterion: "D", Value: 4},
	}
	r := mustRank(t, criteria, scores, scoring.Options{})
	s := r.Raw[0]
	// Total (50 + 4)/2 = 27 on the mixed scale; Percent (50 % + 75 %)/2.
	if !near(s.Total, 27) || !near(s.Percent, 62.5) {
		t.Errorf("Rank(mixed scales) = total %.6f, percent %.6f, want 27, 62.5", s.Total, s.Percent)
	}
}

func TestRankMedian(t *testing.T) {
	crit := []scoring.Criterion{criterion("c", 0, 100)}
	scores := table("c", []string{"odd", "even"}, []string{"j1", "j2", "j3", "j4"}, [][]float64{
		{10, 20, 90, nan},
		{10, 20, 30, 90},
	})
	tests := []struct {
		name      string
		agg       scoring.Aggregation
		odd, even float64
		order     []string
	}{
		{"mean aggregation", scoring.AggregateMean, 40, 37.5, []string{"odd", "even"}},
		{"median aggregation resists the outlier", scoring.AggregateMedian, 20, 25, []string{"even", "odd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRank(t, crit, scores, scoring.Options{Aggregation: tt.agg})
			if got := cellOf(t, r, "odd", "c").Value; !near(got, tt.odd) {
				t.Errorf("Rank(%v) value of odd = %.6f, want %.6f", tt.agg, got, tt.odd)
			}
			if got := standingOf(t, r.Raw, "even").Total; !near(got, tt.even) {
				t.Errorf("Rank(%v) total of even = %.6f, want %.6f", tt.agg, got, tt.even)
			}
			if got := order(r.Raw); !slices.Equal(got, tt.order) {
				t.Errorf("Rank(%v) order = %v, want %v", tt.agg, got, tt.order)
			}
		})
	}
}

func TestRankMissingCriterion(t *testing.T) {
	criteria := []scoring.Criterion{
		{ID: "A", Weight: 2, Min: 0, Max: 100},
		{ID: "B", Weight: 1, Min: 0, Max: 100},
		{ID: "N", Weight: 1, Min: 0, Max: 100, Independent: true},
	}
	scores := []scoring.Score{
		{Application: "full", Juror: "j", Criterion: "A", Value: 60},
		{Application: "full", Juror: "j", Criterion: "B", Value: 90},
		{Application: "part", Juror: "j", Criterion: "A", Value: 70},
		{Application: "none", Juror: "j", Criterion: "N", Value: 100},
	}
	r := mustRank(t, criteria, scores, scoring.Options{})
	tests := []struct {
		name            string
		app             string
		total, coverage float64
		rank            int
	}{
		{"complete application", "full", 70, 1, 1},
		{"weights renormalised over scored criteria", "part", 70, 2.0 / 3, 1},
		{"only independent scores leave it unranked", "none", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := standingOf(t, r.Raw, tt.app)
			if !near(s.Total, tt.total) || !near(s.Coverage, tt.coverage) || s.Rank != tt.rank {
				t.Errorf("Rank(missing) standing of %s = %+v, want total %.6f, coverage %.6f, rank %d",
					tt.app, s, tt.total, tt.coverage, tt.rank)
			}
		})
	}
	if got, want := order(r.Raw), []string{"full", "part", "none"}; !slices.Equal(got, want) {
		t.Errorf("Rank(missing) order = %v, want %v", got, want)
	}
}
