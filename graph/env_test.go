package graph_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/lib/pq" // for rawSQL
	"golang.org/x/crypto/bcrypt"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// env is a real handler over a fresh database, driven through HTTP.
type env struct {
	t    testing.TB
	dsn  string
	db   *store.DB
	h    http.Handler
	logs *logCapture
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, graph.Options{})
}

// newEnvWith is newEnv with options; the log is captured.
func newEnvWith(t testing.TB, opts graph.Options) *env {
	t.Helper()
	return newEnvAtWith(t, storetest.NewDatabase(t), opts)
}

// newEnvAt is an env over the database at dsn.
func newEnvAt(t testing.TB, dsn string) *env {
	t.Helper()
	return newEnvAtWith(t, dsn, graph.Options{})
}

func newEnvAtWith(t testing.TB, dsn string, opts graph.Options) *env {
	t.Helper()
	// The differential test: every query of every test and fuzz input runs
	// on both executors (not in benchmarks, which it would slow down).
	_, bench := t.(*testing.B)
	return newEnvComparing(t, dsn, opts, !bench)
}

// newEnvComparing is newEnvAtWith, comparing the executors when compare
// is set: a test that writes while it reads must not, since the second
// execution could see other rows.
func newEnvComparing(t testing.TB, dsn string, opts graph.Options, compare bool) *env {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.BcryptCost = bcrypt.MinCost
	t.Cleanup(func() { db.Close() })
	logs := &logCapture{t: t}
	opts.Log = slog.New(logs)
	opts.CompareExecutors = compare
	h, err := graph.NewHandler(db, opts)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, dsn: dsn, db: db, h: h, logs: logs}
	e.dumpErrors(t)
	return e
}

// rawSQL opens the test database directly, to break or block it from
// outside the store; it is closed when the test ends.
func (e *env) rawSQL() *sql.DB {
	e.t.Helper()
	db, err := sql.Open("postgres", e.dsn)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { db.Close() })
	return db
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type result struct {
	t      testing.TB
	Status int
	Data   map[string]any `json:"data"`
	Errors []gqlError     `json:"errors"`
}

// gql posts a GraphQL request with an optional bearer token.
func (e *env) gql(token, query string, vars map[string]any) *result {
	e.t.Helper()
	return e.gqlFrom("", nil, token, query, vars)
}

// gqlFrom is gql from a client address (host:port, "" for httptest's)
// with extra headers.
func (e *env) gqlFrom(addr string, header http.Header, token, query string, vars map[string]any) *result {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if addr != "" {
		req.RemoteAddr = addr
	}
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	r := &result{t: e.t, Status: rec.Code}
	if err := json.Unmarshal(rec.Body.Bytes(), r); err != nil {
		e.t.Fatalf("response is not JSON: %v: %s", err, rec.Body.String())
	}
	return r
}

// serve posts a GraphQL request and returns only the status, for
// benchmarks that should not time the client's decoding.
func (e *env) serve(token, query string, vars map[string]any) int {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec.Code
}

// ok fails the test when the request had errors.
func (r *result) ok() *result {
	r.t.Helper()
	if len(r.Errors) > 0 || r.Status != 200 {
		r.t.Fatalf("request failed (%d): %+v", r.Status, r.Errors)
	}
	return r
}

// code is the first error's extensions.code, or "".
func (r *result) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// wantCode fails unless the first error has code.
func (r *result) wantCode(code string) *result {
	r.t.Helper()
	if r.code() != code {
		r.t.Fatalf("error code = %q (%+v), want %s", r.code(), r.Errors, code)
	}
	return r
}

// get walks a dotted path through the data: "createApplication.id".
func (r *result) get(path string) any {
	r.t.Helper()
	var v any = r.Data
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			r.t.Fatalf("path %s: %v is not an object", path, v)
		}
		v = m[k]
	}
	return v
}

func (r *result) str(path string) string { return fmt.Sprint(r.get(path)) }

func (r *result) num(path string) int { f, _ := r.get(path).(float64); return int(f) }

// admin creates an admin and returns its token.
func (e *env) admin() string {
	e.t.Helper()
	email := fmt.Sprintf("admin%d@example.se", time.Now().UnixNano())
	if _, err := e.db.CreateAdmin(context.Background(), email, "Admin", "admin password 1234"); err != nil {
		e.t.Fatal(err)
	}
	return e.login(email, "admin password 1234")
}

func (e *env) login(email, password string) string {
	e.t.Helper()
	return e.gql("", `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
		map[string]any{"e": email, "p": password}).ok().str("login.token")
}

// signUp creates an applicant with a new organisation; it returns the
// token and the organisation's id.
func (e *env) signUp(email, org string) (string, string) {
	e.t.Helper()
	r := e.gql("", `mutation($in: SignUpInput!) { signUp(input: $in) { token organisations { id } } }`,
		map[string]any{"in": map[string]any{"email": email, "name": "Applicant", "password": "applicant password",
			"organisation": map[string]any{"name": org, "kind": "MUNICIPALITY", "sector": "PUBLIC"}}}).ok()
	orgs := r.get("signUp.organisations").([]any)
	return r.str("signUp.token"), fmt.Sprint(orgs[0].(map[string]any)["id"])
}

func (e *env) juror(adminToken, email string) string {
	e.t.Helper()
	e.gql(adminToken, `mutation($in: CreateUserInput!) { createUser(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"email": email, "name": "Juror", "password": "juror password 12",
			"role": "JUROR"}}).ok()
	return e.login(email, "juror password 12")
}

