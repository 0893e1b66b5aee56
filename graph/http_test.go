package graph_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHTTPGuards(t *testing.T) {
	e := newEnv(t)
	post := func(ctype, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/graphql", strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		return rec
	}
	cases := []struct {
		name, ctype, body string
		status            int
		code              string
	}{
		{"form posts are refused", "application/x-www-form-urlencoded", `query={me{id}}`, 415, "INVALID"},
		{"no content type", "", `{"query":"{ me { id } }"}`, 415, "INVALID"},
		{"body over 64 KiB", "application/json", `{"query":"` + strings.Repeat(" ", 65<<10) + `{ me { id } }"}`, 413, "INVALID"},
		{"not JSON", "application/json", `{"query":`, 400, "INVALID"},
		{"empty query", "application/json", `{"query":""}`, 400, "INVALID"},
		{"syntax error", "application/json", `{"query":"{ me { id "}`, 400, "INVALID"},
		{"unknown field", "application/json", `{"query":"{ nothing }"}`, 400, "INVALID"},
		{"two operations", "application/json", `{"query":"query A { me { id } } query B { me { id } }","operationName":"A"}`, 400, "INVALID"},
		{"charset is fine", "application/json; charset=utf-8", `{"query":"{ me { id } }"}`, 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := post(c.ctype, c.body)
			if rec.Code != c.status {
				t.Errorf("status = %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Errorf("content type = %q", rec.Header().Get("Content-Type"))
			}
			if c.code != "" && !strings.Contains(rec.Body.String(), `"code":"`+c.code+`"`) {
				t.Errorf("body = %s, want code %s", rec.Body, c.code)
			}
		})
	}
}

func TestGraphiQLAndProbes(t *testing.T) {
	e := newEnv(t)
	get := func(path string, header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		return rec
	}
	page := get("/graphql")
	if page.Code != 200 || !strings.Contains(page.Body.String(), "graphiql-assets/graphiql.min.js") {
		t.Fatalf("GET /graphql = %d %s", page.Code, page.Body)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		if page.Header().Get(h) == "" {
			t.Errorf("GraphiQL page lacks %s", h)
		}
	}
	if strings.Contains(page.Body.String(), "https://") {
		t.Error("GraphiQL page loads something from another origin")
	}
	t.Run("vendored assets are served", func(t *testing.T) {
		// The vendored files are stored gzipped and sent so to clients that
		// take gzip; init.js, the project's own, is small and stored plain.
		for _, name := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js", "init.js"} {
			gz := get("/graphiql-assets/"+name, "Accept-Encoding", "gzip")
			plain := get("/graphiql-assets/" + name)
			zipped := name != "init.js"
			if gz.Code != 200 || plain.Code != 200 || (gz.Header().Get("Content-Encoding") == "gzip") != zipped ||
				plain.Header().Get("Content-Encoding") != "" || zipped && plain.Body.Len() <= gz.Body.Len() {
				t.Errorf("%s: %d (%d bytes, %q) / %d (%d bytes, %q); want gzip smaller than plain", name,
					gz.Code, gz.Body.Len(), gz.Header().Get("Content-Encoding"),
					plain.Code, plain.Body.Len(), plain.Header().Get("Content-Encoding"))
			}
		}
		if rec := get("/graphiql-assets/../../etc/passwd"); rec.Code == 200 {
			t.Error("path traversal served something")
		}
	})
	t.Run("probes", func(t *testing.T) {
		if rec := get("/healthz"); rec.Code != http.StatusOK {
			t.Errorf("healthz = %d", rec.Code)
		}
		if rec := get("/readyz"); rec.Code != http.StatusOK {
			t.Errorf("readyz = %d", rec.Code)
		}
	})
}
