package store

import (
	"context"
	"fmt"
	"strings"
)

// dupes describes how to find rows of a staging table that repeat a key:
// the table, its key columns and whether pos is a CSV line or the index of
// a Kolada record.
type dupes struct {
	table string
	key   []string
	csv   bool
}

// dupe is a staged row whose key an earlier row has already.
type dupe struct {
	Pos   int    `db:"pos"`
	First int    `db:"first"`
	Key   string `db:"key"`
}

// dropDupes rejects every staged row that repeats an earlier row's key
// and, when the import goes on, deletes them; it returns how many.
func (r *importRun) dropDupes(ctx context.Context, d dupes) (int, error) {
	var found []dupe
	err := r.tx.sel(ctx, &found, fmt.Sprintf(`SELECT DISTINCT ON (b.pos) b.pos, a.pos AS first, concat_ws(', ', %s) AS key
		FROM %[2]s a JOIN %[2]s b USING (%[3]s) WHERE a.pos < b.pos ORDER BY b.pos, a.pos LIMIT %d`,
		d.keyList("b."), d.table, strings.Join(d.key, ", "), MaxListedSkips))
	if err != nil {
		return 0, err
	}
	for _, f := range found {
		if err := r.reject(d.rowError(f)); err != nil {
			return 0, err
		}
	}
	n, err := r.tx.exec(ctx, fmt.Sprintf(`DELETE FROM %[1]s b USING %[1]s a WHERE %s AND a.pos < b.pos`,
		d.table, d.joinOn()))
	// Rows past the listed ones are counted without being listed.
	if extra := int(n) - len(found); err == nil && extra > 0 {
		r.sum.Skipped += extra
	}
	return int(n), err
}

// keyList is the key columns, each as "column value", for a message.
func (d dupes) keyList(prefix string) string {
	parts := make([]string, len(d.key))
	for i, k := range d.key {
		parts[i] = fmt.Sprintf("'%s ' || %s%s", k, prefix, k)
	}
	return strings.Join(parts, ", ")
}

func (d dupes) joinOn() string {
	parts := make([]string, len(d.key))
	for i, k := range d.key {
		parts[i] = fmt.Sprintf("a.%[1]s = b.%[1]s", k)
	}
	return strings.Join(parts, " AND ")
}

func (d dupes) rowError(f dupe) *RowError {
	if d.csv {
		return &RowError{Line: f.Pos, Message: fmt.Sprintf("repeats line %d (%s)", f.First, f.Key)}
	}
	pos := f.Pos
	return &RowError{Record: &pos, Message: fmt.Sprintf("repeats values[%d] (%s)", f.First, f.Key)}
}
