package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// TestAdminExportsPage: the page links every CSV export (plain and for
// Swedish Excel) and every PDF in Swedish and English; the download
// link fetches the API's file as the logged-in user, and the API's
// refusal is the page for its code.
func TestAdminExportsPage(t *testing.T) {
	a := newAdminJury(t)
	a.score("assigned", 1, 60, "Tydligt")
	a.submit("assigned", 1)
	b := a.b
	q := func(s string) string { return strings.ReplaceAll(s, "/", "%2f") } // as html/template writes it
	p := b.get(a.base + "/exports").wantStatus(http.StatusOK)
	for _, kind := range []string{"scores", "normalised", "consensus", "audit"} {
		path := "/download?path=" + q("/exports/cycles/"+a.cycle+"/"+kind+".csv")
		p.has(`href="`+path+`"`, `href="`+path+`&amp;format=excel-sv"`)
		if got := b.get(unescape(path) + "&format=excel-sv"); got.Status != http.StatusOK || !strings.HasPrefix(got.Header.Get("Content-Type"), "text/csv") {
			t.Errorf("%s: %d %s", path, got.Status, got.Header.Get("Content-Type"))
		}
	}
	for _, lang := range []string{"sv", "en"} {
		p.has(`href="/download?path=`+q("/reports/cycles/"+a.cycle+"/ranking.pdf")+`&amp;lang=`+lang+`"`,
			`href="/download?path=`+q("/reports/applications/"+a.apps[0]+"/feedback.pdf")+`&amp;lang=`+lang+`"`,
			`href="/reports/municipalities/1280/profile.pdf?lang=`+lang+`&amp;year=`,
			`href="/reports/benchmarks/1/versions/1.pdf?lang=`+lang+`"`)
	}
	csv := b.get("/download?path=" + url.QueryEscape("/exports/cycles/"+a.cycle+"/audit.csv")).wantStatus(http.StatusOK)
	if ct := csv.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") || !strings.Contains(csv.Body, "juror.add") {
		t.Errorf("audit.csv: %s\n%.300s", ct, csv.Body)
	}
	pdf := b.get("/download?path=" + url.QueryEscape("/reports/cycles/"+a.cycle+"/ranking.pdf") + "&lang=en").wantStatus(http.StatusOK)
	if !strings.HasPrefix(pdf.Body, "%PDF") || pdf.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("ranking.pdf: %s %.20q", pdf.Header.Get("Content-Type"), pdf.Body)
	}
	juror := a.browser("assigned")
	juror.get("/download?path=" + q("/exports/cycles/"+a.cycle+"/scores.csv")).wantStatus(http.StatusForbidden).lacks("application_id")
	b.get("/download?path=" + q("/graphql")).wantStatus(http.StatusNotFound)
	b.get("/download?path=" + q("/exports/cycles/"+a.cycle+"/../../graphql")).wantStatus(http.StatusNotFound)
	anon := a.browser("anonymous")
	if p := anon.get("/download?path=" + q("/exports/cycles/"+a.cycle+"/scores.csv")); p.Status != http.StatusSeeOther ||
		!strings.HasPrefix(p.location(), "/login?next=") {
		t.Errorf("anonymous download: %d to %q, want a redirect to log in", p.Status, p.location())
	}
}

// TestAdminAuditPage: the log narrows by who, what, entity and dates,
// pages through 50 entries at a time keeping the filter, and says at the
// field what is wrong with a date.
func TestAdminAuditPage(t *testing.T) {
	a := newAdminJury(t)
	b := a.b
	// Enough entries for two pages of assignments.
	for range 26 {
		a.assign("lead", 0)
		a.s.gql(a.admin, `mutation($a: ID!, $j: ID!) { unassignJuror(applicationId: $a, jurorId: $j) }`,
			map[string]any{"a": a.apps[0], "j": a.ids["lead"]})
	}
	p := b.get(a.base + "/audit").wantStatus(http.StatusOK)
	p.has("Loggen (", "<code>juror.add</code>", "Admin", "Gammalt → nytt", `&#34;Lead&#34;: true`)
	p = b.get(a.base + "/audit?entity=assignment&action=assignment.remove").wantStatus(http.StatusOK)
	p.has("Loggen (26 händelser)", "assignment.remove").lacks("<code>juror.add</code>", "<code>assignment.add</code>")
	p = b.get(a.base + "/audit?entity=assignment").has("Loggen (55 händelser)")
	next := between(p.Body, `<a href="/admin/cycles/`+a.cycle+`/audit?`, `"`)
	if !strings.Contains(next, "entity=assignment") || !strings.Contains(next, "after=") {
		t.Fatalf("the next page's link %q loses the filter", next)
	}
	b.get("/admin/cycles/"+a.cycle+"/audit?"+unescape(next)).wantStatus(http.StatusOK).has("Första sidan", "Loggen (55 händelser)")
	b.get(a.base + "/audit?from=2099-01-01").has("Inga händelser matchar.")
	b.get(a.base + "/audit?to=2001-01-01").has("Inga händelser matchar.")
	// The who filter names everyone with entries, with how many; the
	// conflicted juror has none, so is named only when asked for.
	p = b.get(a.base + "/audit")
	admin := userID(t, a.s, store.DemoAdminEmail)
	p.has(`<option value="`+admin+`">Demo Admin (sekretariatet) (`, ` (1 händelse)</option>`).lacks("Konto ")
	actor := userID(t, a.s, "conflicted@jury.example.se")
	b.get(a.base+"/audit?actor="+actor).has("Inga händelser matchar.", `<option value="`+actor+`" selected>Konto `+actor+` (inga händelser)</option>`)
	b.get(a.base + "/audit?actor=" + admin).has(`<option value="` + admin + `" selected>Demo Admin (sekretariatet) (`)
	b.get(a.base+"/audit?from=igår").wantStatus(http.StatusUnprocessableEntity).has("Ange ett datum som ÅÅÅÅ-MM-DD.", `value="igår"`)
	b.get(a.base + "/audit?from=2026-05-02&to=2026-05-01").wantStatus(http.StatusUnprocessableEntity).
		has("Slutdatumet måste vara samma dag som eller efter startdatumet.")
}
