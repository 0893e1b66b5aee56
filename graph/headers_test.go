package graph_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGraphQLAnswersCarrySafeHeaders(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		name, method, ctype, auth, body string
		status                          int
	}{
		{"an answer", "POST", "application/json", "", `{"query": "{ awards { totalCount } }"}`, 200},
		{"a refused document", "POST", "application/json", "", `{"query": "{ nothing }"}`, 400},
		{"a bad token", "POST", "application/json", "Bearer nonsense", `{"query": "{ me { id } }"}`, 401},
		{"introspection", "POST", "application/json", "", `{"query": "{ __schema { types { name } } }"}`, 403},
		{"a large body", "POST", "application/json", "", `{"query": "` + strings.Repeat(" ", 70<<10) + `"}`, 413},
		{"plain text, which browsers send across origins unasked", "POST", "text/plain", "", `{"query": "{ me { id } }"}`, 415},
		{"a multipart form", "POST", "multipart/form-data; boundary=x", "", "--x--", 415},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(c.method, "/graphql", strings.NewReader(c.body))
			req.Header.Set("Content-Type", c.ctype)
			req.Header.Set("Origin", "https://elsewhere.example")
			if c.auth != "" {
				req.Header.Set("Authorization", c.auth)
			}
			rec := httptest.NewRecorder()
			e.h.ServeHTTP(rec, req)
			h := rec.Header()
			if rec.Code != c.status {
				t.Errorf("status = %d, want %d", rec.Code, c.status)
			}
			want := map[string]string{"Content-Type": "application/json; charset=utf-8", "X-Content-Type-Options": "nosniff",
				"Cache-Control": "no-store"}
			for k, v := range want {
				if h.Get(k) != v {
					t.Errorf("%s = %q, want %q", k, h.Get(k), v)
				}
			}
			if v := h.Get("Access-Control-Allow-Origin"); v != "" {
				t.Errorf("Access-Control-Allow-Origin = %q, want none", v)
			}
		})
	}
}

func TestOnlyPOSTRunsQueries(t *testing.T) {
	e := newEnv(t)
	get := httptest.NewRecorder()
	e.h.ServeHTTP(get, httptest.NewRequest("GET", "/graphql?query=%7B%20users%20%7B%20totalCount%20%7D%20%7D", nil))
	if strings.Contains(get.Body.String(), "totalCount") || !strings.HasPrefix(get.Header().Get("Content-Type"), "text/html") {
		t.Errorf("GET with a query answered %s: %.200s", get.Header().Get("Content-Type"), get.Body)
	}
	for _, method := range []string{"PUT", "DELETE", "PATCH"} {
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, httptest.NewRequest(method, "/graphql", strings.NewReader(`{"query": "{ me { id } }"}`)))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /graphql = %d, want 405", method, rec.Code)
		}
	}
}

func TestGraphiQLPolicy(t *testing.T) {
	e := newEnv(t)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		if name, value, ok := strings.Cut(strings.TrimSpace(d), " "); ok {
			directives[name] = value
		}
	}
	want := map[string]string{"default-src": "'self'", "script-src": "'self'", "connect-src": "'self'",
		"frame-ancestors": "'none'", "base-uri": "'none'", "form-action": "'none'"}
	for k, v := range want {
		if directives[k] != v {
			t.Errorf("CSP %s = %q, want %q (policy %q)", k, directives[k], v, csp)
		}
	}
	headers := map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
	for k, v := range headers {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	asset := httptest.NewRecorder()
	e.h.ServeHTTP(asset, httptest.NewRequest("GET", "/graphiql-assets/init.js", nil))
	if asset.Header().Get("X-Content-Type-Options") != "nosniff" || !strings.HasPrefix(asset.Header().Get("Content-Type"), "text/javascript") {
		t.Errorf("asset headers = %v", asset.Header())
	}
}
