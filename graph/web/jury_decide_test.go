package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// newDeliberation is the jury fixture in CONSENSUS: app 0 scored 70
// and 65, app 1 scored 80 by the assigned juror and a harsh 20 by the
// conflicted one, so app 1's three cells are flagged.
func newDeliberation(t *testing.T, s *site) *juryFixture {
	f := newJuryFixture(t, s, "")
	f.assign("unassigned", 0)
	f.score("assigned", 0, 70, "Stark ledning")
	f.score("unassigned", 0, 65, "Bra")
	f.score("assigned", 1, 80, "Tydliga mått")
	f.score("conflicted", 1, 20, "Svagt")
	for _, a := range []struct {
		role string
		app  int
	}{{"assigned", 0}, {"unassigned", 0}, {"assigned", 1}, {"conflicted", 1}} {
		f.submit(a.role, a.app)
	}
	f.version = f.advance("CONSENSUS")
	return f
}

// consensusForm is the deliberation form for criterion k.
func consensusForm(k, value string, participants ...string) url.Values {
	return url.Values{"value-" + k: {value}, "rationale-" + k: {"Juryn enades efter samtal"},
		"participants-" + k: participants, "strengths-" + k: {"Tydliga mått"}, "opportunities-" + k: {"Fler mätpunkter"}}
}

// TestJuryDecidesAndPublishes: one juror scores harshly, so cells are
// flagged; the ranking says so and the conflicted juror never sees the
// conflicted application; a decision before consensus is refused with
// links to the cells; the lead records consensus (a form without
// participants is refused at its field); two shared winners are decided;
// the secretariat moves the cycle on and publishes, and a second click of
// publish changes nothing.
func TestJuryDecidesAndPublishes(t *testing.T) {
	s := newSite(t)
	f := newDeliberation(t, s)
	lead := f.browser("lead")
	ranking := "/jury/cycles/" + f.cycle + "/ranking"
	lead.get(ranking).wantStatus(http.StatusOK).has(app0Title, app1Title, "3 flaggade celler saknar ännu", "strängare än de andra", "ICC",
		"för få ansökningar för att skatta", "intervallskala")
	lead.get(ranking).lacks("too few applications", "no two targets")
	f.browser("conflicted").get(ranking).wantStatus(http.StatusOK).has(app1Title).lacks(app0Title, "Stark ledning")

	decisions := "/jury/cycles/" + f.cycle + "/decisions"
	lead.get(decisions)
	p := lead.post(decisions+"/"+f.apps[1], url.Values{"decision-" + f.apps[1]: {"WINNER"}, "citation-" + f.apps[1]: {"För tydliga mått"}})
	p.wantStatus(http.StatusUnprocessableEntity).has("CONSENSUS_REQUIRED", "För tydliga mått",
		`/jury/cycles/`+f.cycle+`/applications/`+f.apps[1]+`#k-`+f.criteria[0])

	deliberation := "/jury/cycles/" + f.cycle + "/applications/" + f.apps[1]
	lead.get(deliberation).wantStatus(http.StatusOK).has("Tydliga mått", "Svagt", "<svg", "Juror conflicted")
	k0 := f.criteria[0]
	p = lead.post(deliberation+"/consensus/"+k0, consensusForm(k0, "50"))
	p.wantStatus(http.StatusUnprocessableEntity).has(`id="f-participants-`+k0+`"`, "Juryn enades efter samtal").lacks(`Expected "[ID!]!"`)
	for _, k := range f.criteria {
		lead.post(deliberation+"/consensus/"+k, consensusForm(k, "50", f.ids["assigned"], f.ids["conflicted"])).wantStatus(http.StatusSeeOther)
	}
	lead.get(deliberation).has("Det överenskomna värdet är sparat.", "Ansökan har ingen flaggad cell utan överenskommet värde.")
	lead.get(ranking).has("Alla flaggade celler har ett överenskommet värde.")
	for _, app := range f.apps {
		lead.post(decisions+"/"+app, url.Values{"decision-" + app: {"WINNER"}, "citation-" + app: {"Delad vinst"}}).wantStatus(http.StatusSeeOther)
	}
	lead.get(decisions).has("Beslutet är sparat.", "vinnare").lacks("/advance")

	admin := f.browser("admin")
	admin.get(decisions).has("/jury/cycles/" + f.cycle + "/advance")
	advance := "/jury/cycles/" + f.cycle + "/advance"
	admin.get(advance).wantStatus(http.StatusOK).has("beslutad", "nya beslut och nya överenskomna värden")
	admin.post(advance, url.Values{"version": {itoa(f.version)}, "to": {"DECIDED"}}).wantStatus(http.StatusSeeOther)
	p = admin.get(advance).has("alla ändringar: publiceringen kan inte göras om")
	form := url.Values{"version": {itoa(f.version + 1)}, "to": {"PUBLISHED"}}
	admin.post(advance, form).wantStatus(http.StatusSeeOther)
	form.Set("csrf", admin.csrf)
	admin.postRaw(advance, form).wantStatus(http.StatusSeeOther)
	admin.get(decisions).has("Resultaten är publicerade.", "/cycles/"+f.cycle+"/results")
	s.browser().get("/cycles/"+f.cycle+"/results").wantStatus(http.StatusOK).has(app0Title, app1Title, "Delad vinst")
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestRankingWordsAlphaReason: with one juror's scores per application
// alpha cannot be estimated; the ranking says why from the API's reason
// code in the page's language, never the API's English note.
func TestRankingWordsAlphaReason(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	f.score("assigned", 0, 50, "Tydligt")
	f.submit("assigned", 0)
	lead := f.browser("lead")
	ranking := "/jury/cycles/" + f.cycle + "/ranking"
	lead.get(ranking).wantStatus(http.StatusOK).
		has("inte beräknad: ingen ansökan och kriterium har poäng från två eller fler jurymedlemmar").
		lacks("no unit has two or more values", "reliability:")
	lead.english()
	lead.get(ranking).wantStatus(http.StatusOK).
		has("not computed: no application and criterion has scores from two or more jurors")
}
