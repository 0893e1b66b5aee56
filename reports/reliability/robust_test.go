package reliability_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

// TestRandomMatricesNeverPanic feeds ICC and Alpha random matrices, ragged or
// not, holding NaN, infinities, huge and tiny values, and checks that every
// call returns either an error or a well-formed result.
func TestRandomMatricesNeverPanic(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 5))
	for trial := range 2000 {
		m := randomMatrix(rng)
		t.Run("", func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("trial %d: panic on %v: %v", trial, m, p)
				}
			}()
			if r, err := reliability.ICC(m); err == nil && math.IsNaN(r.ICC1+r.ICC3+r.ICC1k+r.ICC3k) {
				t.Errorf("trial %d: ICC(%v) = %+v, want ICC1, ICC3, ICC1k, ICC3k defined", trial, m, r)
			}
			for _, level := range levels {
				r, err := reliability.Alpha(m, level)
				if err == nil && !(r.Alpha <= 1) {
					t.Errorf("trial %d: Alpha(%v, %v) = %v, want at most 1", trial, m, level, r.Alpha)
				}
			}
		})
	}
}

// randomMatrix returns a small matrix of random shape and content.
func randomMatrix(rng *rand.Rand) [][]float64 {
	rows, cols := rng.IntN(6), rng.IntN(5)
	m := make([][]float64, rows)
	for i := range m {
		n := cols
		if rng.IntN(8) == 0 {
			n = rng.IntN(5) // ragged
		}
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = randomValue(rng)
		}
	}
	return m
}

// randomValue returns a mostly ordinary score, sometimes an awkward one.
func randomValue(rng *rand.Rand) float64 {
	switch rng.IntN(20) {
	case 0:
		return math.NaN()
	case 1:
		return math.Inf(1 - 2*rng.IntN(2))
	case 2:
		return (rng.Float64() - 0.5) * 1e308
	case 3:
		return rng.Float64() * 1e-300
	case 4:
		return -float64(rng.IntN(3))
	default:
		return float64(rng.IntN(5))
	}
}

// FuzzReadICCCSV checks that no input makes ReadICCCSV panic and that every
// matrix it accepts is complete.
func FuzzReadICCCSV(f *testing.F) {
	f.Add(shroutFleissCSV)
	f.Add("target,rater,score\nA,x,1\nA,y,2\nA,x,3\n")
	f.Add("target,rater,score\nA,\"x\ny\",1\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		rt, err := reliability.ReadICCCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		for i, row := range rt.Scores {
			if len(row) != len(rt.Raters) {
				t.Fatalf("ReadICCCSV(%q) row %d has %d scores, want %d", in, i, len(row), len(rt.Raters))
			}
			for _, s := range row {
				if math.IsNaN(s) || math.IsInf(s, 0) {
					t.Fatalf("ReadICCCSV(%q) row %d = %v, want finite scores", in, i, row)
				}
			}
		}
		_, _ = reliability.ICC(rt.Scores)
	})
}

// FuzzReadAlphaCSV checks that no input makes ReadAlphaCSV or Alpha panic.
func FuzzReadAlphaCSV(f *testing.F) {
	f.Add("unit,rater,value\n1,A,3\n1,B,3\n2,B,1\n", "interval")
	f.Add("unit,rater,value\n1,A,-3\n1,B,0\n", "ratio")
	f.Add("unit,rater,value\n", "nominal")
	f.Fuzz(func(t *testing.T, in, level string) {
		rt, err := reliability.ReadAlphaCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		l, err := reliability.ParseLevel(level)
		if err != nil {
			l = reliability.Ordinal
		}
		_, _ = reliability.Alpha(rt.Scores, l)
	})
}
