package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/graph/web"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// site is the web application over a fresh database with the demo
// loaded, as make run serves it, behind a real HTTP server.
type site struct {
	t   testing.TB
	dsn string
	db  *store.DB
	api *graph.Handler
	web *web.Server
	h   http.Handler
	srv *httptest.Server
}

func newSite(t testing.TB) *site {
	t.Helper()
	return newSiteWith(t, web.Options{})
}

// newSiteWith is newSite with options (the secret is filled in).
func newSiteWith(t testing.TB, opts web.Options) *site {
	t.Helper()
	return newSiteCompared(t, opts, true)
}

// newServedSite is newSite with the API as awardd serve runs it: without
// CompareExecutors, which runs every query twice (for the benchmarks).
func newServedSite(t testing.TB) *site {
	t.Helper()
	return newSiteCompared(t, web.Options{}, false)
}

// newSiteCompared is newSiteWith, comparing the executors or not.
func newSiteCompared(t testing.TB, opts web.Options, compare bool) *site {
	t.Helper()
	dsn := storetest.NewDatabase(t)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.BcryptCost = bcrypt.MinCost
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if _, err := db.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.PublishDemoReport(ctx, db); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	// CompareExecutors: every query a page sends also runs on graphql-go's
	// executor, and a different answer fails the test.
	api, err := graph.NewHandler(db, graph.Options{Log: slog.New(failOnDiff{t, quiet.Handler()}), LoginLimit: 1000,
		SignUpLimit: 1000, CompareExecutors: compare})
	if err != nil {
		t.Fatal(err)
	}
	opts.Secret = []byte("a test secret of more than sixteen bytes")
	if opts.Log == nil {
		opts.Log = quiet
	}
	w, err := web.New(api, opts)
	if err != nil {
		t.Fatal(err)
	}
	s := &site{t: t, dsn: dsn, db: db, api: api, web: w, h: web.Mount(api, w)}
	s.srv = httptest.NewServer(s.h)
	t.Cleanup(s.srv.Close)
	return s
}

// browser is one visitor with its own cookies; it does not follow
// redirects, so tests see them.
type browser struct {
	s      *site
	jar    *cookiejar.Jar
	client *http.Client
	csrf   string // the CSRF token of the last page read
}

func (s *site) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{s: s, jar: jar, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// page is an answer.
type page struct {
	t      testing.TB
	Status int
	Header http.Header
	Body   string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(req *http.Request) *page {
	b.s.t.Helper()
	resp, err := b.client.Do(req)
	if err != nil {
		b.s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	p := &page{t: b.s.t, Status: resp.StatusCode, Header: resp.Header, Body: string(body)}
	if m := csrfField.FindStringSubmatch(p.Body); m != nil {
		b.csrf = m[1]
	}
	return p
}

// get reads path.
func (b *browser) get(path string) *page {
	b.s.t.Helper()
	req, _ := http.NewRequest("GET", b.s.srv.URL+path, nil)
	return b.do(req)
}

// post submits form to path with the CSRF token of the last page read.
func (b *browser) post(path string, form url.Values) *page {
	b.s.t.Helper()
	if form.Get("csrf") == "" {
		form.Set("csrf", b.csrf)
	}
	return b.postRaw(path, form)
}

// postRaw submits form as it is.
func (b *browser) postRaw(path string, form url.Values) *page {
	b.s.t.Helper()
	req, _ := http.NewRequest("POST", b.s.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// login logs in through the login page and returns the redirect.
func (b *browser) login(email, password string) *page {
	b.s.t.Helper()
	b.get("/login")
	p := b.post("/login", url.Values{"email": {email}, "password": {password}})
	if p.Status != http.StatusSeeOther {
		b.s.t.Fatalf("login as %s: status %d, want 303\n%s", email, p.Status, p.Body)
	}
	return p
}

// cookie is the browser's cookie name for the site.
func (b *browser) cookie(name string) *http.Cookie {
	u, _ := url.Parse(b.s.srv.URL)
	for _, c := range b.jar.Cookies(u) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// wantStatus fails unless the page has status.
func (p *page) wantStatus(status int) *page {
	p.t.Helper()
	if p.Status != status {
		p.t.Fatalf("status = %d, want %d\n%s", p.Status, status, p.Body)
	}
	return p
}

// has fails unless the page's HTML contains every s.
func (p *page) has(s ...string) *page {
	p.t.Helper()
	for _, x := range s {
		if !strings.Contains(p.Body, x) {
			p.t.Errorf("the page lacks %q", x)
		}
	}
	return p
}

// lacks fails when the page's HTML contains any s.
func (p *page) lacks(s ...string) *page {
	p.t.Helper()
	for _, x := range s {
		if strings.Contains(p.Body, x) {
			p.t.Errorf("the page shows %q", x)
		}
	}
	return p
}

// location is where a redirect points.
func (p *page) location() string { return p.Header.Get("Location") }

func graphCaller(token string) graph.Caller { return graph.Caller{Token: token} }

// adminToken logs the demo's admin in through the API.
func (s *site) adminToken() string {
	s.t.Helper()
	return s.token(store.DemoAdminEmail, store.DemoPassword)
}

// token logs in through the API.
func (s *site) token(email, password string) string {
	s.t.Helper()
	r := s.api.Execute(context.Background(), graph.Caller{}, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
		map[string]any{"e": email, "p": password})
	var out struct{ Login struct{ Token string } }
	if err := r.Decode(&out); err != nil || out.Login.Token == "" {
		s.t.Fatalf("login %s: %v %v", email, r.Errors, err)
	}
	return out.Login.Token
}

// usersWithEmail counts the accounts with an e-mail address, as the
// admin sees them.
func (s *site) usersWithEmail(email string) int {
	s.t.Helper()
	r := s.api.Execute(context.Background(), graph.Caller{Token: s.adminToken()}, `{ users(first: 100) { nodes { email } } }`, nil)
	var out struct {
		Users struct{ Nodes []struct{ Email string } }
	}
	if err := r.Decode(&out); err != nil || len(r.Errors) > 0 {
		s.t.Fatalf("users: %v %v", r.Errors, err)
	}
	n := 0
	for _, u := range out.Users.Nodes {
		if u.Email == email {
			n++
		}
	}
	return n
}

// failOnDiff fails the test when the handler logs that its executors
// answered differently (graph.Options.CompareExecutors).
type failOnDiff struct {
	t testing.TB
	slog.Handler
}

func (f failOnDiff) Handle(ctx context.Context, r slog.Record) error {
	if r.Message == "the compiled executor's answer differs from graphql-go's" {
		var b strings.Builder
		r.Attrs(func(a slog.Attr) bool { fmt.Fprintf(&b, "\n%s: %s", a.Key, a.Value); return true })
		f.t.Errorf("%s:%s", r.Message, b.String())
	}
	return f.Handler.Handle(ctx, r)
}
