package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
)

// attack is a request body that once cost seconds or the whole process.
type attack struct {
	name   string
	body   []byte
	status int
	code   string
}

func queryBody(query string) []byte {
	b, _ := json.Marshal(map[string]any{"query": query})
	return b
}

// attacks are the known abusive requests, each answered before parsing or
// right after the fragment-cycle check.
func attacks() []attack {
	var aliases strings.Builder
	aliases.WriteString("mutation {")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&aliases, ` a%d: login(email: "anna@example.se", password: "guess %d") { token }`, i, i)
	}
	aliases.WriteString(" }")
	list := func(n int) string {
		return "{ awards(first: " + strings.Repeat("[", n) + strings.Repeat("]", n) + ") { totalCount } }"
	}
	big, _ := json.Marshal(map[string]any{"query": "{ awards { totalCount } }", "variables": map[string]any{"pad": strings.Repeat("x", 1<<20)}})
	return []attack{
		{"cyclic fragments", queryBody("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), 400, "INVALID"},
		{"a variable without a type", queryBody("mutation($A: ) { logout }"), 400, "INVALID"},
		{"a type definition", queryBody("type Q { a: ) } query { me { id } }"), 400, "INVALID"},
		{"a fragment cycle behind a duplicate name", queryBody("query { ...A } fragment A on Query { ...B } fragment A on Query { ...A }"), 400, "INVALID"},
		{"selections nested 5,000 deep", queryBody(strings.Repeat("{ awards ", 5000) + strings.Repeat("}", 5000)), 400, "QUERY_TOO_COMPLEX"},
		{"one field repeated 10,000 times", queryBody("{" + strings.Repeat(" me", 10000) + " }"), 400, "QUERY_TOO_COMPLEX"},
		{"a list literal nested 100,000 deep", queryBody(list(100000)), 413, "INVALID"},
		{"a list literal nested 30,000 deep, under 64 KiB", queryBody(list(30000)), 400, "QUERY_TOO_COMPLEX"},
		{"a 1 MiB body", big, 413, "INVALID"},
		{"100 aliases of login", queryBody(aliases.String()), 400, "QUERY_TOO_COMPLEX"},
	}
}

func post(h http.Handler, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestAttacksAreRefusedAndTheServerKeepsServing(t *testing.T) {
	e := newEnv(t)
	for _, a := range attacks() {
		t.Run(a.name, func(t *testing.T) {
			rec := post(e.h, a.body)
			var r result
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
				t.Fatalf("answer is not JSON: %v: %.200s", err, rec.Body)
			}
			r.t, r.Status = t, rec.Code
			if rec.Code != a.status || r.code() != a.code {
				t.Errorf("answer = %d %s, want %d %s: %.300s", rec.Code, r.code(), a.status, a.code, rec.Body)
			}
			e.gql("", `{ awards { totalCount } }`, nil).ok()
		})
	}
}

// BenchmarkAbuse times the answers to the known attacks. The handler has
// no database (so it is given its link secret): none of these requests may
// need one.
func BenchmarkAbuse(b *testing.B) {
	h, err := graph.NewHandler(nil, graph.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		LinkSecret: []byte("a link secret for a handler without a database")})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range attacks() {
		b.Run(strings.ReplaceAll(a.name, " ", "_"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if rec := post(h, a.body); rec.Code != a.status {
					b.Fatalf("status = %d, want %d", rec.Code, a.status)
				}
			}
		})
	}
}
