package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/leanforum/awards/store"
)

// english switches the tab's pages to English by the layout's switch.
func (c *chrome) english() {
	c.t.Helper()
	c.submit(`form.lang button[value=en]`, "")
}

// TestBrowserAdminCycles: the secretariat creates an award and a cycle
// from the Lean prize's template, is refused a closing date before the
// opening at the field, adds a criterion (refused a bad band first),
// confirms the next phase and screens an application, with JavaScript
// off; then sees every page in English. axe-core on every page.
func TestBrowserAdminCycles(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	c := newChrome(t, s, false)
	c.staffLogin(store.DemoAdminEmail)
	c.visit("/admin", "")
	c.submit(`main a[href="/admin/awards"]`, "admin-awards")
	c.wantText("Priser och omgångar", "Leanpriset (test)")
	c.retype(map[string]string{"#f-name": "Kvalitetspriset"})
	c.submit(`form[action="/admin/awards"] button`, "admin-cycle-new")
	c.wantText("Priset är skapat", "Ny omgång", "LEAN_PRIZE är Leanprisets tre kriterier")
	c.submit(`form[action$="/cycles"] button`, "admin-cycle")
	c.wantText("Omgången är skapad som utkast.", "Kriterierna (3)")
	cycle := c.location()
	c.choose("#f-closesAt", "2020-01-01T12:00")
	c.retype(map[string]string{"#f-title": "Kvalitetspriset 2027, reviderat"})
	c.submit(`form[action="`+cycle+`"] button`, "admin-cycle-error")
	c.wantText("Det finns fel i formuläret", "Sista dagen för ansökningar måste komma efter att omgången öppnar.")
	if got := get(c, chromedp.Value(chromedp.CSS("#f-title"))); got != "Kvalitetspriset 2027, reviderat" {
		t.Errorf("the title after the refusal = %q", got)
	}
	c.visit(cycle+"/criteria/new", "admin-criterion-new")
	c.retype(map[string]string{"#f-code": "4", "#f-title": "Lärande", "#f-bands": "0–50: svagt\n60–120: starkt"})
	c.submit(`form[action="`+cycle+`/criteria"] button`, "admin-criterion-error")
	c.wantText("Nivåerna måste ligga inom skalan")
	c.retype(map[string]string{"#f-bands": "0–50: svagt\n55–100: starkt"})
	c.submit(`form[action="`+cycle+`/criteria"] button`, "")
	c.wantText("Kriteriet är sparat.", "Lärande", "Kriterierna (4)")
	c.submit(`a[href="`+cycle+`/advance"]`, "admin-advance")
	c.wantText("organisationer skapar och lämnar in ansökningar", "Det krävs:")
	c.submit(`form[action="`+cycle+`/advance"] button`, "")
	c.wantText("Omgången har gått vidare till nästa fas.", "öppen för ansökningar")

	screening := "/admin/cycles/" + f.cycle + "/applications"
	c.visit(screening, "admin-screening")
	a := f.apps[0]
	c.run(chromedp.Click(chromedp.CSS("#f-eligibility-" + a + "-NOT_ELIGIBLE")))
	c.submit(`form[action$="/`+a+`/screen"] button`, "admin-screening-error")
	c.wantText("Ange ett skäl.")
	c.retype(map[string]string{"#f-reason-" + a: "Inte en kommun"})
	c.submit(`form[action$="/`+a+`/screen"] button`, "")
	c.wantText("Behörigheten är sparad.", "inte behörig: Inte en kommun")
	c.visit("/admin/cycles/"+f.cycle, "admin-cycle-scoring")
	c.wantText("Kriterierna kan inte längre ändras")
	c.visit("/admin/cycles/"+f.cycle+"/criteria/"+f.criteria[0], "admin-criterion-locked")

	c.english()
	for _, p := range []struct{ path, shot, text string }{
		{"/admin/awards", "admin-awards-en", "Awards and cycles"},
		{cycle, "admin-cycle-en", "Dates and settings"},
		{cycle + "/criteria/new", "admin-criterion-new-en", "One band a line"},
		{cycle + "/advance", "admin-advance-en", "It needs:"},
		{screening, "admin-screening-en", "Is the application eligible?"},
		{"/admin/cycles/" + f.cycle + "/criteria/" + f.criteria[0], "admin-criterion-locked-en", "can no longer change"},
	} {
		c.visit(p.path, p.shot)
		c.wantText(p.text)
		if strings.Contains(c.text(), "[") && strings.Contains(c.text(), ".") {
			for _, w := range strings.Fields(c.text()) {
				if strings.HasPrefix(w, "[") && strings.Contains(w, ".") && strings.HasSuffix(w, "]") {
					t.Errorf("%s shows a missing key %s", p.path, w)
				}
			}
		}
	}
}

// TestBrowserCriterionByKeyboard: the criterion form works from the
// keyboard alone: Tab reaches each field in order, the admin types into
// it, and Enter saves.
func TestBrowserCriterionByKeyboard(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.staffLogin(store.DemoAdminEmail)
	c.visit("/admin/awards", "")
	c.retype(map[string]string{"#f-name": "Tangentbordspriset"})
	c.submit(`form[action="/admin/awards"] button`, "")
	c.submit(`form[action$="/cycles"] button`, "")
	cycle := c.location()
	c.visit(cycle+"/criteria/new", "")
	typed := map[string]string{"f-code": "7", "f-title": "Tangentbord", "f-guidance": "Allt med tangenterna"}
	order := []string{}
	for range 200 {
		c.run(chromedp.KeyEvent(kb.Tab))
		id := get(c, chromedp.Evaluate[string](`document.activeElement.id || ""`))
		if v, ok := typed[id]; ok {
			c.run(chromedp.KeyEvent(v))
			order = append(order, id)
			delete(typed, id)
		}
		if id == "f-weight" {
			break
		}
	}
	if len(typed) > 0 || strings.Join(order, " ") != "f-code f-title f-guidance" {
		t.Fatalf("Tab reached %v, never %v", order, typed)
	}
	resp, err := chromedp.RunResponse(c.ctx, chromedp.KeyEvent(kb.Enter))
	if err != nil {
		t.Fatal(err)
	}
	c.landed(resp, "Enter in the weight field", "")
	c.wantText("Kriteriet är sparat.", "Tangentbord")
}
