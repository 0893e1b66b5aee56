package web_test

import (
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// scoringForm is the scoring form with value on every criterion, as a
// browser would post it.
func (f *juryFixture) scoringForm(values ...string) url.Values {
	form := url.Values{"phase": {"SCORING"}, "action": {"save"}}
	for i, k := range f.criteria {
		form.Set("score-"+k, values[i%len(values)])
		form.Set("strengths-"+k, "Styrka "+k)
		form.Set("opportunities-"+k, "Förbättring "+k)
	}
	return form
}

func TestScoringPageShows(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	p := f.browser("assigned").get("/jury/applications/" + f.apps[0]).wantStatus(http.StatusOK)
	os.WriteFile("/tmp/web2/scoring.html", []byte(p.Body), 0o644)
	p.has(app0Title, "Svar på kriteriet av "+app0Org, `min="0" max="100" step="5"`, "föredöme", "90–100", "Hur organisationen arbetar med lean",
		"U33401", "<svg", "Utredningstid barn och unga", "Spara utkast", "Lämna in bedömningen")
}

// TestScoringSaveAndSubmit: a draft saves every valid score; a score off
// step comes back at its criterion with the API's code and every typed
// value kept; submitting with a criterion unscored marks it; a full
// submit succeeds, and the page says so.
func TestScoringSaveAndSubmit(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("assigned")
	path := "/jury/applications/" + f.apps[0]
	b.get(path)
	form := f.scoringForm("45", "42", "")
	p := b.post(path, form).wantStatus(http.StatusUnprocessableEntity)
	k1 := f.criteria[1]
	p.has(`id="f-score-`+k1+`-error"`, "SCORE_OFF_STEP", `value="42"`, `value="45"`, "Styrka "+k1, "Förbättring "+k1)
	if got := f.myScores("assigned", 0); got[f.criteria[0]] != "45" || got[k1] != "<nil>" {
		t.Errorf("after a draft with one score off step, stored = %v, want 45 on the first and none on the second", got)
	}
	form = f.scoringForm("45", "50", "")
	form.Set("action", "submit")
	p = b.post(path, form).wantStatus(http.StatusUnprocessableEntity)
	p.has(`id="f-score-`+f.criteria[2]+`-error"`, "Ge en poäng innan du lämnar in.")
	form = f.scoringForm("45", "50", "55")
	form.Set("action", "submit")
	p = b.post(path, form).wantStatus(http.StatusSeeOther)
	if p.location() != path {
		t.Errorf("after submitting: to %q, want %q", p.location(), path)
	}
	b.get(path).has("Din bedömning är inlämnad.", "inlämnad ", `value="55"`, "Spara och lämna in igen")
	b.get("/jury").has("1 inlämnade, 0 påbörjade, 1 ej påbörjade", "3 av 3")
	if got := f.myScores("assigned", 0); got[f.criteria[2]] != "55" {
		t.Errorf("stored = %v, want 55 on the third criterion", got)
	}
}

// myScores are role's stored values on app by criterion.
func (f *juryFixture) myScores(role string, app int) map[string]string {
	r := f.s.gql(f.tokens[role], `query($id: ID!) { me { id } application(id: $id) { scores { jurorId criterionId value } } }`,
		map[string]any{"id": f.apps[app]})
	out := map[string]string{}
	for _, k := range f.criteria {
		out[k] = "<nil>"
	}
	for _, sc := range dig(r, "application.scores").([]any) {
		if str(sc, "jurorId") == str(r, "me.id") {
			out[str(sc, "criterionId")] = str(sc, "value")
		}
	}
	return out
}

// TestScoringStaleForm: a form opened while SCORING and sent after the
// cycle moved on says what changed, saves nothing and keeps the text.
func TestScoringStaleForm(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("assigned")
	path := "/jury/applications/" + f.apps[0]
	b.get(path)
	f.version = f.advance("CONSENSUS")
	p := b.post(path, f.scoringForm("45")).wantStatus(http.StatusConflict)
	p.has("Omgången har gått vidare från ”juryn bedömer” till ”juryn enas”", "Styrka "+f.criteria[0], `value="45"`)
	if got := f.myScores("assigned", 0); got[f.criteria[0]] != "<nil>" {
		t.Errorf("a stale form saved %v", got)
	}
}

// TestScoringVisibility: under AFTER_OWN_SUBMISSION another juror's
// note shows only once I have submitted; never for a conflicted juror.
func TestScoringVisibility(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "AFTER_OWN_SUBMISSION")
	f.score("conflicted", 1, 40, "Den jävigas anteckning")
	b := f.browser("assigned")
	path := "/jury/applications/" + f.apps[1]
	b.get(path).lacks("Den jävigas anteckning").has("visas när du har lämnat in")
	form := f.scoringForm("60")
	form.Set("action", "submit")
	b.post(path, form).wantStatus(http.StatusSeeOther)
	b.get(path).has("Den jävigas anteckning", "Andra jurymedlemmars poäng", "Juror conflicted")
	f.browser("conflicted").get("/jury/applications/" + f.apps[0]).wantStatus(http.StatusNotFound).lacks(app0Title)
}

