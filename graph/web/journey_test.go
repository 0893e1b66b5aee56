package web_test

import (
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
		c.wantText("Bedömningskriterier", "role model")
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
