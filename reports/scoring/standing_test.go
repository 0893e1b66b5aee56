package scoring_test

import (
	"math"
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

func TestRankValues(t *testing.T) {
	tests := []struct {
		name      string
		in        map[string]float64
		tol       float64
		wantIDs   []string
		wantRanks []int
	}{
		{"ties share best rank and next rank skips",
			map[string]float64{"d": 70, "c": 80, "b": 80, "a": 90}, 1e-9,
			[]string{"a", "b", "c", "d"}, []int{1, 2, 2, 4}},
		{"three-way tie at the top",
			map[string]float64{"z": 5, "y": 5, "x": 5, "w": 1}, 1e-9,
			[]string{"x", "y", "z", "w"}, []int{1, 1, 1, 4}},
		{"difference within tolerance ties",
			map[string]float64{"b": 80 + 1e-12, "a": 80, "c": 79}, 1e-9,
			[]string{"a", "b", "c"}, []int{1, 1, 3}},
		{"tie group measured from its first value",
			map[string]float64{"a": 10, "b": 9.4, "c": 8.8}, 1,
			[]string{"a", "b", "c"}, []int{1, 1, 3}},
		{"zero tolerance separates tiny differences",
			map[string]float64{"a": 80, "b": 80 + 1e-12}, 0,
			[]string{"b", "a"}, []int{1, 2}},
		{"NaN ranks last",
			map[string]float64{"a": math.NaN(), "b": 1}, 1e-9,
			[]string{"b", "a"}, []int{1, 2}},
		{"empty input", map[string]float64{}, 1e-9, []string{}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoring.RankValues(tt.in, tt.tol)
			ids, rs := make([]string, len(got)), make([]int, len(got))
			for i, p := range got {
				ids[i], rs[i] = p.ID, p.Rank
			}
			if !slices.Equal(ids, tt.wantIDs) || !slices.Equal(rs, tt.wantRanks) {
				t.Errorf("RankValues(%v, %g) = %v %v, want %v %v", tt.in, tt.tol, ids, rs, tt.wantIDs, tt.wantRanks)
			}
		})
	}
}

func TestRankTies(t *testing.T) {
	apps := []string{"d", "c", "b", "a"}
	scores := table("c", apps, []string{"j1", "j2"}, [][]float64{
		{70, 70},
		{80, 80},
		{75, 85},
		{90, 90},
	})
	r := mustRank(t, []scoring.Criterion{criterion("c", 0, 100)}, scores, scoring.Options{})
	t.Run("equal totals rank 1224 ordered by id", func(t *testing.T) {
		if got, want := order(r.Raw), []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
			t.Errorf("Rank(ties) raw order = %v, want %v", got, want)
		}
		if got, want := ranks(r.Raw), []int{1, 2, 2, 4}; !slices.Equal(got, want) {
			t.Errorf("Rank(ties) raw ranks = %v, want %v", got, want)
		}
	})
}
