package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph/web"
	"github.com/leanforum/awards/store"
)

// TestEveryDocumentValidates parses and validates every page's GraphQL
// document against the schema, so a schema change that breaks a page
// fails here.
func TestEveryDocumentValidates(t *testing.T) {
	s := newSite(t)
	docs, err := web.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 5 {
		t.Fatalf("only %d documents found", len(docs))
	}
	for name, doc := range docs {
		if errs := s.api.Check(doc); errs != nil {
			t.Errorf("pages/%s.graphql: %v", name, errs)
		}
	}
}

// TestHeadersOnEveryAnswer: the strict CSP and its companions come with
// every page, error pages included.
func TestHeadersOnEveryAnswer(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	for _, path := range []string{"/", "/login", "/signup", "/no/such/page", "/static/app.css"} {
		p := b.get(path)
		csp := p.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "default-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: Content-Security-Policy = %q, want %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: the CSP allows inline code: %q", path, csp)
		}
		if p.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", path)
		}
	}
	if p := b.get("/graphql"); p.Status != http.StatusOK || !strings.Contains(p.Body, "GraphiQL") {
		t.Errorf("GET /graphql = %d, want the API's GraphiQL", p.Status)
	}
}

// TestSessionCookie: logging in sets an HttpOnly, SameSite=Lax session
// cookie; logging out revokes its token in the API.
func TestSessionCookie(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	b.get("/login")
	p := b.post("/login", url.Values{"email": {store.DemoMalmoEmail}, "password": {store.DemoPassword}})
	p.wantStatus(http.StatusSeeOther)
	var set *http.Cookie
	for _, c := range (&http.Response{Header: p.Header}).Cookies() {
		if c.Name == "session" {
			set = c
		}
	}
	if set == nil || !set.HttpOnly || set.SameSite != http.SameSiteLaxMode || set.Secure || set.Path != "/" {
		t.Fatalf("session cookie = %+v, want HttpOnly, SameSite=Lax, Path=/ and (over plain HTTP) not Secure", set)
	}
	token := set.Value
	b.get("/").has("Lena Demo")
	b.post("/logout", url.Values{}).wantStatus(http.StatusSeeOther)
	if c := b.cookie("session"); c != nil && c.Value != "" {
		t.Errorf("after logout the browser still has session %q", c.Value)
	}
	if r := s.api.Execute(t.Context(), graphCaller(token), `{ me { id } }`, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("the logged-out token still works: status %d, %s", r.Status, r.Data)
	}
}

// TestSecureCookies: behind TLS the cookies are Secure with the
// __Host- prefix.
func TestSecureCookies(t *testing.T) {
	s := newSiteWith(t, web.Options{SecureCookies: true})
	b := s.browser()
	p := b.get("/login")
	cookies := (&http.Response{Header: p.Header}).Cookies()
	if len(cookies) == 0 {
		t.Fatal("no cookie set")
	}
	for _, c := range cookies {
		if !strings.HasPrefix(c.Name, "__Host-") || !c.Secure || c.Path != "/" || c.Domain != "" {
			t.Errorf("cookie %+v, want __Host-, Secure, Path=/ and no Domain", c)
		}
	}
}

// TestCSRF: a POST without the token, with another browser's token or
// with a token from before logging in is refused with 403 and changes
// nothing.
func TestCSRF(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	b.login(store.DemoMalmoEmail, store.DemoPassword)
	b.get("/")
	other := s.browser()
	other.get("/")
	cases := map[string]url.Values{
		"no token":                {},
		"a made-up token":         {"csrf": {"AAAA"}},
		"another browser's token": {"csrf": {other.csrf}},
	}
	for name, form := range cases {
		t.Run(name, func(t *testing.T) {
			p := b.postRaw("/logout", form)
			if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "säkerhetskod") {
				t.Errorf("POST /logout: status %d, want 403 with the explanation", p.Status)
			}
			b.get("/").has("Lena Demo")
		})
	}
	t.Run("a token from before logging in", func(t *testing.T) {
		c := s.browser()
		c.get("/login")
		before := c.csrf
		c.post("/login", url.Values{"email": {store.DemoMalmoEmail}, "password": {store.DemoPassword}}).wantStatus(http.StatusSeeOther)
		c.postRaw("/logout", url.Values{"csrf": {before}}).wantStatus(http.StatusForbidden)
		c.get("/").has("Lena Demo")
	})
	t.Run("a sign-up without the token creates no account", func(t *testing.T) {
		c := s.browser()
		c.get("/signup")
		c.postRaw("/signup", url.Values{"name": {"X"}, "email": {"csrf@example.se"}, "password": {"long enough password"},
			"password2": {"long enough password"}, "orgName": {"Org"}, "kind": {"OTHER"}, "sector": {"PRIVATE"}}).wantStatus(http.StatusForbidden)
		if n := s.usersWithEmail("csrf@example.se"); n != 0 {
			t.Errorf("accounts for csrf@example.se = %d, want none", n)
		}
	})
}