// TestRecuse: the confirmation says what recusing does; without a
// reason nothing happens; with one the assignment is recused, the page
// is gone and my list says so.
func TestRecuse(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("assigned")
	path := "/jury/applications/" + f.apps[1] + "/recuse"
	b.get(path).wantStatus(http.StatusOK).has("lämnar dina poäng och kommentarer på ansökan alla sammanställningar", app1Title)
	b.post(path, url.Values{"reason": {"  "}}).wantStatus(http.StatusUnprocessableEntity).has(`id="f-reason-error"`)
	p := b.post(path, url.Values{"reason": {"Jag har arbetat med Lomma"}}).wantStatus(http.StatusSeeOther)
	if p.location() != "/jury" {
		t.Errorf("after recusing: to %q, want /jury", p.location())
	}
	b.get("/jury").has("Du har avstått från ansökan.", "du har avstått", "Jag har arbetat med Lomma").lacks(app1Title)
	b.get("/jury/applications/" + f.apps[1]).wantStatus(http.StatusNotFound)
}

// TestDeclareConflict: declaring a conflict with an assigned
// application's organisation recuses me from it; a declaration naming
// nothing is refused at its field.
func TestDeclareConflict(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("assigned")
	b.get("/jury/conflicts").has(app0Org, "Lomma kommun")
	b.post("/jury/conflicts", url.Values{"with": {"municipality"}, "reason": {"Bor där"}}).
		wantStatus(http.StatusUnprocessableEntity).has(`id="f-municipality-error"`, "Bor där")
	b.post("/jury/conflicts", url.Values{"with": {"organisation"}, "organisation": {f.orgs[1]}, "reason": {"Tidigare anställd"}}).
		wantStatus(http.StatusSeeOther)
	b.get("/jury/conflicts").has("Jävet är anmält.", "Tidigare anställd", "organisationen: Lomma kommun")
	b.get("/jury").has(app0Title).lacks(app1Title)
	b.post("/jury/conflicts", url.Values{"with": {"municipality"}, "municipality": {"2480"}, "reason": {"Bor i Umeå"}}).
		wantStatus(http.StatusSeeOther)
	b.get("/jury/conflicts").has("kommunen: Umeå", "Bor i Umeå")
}

// TestDeclareConflictUnassigned: a juror can declare a conflict with any
// organisation that applied in a cycle they judge, not only those of their
// assignments; the list leaves out what they are already in conflict with,
// so the conflicted juror's page never names the conflicted application's
// organisation.
func TestDeclareConflictUnassigned(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("unassigned")
	option := func(i int) string { return `<option value="` + f.orgs[i] + `"` }
	b.get("/jury/conflicts").has(option(0), option(1), "utom de du redan är jävig mot")
	b.post("/jury/conflicts", url.Values{"with": {"organisation"}, "organisation": {f.orgs[1]}, "reason": {"Sitter i styrelsen"}}).
		wantStatus(http.StatusSeeOther)
	b.get("/jury/conflicts").has("Jävet är anmält.", "Sitter i styrelsen", "organisationen: Lomma kommun", option(0)).lacks(option(1))
	f.browser("conflicted").get("/jury/conflicts").has(option(1)).lacks(option(0), app0Org)
}

