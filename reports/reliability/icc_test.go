package reliability_test

import (
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

func TestICCShroutFleiss(t *testing.T) {
	r, err := reliability.ICC(shroutFleiss)
	if err != nil {
		t.Fatalf("ICC(shroutFleiss) error: %v", err)
	}
	t.Run("six forms match the published values", func(t *testing.T) {
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"ICC(1,1)", r.ICC1, 0.165742},
			{"ICC(2,1)", r.ICC2, 0.289764},
			{"ICC(3,1)", r.ICC3, 0.714841},
			{"ICC(1,k)", r.ICC1k, 0.442797},
			{"ICC(2,k)", r.ICC2k, 0.620051},
			{"ICC(3,k)", r.ICC3k, 0.909316},
		} {
			checkClose6(t, c.name, c.got, c.want)
		}
	})
	t.Run("mean squares match the published values", func(t *testing.T) {
		checkClose6(t, "MSBetweenTargets", r.MSBetweenTargets, 11.241667)
		checkClose6(t, "MSWithinTargets", r.MSWithinTargets, 6.263889)
		checkClose6(t, "MSBetweenRaters", r.MSBetweenRaters, 32.486111)
		checkClose6(t, "MSResidual", r.MSResidual, 1.019444)
		checkClose6(t, "GrandMean", r.GrandMean, 5.291667)
	})
	t.Run("dimensions are targets by raters", func(t *testing.T) {
		if r.N != 6 || r.K != 4 {
			t.Errorf("ICC(shroutFleiss) N, K = %d, %d, want 6, 4", r.N, r.K)
		}
	})
}

func TestICCProperties(t *testing.T) {
	t.Run("perfect agreement gives 1 for every form", func(t *testing.T) {
		agree := [][]float64{{1, 1, 1}, {4, 4, 4}, {2, 2, 2}, {7, 7, 7}}
		r, err := reliability.ICC(agree)
		if err != nil {
			t.Fatalf("ICC(%v) error: %v", agree, err)
		}
		for name, got := range forms(r) {
			if !closeTo(got, 1, 1e-12) {
				t.Errorf("ICC(%v).%s = %v, want 1", agree, name, got)
			}
		}
	})
	t.Run("adding a constant to every score changes nothing", func(t *testing.T) {
		shifted := make([][]float64, len(shroutFleiss))
		for i, row := range shroutFleiss {
			for _, x := range row {
				shifted[i] = append(shifted[i], x+1000)
			}
		}
		want, _ := reliability.ICC(shroutFleiss)
		got, err := reliability.ICC(shifted)
		if err != nil {
			t.Fatalf("ICC(shifted) error: %v", err)
		}
		for name, w := range forms(want) {
			if g := forms(got)[name]; !closeTo(g, w, 1e-9) {
				t.Errorf("ICC(shifted).%s = %v, want %v", name, g, w)
			}
		}
	})
	t.Run("a constant rater offset lowers agreement but not consistency", func(t *testing.T) {
		offset := [][]float64{{1, 3}, {4, 6}, {2, 4}, {7, 9}}
		r, err := reliability.ICC(offset)
		if err != nil {
			t.Fatalf("ICC(%v) error: %v", offset, err)
		}
		if !closeTo(r.ICC3, 1, 1e-12) || r.ICC2 >= 1 || r.ICC1 >= 1 {
			t.Errorf("ICC(%v) ICC1, ICC2, ICC3 = %v, %v, %v, want <1, <1, 1", offset, r.ICC1, r.ICC2, r.ICC3)
		}
	})
}

func TestICCErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		scores [][]float64
		want   error
	}{
		{"no targets is not enough", nil, reliability.ErrInsufficientData},
		{"one target is not enough", [][]float64{{1, 2, 3}}, reliability.ErrInsufficientData},
		{"one rater is not enough", [][]float64{{1}, {2}, {3}}, reliability.ErrInsufficientData},
		{"ragged rows are invalid", [][]float64{{1, 2}, {3}}, reliability.ErrInvalid},
		{"NaN is invalid", [][]float64{{1, 2}, {math.NaN(), 4}}, reliability.ErrInvalid},
		{"infinity is invalid", [][]float64{{1, 2}, {3, math.Inf(-1)}}, reliability.ErrInvalid},
		{"overflowing scores are invalid", [][]float64{{1e308, -1e308}, {-1e308, 1e308}, {1e308, 1e308}}, reliability.ErrInvalid},
		{"identical scores have no variation", [][]float64{{5, 5}, {5, 5}}, reliability.ErrNoVariation},
		{"equal target means have no variation", [][]float64{{1, 2, 3}, {3, 1, 2}, {2, 3, 1}}, reliability.ErrNoVariation},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := reliability.ICC(c.scores)
			if !errors.Is(err, c.want) {
				t.Errorf("ICC(%v) error = %v, want %v", c.scores, err, c.want)
			}
		})
	}
}

// forms returns the six coefficients of r by name.
func forms(r reliability.ICCResult) map[string]float64 {
	return map[string]float64{
		"ICC1": r.ICC1, "ICC2": r.ICC2, "ICC3": r.ICC3,
		"ICC1k": r.ICC1k, "ICC2k": r.ICC2k, "ICC3k": r.ICC3k,
	}
}
