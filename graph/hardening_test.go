package graph_test

import (
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestUnknownOperationNameIsTheClientsMistake: an operationName the
// document does not hold is INVALID (400), logged at most as a warning and
// without the whole name, so that nobody can flood the log with it.
func TestUnknownOperationNameIsTheClientsMistake(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("X", 10000)
	for _, tc := range []struct{ name, query, op string }{
		{"unknown name", "query A { awards { totalCount } }", long},
		{"a name for an anonymous operation", "{ awards { totalCount } }", "A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tc.query, "operationName": tc.op})
			rec := post(e.h, body)
			var r result
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			r.t, r.Status = t, rec.Code
			if rec.Code != 400 || r.code() != "INVALID" {
				t.Errorf("operationName %.20q = %d %+v, want 400 INVALID", tc.op, rec.Code, r.Errors)
			}
			if len(rec.Body.String()) > 1000 {
				t.Errorf("the answer is %d bytes long; it echoes the name", rec.Body.Len())
			}
		})
	}
	e.logs.mu.Lock()
	defer e.logs.mu.Unlock()
	for _, rec := range e.logs.records {
		line := rec.Message
		rec.Attrs(func(a slog.Attr) bool { line += " " + a.Value.String(); return true })
		if rec.Level >= slog.LevelError {
			t.Errorf("logged at %s: %.200s", rec.Level, line)
		}
		if len(line) > 1000 {
			t.Errorf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
}

// TestOperationNameSelectsTheOperation: a matching operationName runs.
func TestOperationNameSelectsTheOperation(t *testing.T) {
	e := newEnv(t)
	body, _ := json.Marshal(map[string]any{"query": "query A { awards { totalCount } }", "operationName": "A"})
	if rec := post(e.h, body); rec.Code != 200 || strings.Contains(rec.Body.String(), "errors") {
		t.Errorf("operationName A = %d %s, want 200 without errors", rec.Code, rec.Body)
	}
}

// TestIDsOutsideTheirColumnsRange: an id in a path beyond its column's
// range is NOT_FOUND, one in an argument INVALID; none is a 500 or
// clamped to the largest id.
func TestIDsOutsideTheirColumnsRange(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	for _, path := range []string{
		"/reports/benchmarks/1/versions/3000000000.pdf",
		"/reports/benchmarks/9223372036854775808/versions/1.pdf",
		"/reports/benchmarks/99999999999999999999/preview.pdf",
		"/reports/cycles/99999999999999999999/ranking.pdf",
		"/reports/applications/9223372036854775808/feedback.pdf",
		"/exports/cycles/99999999999999999999/scores.csv",
		"/exports/cycles/0/scores.csv",
	} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+admin)
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		if rec.Code != 404 {
			t.Errorf("GET %s = %d, want 404: %.200s", path, rec.Code, rec.Body)
		}
	}
	for _, doc := range []string{
		`{ application(id: "9223372036854775808") { id } }`,
		`{ cycle(id: "-1") { id } }`,
		`mutation { updateOrganisation(id: "1", version: 3000000000, input: {name: "N", kind: COMPANY, sector: PRIVATE}) { id } }`,
		`mutation { advanceCycle(id: "1", version: -3000000000, to: OPEN) { id } }`,
		`mutation { createCycle(input: {awardId: "1", year: 3000000000, title: "T", opensAt: "2020-01-01T00:00:00Z",
			closesAt: "2999-01-01T00:00:00Z", scoringClosesAt: "2999-02-01T00:00:00Z", template: LEAN_PRIZE}) { id } }`,
		`query($v: Int = 3000000000) { awards(first: $v) { totalCount } }`,
		`mutation { reportLink(path: "/reports/benchmarks/1/versions/3000000000.pdf") { url } }`,
	} {
		r := e.gql(admin, doc, nil)
		if r.code() != "INVALID" {
			t.Errorf("%s = %d %+v, want INVALID", doc, r.Status, r.Errors)
		}
	}
	if r := e.gql(admin, `query($v: Int!) { awards(first: $v) { totalCount } }`, map[string]any{"v": 3e9}); r.code() != "INVALID" {
		t.Errorf("a variable of 3e9 for an Int = %+v, want INVALID", r.Errors)
	}
}
