package graph

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/graph/graphiql"
	"github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// MaxBodyBytes is the largest GraphQL request body accepted.
const MaxBodyBytes = 64 << 10

// DefaultMaxResponseBytes is the largest GraphQL answer sent, unless
// Options.MaxResponseBytes says otherwise.
const DefaultMaxResponseBytes = 8 << 20

// Options configure a Handler.
type Options struct {
	// Log receives one line per request and every internal error.
	Log *slog.Logger
	// RequestTimeout bounds each request, database work included (10 s
	// when zero).
	RequestTimeout time.Duration
	// Fonts are the PDF fonts, loaded once per process (pdf.NewFonts when
	// nil).
	Fonts *pdf.Fonts
	// LinkSecret signs report links. When empty the handler uses the
	// database's (store.Secret), which every server shares and which
	// outlives restarts.
	LinkSecret []byte
	// Development allows introspection to every caller and keeps the
	// "Did you mean …?" hints in validation messages.
	Development bool
	// LoginLimit is how many logins an account may attempt from one client
	// address, and how many may fail from a client address, per
	// LoginWindow (DefaultLoginLimit and DefaultLoginWindow when zero).
	// The attempts are counted in the database, for every server alike.
	LoginLimit  int
	LoginWindow time.Duration
	// SignUpLimit is how many sign-ups a client address may try per
	// SignUpWindow (DefaultSignUpLimit and DefaultSignUpWindow when zero).
	SignUpLimit  int
	SignUpWindow time.Duration
	// MaxResponseBytes caps one GraphQL answer (DefaultMaxResponseBytes
	// when zero): a larger one is refused with QUERY_TOO_COMPLEX.
	MaxResponseBytes int
	// CompareExecutors runs every query the compiled executor answers
	// again with graphql-go's and logs an error when the answers differ
	// (for tests: it doubles the work).
	CompareExecutors bool
	// ReferenceExecutor answers every request with graphql-go's executor,
	// without the compiled plans (for comparison, or should a plan be wrong).
	ReferenceExecutor bool
	// ClientIPHeader names a header, such as X-Forwarded-For, whose last
	// address is the client's. Set it only behind a proxy that sets it on
	// every request; otherwise clients could choose their own address.
	ClientIPHeader string
	// MailRenderer writes the outbox's previews, with links to the web
	// application (to http://localhost:8080 when nil).
	MailRenderer *mail.Renderer
}

// Handler serves the API: POST /graphql, GraphiQL on GET /graphql,
// /healthz and /readyz.
type Handler struct {
	db         *store.DB
	schema     graphql.Schema
	opts       Options
	mux        *http.ServeMux
	fonts      *pdf.Fonts
	linkSecret []byte
	docs       *docCache
	parses     atomic.Int64 // documents parsed, that is not found in docs
	introSizes map[string]int
	listSizes  *listSizes
}

