package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/store"
)

type recorder struct{ lines []string }

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	var b strings.Builder
	rec.Attrs(func(a slog.Attr) bool { fmt.Fprintf(&b, "%s=%v ", a.Key, a.Value); return true })
	r.lines = append(r.lines, b.String())
	return nil
}
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *recorder) WithGroup(string) slog.Handler      { return r }

func TestFormatErrorMasksInternalErrors(t *testing.T) {
	rec := &recorder{}
	log := slog.New(rec)
	driver := fmt.Errorf("store: %w", fmt.Errorf(`pq: relation "secret_table" does not exist`))
	wrapped := gqlerrors.FormatError(&gqlerrors.Error{Message: driver.Error(), OriginalError: driver})
	got := formatError(wrapped, originalError(wrapped), "req-1", log)
	if got.Message != "internal error" || got.Extensions["code"] != store.Internal || got.Extensions["requestId"] != "req-1" {
		t.Errorf("formatError(driver error) = %+v", got)
	}
	if len(rec.lines) != 1 || !strings.Contains(rec.lines[0], "req-1") || !strings.Contains(rec.lines[0], "secret_table") {
		t.Errorf("log = %q, want the full error with the request id", rec.lines)
	}

	domain := store.InvalidField("name", "must not be empty")
	thunkWrapped := gqlerrors.FormatError(&gqlerrors.Error{Message: "x", OriginalError: &gqlerrors.Error{OriginalError: domain}})
	got = formatError(thunkWrapped, originalError(thunkWrapped), "req-2", log)
	if got.Extensions["code"] != store.Invalid || got.Extensions["field"] != "name" || got.Message != domain.Message {
		t.Errorf("formatError(wrapped domain error) = %+v", got)
	}
}

// TestWriteJSONNeverSendsAnEmptyAnswer: a value JSON cannot encode (an
// infinite mean, say) is answered as a 500 INTERNAL error with the request
// id, and the encoder's error is logged with the same id.
func TestWriteJSONNeverSendsAnEmptyAnswer(t *testing.T) {
	rec := &recorder{}
	h := &Handler{opts: Options{Log: slog.New(rec)}}
	w := httptest.NewRecorder()
	h.writeJSON(w, http.StatusOK, map[string]any{"mean": math.Inf(1)}, "req-9")
	var got response
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("writeJSON(+Inf) body %q is not JSON: %v", w.Body.String(), err)
	}
	if w.Code != http.StatusInternalServerError || len(got.Errors) != 1 ||
		got.Errors[0].Extensions["code"] != string(store.Internal) || got.Errors[0].Extensions["requestId"] != "req-9" {
		t.Errorf("writeJSON(+Inf) = %d %s, want 500 INTERNAL with requestId req-9", w.Code, w.Body.String())
	}
	if len(rec.lines) != 1 || !strings.Contains(rec.lines[0], "req-9") || !strings.Contains(rec.lines[0], "unsupported value") {
		t.Errorf("log = %q, want the encoder's error with the request id", rec.lines)
	}
}
