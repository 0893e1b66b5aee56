package scoring_test

import (
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

// lenient is a design in which j3 scores high, and only j1 scores c.
func lenient() ([]scoring.Criterion, []scoring.Score) {
	scores := table("c", []string{"a", "b", "c"}, []string{"j1", "j2", "j3"}, [][]float64{
		{60, 70, 80},
		{40, 50, 90},
		{100, nan, nan},
	})
	return []scoring.Criterion{criterion("c", 0, 100)}, scores
}

func TestRankJurorSeverity(t *testing.T) {
	criteria, scores := lenient()
	r := mustRank(t, criteria, scores, scoring.Options{})
	tests := []struct {
		juror                string
		n, compared          int
		mean, spread, offset float64
	}{
		// Offsets against the others' cell means: j1 (60 − 75, 40 − 70).
		{"j1", 3, 2, 66.666667, 30.550505, -22.5},
		{"j2", 2, 2, 60, 14.142136, -7.5},
		{"j3", 2, 2, 85, 7.071068, 30},
	}
	for _, tt := range tests {
		t.Run("leave-one-out offset of "+tt.juror, func(t *testing.T) {
			j := jurorOf(t, r, tt.juror)
			if j.N != tt.n || j.Compared != tt.compared || !near(j.Mean, tt.mean) ||
				!near(j.Spread, tt.spread) || !near(j.Offset, tt.offset) {
				t.Errorf("Rank(lenient) juror %s = %+v, want N %d, compared %d, mean %.6f, spread %.6f, offset %.6f",
					tt.juror, j, tt.n, tt.compared, tt.mean, tt.spread, tt.offset)
			}
		})
	}
	t.Run("values in percent of the scale", func(t *testing.T) {
		ten := []scoring.Criterion{criterion("c", 0, 10)}
		for i := range scores {
			scores[i].Value /= 10
		}
		j := jurorOf(t, mustRank(t, ten, scores, scoring.Options{}), "j3")
		if !near(j.Mean, 85) || !near(j.Offset, 30) {
			t.Errorf("Rank(lenient on 0–10) j3 = mean %.6f, offset %.6f, want 85, 30", j.Mean, j.Offset)
		}
	})
}

func TestRankJurorConsensus(t *testing.T) {
	criteria, scores := lenient()
	tests := []struct {
		name      string
		consensus map[scoring.CellKey]float64
		juror     string
		want      scoring.Agreement
	}{
		{"agreeing juror", map[scoring.CellKey]float64{{"a", "c"}: 70, {"b", "c"}: 60}, "j1",
			scoring.Agreement{N: 2, MAD: 15, Pearson: 1, PearsonDefined: true}},
		{"close juror", map[scoring.CellKey]float64{{"a", "c"}: 70, {"b", "c"}: 60}, "j2",
			scoring.Agreement{N: 2, MAD: 5, Pearson: 1, PearsonDefined: true}},
		{"contrary juror", map[scoring.CellKey]float64{{"a", "c"}: 70, {"b", "c"}: 60}, "j3",
			scoring.Agreement{N: 2, MAD: 20, Pearson: -1, PearsonDefined: true}},
		{"one pair leaves pearson undefined", map[scoring.CellKey]float64{{"a", "c"}: 70}, "j1",
			scoring.Agreement{N: 1, MAD: 10}},
		{"constant consensus leaves pearson undefined",
			map[scoring.CellKey]float64{{"a", "c"}: 50, {"b", "c"}: 50, {"c", "c"}: 50}, "j1",
			scoring.Agreement{N: 3, MAD: 23.333333}},
		{"no consensus", nil, "j1", scoring.Agreement{}},
		{"consensus for unscored cell is ignored", map[scoring.CellKey]float64{{"zzz", "c"}: 50}, "j1",
			scoring.Agreement{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRank(t, criteria, scores, scoring.Options{Consensus: tt.consensus})
			got := jurorOf(t, r, tt.juror).Consensus
			if got.N != tt.want.N || !near(got.MAD, tt.want.MAD) || !near(got.Pearson, tt.want.Pearson) ||
				got.PearsonDefined != tt.want.PearsonDefined {
				t.Errorf("Rank(consensus %v) agreement of %s = %+v, want %+v", tt.consensus, tt.juror, got, tt.want)
			}
		})
	}
}
