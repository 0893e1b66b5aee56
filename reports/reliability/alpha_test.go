package reliability_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

var levels = []reliability.Level{
	reliability.Nominal, reliability.Ordinal, reliability.Interval, reliability.Ratio,
}

func TestAlphaWikipedia(t *testing.T) {
	// Published: nominal and interval (REFERENCE.md). Ordinal and ratio are
	// not published for these data; the values below come from bruteAlpha
	// and agree with a separate throwaway Python script:
	// ordinal 0.8067214199413152, ratio 0.8089436707842472.
	for _, c := range []struct {
		level reliability.Level
		want  float64
	}{
		{reliability.Nominal, 0.691358},
		{reliability.Ordinal, 0.806721},
		{reliability.Interval, 0.810845},
		{reliability.Ratio, 0.808944},
	} {
		t.Run(c.level.String()+" matches the reference value", func(t *testing.T) {
			r, err := reliability.Alpha(wikipedia, c.level)
			if err != nil {
				t.Fatalf("Alpha(wikipedia, %v) error: %v", c.level, err)
			}
			checkClose6(t, "Alpha(wikipedia, "+c.level.String()+")", r.Alpha, c.want)
			if want := bruteAlpha(wikipedia, c.level); !closeTo(r.Alpha, want, 1e-9) {
				t.Errorf("Alpha(wikipedia, %v) = %.12f, want %.12f (brute force)", c.level, r.Alpha, want)
			}
		})
	}
	t.Run("counts only pairable units and values", func(t *testing.T) {
		r, _ := reliability.Alpha(wikipedia, reliability.Nominal)
		if r.Units != 12 || r.Values != 26 {
			t.Errorf("Alpha(wikipedia) Units, Values = %d, %d, want 12, 26", r.Units, r.Values)
		}
	})
}

func TestAlphaMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var checked int
	for trial := range 200 {
		data := randomReliabilityData(rng, 2+rng.IntN(12), 2+rng.IntN(5), 1+rng.IntN(6))
		for _, level := range levels {
			r, err := reliability.Alpha(data, level)
			if err != nil {
				continue // no pairable unit or no variation: bruteAlpha is 0/0
			}
			if want := bruteAlpha(data, level); !closeTo(r.Alpha, want, 1e-9) {
				t.Fatalf("trial %d: Alpha(%v, %v) = %.12f, want %.12f", trial, data, level, r.Alpha, want)
			}
			checked++
		}
	}
	if checked < 600 {
		t.Errorf("compared %d random cases with bruteAlpha, want at least 600", checked)
	}
}

func TestAlphaProperties(t *testing.T) {
	t.Run("perfect agreement gives 1 at every level", func(t *testing.T) {
		agree := [][]float64{{1, 1, na}, {3, 3, 3}, {na, 2, 2}, {5, na, 5}}
		for _, level := range levels {
			r, err := reliability.Alpha(agree, level)
			if err != nil || r.Alpha != 1 {
				t.Errorf("Alpha(agree, %v) = %v, %v, want 1, nil", level, r.Alpha, err)
			}
		}
	})
	t.Run("interval alpha ignores a constant shift", func(t *testing.T) {
		checkInvariant(t, reliability.Interval, func(x float64) float64 { return x + 37.5 })
	})
	t.Run("ordinal alpha ignores a monotone transformation", func(t *testing.T) {
		checkInvariant(t, reliability.Ordinal, func(x float64) float64 { return math.Exp(x) })
	})
	t.Run("ratio alpha ignores a change of unit", func(t *testing.T) {
		checkInvariant(t, reliability.Ratio, func(x float64) float64 { return x * 2.54 })
	})
}

// checkInvariant fails t unless alpha at level is the same for the Wikipedia
// data and for those data transformed by f.
func checkInvariant(t *testing.T, level reliability.Level, f func(float64) float64) {
	t.Helper()
	moved := make([][]float64, len(wikipedia))
	for i, row := range wikipedia {
		for _, x := range row {
			moved[i] = append(moved[i], f(x)) // f(NaN) stays NaN
		}
	}
	want, _ := reliability.Alpha(wikipedia, level)
	got, err := reliability.Alpha(moved, level)
	if err != nil || !closeTo(got.Alpha, want.Alpha, 1e-9) {
		t.Errorf("Alpha(transformed, %v) = %v, %v, want %v, nil", level, got.Alpha, err, want.Alpha)
	}
}

func TestAlphaErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  [][]float64
		level reliability.Level
		want  error
	}{
		{"no data is not enough", nil, reliability.Nominal, reliability.ErrInsufficientData},
		{"single values are not pairable", [][]float64{{1, na}, {na, 2}}, reliability.Interval, reliability.ErrInsufficientData},
		{"zero level is unknown", wikipedia, 0, reliability.ErrInvalid},
		{"out of range level is unknown", wikipedia, reliability.Level(9), reliability.ErrInvalid},
		{"identical values have no variation", [][]float64{{4, 4}, {4, na, 4}}, reliability.Ordinal, reliability.ErrNoVariation},
		{"infinity is invalid", [][]float64{{1, math.Inf(1)}, {2, 2}}, reliability.Interval, reliability.ErrInvalid},
		{"negative ratio values are invalid", [][]float64{{1, -1}, {2, 2}}, reliability.Ratio, reliability.ErrInvalid},
		{"overflowing values are invalid", [][]float64{{1e300, -1e300}, {0, 0}}, reliability.Interval, reliability.ErrInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := reliability.Alpha(c.data, c.level)
			if !errors.Is(err, c.want) {
				t.Errorf("Alpha(%v, %v) error = %v, want %v", c.data, c.level, err, c.want)
			}
		})
	}
}

func TestParseLevel(t *testing.T) {
	for _, c := range []struct {
		name    string
		in      string
		want    reliability.Level
		wantErr bool
	}{
		{"nominal by name", "nominal", reliability.Nominal, false},
		{"ordinal in mixed case", "Ordinal", reliability.Ordinal, false},
		{"interval with surrounding space", " INTERVAL ", reliability.Interval, false},
		{"ratio by name", "ratio", reliability.Ratio, false},
		{"empty is unknown", "", 0, true},
		{"other name is unknown", "metric", 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := reliability.ParseLevel(c.in)
			if got != c.want || (err != nil) != c.wantErr {
				t.Errorf("ParseLevel(%q) = %v, %v, want %v, error %t", c.in, got, err, c.want, c.wantErr)
			}
			if err == nil && got.String() != strings.ToLower(strings.TrimSpace(c.in)) {
				t.Errorf("ParseLevel(%q).String() = %q, want %q", c.in, got.String(), c.in)
			}
		})
	}
	t.Run("invalid level prints its number", func(t *testing.T) {
		if got := reliability.Level(9).String(); got != "Level(9)" {
			t.Errorf("Level(9).String() = %q, want %q", got, "Level(9)")
		}
	})
}

// randomReliabilityData returns units × raters small integer values in
// [0, spread] with about a quarter missing.
func randomReliabilityData(rng *rand.Rand, units, raters, spread int) [][]float64 {
	data := make([][]float64, units)
	for i := range data {
		data[i] = make([]float64, raters)
		for j := range data[i] {
			data[i][j] = float64(rng.IntN(spread + 1))
			if rng.IntN(4) == 0 {
				data[i][j] = na
			}
		}
	}
	return data
}
