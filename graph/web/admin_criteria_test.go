package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// criterionForm is a criterion as its form posts it.
func criterionForm(code, title, parent string) url.Values {
	return url.Values{"code": {code}, "title": {title}, "parentId": {parent}, "guidance": {"Visa hur " + title},
		"weight": {"2,5"}, "scaleMin": {"0"}, "scaleMax": {"100"}, "scaleStep": {"5"},
		"bands": {"0–45: svagt\n50–100: starkt"}, "key": {"k-" + code}}
}

// criterionID finds the criterion with code on a cycle page.
func criterionID(t *testing.T, body, cycle, title string) string {
	t.Helper()
	i := strings.Index(body, `">`+title+`</a>`)
	j := strings.LastIndex(body[:max(i, 0)], cycle+"/criteria/")
	if i < 0 || j < 0 {
		t.Fatalf("no criterion %q on the page", title)
	}
	rest := body[j+len(cycle+"/criteria/"):]
	return rest[:strings.Index(rest, `"`)]
}

// TestAdminCriteriaTree: the admin adds a category and an item under it
// (decimal comma, bands), is refused a band outside the scale and a
// malformed band line at the field with everything typed kept, edits
// and removes; once scoring starts the tree is read-only and a form
// posted after the phase moved on says so, keeping what was typed.
func TestAdminCriteriaTree(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	cycle := adminCreatesCycle(t, admin, "Trädpriset", "2032")
	admin.get(cycle+"/criteria/new").wantStatus(http.StatusOK).has("Översta nivån", `<option value="`)
	admin.post(cycle+"/criteria", criterionForm("4", "Lärande", "")).wantStatus(http.StatusSeeOther)
	p := admin.get(cycle).has("Kriteriet är sparat.", "Lärande", "Kriterierna (4)")
	cat := criterionID(t, p.Body, cycle, "Lärande")
	admin.post(cycle+"/criteria", criterionForm("4.1", "Lärande i vardagen", cat)).wantStatus(http.StatusSeeOther)
	p = admin.get(cycle).has("↳", "Lärande i vardagen", "delkriterium")
	item := criterionID(t, p.Body, cycle, "Lärande i vardagen")
	admin.get(cycle+"/criteria/"+item).wantStatus(http.StatusOK).
		has(`value="2,5"`, "0–45: svagt\n50–100: starkt", `<option value="`+cat+`" selected>4 Lärande</option>`)
	admin.get(cycle+"/criteria/"+cat).has("Kriteriet har 1 delkriterier", "tillsammans med dess 1 delkriterier")

	bad := criterionForm("4.1", "Lärande överallt", cat)
	bad.Set("bands", "0–45: svagt\n50–120: starkt")
	admin.post(cycle+"/criteria/"+item, bad).wantStatus(http.StatusUnprocessableEntity).
		has(`id="f-bands-error"`, "Nivåerna måste ligga inom skalan", `value="Lärande överallt"`, "50–120: starkt")
	bad.Set("bands", "låg till hög")
	admin.post(cycle+"/criteria/"+item, bad).wantStatus(http.StatusUnprocessableEntity).has("Rad 1: skriv nivån som")
	bad.Set("scaleStep", "7")
	bad.Set("bands", "")
	admin.post(cycle+"/criteria/"+item, bad).wantStatus(http.StatusUnprocessableEntity).has(`id="f-scaleStep-error"`)
	ok := criterionForm("4.1", "Lärande överallt", cat)
	ok.Set("independent", "on")
	admin.post(cycle+"/criteria/"+item, ok).wantStatus(http.StatusSeeOther)
	admin.get(cycle).has("Lärande överallt", "delkriterium, bedöms fristående")
	admin.post(cycle+"/criteria/"+cat+"/delete", url.Values{}).wantStatus(http.StatusSeeOther)
	admin.get(cycle).has("Kriteriet är borttaget.", "Kriterierna (3)").lacks("Lärande")

	// Scoring starts: the tree is read-only, and a form read before says why.
	early := admin.get(cycle + "/criteria/new")
	moveTo(t, admin, cycle, "OPEN", "CLOSED", "SCORING")
	p = admin.get(cycle).has("Kriterierna kan inte längre ändras: omgången är i fasen ”juryn bedömer”").lacks(cycle + "/criteria/new")
	first := between(p.Body, cycle+"/criteria/", `"`)
	admin.get(cycle+"/criteria/"+first).wantStatus(http.StatusOK).has("Kriterierna kan inte längre ändras", "<caption>Nivåer</caption>").lacks(`name="code"`)
	late := criterionForm("5", "För sent", "")
	late.Set("csrf", formValue(early.Body, "csrf"))
	admin.post(cycle+"/criteria", late).wantStatus(http.StatusUnprocessableEntity).
		has("Ingenting sparades: omgången är nu i fasen ”juryn bedömer”")
}

// moveTo advances the cycle at path through phases by its confirmation
// page.
func moveTo(t *testing.T, admin *browser, path string, phases ...string) {
	t.Helper()
	for _, to := range phases {
		p := admin.get(path + "/advance").wantStatus(http.StatusOK)
		if got := formValue(p.Body, "to"); got != to {
			t.Fatalf("the confirmation moves to %s, want %s", got, to)
		}
		admin.post(path+"/advance", url.Values{"version": {formValue(p.Body, "version")}, "to": {to}}).wantStatus(http.StatusSeeOther)
	}
}