// NewHandler builds the schema and routes over db.
func NewHandler(db *store.DB, opts Options) (*Handler, error) {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.RequestTimeout == 0 {
		opts.RequestTimeout = 10 * time.Second
	}
	if opts.LoginLimit == 0 {
		opts.LoginLimit = DefaultLoginLimit
	}
	if opts.LoginWindow == 0 {
		opts.LoginWindow = DefaultLoginWindow
	}
	if opts.MaxResponseBytes == 0 {
		opts.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if opts.SignUpLimit == 0 {
		opts.SignUpLimit = DefaultSignUpLimit
	}
	if opts.SignUpWindow == 0 {
		opts.SignUpWindow = DefaultSignUpWindow
	}
	h := &Handler{db: db, opts: opts, mux: http.NewServeMux(), fonts: opts.Fonts, linkSecret: opts.LinkSecret}
	// The link secret every server shares, made by the first (store.Secret).
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var err error
	if len(h.linkSecret) == 0 {
		if h.linkSecret, err = db.Secret(ctx, "report_links"); err != nil {
			return nil, fmt.Errorf("graph: the report link secret: %w", err)
		}
	}
	s, err := newSchema(db, h, newLimiter(db, opts.LoginLimit, opts.LoginWindow, "login attempts"),
		newLimiter(db, opts.SignUpLimit, opts.SignUpWindow, "sign-ups from your address"), withMail(opts.MailRenderer, nil, nil))
	if err != nil {
		return nil, err
	}
	h.schema, h.docs, h.introSizes = s, newDocCache(docCacheEntries, docCacheBytes), introspectionSizes(&s)
	h.listSizes = &listSizes{db: db, onChange: h.docs.clear}
	if h.fonts == nil {
		if h.fonts, err = pdf.NewFonts(); err != nil {
			return nil, err
		}
	}
	h.mux.HandleFunc("POST /graphql", h.serveGraphQL)
	h.mux.HandleFunc("POST /import", h.serveImport)
	h.mux.HandleFunc("GET /graphql", graphiql.ServePage)
	h.mux.HandleFunc("GET /graphiql-assets/", graphiql.ServeAsset)
	h.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	h.mux.HandleFunc("GET /readyz", h.serveReady)
	h.mux.HandleFunc("GET /exports/cycles/{id}/{file}", h.serveExport)
	h.mux.HandleFunc("GET /reports/", h.serveReport)
	return h, nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

func (h *Handler) serveReady(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := h.db.Ping(ctx); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}

// request is the body of POST /graphql.
type request struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

// response is what POST /graphql answers.
type response struct {
	Data     any                        `json:"data,omitempty"`
	Errors   []gqlerrors.FormattedError `json:"errors,omitempty"`
	raw      *bytes.Buffer              // the compiled executor's answer, encoded
	compiled bool                       // whether the compiled executor answered
}

func (h *Handler) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.RequestTimeout)
	defer cancel()
	ctx, counter := store.WithStatementCounter(ctx)
	ctx = withClientAddr(ctx, clientAddr(r, h.opts.ClientIPHeader))
	rid := newRequestID()
	status, resp := h.execute(ctx, r, rid)
	status, resp = h.writeResponse(w, status, resp, rid)
	msg := "graphql"
	if r.Context().Err() != nil {
		msg = "graphql request cancelled by the client"
	}
	h.opts.Log.Info(msg, "request_id", rid, "status", status, "errors", len(resp.Errors),
		"statements", counter.Count(), "compiled", resp.compiled, "duration_ms", time.Since(start).Milliseconds())
}

// execute runs one request and returns the HTTP status and the answer.
func (h *Handler) execute(ctx context.Context, r *http.Request, rid string) (int, *response) {
	req, status, err := readRequest(r)
	if err != nil {
		return status, &response{Errors: []gqlerrors.FormattedError{requestError(store.Invalid, err.Error())}}
	}
	return h.run(ctx, req, rid, func(ctx context.Context) (context.Context, error) { return h.authenticate(ctx, r) })
}

// run prepares, authenticates and executes a decoded request; POST
// /graphql and Execute both come here. The document is checked before the
// caller is authenticated, so that a request refused for its document
// costs no database work.
func (h *Handler) run(ctx context.Context, req *request, rid string, auth func(context.Context) (context.Context, error)) (int, *response) {
	p, errs := h.prepare(req)
	if errs != nil {
		return http.StatusBadRequest, &response{Errors: formatErrors(errs, rid, h.opts.Log)}
	}
	if err := p.checkOperationName(req.OperationName); err != nil {
		return http.StatusBadRequest, &response{Errors: []gqlerrors.FormattedError{requestError(store.Invalid, err.Error())}}
	}
	ctx, err := auth(ctx)
	if err != nil {
		status := http.StatusUnauthorized
		if store.ErrorCode(err) != store.Unauthenticated {
			status = http.StatusInternalServerError
		}
		return status, &response{Errors: []gqlerrors.FormattedError{
			formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}}
	}
	if err := h.checkIntrospection(p, store.ActorFrom(ctx)); err != nil {
		return http.StatusForbidden, &response{Errors: []gqlerrors.FormattedError{
			formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}}
	}
	if resp := h.executeCompiled(ctx, p, req, rid); resp != nil {
		return http.StatusOK, resp
	}
	res := graphql.Execute(graphql.ExecuteParams{Schema: h.schema, AST: p.doc, OperationName: req.OperationName,
		Args: req.Variables, Context: withLoaders(ctx, newLoaders(h.db))})
	return http.StatusOK, &response{Data: res.Data, Errors: formatErrors(res.Errors, rid, h.opts.Log)}
}

