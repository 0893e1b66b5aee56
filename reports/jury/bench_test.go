package jury_test

import (
	"testing"

	"github.com/leanforum/awards/reports/jury"
	"github.com/leanforum/awards/store"
)

// benchData is 200 applications × 7 jurors × 10 criteria on 0–100 in 5s.
func benchData() ([]*store.Criterion, *store.RankingData) {
	var crits []*store.Criterion
	for k := int64(1); k <= 10; k++ {
		crits = append(crits, &store.Criterion{ID: k, Code: "C", Weight: float64(1 + k%3), ScaleMax: 100, ScaleStep: 5})
	}
	d := &store.RankingData{}
	for a := int64(1); a <= 200; a++ {
		app := store.RankedApplication{ID: a}
		for j := int64(1); j <= 7; j++ {
			for k := int64(1); k <= 10; k++ {
				app.Jurors = append(app.Jurors, j)
				app.Criteria = append(app.Criteria, k)
				app.Values = append(app.Values, float64(5*((a*7+j*3+k*11)%21)))
			}
		}
		d.Applications = append(d.Applications, app)
	}
	return crits, d
}

func BenchmarkEvaluate(b *testing.B) {
	crits, d := benchData()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := jury.Evaluate(jury.Input{Criteria: crits, Data: d}); err != nil {
			b.Fatal(err)
		}
	}
}