// officialSeries is the demo's official series of kpi in municipality
// code, by year, as the API gives it.
func (s *site) officialSeries(kpi, code string) (years []int, values map[int]float64) {
	s.t.Helper()
	r := s.gql(s.adminToken(), `query($id: String!, $c: String!) { kpi(id: $id) { values(municipalities: [$c], genders: ["T"]) { year value } } }`,
		map[string]any{"id": kpi, "c": code})
	values = map[int]float64{}
	for _, v := range dig(r, "kpi.values").([]any) {
		y := int(dig(v, "year").(float64))
		years, values[y] = append(years, y), dig(v, "value").(float64)
	}
	sort.Ints(years)
	return years, values
}

// TestScoringEvidenceInWords: the evidence panel words each claim's
// verdict (agrees, disagrees, placed on the nearest published year, no
// official value near enough), marks a disagreeing claim, and says when
// the indicator's municipality is not the organisation's and that the
// organisation's is not verified, in Swedish and in English.
func TestScoringEvidenceInWords(t *testing.T) {
	s := newSite(t)
	years, v := s.officialSeries("U33401", "1280")
	lomma, lv := s.officialSeries("U33401", "1262")
	if len(years) < 2 || len(lomma) < 2 {
		t.Fatalf("the demo has too few years of U33401: %v %v", years, lomma)
	}
	first, last := years[0], years[len(years)-1]
	date := func(y int) string { return strconv.Itoa(y) + "-06-01" }
	inds := []map[string]any{
		{"name": "Malmös utredningstid", "unit": "dagar", "direction": "LOWER_IS_BETTER", "kpiId": "U33401", "municipalityCode": "1280",
			"baselineValue": v[first], "baselineDate": date(first), "currentValue": v[last]*3 + 50, "currentDate": date(last)},
		{"name": "Lommas utredningstid", "unit": "dagar", "direction": "LOWER_IS_BETTER", "kpiId": "U33401", "municipalityCode": "1262",
			"baselineValue": 99, "baselineDate": date(lomma[0] - 1), "currentValue": lv[lomma[len(lomma)-1]], "currentDate": date(lomma[len(lomma)-1])},
	}
	f := newJuryFixtureWith(t, s, "", inds)
	b := f.browser("assigned")
	p := b.get("/jury/applications/" + f.apps[1]).wantStatus(http.StatusOK)
	num := func(x float64) string { return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1) }
	p.has(
		"Kontrollera kommunen", "Resultatet avser kommun 1280, inte organisationens kommun 1262.",
		"Organisationens kommun 1262 är ännu inte verifierad av sekretariatet.",
		"Resultatet avser organisationens kommun (1262).",
		"Avviker", "Minst ett av ansökans värden stämmer inte med den officiella serien.",
		"stämmer med det officiella värdet för "+strconv.Itoa(first),
		"<strong>Avviker:</strong> Nuvärdet, ",
		"stämmer inte med det officiella värdet för "+strconv.Itoa(last),
		"Utgångsvärdet, 99, kan inte bedömas: "+strconv.Itoa(lomma[0]-1)+" är inte publicerat. Det officiella värdet och placeringen avser "+
			strconv.Itoa(lomma[0])+", närmaste publicerade år ("+num(lv[lomma[0]])+").")
	s.verifyMunicipality(f.orgs[1])
	b.english()
	p = b.get("/jury/applications/" + f.apps[1]).wantStatus(http.StatusOK)
	p.has("Check the municipality", "The result is for municipality 1280, not the organisation&#39;s municipality 1262.",
		"The result is for the organisation&#39;s municipality (1262).", "Disagrees:",
		"At least one of the application&#39;s values does not agree with the official series.",
		"cannot be judged: "+strconv.Itoa(lomma[0]-1)+" is not published").lacks("not yet verified")
	b.get("/jury/applications/" + f.apps[0]).wantStatus(http.StatusOK).has(
		"The baseline, 140, cannot be compared: there is no official value for 2010 or within 2 years of it.")
}
