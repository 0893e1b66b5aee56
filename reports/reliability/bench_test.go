package reliability_test

import (
	"math/rand/v2"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

// juryScores returns targets × raters scores on a 1–10 scale: a target
// effect, a rater severity and noise, rounded as jurors score. A share
// missing of them is NaN.
func juryScores(targets, raters int, missing float64) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	severity := make([]float64, raters)
	for j := range severity {
		severity[j] = rng.NormFloat64()
	}
	m := make([][]float64, targets)
	for i := range m {
		quality := 5.5 + 1.5*rng.NormFloat64()
		m[i] = make([]float64, raters)
		for j := range m[i] {
			s := float64(int(quality + severity[j] + rng.NormFloat64() + 0.5))
			m[i][j] = min(max(s, 1), 10)
			if rng.Float64() < missing {
				m[i][j] = na
			}
		}
	}
	return m
}

func BenchmarkICC(b *testing.B) {
	m := juryScores(200, 7, 0)
	for b.Loop() {
		if _, err := reliability.ICC(m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAlpha(b *testing.B) {
	m := juryScores(200, 7, 0.10)
	for b.Loop() {
		if _, err := reliability.Alpha(m, reliability.Interval); err != nil {
			b.Fatal(err)
		}
	}
}
