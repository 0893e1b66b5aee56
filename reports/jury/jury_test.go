package jury_test

import (
	"encoding/json"
	"math"
	"sync"
	"testing"

	"github.com/leanforum/awards/reports/jury"
	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/store"
)

const precision = 5e-7

// table builds ranking data for one criterion (id 1) from a targets ×
// jurors matrix; NaN is a missing score.
func table(m [][]float64) *store.RankingData {
	d := &store.RankingData{}
	for i, row := range m {
		a := store.RankedApplication{ID: int64(i + 1)}
		for j, v := range row {
			if math.IsNaN(v) {
				continue
			}
			a.Jurors = append(a.Jurors, int64(100+j))
			a.Criteria = append(a.Criteria, 1)
			a.Values = append(a.Values, v)
		}
		d.Applications = append(d.Applications, a)
	}
	return d
}

func criterion(max float64) []*store.Criterion {
	return []*store.Criterion{{ID: 1, Code: "1", Weight: 1, ScaleMin: 0, ScaleMax: max, ScaleStep: 1}}
}

// shroutFleiss is the 6 targets × 4 judges matrix of Shrout & Fleiss (1979).
var shroutFleiss = [][]float64{{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}}

func TestEvaluateShroutFleiss(t *testing.T) {
	rep, err := jury.Evaluate(jury.Input{Criteria: criterion(10), Data: table(shroutFleiss)})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.165742, 0.289764, 0.714841, 0.442797, 0.620051, 0.909316}
	for name, m := range map[string]jury.Measures{"cycle": rep.Reliability.Cycle, "criterion": rep.Reliability.PerCriterion[0].Measures} {
		if m.ICC == nil {
			t.Fatalf("%s ICC missing: %s", name, m.ICCError)
		}
		got := []float64{m.ICC.ICC1, m.ICC.ICC2, m.ICC.ICC3, m.ICC.ICC1k, m.ICC.ICC2k, m.ICC.ICC3k}
		for i := range want {
			if math.Abs(got[i]-want[i]) > precision {
				t.Errorf("%s ICC = %v, want %v", name, got, want)
				break
			}
		}
		if m.ICC.N != 6 || m.ICC.K != 4 {
			t.Errorf("%s ICC used n = %d, k = %d, want 6, 4", name, m.ICC.N, m.ICC.K)
		}
	}
	if got := rep.Ranking.Raw[0].Application; got != "5" {
		t.Errorf("raw ranking starts with %s, want S5", got)
	}
	if len(rep.Required) != 6 {
		t.Errorf("flagged applications = %v, want all six (ranges 4–7 exceed 30 %% of 10)", rep.Required)
	}
}

