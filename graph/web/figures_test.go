package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/leanforum/awards/store"
)

// serve runs one request through the site's handler in process, with
// the session cookie of token, and returns the answer and how many SQL
// statements it ran.
func (s *site) serve(tb testing.TB, path, token string) (*httptest.ResponseRecorder, int64) {
	ctx, counter := store.WithStatementCounter(context.Background())
	req := httptest.NewRequest("GET", path, nil).WithContext(ctx)
	if token != "" {
		req.AddCookie(&http.Cookie{Name: "session", Value: token})
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("GET %s = %d", path, rec.Code)
	}
	return rec, counter.Count()
}

// pageFigures are the pages whose server time and statements the README
// quotes.
func (s *site) pageFigures(tb testing.TB) []struct{ name, path, token string } {
	owner, path := s.applicant("figures@example.se")
	p := owner.get(path)
	f := editorForm(p)
	malmoIndicator(f)
	f.Set("action", "save")
	owner.post(path, f).wantStatus(http.StatusSeeOther)
	token := owner.cookie("session").Value
	return []struct{ name, path, token string }{
		{"home", "/", ""},
		{"editor", path, token},
		{"benchmark", "/benchmarks/1/versions/1", ""},
	}
}

// TestStatementsPerPage: each page runs a fixed number of SQL statements,
// the same with more applications and organisations in the database.
func TestStatementsPerPage(t *testing.T) {
	s := newSite(t)
	pages := s.pageFigures(t)
	want := map[string]int64{}
	for _, p := range pages {
		_, want[p.name] = s.serve(t, p.path, p.token)
	}
	for i := range 5 {
		s.applicant("more" + string(rune('a'+i)) + "@example.se")
	}
	for _, p := range pages {
		if _, got := s.serve(t, p.path, p.token); got != want[p.name] {
			t.Errorf("GET %s (%s): %d statements with five more applications, %d before", p.path, p.name, got, want[p.name])
		}
		t.Logf("%s: %d statements", p.name, want[p.name])
	}
	// The README quotes these; a change to them is a change to say there.
	fixed := map[string]int64{"home": 4, "editor": 12, "benchmark": 3}
	for name, n := range want {
		if n != fixed[name] {
			t.Errorf("%s runs %d statements, want %d", name, n, fixed[name])
		}
	}
}

// TestHomeTransferSize: a first visit to the home page is the HTML, one
// stylesheet and one script (fonts are the system's), under 150 KB.
func TestHomeTransferSize(t *testing.T) {
	s := newSite(t)
	rec, _ := s.serve(t, "/", "")
	html := rec.Body.String()
	assets := regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`).FindAllStringSubmatch(html, -1)
	total := len(html)
	for _, a := range assets {
		r, _ := s.serve(t, a[1], "")
		total += r.Body.Len()
	}
	if len(assets) > 2 {
		t.Errorf("the home page needs %d requests besides itself, want at most 2: %v", len(assets), assets)
	}
	if total > 150<<10 {
		t.Errorf("a first visit to the home page is %d bytes, want under 150 KB", total)
	}
	t.Logf("home page: %d bytes with %d assets", total, len(assets))
}

// BenchmarkPages is the server time of a page with the demo data, through
// the real handler and PostgreSQL (make bench-web), configured as awardd
// serve configures it.
func BenchmarkPages(b *testing.B) {
	s := newServedSite(b)
	for _, p := range s.pageFigures(b) {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				s.serve(b, p.path, p.token)
			}
		})
	}
}
