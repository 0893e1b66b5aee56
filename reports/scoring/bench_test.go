package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

// benchRound returns a full design of 200 applications, 7 jurors and 10
// criteria on 0–100 in steps of 5, one of them independent, generated from
// a fixed seed: application quality plus juror severity plus noise.
func benchRound() ([]scoring.Criterion, []scoring.Score) {
	rng := rand.New(rand.NewPCG(1979, 420))
	criteria := make([]scoring.Criterion, 10)
	for c := range criteria {
		criteria[c] = scoring.Criterion{ID: fmt.Sprintf("crit-%02d", c), Weight: float64(1 + c%3), Max: 100}
	}
	criteria[9].Independent = true
	severity := make([]float64, 7)
	for j := range severity {
		severity[j] = rng.NormFloat64() * 8
	}
	var scores []scoring.Score
	for a := range 200 {
		quality := 30 + rng.Float64()*50
		for j := range severity {
			for _, cr := range criteria {
				v := quality + severity[j] + rng.NormFloat64()*10
				v = min(100, max(0, float64(int(v/5+0.5))*5))
				scores = append(scores, scoring.Score{
					Application: fmt.Sprintf("app-%03d", a),
					Juror:       fmt.Sprintf("juror-%d", j),
					Criterion:   cr.ID,
					Value:       v,
				})
			}
		}
	}
	return criteria, scores
}

func BenchmarkRank(b *testing.B) {
	criteria, scores := benchRound()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.Rank(criteria, scores, scoring.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
