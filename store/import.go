package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// ImportOptions control an import.
type ImportOptions struct {
	// SkipInvalid imports the valid rows and lists the invalid ones in the
	// summary. Without it the first invalid row fails the whole input and
	// nothing is written.
	SkipInvalid bool
}

// MaxListedSkips is the most skipped rows a summary lists, the first in
// the input; Skipped counts them all.
const MaxListedSkips = 1000

// ImportSummary says what an import read and wrote. Read and Skipped count
// input rows: CSV lines after the header, or elements of "values". The
// other counts are of stored rows; for KPI data that is one per value, and
// a Kolada record holds up to three (T, K, M).
type ImportSummary struct {
	Kind        string     `json:"kind"`
	Read        int        `json:"read"`
	Written     int        `json:"written"`
	Inserted    int        `json:"inserted"`
	Updated     int        `json:"updated"`
	Unchanged   int        `json:"unchanged"`
	Skipped     int        `json:"skipped"`
	SkippedRows []RowError `json:"skippedRows"`
}

// RowError is an invalid input row: a CSV line or a Kolada record.
type RowError struct {
	Line    int    `json:"line,omitempty"`   // CSV: the line, the header being line 1
	Record  *int   `json:"record,omitempty"` // Kolada JSON: the index in "values"
	Field   string `json:"field,omitempty"`  // the column, or the field inside the record
	Message string `json:"message"`
}

// pos is the row's line or record index.
func (e *RowError) pos() int {
	if e.Record != nil {
		return *e.Record
	}
	return e.Line
}

func (e *RowError) Error() string {
	if e.Record != nil {
		where := fmt.Sprintf("values[%d]", *e.Record)
		if e.Field != "" {
			where += "." + e.Field
		}
		return where + ": " + e.Message
	}
	if e.Field != "" {
		return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Message)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Message)
}

// importRun is an import in progress: its transaction, the connection the
// transaction runs on (for copyLines), options and summary.
type importRun struct {
	tx   conn
	raw  *sqlx.Conn
	opts ImportOptions
	sum  *ImportSummary
}

// importLock serialises imports, so that two loading overlapping values
// wait for each other instead of deadlocking.
const importLock = 7301201204

// runImport runs fn in one transaction on behalf of an admin, so that an
// input that fails writes nothing.
func (db *DB) runImport(ctx context.Context, kind string, opts ImportOptions, fn func(*importRun) error) (*ImportSummary, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins import data")
	}
	c, err := db.db.Connx(ctx)
	if err != nil {
		return nil, translate(err)
	}
	defer c.Close()
	run := &importRun{raw: c, opts: opts, sum: &ImportSummary{Kind: kind, SkippedRows: []RowError{}}}
	countStatement(ctx)
	tx, err := c.BeginTxx(ctx, nil)
	if err != nil {
		return nil, translate(err)
	}
	defer tx.Rollback() // after a commit, or a panic in fn: a no-op, and then c may close
	run.tx = conn{tx}
	err = func() error {
		if _, err := run.tx.exec(ctx, `SELECT pg_advisory_xact_lock($1)`, importLock); err != nil {
			return err
		}
		// A whole Kolada load merges tens of millions of values in one
		// statement: the caller's context bounds an import, not the
		// connection's statement_timeout (30 s by default).
		if _, err := run.tx.exec(ctx, `SET LOCAL statement_timeout = 0`); err != nil {
			return err
		}
		return fn(run)
	}()
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	countStatement(ctx)
	if err := tx.Commit(); err != nil {
		return nil, translate(err)
	}
	s := run.sum
	s.Written = s.Inserted + s.Updated
	s.SkippedRows = firstRows(s.SkippedRows)
	return s, nil
}

// reject deals with an invalid row: it fails the import, or, with
// SkipInvalid, it is counted and listed.
func (r *importRun) reject(e *RowError) error {
	if !r.opts.SkipInvalid {
		return &Error{Code: Invalid, Field: e.Field, Message: e.Error() + " (nothing was imported)"}
	}
	r.sum.Skipped++
	r.sum.SkippedRows = append(r.sum.SkippedRows, *e)
	if len(r.sum.SkippedRows) >= 2*MaxListedSkips {
		r.sum.SkippedRows = firstRows(r.sum.SkippedRows)
	}
	return nil
}

// firstRows keeps the MaxListedSkips rows that come first in the input,
// in input order. Rows are rejected as the input is read, and repeats
// found in the database later, so the list is kept in order by sorting.
func firstRows(rows []RowError) []RowError {
	slices.SortStableFunc(rows, func(a, b RowError) int { return cmp.Compare(a.pos(), b.pos()) })
	return rows[:min(len(rows), MaxListedSkips)]
}

// mergeCounts turns an INSERT … ON CONFLICT DO UPDATE into a statement
// that answers how many rows it inserted and how many it updated.
func mergeCounts(upsert string) string {
	return `WITH m AS (` + upsert + ` RETURNING (xmax = 0) AS inserted)
		SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM m`
}

// merge runs upsert (from mergeCounts) over the staged rows, all of which
// must have distinct keys. When two share a key, the later ones are
// invalid: the import fails, or with SkipInvalid they are dropped
// (dropDupes) and merge runs again.
func (r *importRun) merge(ctx context.Context, staged int, d dupes, upsert string) error {
	if _, err := r.tx.exec(ctx, `SAVEPOINT merge`); err != nil {
		return err
	}
	var n struct{ Inserted, Updated int }
	err := r.tx.get(ctx, &n, upsert)
	var pqe *pq.Error
	if errors.As(err, &pqe) && pqe.Code == "21000" { // a key twice in one statement
		if _, err := r.tx.exec(ctx, `ROLLBACK TO SAVEPOINT merge`); err != nil {
			return err
		}
		dropped, err := r.dropDupes(ctx, d)
		if err != nil {
			return err
		}
		if dropped == 0 {
			return fmt.Errorf("store: %s: a key repeats, yet no repeated row was found", d.table)
		}
		return r.merge(ctx, staged-dropped, d, upsert)
	}
	if err != nil {
		return err
	}
	r.sum.Inserted += n.Inserted
	r.sum.Updated += n.Updated
	r.sum.Unchanged += staged - n.Inserted - n.Updated
	return nil
}