// TestLoginNext goes on to ?next= on this site and never off it.
func TestLoginNext(t *testing.T) {
	s := newSite(t)
	cases := []struct{ next, want string }{
		{"/cycles/1", "/cycles/1"},
		{"/benchmarks?x=1", "/benchmarks?x=1"},
		{"https://evil.example/", "/dashboard"},
		{"//evil.example/", "/dashboard"},
		{"/\\evil.example/", "/dashboard"},
		{"javascript:alert(1)", "/dashboard"},
		{"/%0d%0aSet-Cookie:x=1", "/%0d%0aSet-Cookie:x=1"},
		{"", "/dashboard"},
	}
	for _, c := range cases {
		b := s.browser()
		b.get("/login?next=" + url.QueryEscape(c.next))
		p := b.post("/login", url.Values{"email": {store.DemoMalmoEmail}, "password": {store.DemoPassword},
			"next": {c.next}})
		if got := p.location(); got != c.want {
			t.Errorf("login with next=%q goes to %q, want %q", c.next, got, c.want)
		}
		if strings.Contains(p.Header.Get("Set-Cookie"), "x=1") {
			t.Errorf("next=%q set a cookie", c.next)
		}
	}
}

// TestLoginRefused: a wrong password keeps the e-mail address typed, says
// why and sets no session.
func TestLoginRefused(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	b.get("/login")
	p := b.post("/login", url.Values{"email": {store.DemoMalmoEmail}, "password": {"wrong password"}})
	p.wantStatus(http.StatusOK).has("Fel e-postadress eller lösenord", `value="`+store.DemoMalmoEmail+`"`, `role="alert"`)
	if c := b.cookie("session"); c != nil {
		t.Errorf("a refused login set session %q", c.Value)
	}
}

// TestLanguageSwitch: Swedish by default, English by the switch,
// remembered, and back to the page it was on.
func TestLanguageSwitch(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	b.get("/login").has(`<html lang="sv">`, "Logga in")
	p := b.post("/lang", url.Values{"lang": {"en"}, "next": {"/login"}})
	if p.Status != http.StatusSeeOther || p.location() != "/login" {
		t.Fatalf("POST /lang = %d to %q, want 303 to /login", p.Status, p.location())
	}
	b.get("/login").has(`<html lang="en">`, "Log in").lacks("Logga in")
	b.get("/").has(`<html lang="en">`)
	b.post("/lang", url.Values{"lang": {"fr"}, "next": {"https://evil.example/"}})
	b.get("/").has(`<html lang="sv">`)
}

// TestErrorPages: an unknown path is a 404 page in the page's language,
// with the layout; an unknown cycle too.
func TestErrorPages(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	b.get("/no/such/page").wantStatus(http.StatusNotFound).has("Sidan finns inte", `<a class="skip"`, "<h1>")
	b.get("/static/nope.js").wantStatus(http.StatusNotFound)
	if p := b.get("/static/..%2fweb.go"); p.Status == http.StatusOK {
		t.Errorf("GET /static/..%%2fweb.go = 200, want no file outside static/")
	}
}

