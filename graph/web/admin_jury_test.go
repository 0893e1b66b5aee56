package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// adminJury is a jury fixture as the admin's browser sees it.
type adminJury struct {
	*juryFixture
	b    *browser
	base string // /admin/cycles/<id>
}

func newAdminJury(t *testing.T) *adminJury {
	t.Helper()
	s := newSite(t)
	f := newJuryFixture(t, s, "NEVER")
	return &adminJury{juryFixture: f, b: f.browser("admin"), base: "/admin/cycles/" + f.cycle}
}

// assignments are the cycle's assignments as "app/juror" pairs.
func (a *adminJury) assignments() []string {
	r := a.s.gql(a.admin, `query($c: ID!) { cycle(id: $c) { assignments { applicationId jurorId } } }`, map[string]any{"c": a.cycle})
	var out []string
	for _, x := range dig(r, "cycle.assignments").([]any) {
		out = append(out, str(x, "applicationId")+"/"+str(x, "jurorId"))
	}
	return out
}

// TestAdminJuryPage: the admin adds an existing juror with an
// affiliation, is told at the field to choose one (keeping what was
// typed), names a lead juror, removes a juror, cannot remove one with
// assignments, and invites a new account.
func TestAdminJuryPage(t *testing.T) {
	a := newAdminJury(t)
	s, b := a.s, a.b
	b.get(a.base+"/jury").wantStatus(http.StatusOK).has("Juryn för Leanpriset 2026 (test)", "Juror lead", "ordförande",
		"Malmö stad", "Egen kommun: Malmö", "assigned@jury.example.se", "2 (0 inlämnade)")
	id := str(s.gql(a.admin, `mutation { createUser(input: {email: "extra@jury.example.se", name: "Juror extra",
		password: "juror password 12", role: JUROR}) { id } }`, nil), "createUser.id")
	b.get(a.base + "/jury").has("Juror extra &lt;extra@jury.example.se&gt;")
	b.post(a.base+"/jury", url.Values{"affiliation": {"Lunds universitet"}}).wantStatus(http.StatusUnprocessableEntity).
		has("Välj en jurymedlem.", `value="Lunds universitet"`)
	b.post(a.base+"/jury", url.Values{"juror": {id}, "affiliation": {"Lunds universitet"}}).wantStatus(http.StatusSeeOther)
	b.get(a.base+"/jury").has("Jurymedlemmen är tillagd.", "Juror extra", "Lunds universitet", "Gör Juror extra till ordförande")
	b.post(a.base+"/jury", url.Values{"row": {id}, "juror": {id}, "affiliation": {"Lunds universitet"}, "lead": {"true"}}).
		wantStatus(http.StatusSeeOther)
	b.get(a.base+"/jury").has("Jurymedlemmen är ändrad.", "Ta bort Juror extra som ordförande")
	b.post(a.base+"/jury/"+id+"/remove", url.Values{}).wantStatus(http.StatusSeeOther)
	b.get(a.base + "/jury").has("Jurymedlemmen är borttagen ur juryn.").lacks("Ta bort Juror extra ur juryn")
	b.post(a.base+"/jury/"+a.ids["assigned"]+"/remove", url.Values{}).wantStatus(http.StatusUnprocessableEntity).
		has("ta bort tilldelningarna först")
	b.post(a.base+"/jury/invite", url.Values{"email": {"assigned@jury.example.se"}, "language": {"sv"}}).
		wantStatus(http.StatusUnprocessableEntity).has(`value="assigned@jury.example.se"`)
	b.post(a.base+"/jury/invite", url.Values{"email": {"ny@jury.example.se"}, "language": {"en"}}).wantStatus(http.StatusSeeOther)
	b.get(a.base + "/jury").has("Inbjudan är skickad.")
}