// cycle is an award cycle made by openCycle.
type cycle struct {
	id, awardID string
	version     int
	criteria    []string
}

// openCycle creates an award with a LEAN_PRIZE cycle and opens it.
func (e *env) openCycle(adminToken string, year int) cycle {
	e.t.Helper()
	award := e.gql(adminToken, `mutation($n: String!) { createAward(name: $n) { id } }`,
		map[string]any{"n": fmt.Sprintf("Svenska Leanpriset %d", year)}).ok().str("createAward.id")
	now := time.Now().UTC()
	r := e.gql(adminToken, `mutation($in: CreateCycleInput!) { createCycle(input: $in) { id version criteria { id } } }`,
		map[string]any{"in": map[string]any{"awardId": award, "year": year, "title": "Leanpriset", "template": "LEAN_PRIZE",
			"opensAt": now.Add(-time.Hour).Format(time.RFC3339), "closesAt": now.Add(48 * time.Hour).Format(time.RFC3339),
			"scoringClosesAt": now.Add(96 * time.Hour).Format(time.RFC3339)}}).ok()
	c := cycle{id: r.str("createCycle.id"), awardID: award, version: r.num("createCycle.version")}
	for _, k := range r.get("createCycle.criteria").([]any) {
		c.criteria = append(c.criteria, fmt.Sprint(k.(map[string]any)["id"]))
	}
	c.version = e.advance(adminToken, c.id, c.version, "OPEN")
	return c
}

// advance moves a cycle on and returns its new version.
func (e *env) advance(adminToken, id string, version int, to string) int {
	e.t.Helper()
	return e.gql(adminToken, `mutation($id: ID!, $v: Int!, $to: Phase!) { advanceCycle(id: $id, version: $v, to: $to) { version } }`,
		map[string]any{"id": id, "v": version, "to": to}).ok().num("advanceCycle.version")
}

// logCapture is a slog handler that keeps the records.
type logCapture struct {
	t       testing.TB // fails when a count is asked for and none was logged
	mu      sync.Mutex
	records []slog.Record
}

func (l *logCapture) Enabled(context.Context, slog.Level) bool { return true }
func (l *logCapture) Handle(_ context.Context, r slog.Record) error {
	if r.Message == compiledDiffers {
		var b strings.Builder
		r.Attrs(func(a slog.Attr) bool { fmt.Fprintf(&b, "\n%s: %s", a.Key, a.Value); return true })
		l.t.Errorf("%s:%s", r.Message, b.String())
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, r.Clone())
	return nil
}
func (l *logCapture) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logCapture) WithGroup(string) slog.Handler      { return l }

// compiledDiffers is what the handler logs when the compiled executor's
// answer is not byte for byte graphql-go's (Options.CompareExecutors).
const compiledDiffers = "the compiled executor's answer differs from graphql-go's"

// lastStatements is the statement count of the last request logged; it
// fails the test when no request logged one, so that two counts cannot
// compare equal by both being missing.
func (l *logCapture) lastStatements() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	var n int64 = -1
	defer func() {
		if n < 0 && l.t != nil {
			l.t.Helper()
			l.t.Fatal("no request logged its statement count")
		}
	}()
	for _, r := range l.records {
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "statements" {
				n = a.Value.Int64()
			}
			return true
		})
	}
	return n
}

// dumpErrors prints the logged internal errors when the test fails.
func (e *env) dumpErrors(t testing.TB) {
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		e.logs.mu.Lock()
		defer e.logs.mu.Unlock()
		for _, r := range e.logs.records {
			if r.Level >= slog.LevelError {
				r.Attrs(func(a slog.Attr) bool { t.Logf("log %s: %v", a.Key, a.Value); return true })
			}
		}
	})
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// lines are the captured records with message msg, as attribute maps.
func (l *logCapture) lines(msg string) []map[string]string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]string
	for _, r := range l.records {
		if r.Message != msg {
			continue
		}
		m := map[string]string{"level": r.Level.String()}
		r.Attrs(func(a slog.Attr) bool { m[a.Key] = a.Value.String(); return true })
		out = append(out, m)
	}
	return out
}

// with is another handler, with opts, over the same database.
func (e *env) with(opts graph.Options) *env {
	e.t.Helper()
	logs := &logCapture{t: e.t}
	opts.Log = slog.New(logs)
	_, bench := e.t.(*testing.B)
	opts.CompareExecutors = !bench
	h, err := graph.NewHandler(e.db, opts)
	if err != nil {
		e.t.Fatal(err)
	}
	return &env{t: e.t, dsn: e.dsn, db: e.db, h: h, logs: logs}
}

// holdCycleRow locks the cycle's row in another session, so that a change
// to the cycle waits, until release (or the end of the test).
func (e *env) holdCycleRow(id string) (release func()) {
	e.t.Helper()
	tx, err := e.rawSQL().Begin()
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { tx.Rollback() })
	if _, err := tx.Exec(`SELECT id FROM cycles WHERE id = $1 FOR UPDATE`, id); err != nil {
		e.t.Fatal(err)
	}
	return func() { tx.Rollback() }
}
