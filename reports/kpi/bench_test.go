package kpi_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// generated returns a reproducible cross-section of n municipalities, about
// one in twenty missing and some values tied, like a KPI in whole days.
func generated(n int) []kpi.Value {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]kpi.Value, n)
	for i := range out {
		out[i] = kpi.Value{Code: code(i + 1), Value: math.Round(60 + 40*r.NormFloat64()), Valid: r.IntN(20) != 0}
	}
	return out
}

// generatedStructure returns reproducible structural variables, five per
// municipality, for n municipalities.
func generatedStructure(n int) map[string][]float64 {
	r := rand.New(rand.NewPCG(3, 4))
	out := make(map[string][]float64, n)
	for i := 0; i < n; i++ {
		out[code(i+1)] = []float64{
			math.Exp(9 + 1.2*r.NormFloat64()), 0.22 + 0.02*r.NormFloat64(),
			0.11 + 0.03*r.NormFloat64(), 0.3 + 0.08*r.NormFloat64(), 200000 + 20000*r.NormFloat64(),
		}
	}
	return out
}

// BenchmarkCrossSection290 places one KPI over 290 municipalities, rank,
// percentile and colour, and summarises them as a group.
func BenchmarkCrossSection290(b *testing.B) {
	values := generated(290)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kpi.Place(values, kpi.LowerIsBetter, kpi.DefaultThresholds()); err != nil {
			b.Fatal(err)
		}
		if _, err := kpi.GroupStats(values, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimilar290 finds the seven municipalities most similar to one
// of 290 on five structural variables.
func BenchmarkSimilar290(b *testing.B) {
	vars := generatedStructure(290)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kpi.Similar("0180", vars, nil, 0); err != nil {
			b.Fatal(err)
		}
	}
}
