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

var _ = httptest.NewRecorder