func TestEvaluateKrippendorffWikipedia(t *testing.T) {
	nan := math.NaN()
	coders := [][]float64{
		{nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3},
		{1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan},
		{nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4},
	}
	units := make([][]float64, 15)
	for u := range units {
		units[u] = []float64{coders[0][u], coders[1][u], coders[2][u]}
	}
	rep, err := jury.Evaluate(jury.Input{Criteria: criterion(5), Data: table(units)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[reliability.Level]float64{reliability.Nominal: 0.691358, reliability.Interval: 0.810845}
	for _, a := range rep.Reliability.PerCriterion[0].Alpha {
		w, ok := want[a.Level]
		if !ok {
			continue
		}
		if a.Result == nil || math.Abs(a.Result.Alpha-w) > precision {
			t.Errorf("%v alpha = %+v (%s), want %v", a.Level, a.Result, a.Error, w)
		}
	}
}

func TestEvaluateWithoutCrossedBlock(t *testing.T) {
	nan := math.NaN()
	rep, err := jury.Evaluate(jury.Input{Criteria: criterion(10), Data: table([][]float64{{1, 2, nan}, {nan, 3, 4}, {5, nan, 6}})})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Reliability.Cycle.ICC != nil || rep.Reliability.Cycle.ICCError == "" {
		t.Errorf("ICC = %+v, want none with a reason", rep.Reliability.Cycle.ICC)
	}
}

func TestEvaluateReliabilityMinimum(t *testing.T) {
	three := shroutFleiss[:3]
	t.Run("below the minimum ICC is not estimated and says why", func(t *testing.T) {
		rep, err := jury.Evaluate(jury.Input{Criteria: criterion(10), Data: table(three)})
		if err != nil {
			t.Fatal(err)
		}
		m := rep.Reliability.Cycle
		if m.ICC != nil || m.Intervals != nil || m.ICCReason != jury.ReasonTooFew {
			t.Errorf("ICC = %+v, reason %q, want none for TOO_FEW_APPLICATIONS", m.ICC, m.ICCReason)
		}
		want := jury.Block{Targets: 3, Jurors: 4, Applications: 3, MinApplications: jury.DefaultMinApplications}
		if m.Block != want {
			t.Errorf("block = %+v, want %+v", m.Block, want)
		}
	})
	t.Run("a lower minimum lets the same scores through", func(t *testing.T) {
		rep, err := jury.Evaluate(jury.Input{Criteria: criterion(10), Data: table(three), MinApplications: 3})
		if err != nil {
			t.Fatal(err)
		}
		if m := rep.Reliability.Cycle; m.ICC == nil || m.Intervals == nil || m.ICCReason != jury.ReasonNone {
			t.Errorf("ICC = %+v (%s), want an estimate with intervals", m.ICC, m.ICCError)
		}
	})
	t.Run("the cycle counts applications, not cells", func(t *testing.T) {
		// Three applications on two criteria: six cells, three applications.
		d := table(three)
		crits := append(criterion(10), &store.Criterion{ID: 2, Code: "2", Weight: 1, ScaleMax: 10, ScaleStep: 1})
		for i := range d.Applications {
			a := &d.Applications[i]
			for j, v := range three[i] {
				a.Jurors, a.Criteria, a.Values = append(a.Jurors, int64(100+j)), append(a.Criteria, 2), append(a.Values, 10-v)
			}
		}
		rep, err := jury.Evaluate(jury.Input{Criteria: crits, Data: d})
		if err != nil {
			t.Fatal(err)
		}
		if b := rep.Reliability.Cycle.Block; b.Targets != 6 || b.Applications != 3 || rep.Reliability.Cycle.ICC != nil {
			t.Errorf("cycle block = %+v, ICC %+v, want 6 cells of 3 applications and no estimate", b, rep.Reliability.Cycle.ICC)
		}
	})
	t.Run("at the minimum the intervals are McGraw and Wong's", func(t *testing.T) {
		rep, err := jury.Evaluate(jury.Input{Criteria: criterion(10), Data: table(shroutFleiss)})
		if err != nil {
			t.Fatal(err)
		}
		// psych::ICC on the Shrout & Fleiss data: ICC2 95 % [0.019, 0.76].
		iv := rep.Reliability.Cycle.Intervals
		if iv == nil || math.Round(iv.ICC2.Lower*1000) != 19 || math.Round(iv.ICC2.Upper*100) != 76 {
			t.Errorf("ICC(2,1) interval = %+v, want [0.019, 0.76]", iv)
		}
	})
}

// TestEvaluateIsTheSameWithReusedBuffers: Evaluate keeps its large
// buffers between calls; a report is the same whatever was evaluated
// before it or beside it: the big cycle after a small one, a small one
// with the buffers the big one left, and many at once.
func TestEvaluateIsTheSameWithReusedBuffers(t *testing.T) {
	bigCrits, big := benchData()
	// The small cycle has an application without scores: an empty cell.
	nan := math.NaN()
	small, smallCrits := table(append([][]float64{{nan, nan, nan, nan}}, shroutFleiss...)), criterion(10)
	eval := func(crits []*store.Criterion, d *store.RankingData) string {
		t.Helper()
		r, err := jury.Evaluate(jury.Input{Criteria: crits, Data: d})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r) // every pointer followed: reports compare by content
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	wantSmall := eval(smallCrits, small)
	wantBig := eval(bigCrits, big)
	if got := eval(smallCrits, small); got != wantSmall {
		t.Errorf("the small cycle after the big one:\n%s\nwant\n%s", got, wantSmall)
	}
	var wg sync.WaitGroup
	got := make([]string, 16)
	for i := range got {
		wg.Go(func() {
			if i%2 == 0 {
				got[i] = eval(bigCrits, big)
			} else {
				got[i] = eval(smallCrits, small)
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		if want := []string{wantBig, wantSmall}[i%2]; g != want {
			t.Errorf("report %d of 16 at once differs from the one computed alone", i)
		}
	}
}
