package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
)

// cycleForm is the settings form as the new cycle page fills it, with
// dates around now.
func cycleForm(year string) url.Values {
	now := time.Now().In(time.FixedZone("CET", 3600))
	return url.Values{"year": {year}, "template": {"LEAN_PRIZE"}, "title": {"Leanpriset " + year + " (webb)"},
		"opensAt": {now.Add(-time.Hour).Format("2006-01-02T15:04")}, "closesAt": {now.AddDate(0, 1, 0).Format("2006-01-02T15:04")},
		"scoringClosesAt": {now.AddDate(0, 2, 0).Format("2006-01-02T15:04")}, "scoreVisibility": {"AFTER_OWN_SUBMISSION"},
		"aggregation": {"MEAN"}, "jurorsPerApplication": {"3"}, "flagRangeShare": {"30"}, "flagSdShare": {"15"},
		"reliabilityMinApplications": {"5"}, "key": {"k-" + year}}
}

// adminCreatesCycle creates an award and a LEAN_PRIZE cycle through the
// pages and returns the cycle's path.
func adminCreatesCycle(t *testing.T, admin *browser, name, year string) string {
	t.Helper()
	admin.get("/admin/awards")
	p := admin.post("/admin/awards", url.Values{"name": {name}, "description": {"Ett pris för test"}, "key": {"k-" + name}}).wantStatus(http.StatusSeeOther)
	if !strings.HasSuffix(p.location(), "/cycles/new") {
		t.Fatalf("after creating the award: %q", p.location())
	}
	admin.get(p.location()).wantStatus(http.StatusOK).has("LEAN_PRIZE", "EFQM_2020", "BALDRIGE", name)
	p = admin.post(strings.TrimSuffix(p.location(), "/new"), cycleForm(year)).wantStatus(http.StatusSeeOther)
	return p.location()
}

// TestAdminCycleSettings: the admin creates an award and a cycle from
// the Lean prize's template, is refused a closing date before the
// opening at that field with everything typed kept, saves the settings,
// and a stale form after the phase moved on says what changed.
func TestAdminCycleSettings(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	cycle := adminCreatesCycle(t, admin, "Testpriset", "2031")
	p := admin.get(cycle).wantStatus(http.StatusOK)
	p.has("Omgången är skapad som utkast.", "<h1>Leanpriset 2031 (webb)</h1>", "LEAN_PRIZE", "Kriterierna (3)")
	admin.get("/admin/awards").has("Testpriset", "Leanpriset 2031 (webb)", `href="`+cycle+`"`)

	form := cycleForm("2031")
	form.Set("version", formValue(p.Body, "version"))
	form.Set("was-phase", "DRAFT")
	form.Set("title", "Leanpriset 2031, ändrad")
	form.Set("closesAt", "2020-01-01T12:00")
	form.Set("lockScoresAfterSeeing", "on")
	p = admin.post(cycle, form).wantStatus(http.StatusUnprocessableEntity)
	p.has(`id="f-closesAt-error"`, "Sista dagen för ansökningar måste komma efter att omgången öppnar.", `value="Leanpriset 2031, ändrad"`,
		`value="2020-01-01T12:00"`, `id="f-lockScoresAfterSeeing" name="lockScoresAfterSeeing" checked`)
	form.Set("closesAt", "2099-01-01T12:00")
	form.Set("scoringClosesAt", "2099-02-01T12:00")
	form.Set("reliabilityMinApplications", "7")
	admin.post(cycle, cloneValues(form)).wantStatus(http.StatusSeeOther)
	p = admin.get(cycle).has("Omgångens inställningar är sparade.", `value="Leanpriset 2031, ändrad"`, `value="7"`, `value="2099-01-01T12:00"`)

	// The form read now goes stale: the cycle opens meanwhile.
	stale := cycleForm("2031")
	for _, n := range []string{"version", "was-phase", "was-title", "was-closesAt", "was-opensAt", "was-scoringClosesAt", "was-scoreVisibility",
		"was-aggregation", "was-jurorsPerApplication", "was-flagRangeShare", "was-flagSdShare", "was-lockScoresAfterSeeing", "was-reliabilityMinApplications"} {
		stale.Set(n, formValue(p.Body, n))
	}
	stale.Set("title", "Mitt nya namn")
	admin.get(cycle + "/advance").wantStatus(http.StatusOK).has("organisationer skapar och lämnar in ansökningar")
	admin.post(cycle+"/advance", url.Values{"version": {formValue(p.Body, "version")}, "to": {"OPEN"}}).wantStatus(http.StatusSeeOther)
	p = admin.post(cycle, stale).wantStatus(http.StatusUnprocessableEntity)
	p.has("Ingenting sparades: omgången har ändrats", "Fasen: ”utkast” → ”öppen för ansökningar”", `value="Mitt nya namn"`)
	admin.post(cycle, url.Values{"title": {"x"}}).wantStatus(http.StatusUnprocessableEntity).has("Ange datum och klockslag")
}

// formValue is the value of the named input in a page's HTML.
func formValue(body, name string) string {
	i := strings.Index(body, `name="`+name+`" value="`)
	if i < 0 {
		return ""
	}
	rest := body[i+len(`name="`+name+`" value="`):]
	return rest[:strings.Index(rest, `"`)]
}
