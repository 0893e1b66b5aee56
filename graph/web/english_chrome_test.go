package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/leanforum/awards/store"
)

// wantEnglish fails unless the page is in English: lang="en" on <html>
// and the main element shows every s.
func (c *chrome) wantEnglish(s ...string) {
	c.t.Helper()
	if lang := get(c, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "en" {
		c.t.Errorf("%s: lang=%q, want en", c.location(), lang)
	}
	c.wantText(s...)
}

// TestBrowserEnglishPages: every public and applicant page in English,
// photographed (en-*.png) and checked by axe-core: the public pages, sign
// up, the dashboard, the editor with Malmö's indicator and its official
// series, refused (answers missing; a bad KPI id at its row), submitted
// and withdrawn, and a published application with its feedback.
func TestBrowserEnglishPages(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.visit("/", "")
	c.english()
	for _, p := range []struct{ path, shot, text string }{
		{"/", "en-home", "Published benchmarks"},
		{"/cycles/1/results", "en-results", "Winners (2)"},
		{"/cycles/1", "en-cycle", "Criteria"},
		{"/benchmarks", "en-benchmarks", "Väntetider och utredningstider"},
		{"/benchmarks/1/versions/1", "en-benchmark", "Legal limit: at most 120."},
		{"/municipalities/1280", "en-municipality", "The seven most similar municipalities"},
		{"/no/such/page", "en-not-found", "not found"},
		{"/login", "en-login", "Log in"},
		{"/signup", "en-signup", "Create account"},
	} {
		c.visit(p.path, p.shot)
		c.wantEnglish(p.text)
	}

	b, path := s.applicant("english@example.se")
	f := editorForm(b.get(path))
	malmoIndicator(f)
	f.Set("summary", "Waiting times for family support fell from 19 to 10 days.")
	f.Set("action", "save")
	b.post(path, f).wantStatus(http.StatusSeeOther)
	c.loginAs("english@example.se", applicantPassword)
	c.visit("/dashboard", "en-dashboard")
	c.wantEnglish("My applications")
	c.visit(path, "en-editor")
	c.wantEnglish("Official series:", "Before you submit")
	c.submit(`button[value="submit"]`, "en-editor-incomplete")
	c.wantEnglish("missing")
	c.fill(map[string]string{"#f-ind-0-kpi": "Q12"})
	c.submit(`button[value="save"]`, "en-editor-row-error")
	c.wantEnglish("Enter a Kolada id such as U33401")
	c.fill(map[string]string{"#f-ind-0-kpi": "U33401"})
	for _, id := range get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("textarea[name^=answer-]")].map(t => "#" + t.id)`)) {
		c.fill(map[string]string{id: "Our answer."})
	}
	c.submit(`button[value="submit"]`, "en-submitted")
	c.wantEnglish("submitted")
	c.run(chromedp.Click(chromedp.CSS("details.withdraw summary")))
	c.fill(map[string]string{"#f-reason": "We will apply next year."})
	c.submit(`form[action$="/withdraw"] button[type=submit]`, "en-withdrawn")
	c.wantEnglish("withdrawn", "We will apply next year.")

	// Malmö's published 2012 application: the decision and the feedback.
	m := newChrome(t, s, true)
	m.visit("/", "")
	m.english()
	m.loginAs(store.DemoMalmoEmail, store.DemoPassword)
	m.visit("/dashboard", "en-dashboard-published")
	links := get(m, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main a[href^='/applications/']")].map(a => a.getAttribute("href"))`))
	if len(links) == 0 {
		t.Fatalf("Malmö's dashboard links to no application:\n%s", m.text())
	}
	for i, l := range links {
		shot := "en-application-published"
		if i > 0 {
			shot += "-" + strings.TrimPrefix(l, "/applications/")
		}
		m.visit(l, shot)
	}
	m.visit(links[0], "")
	m.wantEnglish("Feedback")
}
