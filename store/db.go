// Package store holds the domain types and all PostgreSQL access. It is the
// only package that writes SQL; driver errors become *Error here.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// DB is the store over one PostgreSQL database.
type DB struct {
	db *sqlx.DB
	// Now returns the current time; tests may replace it.
	Now func() time.Time
	// TokenTTL is how long a login token lasts.
	TokenTTL time.Duration
	// BcryptCost is the bcrypt work factor for new password hashes.
	BcryptCost int

	dummyOnce sync.Once
	dummy     []byte
}

// DefaultMaxConns is how many connections a DB opens at most, and keeps
// idle, unless SetPool says otherwise.
const DefaultMaxConns = 20

// Open connects to the database at dsn (a postgres:// URL) and checks that
// it answers. A statement_timeout of 30 s is set unless dsn names one, and
// binary_parameters=yes unless dsn names it (see withDefaults).
func Open(ctx context.Context, dsn string) (*DB, error) {
	dsn, err := withDefaults(dsn)
	if err != nil {
		return nil, err
	}
	db, err := sqlx.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	setPool(db.DB, DefaultMaxConns, DefaultMaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: ping: %w", err)
	}
	return &DB{db: db, Now: time.Now, TokenTTL: 7 * 24 * time.Hour, BcryptCost: 12}, nil
}

// withDefaults adds to dsn what it does not name: statement_timeout=30000,
// and binary_parameters=yes, with which lib/pq sends a statement with
// parameters as Parse, Bind and Execute in one round trip instead of two
// (its default first waits for the statement's description). Every
// parameter is then sent in text format except []byte, which goes as
// binary: so []byte is only ever passed for bytea columns (json is passed
// as a string, see Bands.Value).
func withDefaults(dsn string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", fmt.Errorf("store: DATABASE_URL must be a postgres:// URL")
	}
	q := u.Query()
	if q.Get("statement_timeout") == "" {
		q.Set("statement_timeout", "30000")
	}
	if q.Get("binary_parameters") == "" {
		q.Set("binary_parameters", "yes")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// SetPool sets how many connections db opens at most and how many it
// keeps idle; maxIdle of 0 or more than maxOpen is maxOpen. An idle pool
// smaller than the open one closes connections after every burst and
// opens new ones at the next: keep them equal unless the database is
// short of connections.
func (db *DB) SetPool(maxOpen, maxIdle int) { setPool(db.db.DB, maxOpen, maxIdle) }

func setPool(db *sql.DB, maxOpen, maxIdle int) {
	if maxOpen <= 0 {
		maxOpen = DefaultMaxConns
	}
	if maxIdle <= 0 || maxIdle > maxOpen {
		maxIdle = maxOpen
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(maxIdle)
}

// Stats reports the connection pool's use.
func (db *DB) Stats() sql.DBStats { return db.db.Stats() }

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// Ping reports whether the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.db.PingContext(ctx) }

// conn runs statements on a database or within a transaction, counting
// each one and translating driver errors.
type conn struct{ q sqlx.ExtContext }

func (c conn) get(ctx context.Context, dest any, query string, args ...any) error {
	countStatement(ctx)
	return translateCtx(ctx, sqlx.GetContext(ctx, c.q, dest, query, args...))
}

func (c conn) sel(ctx context.Context, dest any, query string, args ...any) error {
	countStatement(ctx)
	return translateCtx(ctx, sqlx.SelectContext(ctx, c.q, dest, query, args...))
}

// each runs query and calls scan for every row; scan reads the row with
// rows.Scan. It is for the hot lists whose rows are read without sqlx's
// reflection.
func (c conn) each(ctx context.Context, scan func(*sql.Rows) error, query string, args ...any) error {
	countStatement(ctx)
	rows, err := c.q.QueryContext(ctx, query, args...)
	if err != nil {
		return translateCtx(ctx, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return translateCtx(ctx, err)
		}
	}
	return translateCtx(ctx, rows.Err())
}

func (c conn) exec(ctx context.Context, query string, args ...any) (int64, error) {
	countStatement(ctx)
	res, err := c.q.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, translateCtx(ctx, err)
	}
	n, err := res.RowsAffected()
	return n, translate(err)
}

// translateCtx is translate, except that a statement that failed because
// ctx ended (lib/pq then reports the server's query_canceled, whatever
// the reason) says why: TIMEOUT for a deadline, CANCELLED when the caller
// cancelled, such as a client that went away.
func translateCtx(ctx context.Context, err error) error {
	if err == nil || isNoRows(err) {
		return translate(err)
	}
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return Errorf(Cancelled, "the request was cancelled by the client")
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return Errorf(Timeout, "the request took too long and was stopped")
	}
	return translate(err)
}

func (db *DB) conn() conn { return conn{db.db} }

// inTx runs fn in a transaction, committing when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx conn) error) error {
	countStatement(ctx)
	tx, err := db.db.BeginTxx(ctx, nil)
	if err != nil {
		return translate(err)
	}
	if err := fn(conn{tx}); err != nil {
		tx.Rollback()
		return err
	}
	countStatement(ctx)
	return translate(tx.Commit())
}

// constraintMessages names the unique and foreign-key constraints whose
// violation is the caller's fault, with the field and message to show.
var constraintMessages = map[string][2]string{
	"users_email_key":                           {"email", "is already registered"},
	"awards_name_key":                           {"name", "an award with this name exists"},
	"cycles_award_id_year_key":                  {"year", "the award already has a cycle for this year"},
	"criteria_cycle_id_code_key":                {"code", "the cycle already has a criterion with this code"},
	"applications_cycle_id_organisation_id_key": {"organisationId", "the organisation already has an application in this cycle"},
	"memberships_pkey":                          {"userId", "is already a member"},
}

// translate turns driver errors into *Error; sql.ErrNoRows and context
// errors pass through so callers can name what was not found.
func translate(err error) error {
	var pqe *pq.Error
	if err == nil || !errors.As(err, &pqe) {
		return err
	}
	switch pqe.Code {
	case "23505", "23503", "23514", "22001", "22P02", "23502", "22021": // 22021: a NUL in text
		if m, ok := constraintMessages[pqe.Constraint]; ok {
			code := Invalid
			if pqe.Code == "23505" {
				code = Conflict
			}
			return &Error{Code: code, Field: m[0], Message: m[0] + ": " + m[1]}
		}
		if pqe.Code == "23505" {
			return Errorf(Conflict, "already exists")
		}
		return Errorf(Invalid, "invalid value")
	case "57014": // query_canceled: the request's deadline or statement_timeout
		return Errorf(Timeout, "the request took too long and was stopped")
	}
	return fmt.Errorf("store: %w", err)
}

// isNoRows reports whether err means no row matched.
func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
