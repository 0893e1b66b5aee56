package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPublicPages: an anonymous visitor reads the home page, the
// 2012 results and a benchmark report, in Swedish and in English.
func TestBrowserPublicPages(t *testing.T) {
	s := newSite(t)
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		c.visit("/", c.name("home"))
		c.wantText("Svenska Leanpriset", "Publicerade jämförelser")
		c.submit(`a[href="/cycles/1/results"]`, c.name("results"))
		c.wantText("Vinnare (2)", "DeLaval", "Malmö stad, Individ- och familjeomsorgen Södra innerstaden")
		c.visit("/cycles/1", c.name("cycle"))
		c.wantText("Bedömningskriterier", "föredöme")
		c.visit("/benchmarks", c.name("benchmarks"))
		c.submit(`a[href="/benchmarks/1/versions/1"]`, c.name("benchmark"))
		c.wantText("Utveckling för kommunerna i fokus", "Lagkrav: högst 120.", "Inom lagkravet")
		c.visit("/municipalities/1280", c.name("municipality"))
		c.wantText("Malmö", "De sju mest lika kommunerna")
		c.visit("/no/such/page", c.name("not-found"))
		c.wantText("Sidan finns inte")
		c.visit("/login", c.name("login"))
		c.submit(`form.lang button`, "")
		if got := c.location(); got != "/login" {
			t.Errorf("after the language switch: at %s, want /login", got)
		}
		c.wantText("Log in")
		c.screenshot(c.name("login-en"))
	}
}

// TestAxeFindsViolations: the harness's axe-core check can fail; a page
// with an unlabelled field, an image without text and low contrast is
// reported.
func TestAxeFindsViolations(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.run(chromedp.Navigate(`data:text/html,<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1>` +
		`<input type=text><img src=x.png><p style="color:%23eee">faint</p></main></body></html>`))
	got := map[string]bool{}
	for _, v := range c.violations() {
		got[v.ID] = true
	}
	for _, want := range []string{"html-has-lang", "label", "image-alt", "color-contrast"} {
		if !got[want] {
			t.Errorf("axe-core did not report %s; it reported %v", want, got)
		}
	}
}

// TestBrowserApplicantJourney: a new applicant signs up, writes an
// application with Malmö's indicator (U33401, 140 → 105 days, limit
// 120), sees the official series, saves, loses a version race without
// losing text, submits (refused while answers are missing) and
// withdraws; with JavaScript on and off.
func TestBrowserApplicantJourney(t *testing.T) {
	s := newSite(t)
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		email := c.mode() + "@journey.example.se"
		c.visit("/signup", c.name("signup"))
		c.fill(map[string]string{"#f-name": "Lena Ny", "#f-email": email, "#f-password": "ett långt lösenord",
			"#f-password2": "ett långt lösenord", "#f-orgName": "Malmö stad, IFO Södra innerstaden (" + c.mode() + ")"})
		c.choose("#f-kind", "DISTRICT")
		c.choose("#f-municipality", "1280")
		c.submit(`form[action="/signup"] button[type=submit]`, c.name("dashboard"))
		c.wantText("Välkommen!", "Ny ansökan")
		c.fill(map[string]string{"#f-title": "Kortare väntan för barn och familjer"})
		c.submit(`form[action="/applications"] button[type=submit]`, "")
		path := c.location()
		if !strings.HasPrefix(path, "/applications/") {
			t.Fatalf("after creating a draft: at %s", path)
		}
		c.fill(map[string]string{"#f-summary": "Väntetiden för familjestöd kortades från 19 till 10 dagar.",
			"#f-ind-0-name": "Utredningstid barn och unga", "#f-ind-0-unit": "dagar", "#f-ind-0-kpiq": "utredningstid",
			"#f-ind-0-baseline": "140", "#f-ind-0-current": "105", "#f-ind-0-limit": "120"})
		c.choose("#f-ind-0-baselineDate", "2021-01-01") // a date field takes no typed ISO date
		c.choose("#f-ind-0-currentDate", "2023-06-01")
		c.choose("#f-ind-0-direction", "LOWER_IS_BETTER")
		c.choose("#f-ind-0-municipality", "1280")
		c.submit(`button[value="search-0"]`, "")
		c.choose("#f-ind-0-kpi", "U33401")
		c.submit(`button[value="save"]`, c.name("editor"))
		c.wantText("Utkastet är sparat.", "Officiell serie:", "140", "105")

		// Someone else saves in between: the second save loses the race.
		other := s.browser()
		other.login(email, "ett långt lösenord")
		f := editorForm(other.get(path))
		f.Set("summary", "Någon annans sammanfattning.")
		f.Set("action", "save")
		other.post(path, f).wantStatus(http.StatusSeeOther)
		c.fill(map[string]string{"#f-summary": "Min text som inte får försvinna."})
		c.submit(`button[value="save"]`, c.name("editor-conflict"))
		c.wantText("Någon annan sparade ansökan medan du skrev", "Någon annans sammanfattning.")
		if got := get(c, chromedp.Value(chromedp.CSS("#f-summary"))); got != "Min text som inte får försvinna." {
			t.Errorf("after the lost race the summary holds %q", got)
		}
		c.submit(`button[value="submit"]`, c.name("editor-incomplete"))
		c.wantText("svar saknas")
		for _, id := range get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("textarea[name^=answer-]")].map(t => "#" + t.id)`)) {
			c.fill(map[string]string{id: "Vårt svar."})
		}
		c.submit(`button[value="submit"]`, c.name("submitted"))
		c.wantText("Ansökan är inskickad. Tack!")
		c.run(chromedp.Click(chromedp.CSS("details.withdraw summary")))
		c.fill(map[string]string{"#f-reason": "Vi söker nästa år."})
		c.submit(`form[action$="/withdraw"] button[type=submit]`, c.name("withdrawn"))
		c.wantText("Ansökan är återkallad.", "Vi söker nästa år.")
	}
}
