package graph

import (
	"context"
	"errors"
	"mime"
	"net/http"
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
// (application/json), optionally with ?skipInvalid=true, and gets the
// import's summary. Errors have the GraphQL endpoint's shape.
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
	body := http.MaxBytesReader(w, r.Body, MaxImportBytes)
	var sum *store.ImportSummary
	switch mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt {
	case "text/csv":
		sum, err = h.db.ImportCSV(ctx, body, opts)
	case "application/json":
		sum, err = h.db.ImportKoladaData(ctx, kolada.NewStream(body), opts)
	default:
		return http.StatusUnsupportedMediaType, store.Errorf(store.Invalid,
			"send CSV as Content-Type: text/csv or Kolada data as Content-Type: application/json")
	}
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
