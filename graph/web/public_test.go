package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// roles are the callers every page is tried as: anonymous, the owner of
// the demo's Malmö application, another applicant, a juror and an admin.
var roles = []struct{ name, email string }{
	{"anonymous", ""},
	{"owner", store.DemoMalmoEmail},
	{"other applicant", store.DemoApplicantEmail},
	{"juror", store.DemoJurorEmail},
	{"admin", store.DemoAdminEmail},
}

// browsers logs a browser in for every role.
func (s *site) browsers() map[string]*browser {
	out := map[string]*browser{}
	for _, r := range roles {
		b := s.browser()
		if r.email != "" {
			b.login(r.email, store.DemoPassword)
		}
		out[r.name] = b
	}
	return out
}

// TestPublicPagesByRole: the public pages answer every role alike, with
// what the public may see and nothing more.
func TestPublicPagesByRole(t *testing.T) {
	s := newSite(t)
	pages := []struct {
		path   string
		status int
		has    []string
		lacks  []string
	}{
		{"/cycles/1", 200, []string{"<h1>Svenska Leanpriset 2012</h1>", "Bedömningskriterier", "föredöme", "Vilka resultat lean har gett", `aria-current="step"`, "Se resultaten"},
			[]string{"Skriv en ansökan"}},
		{"/cycles/2", 200, []string{"öppen för ansökningar", "dagar kvar", `href="/dashboard"`}, []string{"Huset för fler i arbete", "Linköping"}},
		{"/cycles/1/results", 200, []string{"Vinnare (2)", "DeLaval", "Malmö stad, Individ- och familjeomsorgen Södra innerstaden",
			"Första offentliga verksamheten att vinna", `href="/municipalities/1280"`}, nil},
		{"/cycles/3/results", 404, []string{"Sidan finns inte"}, []string{"Vinnare"}},
		{"/cycles/2/results", 404, nil, nil},
		{"/cycles/999999", 404, nil, nil},
		{"/cycles/0x1", 404, nil, nil},
		{"/benchmarks", 200, []string{`href="/benchmarks/1/versions/1"`, "Väntetider och utredningstider"}, nil},
		{"/benchmarks/1/versions/1", 200, []string{"U33401", "Lagkrav: högst 120.", "Inom lagkravet", `<svg viewBox=`, `role="img"`,
			"<title id=\"chart-0-title\">", "<desc id=\"chart-0-desc\">Södertälje från", "grön (bästa fjärdedelen)",
			`href="/reports/benchmarks/1/versions/1.pdf?lang=sv"`, `href="/reports/benchmarks/1/versions/1.pdf?lang=en"`}, []string{"Rättvik"}},
		{"/benchmarks/1/versions/1?all=1", 200, []string{"Rättvik", "alla kommuner"}, nil},
		{"/benchmarks/1/versions/2", 404, nil, nil},
		{"/benchmarks/77/versions/1", 404, nil, nil},
		{"/municipalities/1280", 200, []string{"<h1>Malmö</h1>", "Storstäder", "Skåne län", "De sju mest lika kommunerna",
			"U33401", `profile.pdf?lang=en&amp;year=2023&amp;similar=N01951,N20016`}, nil},
		{"/municipalities/9999", 404, nil, nil},
		{"/municipalities/12345", 404, nil, nil},
		{"/municipalities/1280?year=nineteen", 400, nil, nil},
	}
	for name, b := range s.browsers() {
		t.Run(name, func(t *testing.T) {
			for _, p := range pages {
				got := b.get(p.path)
				if got.Status != p.status {
					t.Errorf("GET %s = %d, want %d", p.path, got.Status, p.status)
					continue
				}
				got.has(p.has...).lacks(p.lacks...)
			}
		})
	}
}

// TestPublicNumbersAreTheAPIs: the benchmark page's table shows the
// numbers the API gives, in the page's language.
func TestPublicNumbersAreTheAPIs(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	sv := b.get("/benchmarks/1/versions/1").Body
	// Malmö's 2021–2023 series of U33401 in the trend table, and the
	// share within the legal limit with a decimal comma.
	row := regexp.MustCompile(`<tr><th scope="row">Malmö</th>(.*?)</tr>`).FindStringSubmatch(sv)
	if row == nil || strings.Count(row[1], `<td class="num">`) != 4 {
		t.Fatalf("no trend row for Malmö: %v", row)
	}
	if !regexp.MustCompile(`\d+ av 176 kommuner \(\d+,\d %\)`).MatchString(sv) {
		t.Errorf("the share within the legal limit is not written the Swedish way")
	}
	b.get("/login")
	b.post("/lang", map[string][]string{"lang": {"en"}, "next": {"/"}})
	en := b.get("/benchmarks/1/versions/1").Body
	if !regexp.MustCompile(`\d+ of 176 municipalities \(\d+\.\d%\)`).MatchString(en) {
		t.Errorf("the share within the legal limit is not written the English way")
	}
	for _, lang := range []string{"sv", "en"} {
		p := b.get("/reports/benchmarks/1/versions/1.pdf?lang=" + lang)
		if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("the %s PDF = %d %s", lang, p.Status, p.Header.Get("Content-Type"))
		}
	}
	if p := b.get("/reports/municipalities/1280/profile.pdf?lang=en&year=2023&similar=N01951,N20016"); p.Status != http.StatusOK {
		t.Errorf("the profile PDF = %d", p.Status)
	}
}
