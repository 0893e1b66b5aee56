package graph_test

import (
	"strings"
	"testing"
)

const reliabilityQuery = `query($c: ID!) { cycle(id: $c) { reliabilityMinApplications ranking { reliability {
	cycle { iccNote iccReason block { n k applications minApplications }
		icc { icc2 n k icc2Interval { lower upper level } icc3kInterval { lower upper level } } }
	criteria { code iccReason block { n applications } icc { icc1 icc1Interval { lower upper } } } } } } }`

func TestReliabilityMinimum(t *testing.T) {
	e := newEnv(t)
	// Applications 1–4 scored by jurors 0–2 (juror 3 has a conflict with
	// application 0, which nobody scores).
	j := newJury(t, e, 5, 4, "")
	for app := 1; app < 5; app++ {
		for juror := 0; juror < 3; juror++ {
			j.assign(app, juror).ok()
		}
	}
	j.advance("SCORING")
	for app := 1; app < 5; app++ {
		for juror := 0; juror < 3; juror++ {
			j.score(juror, app, float64(20+15*app+5*juror), float64(30+10*app-5*juror), float64(25+10*app))
		}
	}
	r := e.gql(j.admin, reliabilityQuery, map[string]any{"c": j.cycle.id}).ok()
	cyc := r.get("cycle.ranking.reliability.cycle").(map[string]any)
	t.Run("four applications are too few by default", func(t *testing.T) {
		if r.get("cycle.reliabilityMinApplications") != 5.0 {
			t.Errorf("reliabilityMinApplications = %v, want the default 5", r.get("cycle.reliabilityMinApplications"))
		}
		if cyc["icc"] != nil || cyc["iccReason"] != "TOO_FEW_APPLICATIONS" ||
			!strings.Contains(cyc["iccNote"].(string), "too few applications to estimate") {
			t.Errorf("cycle reliability = %v, want no ICC and TOO_FEW_APPLICATIONS", cyc)
		}
		b := cyc["block"].(map[string]any)
		if b["applications"] != 4.0 || b["k"] != 3.0 || b["minApplications"] != 5.0 || b["n"].(float64) < 8 {
			t.Errorf("block = %v, want 4 applications by 3 jurors, n counting cells", b)
		}
		for _, c := range r.get("cycle.ranking.reliability.criteria").([]any) {
			if c := c.(map[string]any); c["icc"] != nil || c["iccReason"] != "TOO_FEW_APPLICATIONS" {
				t.Errorf("criterion %v: ICC given on 4 applications", c)
			}
		}
	})
	t.Run("the ranking PDF says so in Swedish and English", func(t *testing.T) {
		for lang, want := range map[string]string{"sv": "ICC: för få ansökningar för att skatta", "en": "ICC: too few applications to estimate"} {
			rec := e.get(j.admin, "/reports/cycles/"+j.cycle.id+"/ranking.pdf?lang="+lang)
			if rec.Code != 200 {
				t.Fatalf("ranking.pdf?lang=%s = %d %s", lang, rec.Code, rec.Body)
			}
			text := strings.Join(strings.Fields(pdfText(t, rec.Body.Bytes())), " ")
			if !strings.Contains(text, want) || strings.Contains(text, "ICC(1,k)") {
				t.Errorf("ranking.pdf?lang=%s lacks %q or still prints ICC", lang, want)
			}
		}
	})

	c := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { title opensAt closesAt scoringClosesAt version } }`,
		map[string]any{"c": j.cycle.id}).ok()
	update := func(min int) *result {
		return e.gql(j.admin, `mutation($id: ID!, $v: Int!, $in: CycleSettingsInput!) { updateCycle(id: $id, version: $v, input: $in) {
			version reliabilityMinApplications } }`, map[string]any{"id": j.cycle.id, "v": c.num("cycle.version"),
			"in": map[string]any{"title": c.str("cycle.title"), "opensAt": c.str("cycle.opensAt"), "closesAt": c.str("cycle.closesAt"),
				"scoringClosesAt": c.str("cycle.scoringClosesAt"), "reliabilityMinApplications": min}})
	}
	update(1).wantCode("INVALID")
	update(1001).wantCode("INVALID")
	if got := update(4).ok().num("updateCycle.reliabilityMinApplications"); got != 4 {
		t.Fatalf("reliabilityMinApplications = %d after the update, want 4", got)
	}
	t.Run("a lower minimum estimates ICC with McGraw and Wong intervals", func(t *testing.T) {
		r := e.gql(j.admin, reliabilityQuery, map[string]any{"c": j.cycle.id}).ok()
		icc, ok := r.get("cycle.ranking.reliability.cycle.icc").(map[string]any)
		if !ok || r.get("cycle.ranking.reliability.cycle.iccReason") != nil {
			t.Fatalf("cycle reliability = %v, want ICC", r.get("cycle.ranking.reliability.cycle"))
		}
		iv := icc["icc2Interval"].(map[string]any)
		if iv["level"] != 0.95 || !(iv["lower"].(float64) <= icc["icc2"].(float64) && icc["icc2"].(float64) <= iv["upper"].(float64)) {
			t.Errorf("ICC(2,1) = %v with interval %v, want a 95 %% interval around it", icc["icc2"], iv)
		}
		rec := e.get(j.admin, "/reports/cycles/"+j.cycle.id+"/ranking.pdf?lang=en")
		text := strings.Join(strings.Fields(pdfText(t, rec.Body.Bytes())), " ")
		for _, want := range []string{"95 % CI", "from 4 applications, k = 3 jurors", "McGraw & Wong (1996)"} {
			if !strings.Contains(text, want) {
				t.Errorf("ranking.pdf lacks %q", want)
			}
		}
	})
}
