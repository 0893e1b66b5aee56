package graph

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func TestRepeatedQueriesSkipParsingAndValidation(t *testing.T) {
	h, err := NewHandler(storetest.MustOpenDB(t), Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	send := func(query string) int {
		t.Helper()
		req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query": "`+query+`"}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	steps := []struct {
		query        string
		status       int
		parsedBefore int64 // how many documents were parsed before this step
	}{
		{"{ awards { totalCount } }", 200, 0},
		{"{ awards { totalCount } }", 200, 1},
		{"{ awards { totalCount } }", 200, 1},
		{"{ awards { totalCount }}", 200, 1}, // another text is another document
		{"{ awards { totalCount }}", 200, 2},
		{"{ nothing }", 400, 2}, // refused documents are not kept
		{"{ nothing }", 400, 3},
		{"{ awards { totalCount } }", 200, 4},
	}
	for i, s := range steps {
		if got := h.parses.Load(); got != s.parsedBefore {
			t.Fatalf("before step %d: %d documents parsed, want %d", i, got, s.parsedBefore)
		}
		if status := send(s.query); status != s.status {
			t.Fatalf("step %d: status %d, want %d", i, status, s.status)
		}
	}
	if h.docs.len() != 2 {
		t.Errorf("cached documents = %d, want 2", h.docs.len())
	}
}

func TestAPanicInValidationRefusesTheDocument(t *testing.T) {
	var logged strings.Builder
	// A handler without a schema makes graphql-go's validator dereference nil.
	h := &Handler{opts: Options{Log: slog.New(slog.NewTextHandler(&logged, nil))}, docs: newDocCache(1, 1000)}
	_, errs := h.prepare(&request{Query: "{ awards { totalCount } }"})
	if len(errs) != 1 || errs[0].Message != "the document is malformed" || errs[0].Extensions["code"] != store.Invalid {
		t.Errorf("errors = %+v", errs)
	}
	if !strings.Contains(logged.String(), "graphql-go panicked") {
		t.Errorf("log = %q", logged.String())
	}
}
