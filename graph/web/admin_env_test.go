package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// staffRoles are the callers the secretariat's pages are tried as: the
// demo's anonymous visitor, an applicant, a juror, the lead juror of the
// demo's jury cycle and the admin.
var staffRoles = []struct{ name, email string }{
	{"anonymous", ""},
	{"applicant", store.DemoMalmoEmail},
	{"juror", "eva@demo.jury.se"},
	{"lead juror", store.DemoJurorEmail},
	{"admin", store.DemoAdminEmail},
}

// staffBrowsers logs a browser in for every staff role.
func (s *site) staffBrowsers() map[string]*browser {
	out := map[string]*browser{}
	for _, r := range staffRoles {
		b := s.browser()
		if r.email != "" {
			b.login(r.email, store.DemoPassword)
		}
		out[r.name] = b
	}
	return out
}

// adminPage is one secretariat page as every role sees it: the admin
// gets it with has, anonymous is sent to log in, anyone else gets the
// 403 page without any of has or secret.
type adminPage struct {
	path   string
	has    []string
	secret []string // what only the admin may see, beyond has
}

// checkAdminPages tries every page as every staff role.
func checkAdminPages(t *testing.T, s *site, pages []adminPage) {
	t.Helper()
	for name, b := range s.staffBrowsers() {
		for _, p := range pages {
			got := b.get(p.path)
			switch name {
			case "admin":
				if got.Status != http.StatusOK {
					t.Errorf("%s: GET %s = %d, want 200\n%s", name, p.path, got.Status, got.Body)
					continue
				}
				got.has(p.has...)
			case "anonymous":
				if got.Status != http.StatusSeeOther || !strings.HasPrefix(got.location(), "/login?next=") {
					t.Errorf("%s: GET %s = %d to %q, want 303 to log in", name, p.path, got.Status, got.location())
				}
			default:
				if got.Status != http.StatusForbidden {
					t.Errorf("%s: GET %s = %d, want 403", name, p.path, got.Status)
				}
				for _, x := range append(append([]string{}, p.has...), p.secret...) {
					if strings.Contains(got.Body, x) {
						t.Errorf("%s: GET %s shows %q", name, p.path, x)
					}
				}
			}
		}
	}
}
