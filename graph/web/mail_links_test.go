package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph/mail"
)

// TestEveryMailLinkIsAPage fails when a mail links to a path the web
// application does not serve with GET: a recipient would land on 404 or 405.
func TestEveryMailLinkIsAPage(t *testing.T) {
	s := &Server{mux: http.NewServeMux()}
	s.routes()
	fill := strings.NewReplacer("{id}", "1", "{cycleId}", "1", "{token}", "x")
	for kind, path := range mail.LinkPaths() {
		r := httptest.NewRequest(http.MethodGet, fill.Replace(path), nil)
		if _, pattern := s.mux.Handler(r); pattern == "" || pattern == "/" {
			t.Errorf("%s mails link to %s, which no page serves with GET (pattern %q)", kind, path, pattern)
		}
	}
}
