package web

import (
	"fmt"
	"slices"
	"testing"
)

// TestJurorOrder: each juror reads the same assignments in an order of
// their own, the same at every visit.
func TestJurorOrder(t *testing.T) {
	make := func() []assignment {
		var as []assignment
		for i := 1; i <= 12; i++ {
			as = append(as, assignment{ApplicationID: fmt.Sprint(i)})
		}
		return as
	}
	ids := func(as []assignment) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ApplicationID)
		}
		return out
	}
	a, again, b := make(), make(), make()
	jurorOrder("7", a)
	slices.Reverse(again)
	jurorOrder("7", again)
	jurorOrder("8", b)
	if !slices.Equal(ids(a), ids(again)) {
		t.Errorf("juror 7's order changed between visits: %v, then %v", ids(a), ids(again))
	}
	if slices.Equal(ids(a), ids(b)) {
		t.Errorf("jurors 7 and 8 read in the same order %v", ids(a))
	}
	if slices.Equal(ids(a), ids(make())) {
		t.Errorf("juror 7 reads in id order %v", ids(a))
	}
}

// TestJuryDynamicKeys: the keys the juror pages build from a value are
// in the catalogues.
func TestJuryDynamicKeys(t *testing.T) {
	cats, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, v := range []string{"NEVER", "AFTER_OWN_SUBMISSION", "ALWAYS"} {
		keys = append(keys, "jury.visibility."+v, "scoring.visibility."+v)
	}
	for _, s := range []string{"submitted", "draft", "new", "recused"} {
		keys = append(keys, "jury.state."+s)
	}
	for _, c := range []string{"GREEN", "YELLOW", "RED", "GREY"} {
		keys = append(keys, "evidence.colour."+c)
	}
	for _, r := range []string{"INSUFFICIENT_DATA", "NO_VARIATION", "NOT_COMPUTABLE"} {
		keys = append(keys, "alphaReason."+r)
	}
	keys = append(keys, "evidence.agrees", "evidence.differs", "evidence.noOfficial", "evidence.nearest",
		"evidence.municipalityNone", "evidence.municipalityOther", "evidence.municipalitySame", "evidence.municipalityUnverified")
	for _, code := range []string{"SCORE_OFF_STEP", "SCORE_OUT_OF_RANGE", "RECUSED", "NOT_ASSIGNED", "CONFLICT_OF_INTEREST"} {
		keys = append(keys, "api."+code)
	}
	for _, d := range decisions {
		keys = append(keys, "jury.decision."+d)
	}
	for _, p := range phases[1:] {
		keys = append(keys, "advance.allows."+p, "advance.forbids."+p)
	}
	for _, x := range []float64{0.2, 0.6, 0.8, 0.95} {
		keys = append(keys, (&rankingData{}).Reading("icc", &x), (&rankingData{}).Reading("alpha", &x))
	}
	for _, j := range []jurorSeverity{{}, {Offset: ptr(-9.0)}, {Offset: ptr(9.0)}, {Offset: ptr(1.0)}} {
		keys = append(keys, j.Tendency())
	}
	for _, k := range keys {
		for _, l := range languages {
			if _, ok := cats[l][k]; !ok {
				t.Errorf("%s lacks %q", l, k)
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestReading: the plain-language readings follow Koo & Li (2016) for
// ICC and Krippendorff for alpha.
func TestReading(t *testing.T) {
	d := &rankingData{}
	for _, c := range []struct {
		kind string
		v    float64
		want string
	}{
		{"icc", 0.49, "reliability.icc.poor"}, {"icc", 0.5, "reliability.icc.moderate"}, {"icc", 0.74, "reliability.icc.moderate"},
		{"icc", 0.75, "reliability.icc.good"}, {"icc", 0.9, "reliability.icc.good"}, {"icc", 0.91, "reliability.icc.excellent"},
		{"alpha", 0.66, "reliability.alpha.unreliable"}, {"alpha", 0.7, "reliability.alpha.tentative"}, {"alpha", 0.8, "reliability.alpha.reliable"},
	} {
		if got := d.Reading(c.kind, &c.v); got != c.want {
			t.Errorf("Reading(%s, %v) = %s, want %s", c.kind, c.v, got, c.want)
		}
	}
	if got := d.Reading("icc", nil); got != "reliability.none" {
		t.Errorf("Reading(icc, nil) = %s, want reliability.none", got)
	}
}
