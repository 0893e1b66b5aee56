package store

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// valueRecord is one input row of KPI values: a CSV line (one value) or a
// Kolada data record (up to one value per gender).
type valueRecord struct {
	line         int // CSV: the line; 0 for Kolada JSON
	index        int // Kolada JSON: the index in "values"
	kpi          string
	municipality string
	period       int
	values       []genderValue
}

// genderValue is one gender's value; null when Kolada has none.
type genderValue struct {
	gender string
	value  float64
	null   bool
	status string
}

// pos is where the record is: its CSV line or its index in "values".
func (r *valueRecord) pos() int {
	if r.line > 0 {
		return r.line
	}
	return r.index
}

// rowError describes a bad field of the record.
func (r *valueRecord) rowError(field, format string, args ...any) *RowError {
	e := &RowError{Line: r.line, Field: field, Message: fmt.Sprintf(format, args...)}
	if r.line == 0 {
		i := r.index
		e.Record = &i
	}
	return e
}

// valueSource yields value records one at a time. next returns io.EOF
// after the last, a *RowError for an invalid row (next may be called
// again), and any other error when the input cannot be read further.
type valueSource interface {
	next(rec *valueRecord) error
}

// knownIDs holds the KPI ids and the municipality and group ids that
// values may name, each boxed once for the COPY arguments so that a
// million rows do not box a million copies.
type knownIDs struct{ kpis, areas map[string]any }

func loadKnownIDs(ctx context.Context, tx conn) (*knownIDs, error) {
	var kpis, areas []string
	if err := tx.sel(ctx, &kpis, `SELECT id FROM kpis`); err != nil {
		return nil, err
	}
	err := tx.sel(ctx, &areas, `SELECT code FROM municipalities UNION ALL SELECT id FROM municipality_groups`)
	return &knownIDs{kpis: boxAll(kpis), areas: boxAll(areas)}, err
}

func boxAll(ids []string) map[string]any {
	m := make(map[string]any, len(ids))
	for _, id := range ids {
		m[id] = id
	}
	return m
}

// check reports a record naming a KPI or municipality that is not stored;
// otherwise it returns their boxed ids.
func (k *knownIDs) check(rec *valueRecord) (kpi, area any, _ *RowError) {
	kpi, ok := k.kpis[rec.kpi]
	if !ok {
		return nil, nil, rec.rowError("kpi", "unknown KPI %q (not in the KPI catalogue)", rec.kpi)
	}
	if area, ok = k.areas[rec.municipality]; !ok {
		return nil, nil, rec.rowError("municipality", "unknown municipality or group %q", rec.municipality)
	}
	return kpi, area, nil
}

const valueStaging = `pos integer, kpi_id text COLLATE "C", municipality_id text COLLATE "C", period smallint,
	gender text COLLATE "C", value double precision, status text`

// valueUpsert merges the staged values. A value that is unchanged is not
// written again; a real value replaces a synthetic one. Rows go in in key
// order, which makes the primary key's inserts mostly appends (about a
// third faster for a million values than in input order, sort included).
var valueUpsert = mergeCounts(`INSERT INTO kpi_values AS v (kpi_id, municipality_id, period, gender, value, status)
	SELECT kpi_id, municipality_id, period, gender, value, status FROM kpi_values_in
	ORDER BY kpi_id, municipality_id, period, gender
	ON CONFLICT (kpi_id, municipality_id, period, gender) DO UPDATE
		SET value = excluded.value, status = excluded.status, synthetic = false, updated_at = now()
		WHERE (v.value, v.status, v.synthetic) IS DISTINCT FROM (excluded.value, excluded.status, false)`)

// importValues streams src through COPY into a staging table and merges
// it into kpi_values with one upsert, all in one transaction.
func (db *DB) importValues(ctx context.Context, kind string, src valueSource, opts ImportOptions) (*ImportSummary, error) {
	return db.runImport(ctx, kind, opts, func(run *importRun) error {
		known, err := loadKnownIDs(ctx, run.tx)
		if err != nil {
			return err
		}
		// Room to sort a million staged values in memory; imports run one at a time.
		if _, err := run.tx.exec(ctx, `SET LOCAL work_mem = '256MB'`); err != nil {
			return err
		}
		cp, err := run.tx.stage(ctx, "kpi_values_in", valueStaging,
			"pos", "kpi_id", "municipality_id", "period", "gender", "value", "status")
		if err != nil {
			return err
		}
		defer cp.stmt.Close() // ends the COPY before a rollback
		if err := run.copyValues(ctx, src, known, cp); err != nil {
			return err
		}
		if err := cp.flush(ctx); err != nil {
			return err
		}
		_, isCSV := src.(*csvValues)
		d := dupes{table: "kpi_values_in", key: []string{"kpi_id", "municipality_id", "period", "gender"}, csv: isCSV}
		return run.merge(ctx, cp.rows, d, valueUpsert)
	})
}

// copyValues sends every valid value of src to cp.
func (r *importRun) copyValues(ctx context.Context, src valueSource, known *knownIDs, cp *copier) error {
	var rec valueRecord
	args := make([]any, 7)
	for {
		err := src.next(&rec)
		var re *RowError
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &re):
			r.sum.Read++
			if err := r.reject(re); err != nil {
				return err
			}
			continue
		case err != nil:
			return err
		}
		r.sum.Read++
		kpi, area, re := known.check(&rec)
		if re != nil {
			if err := r.reject(re); err != nil {
				return err
			}
			continue
		}
		args[0], args[1], args[2], args[3] = rec.pos(), kpi, area, boxedYear(rec.period)
		for _, v := range rec.values {
			args[4], args[5], args[6] = boxedGender(v.gender), nil, boxedStatus(v.status)
			if !v.null {
				args[5] = v.value
			}
			if err := cp.add(ctx, args...); err != nil {
				return err
			}
		}
	}
}

// Boxed COPY arguments that repeat on every row.
var (
	boxedYears = func() (b [maxYear - minYear + 1]any) {
		for i := range b {
			b[i] = minYear + i
		}
		return b
	}()
	boxedGenders     = map[string]any{"T": "T", "K": "K", "M": "M"}
	boxedEmpty   any = ""
)

func boxedYear(y int) any {
	if y < minYear || y > maxYear {
		return y
	}
	return boxedYears[y-minYear]
}

func boxedGender(g string) any { return boxedGenders[g] }

func boxedStatus(s string) any {
	if s == "" {
		return boxedEmpty
	}
	return s
}
