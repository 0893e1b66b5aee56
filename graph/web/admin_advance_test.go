package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/leanforum/awards/store"
)

// TestAdminAdvanceRefusals: the confirmation says what the next phase
// allows, forbids and needs; the API's refusals come back in words:
// a cycle without scored criteria, a closing date passed, flagged cells
// without an agreed score (by criterion), applications without a
// decision (by title), and a form read before someone else moved the
// cycle. A second click of the same confirmation moves it once.
func TestAdminAdvanceRefusals(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	admin.get("/admin/awards")
	p := admin.post("/admin/awards", url.Values{"name": {"Tomma priset"}, "key": {"k-tomt"}}).wantStatus(http.StatusSeeOther)
	form := cycleForm("2033")
	form.Set("template", "")
	cycle := admin.post("/admin/awards/"+between(p.location(), "/admin/awards/", "/cycles")+"/cycles", form).wantStatus(http.StatusSeeOther).location()
	p = admin.get(cycle + "/advance").wantStatus(http.StatusOK)
	p.has("”utkast”", "”öppen för ansökningar”", "Det blir möjligt:", "Det går inte längre:", "minst ett kriterium som poängsätts")
	v := formValue(p.Body, "version")
	admin.post(cycle+"/advance", url.Values{"version": {v}, "to": {"OPEN"}}).wantStatus(http.StatusUnprocessableEntity).
		has("Omgången flyttades inte", "Omgången har inget kriterium som poängsätts")
	admin.post(cycle+"/criteria", criterionForm("1", "Allt", "")).wantStatus(http.StatusSeeOther)
	past := cycleForm("2033")
	past.Set("version", v)
	past.Set("opensAt", "2020-01-01T00:00")
	past.Set("closesAt", "2020-02-01T00:00")
	past.Set("scoringClosesAt", "2020-03-01T00:00")
	admin.post(cycle, past).wantStatus(http.StatusSeeOther)
	admin.post(cycle+"/advance", url.Values{"version": {itoa(atoi(v) + 1)}, "to": {"OPEN"}}).wantStatus(http.StatusUnprocessableEntity).
		has("Sista dagen för ansökningar (1 februari 2020 kl. 00:00) har redan passerat")
	admin.post(cycle+"/advance", url.Values{"version": {v}, "to": {"OPEN"}}).wantStatus(http.StatusUnprocessableEntity).
		has("Någon annan har ändrat omgången")

	f := newDeliberation(t, s)
	path := "/admin/cycles/" + f.cycle
	p = admin.get(path + "/advance").has("ett överenskommet värde på varje flaggad cell")
	admin.post(path+"/advance", url.Values{"version": {formValue(p.Body, "version")}, "to": {"DECIDED"}}).
		wantStatus(http.StatusUnprocessableEntity).has("Juryn är oenig på kriterium 1, 2, 3 utan ett överenskommet värde")
	lead := f.browser("lead")
	deliberation := "/jury/cycles/" + f.cycle + "/applications/" + f.apps[1]
	lead.get(deliberation)
	for _, k := range f.criteria {
		lead.post(deliberation+"/consensus/"+k, consensusForm(k, "50", f.ids["assigned"], f.ids["conflicted"])).wantStatus(http.StatusSeeOther)
	}
	p = admin.post(path+"/advance", url.Values{"version": {formValue(p.Body, "version")}, "to": {"DECIDED"}})
	p.wantStatus(http.StatusUnprocessableEntity).has("Beslut saknas för ”" + app0Title + "”, ”" + app1Title + "”")
	decisions := "/jury/cycles/" + f.cycle + "/decisions"
	lead.get(decisions)
	for _, app := range f.apps {
		lead.post(decisions+"/"+app, url.Values{"decision-" + app: {"WINNER"}, "citation-" + app: {"Delad vinst"}}).wantStatus(http.StatusSeeOther)
	}
	confirm := url.Values{"version": {formValue(p.Body, "version")}, "to": {"DECIDED"}}
	admin.post(path+"/advance", confirm).wantStatus(http.StatusSeeOther)
	confirm.Set("csrf", admin.csrf)
	admin.postRaw(path+"/advance", confirm).wantStatus(http.StatusSeeOther)
	admin.get(path).has("Gå vidare till fasen ”resultat publicerade”")
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