// readRequest checks the content type and size and decodes the body.
func readRequest(r *http.Request) (*request, int, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		return nil, http.StatusUnsupportedMediaType, errors.New("send the request as Content-Type: application/json")
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, MaxBodyBytes))
	req := &request{}
	if err := dec.Decode(req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, http.StatusRequestEntityTooLarge, errors.New("the request body is larger than 64 KiB")
		}
		return nil, http.StatusBadRequest, errors.New("the body is not a JSON object {query, variables, operationName}")
	}
	if strings.TrimSpace(req.Query) == "" {
		return nil, http.StatusBadRequest, errors.New("query is empty")
	}
	return req, 0, nil
}

// authenticate puts the caller named by the bearer token into ctx; no
// token is an anonymous caller, a bad one an error.
func (h *Handler) authenticate(ctx context.Context, r *http.Request) (context.Context, error) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return ctx, nil
	}
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || token == "" {
		return ctx, store.Errorf(store.Unauthenticated, "the Authorization header must be \"Bearer <token>\"")
	}
	return h.authenticateToken(ctx, token)
}

// authenticateToken puts the caller a token names into ctx.
func (h *Handler) authenticateToken(ctx context.Context, token string) (context.Context, error) {
	a, err := h.db.Authenticate(ctx, token)
	if err != nil {
		return ctx, err
	}
	return withToken(store.WithActor(ctx, a), token), nil
}

// writeResponse writes a GraphQL answer of at most MaxResponseBytes; a
// larger one, which the cost model failed to foresee, is refused instead
// (QUERY_TOO_COMPLEX, 400), and an answer that cannot be encoded is an
// internal error. It returns what it wrote.
func (h *Handler) writeResponse(w http.ResponseWriter, status int, resp *response, rid string) (int, *response) {
	buf := &cappedBuffer{limit: h.opts.MaxResponseBytes}
	var err error
	if resp.raw != nil { // the compiled executor's, encoded
		defer resp.release()
		if err = errResponseTooLarge; resp.raw.Len() <= buf.limit {
			setJSONHeaders(w)
			w.WriteHeader(status)
			w.Write(resp.raw.Bytes())
			return status, resp
		}
	} else {
		err = json.NewEncoder(buf).Encode(resp)
	}
	switch {
	case errors.Is(err, errResponseTooLarge):
		status, resp = http.StatusBadRequest, &response{Errors: []gqlerrors.FormattedError{requestError(store.QueryTooComplex,
			fmt.Sprintf("the answer is larger than %d bytes; ask for fewer fields, aliases or items", h.opts.MaxResponseBytes))}}
		h.opts.Log.Warn("graphql answer too large", "request_id", rid, "limit", h.opts.MaxResponseBytes)
	case err != nil:
		status, resp = http.StatusInternalServerError, &response{Errors: []gqlerrors.FormattedError{
			formatError(gqlerrors.FormattedError{}, fmt.Errorf("graph: encode the answer: %w", err), rid, h.opts.Log)}}
	default:
		setJSONHeaders(w)
		w.WriteHeader(status)
		if _, err := w.Write(buf.Bytes()); err != nil {
			h.opts.Log.Info("answer not delivered", "request_id", rid, "err", err)
		}
		return status, resp
	}
	h.writeJSON(w, status, resp, rid)
	return status, resp
}

var errResponseTooLarge = errors.New("graph: the answer is too large")

// cappedBuffer is a buffer that refuses to grow past limit bytes.
type cappedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		return 0, errResponseTooLarge
	}
	return b.Buffer.Write(p)
}

func setJSONHeaders(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
}

// writeJSON answers v as JSON with status. v is encoded before anything
// is sent, so a value that cannot be encoded (a non-finite number, say)
// is answered as an internal error with the request id, and logged, never
// as an empty 200. A failed write (the client has gone) is logged too.
func (h *Handler) writeJSON(w http.ResponseWriter, status int, v any, rid string) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body, _ = json.Marshal(&response{Errors: []gqlerrors.FormattedError{
			formatError(gqlerrors.FormattedError{}, fmt.Errorf("graph: encode the answer: %w", err), rid, h.opts.Log)}})
	}
	setJSONHeaders(w)
	w.WriteHeader(status)
	if _, err := w.Write(append(body, '\n')); err != nil {
		h.opts.Log.Info("answer not delivered", "request_id", rid, "err", err)
	}
}

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

type tokenKey struct{}

func withToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, tokenKey{}, token)
}

// tokenFrom returns the caller's bearer token, or "".
func tokenFrom(ctx context.Context) string {
	t, _ := ctx.Value(tokenKey{}).(string)
	return t
}