// TestSignUp: the form lists municipalities by name, a refused sign-up
// comes back filled in with the error at its field, a good one logs in.
func TestSignUp(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	p := b.get("/signup").wantStatus(http.StatusOK).has(`<option value="1280">Malmö</option>`, `<option value="0181">Södertälje</option>`)
	key := between(p.Body, `name="key" value="`, `"`)
	form := url.Values{"key": {key}, "name": {"Ny Sökande"}, "email": {"ny@example.se"}, "password": {"kort"},
		"password2": {"kort"}, "orgName": {"Malmö stad, IFO"}, "kind": {"DISTRICT"}, "sector": {"PUBLIC"}, "municipality": {"1280"}}
	p = b.post("/signup", form).wantStatus(http.StatusUnprocessableEntity)
	p.has(`value="Ny Sökande"`, `value="ny@example.se"`, `value="Malmö stad, IFO"`, `<option value="1280" selected>`,
		`id="f-password-error"`, `aria-describedby="f-password-hint f-password-error"`, `href="#f-password"`).lacks(`value="kort"`)
	form.Set("password", "ett långt lösenord")
	form.Set("password2", "ett långt lösenord")
	p = b.post("/signup", form).wantStatus(http.StatusSeeOther)
	if p.location() != "/dashboard" {
		t.Errorf("after sign-up: to %q, want /dashboard", p.location())
	}
	b.get("/dashboard").wantStatus(http.StatusOK).has("Välkommen!", "Malmö stad, IFO", "Organisationen har inga ansökningar än.", `href="/cycles/2"`)
	b.get("/dashboard").lacks("Välkommen!")
	again := s.browser()
	again.get("/signup")
	form.Set("csrf", again.csrf)
	if p := again.post("/signup", form); p.Status != http.StatusSeeOther {
		t.Errorf("the same form again (double submit): status %d, want 303 to the same account\n%s", p.Status, p.Body)
	}
	if n := s.usersWithEmail("ny@example.se"); n != 1 {
		t.Errorf("accounts for ny@example.se = %d, want 1", n)
	}
}

func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	v, _, _ := strings.Cut(rest, to)
	return v
}

// TestHomeByRole: the home page for each role, with the navigation of
// that role only.
func TestHomeByRole(t *testing.T) {
	s := newSite(t)
	cases := []struct {
		name, email string
		has, lacks  []string
	}{
		{"anonymous", "", []string{"Logga in", `href="/cycles/1/results"`, "Svenska Leanpriset 2012", `href="/benchmarks/1/versions/1"`},
			[]string{"Logga ut", `href="/dashboard"`, `href="/admin"`, `href="/jury"`}},
		{"applicant", store.DemoMalmoEmail, []string{"Lena Demo", "Logga ut", `href="/dashboard"`}, []string{`href="/admin"`, `href="/jury"`}},
		{"juror", store.DemoJurorEmail, []string{"Logga ut", "Demo Jurymedlem"}, []string{`href="/dashboard"`}},
		{"admin", store.DemoAdminEmail, []string{"Logga ut", "Demo Admin"}, []string{`href="/dashboard"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := s.browser()
			if c.email != "" {
				b.login(c.email, store.DemoPassword)
			}
			b.get("/").wantStatus(http.StatusOK).has(c.has...).lacks(c.lacks...)
		})
	}
}

// TestDashboard: an applicant sees their own organisation's applications
// and no one else's; logged out, the page asks to log in and comes back.
func TestDashboard(t *testing.T) {
	s := newSite(t)
	anon := s.browser()
	p := anon.get("/dashboard").wantStatus(http.StatusSeeOther)
	if p.location() != "/login?next=%2Fdashboard" {
		t.Errorf("logged out: to %q, want /login?next=%%2Fdashboard", p.location())
	}
	b := s.browser()
	if p := b.login(store.DemoApplicantEmail, store.DemoPassword); p.location() != "/dashboard" {
		t.Errorf("an applicant logs in to %q, want /dashboard", p.location())
	}
	b.get("/dashboard").wantStatus(http.StatusOK).has("Södertälje", "inskickad").lacks("Malmö", "Linköping")
	m := s.browser()
	m.login(store.DemoMalmoEmail, store.DemoPassword)
	m.get("/dashboard").wantStatus(http.StatusOK).has("Malmö").lacks("Södertälje")
}
