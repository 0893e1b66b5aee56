package scoring_test

import (
	"math"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

// precision is half a unit in the sixth decimal, the precision of REFERENCE.md.
const precision = 5e-7 + 1e-12

// near reports whether got equals want to six decimals.
func near(got, want float64) bool { return math.Abs(got-want) <= precision }

// criterion returns a summed criterion with weight 1 on [lo, hi].
func criterion(id string, lo, hi float64) scoring.Criterion {
	return scoring.Criterion{ID: id, Weight: 1, Min: lo, Max: hi}
}

// table returns the scores of one criterion from a matrix with one row per
// application and one column per juror; NaN marks a missing score.
func table(crit string, apps, jurors []string, m [][]float64) []scoring.Score {
	var out []scoring.Score
	for i, app := range apps {
		for j, juror := range jurors {
			if v := m[i][j]; !math.IsNaN(v) {
				out = append(out, scoring.Score{Application: app, Juror: juror, Criterion: crit, Value: v})
			}
		}
	}
	return out
}

// shroutFleiss returns the 6 × 4 matrix of Shrout & Fleiss (1979): targets
// S1..S6 as applications, judges J1..J4 as jurors, one criterion on [0, 10].
func shroutFleiss() ([]scoring.Criterion, []scoring.Score) {
	m := [][]float64{
		{9, 2, 5, 8},
		{6, 1, 3, 2},
		{8, 4, 6, 8},
		{7, 1, 2, 6},
		{10, 5, 6, 9},
		{6, 2, 4, 7},
	}
	apps := []string{"S1", "S2", "S3", "S4", "S5", "S6"}
	jurors := []string{"J1", "J2", "J3", "J4"}
	return []scoring.Criterion{criterion("c", 0, 10)}, table("c", apps, jurors, m)
}

// mustRank calls Rank and fails the test on error.
func mustRank(tb testing.TB, criteria []scoring.Criterion, scores []scoring.Score, opt scoring.Options) scoring.Ranking {
	tb.Helper()
	r, err := scoring.Rank(criteria, scores, opt)
	if err != nil {
		tb.Fatalf("Rank: %v", err)
	}
	return r
}

// cellOf returns the cell of app on crit.
func cellOf(tb testing.TB, r scoring.Ranking, app, crit string) scoring.Cell {
	tb.Helper()
	for _, c := range r.Cells {
		if c.Application == app && c.Criterion == crit {
			return c
		}
	}
	tb.Fatalf("no cell (%q, %q)", app, crit)
	return scoring.Cell{}
}

// standingOf returns the standing of app.
func standingOf(tb testing.TB, view []scoring.Standing, app string) scoring.Standing {
	tb.Helper()
	for _, s := range view {
		if s.Application == app {
			return s
		}
	}
	tb.Fatalf("no standing for %q", app)
	return scoring.Standing{}
}

// jurorOf returns the summary of juror.
func jurorOf(tb testing.TB, r scoring.Ranking, juror string) scoring.Juror {
	tb.Helper()
	for _, j := range r.Jurors {
		if j.Juror == juror {
			return j
		}
	}
	tb.Fatalf("no juror %q", juror)
	return scoring.Juror{}
}

// order returns the applications of a view in rank order.
func order(view []scoring.Standing) []string {
	out := make([]string, len(view))
	for i, s := range view {
		out[i] = s.Application
	}
	return out
}

// ranks returns the ranks of a view in rank order.
func ranks(view []scoring.Standing) []int {
	out := make([]int, len(view))
	for i, s := range view {
		out[i] = s.Rank
	}
	return out
}