// TestAdminConflictsPage: the overview names each conflict's reason,
// implicit or declared; the admin records one for a juror, which the
// overview and the matrix then show.
func TestAdminConflictsPage(t *testing.T) {
	a := newAdminJury(t)
	b := a.b
	b.get(a.base+"/conflicts").wantStatus(http.StatusOK).has(app0Title, app1Title, "Egen kommun</strong>: Malmö stad",
		"Jäv: 1 par, 2 ansökningar × 4 jurymedlemmar")
	b.post(a.base+"/conflicts", url.Values{"juror": {a.ids["unassigned"]}, "with": {"organisation"}, "reason": {"Styrelseledamot"}}).
		wantStatus(http.StatusUnprocessableEntity).has(`Styrelseledamot</textarea>`)
	b.post(a.base+"/conflicts", url.Values{"juror": {a.ids["unassigned"]}, "with": {"organisation"}, "organisation": {a.orgs[1]},
		"reason": {"Styrelseledamot"}}).wantStatus(http.StatusSeeOther)
	b.get(a.base+"/conflicts").has("Jävet är registrerat.", "Anmält jäv mot organisationen</strong>: Styrelseledamot",
		"Jäv: 2 par")
}

// TestAdminAssignmentMatrix: the admin ticks and unticks pairs, is told
// which pair the API refused (the matrix as they left it), and
// auto-assigns: INFEASIBLE says which application lacks jurors, in
// words, and changes nothing; a feasible number assigns.
func TestAdminAssignmentMatrix(t *testing.T) {
	a := newAdminJury(t)
	b := a.b
	p := b.get(a.base + "/assignments").wantStatus(http.StatusOK)
	p.has(app0Title, `Juror assigned</th><td class="num">2</td>`, `value="`+a.apps[0]+"/"+a.ids["assigned"]+`" id=`, "Jäv")
	pair := func(app int, role string) string { return a.apps[app] + "/" + a.ids[role] }
	was := []string{pair(0, "assigned"), pair(1, "assigned"), pair(1, "conflicted")}
	// Untick app 1 for the assigned juror, tick app 0 for the unassigned one.
	form := url.Values{"was": was, "pair": {pair(0, "assigned"), pair(1, "conflicted"), pair(0, "unassigned")}}
	b.post(a.base+"/assignments", form).wantStatus(http.StatusSeeOther)
	got := strings.Join(a.assignments(), " ")
	if want := strings.Join([]string{pair(0, "assigned"), pair(0, "unassigned"), pair(1, "conflicted")}, " "); got != want {
		t.Errorf("assignments = %s, want %s", got, want)
	}
	// A conflicted pair (no checkbox on the page) is refused by the API.
	form = url.Values{"was": {pair(0, "assigned"), pair(0, "unassigned"), pair(1, "conflicted")},
		"pair": {pair(0, "assigned"), pair(0, "unassigned"), pair(1, "conflicted"), pair(0, "conflicted"), pair(1, "lead")}}
	b.post(a.base+"/assignments", form).wantStatus(http.StatusUnprocessableEntity).
		has("Några ändringar kunde inte göras", app0Title+" – Juror conflicted: ", `value="`+pair(1, "lead")+`" id="p-`)
	before := a.assignments()
	p = b.post(a.base+"/assignments/auto", url.Values{"perApplication": {"4"}}).wantStatus(http.StatusUnprocessableEntity)
	p.has("Det gick inte att tilldela automatiskt", "”"+app0Title+"” har för få jurymedlemmar utan jäv: den behöver 2 till, men bara 1 är utan jäv",
		"Ingenting är ändrat.")
	if after := a.assignments(); strings.Join(after, " ") != strings.Join(before, " ") {
		t.Errorf("INFEASIBLE changed the assignments: %v, then %v", before, after)
	}
	b.post(a.base+"/assignments/auto", url.Values{"perApplication": {"0"}}).wantStatus(http.StatusUnprocessableEntity).
		has("Ange ett heltal, minst 1.")
	b.post(a.base+"/assignments/auto", url.Values{"perApplication": {"3"}}).wantStatus(http.StatusSeeOther)
	b.get(a.base + "/assignments").has("Alla ansökningar har fått sina jurymedlemmar.")
	if n := len(a.assignments()); n != 6 {
		t.Errorf("after auto-assigning 3 per application: %d assignments, want 6", n)
	}
}
