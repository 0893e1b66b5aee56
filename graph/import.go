package graph

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
)

// MaxImportBytes is the largest body POST /import accepts.
const MaxImportBytes = 32 << 20

// importTimeout bounds an import request: longer than a GraphQL request,
// within the server's 60 s write timeout.
const importTimeout = 55 * time.Second

// serveImport is POST /import: an admin sends KPI values as CSV
// (Content-Type text/csv, store.CSVHeader) or as Kolada v3 /data JSON
// (application/json), or with ?kind= (ImportKinds) Kolada's catalogues,
// optionally with ?skipInvalid=true, and gets the import's summary. Errors have the GraphQL endpoint's shape.
func (h *Handler) serveImport(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(r.Context(), importTimeout)
	defer cancel()
	ctx, counter := store.WithStatementCounter(ctx)
	rid := newRequestID()
	status, body := h.importBody(ctx, w, r)
	if err, ok := body.(error); ok {
		body = &response{Errors: []gqlerrors.FormattedError{formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}}
	}
	h.writeJSON(w, status, body, rid)
	h.opts.Log.Info("import", "request_id", rid, "status", status, "statements", counter.Count(),
		"duration_ms", time.Since(start).Milliseconds())
}

// importBody checks the caller and the request, runs the import and
// returns the status with the summary, or with the error.
func (h *Handler) importBody(ctx context.Context, w http.ResponseWriter, r *http.Request) (int, any) {
	ctx, err := h.authenticate(ctx, r)
	switch {
	case err != nil && store.ErrorCode(err) == store.Unauthenticated:
		return http.StatusUnauthorized, err
	case err != nil:
		return http.StatusInternalServerError, err
	case store.ActorFrom(ctx) == nil:
		return http.StatusUnauthorized, store.Errorf(store.Unauthenticated, "log in as an admin to import data")
	case !store.ActorFrom(ctx).IsAdmin():
		return http.StatusForbidden, store.Errorf(store.Forbidden, "only admins import data")
	case r.ContentLength > MaxImportBytes:
		return http.StatusRequestEntityTooLarge, tooLarge()
	}
	opts := store.ImportOptions{SkipInvalid: r.URL.Query().Get("skipInvalid") == "true"}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	run, status, err := h.importer(r.URL.Query().Get("kind"), mt)
	if err != nil {
		return status, err
	}
	sum, err := run(ctx, http.MaxBytesReader(w, r.Body, MaxImportBytes), opts)
	var big *http.MaxBytesError
	switch {
	case errors.As(err, &big):
		return http.StatusRequestEntityTooLarge, tooLarge()
	case err != nil:
		return statusOf(store.ErrorCode(err)), err
	}
	return http.StatusOK, sum
}

func tooLarge() error {
	return store.Errorf(store.Invalid, "the body is larger than %d MiB: split the file", MaxImportBytes>>20)
}

// importFunc imports one input.
type importFunc func(ctx context.Context, r io.Reader, opts store.ImportOptions) (*store.ImportSummary, error)

// ImportKinds are the values of POST /import's ?kind=: what the body
// holds. Without kind it holds KPI values.
var ImportKinds = []string{"values", "kpis", "municipalities", "groups", "counties"}

// importer picks the import for ?kind= and the body's media type: KPI
// values as CSV or Kolada /data JSON, Kolada's /kpi, /municipality and
// /municipality_groups JSON, or municipality_county.csv. Another pair is
// refused with its status.
func (h *Handler) importer(kind, mediaType string) (importFunc, int, error) {
	stream := func(f func(context.Context, *kolada.Stream, store.ImportOptions) (*store.ImportSummary, error)) importFunc {
		return func(ctx context.Context, r io.Reader, o store.ImportOptions) (*store.ImportSummary, error) {
			return f(ctx, kolada.NewStream(r), o)
		}
	}
	type key struct{ kind, media string }
	funcs := map[key]importFunc{
		{"values", "text/csv"}:                 h.db.ImportCSV,
		{"values", "application/json"}:         stream(h.db.ImportKoladaData),
		{"kpis", "application/json"}:           stream(h.db.ImportKPIs),
		{"municipalities", "application/json"}: stream(h.db.ImportMunicipalities),
		{"groups", "application/json"}:         stream(h.db.ImportGroups),
		{"counties", "text/csv"}:               h.db.ImportCounties,
	}
	if kind == "" {
		kind = "values"
	}
	if !slices.Contains(ImportKinds, kind) {
		return nil, http.StatusBadRequest, store.InvalidField("kind", "kind must be one of %s", strings.Join(ImportKinds, ", "))
	}
	if f, ok := funcs[key{kind, mediaType}]; ok {
		return f, 0, nil
	}
	if kind == "values" {
		return nil, http.StatusUnsupportedMediaType, store.Errorf(store.Invalid,
			"send CSV as Content-Type: text/csv or Kolada data as Content-Type: application/json")
	}
	want := "application/json"
	if kind == "counties" {
		want = "text/csv"
	}
	return nil, http.StatusUnsupportedMediaType, store.Errorf(store.Invalid, "send %s as Content-Type: %s", kind, want)
}
