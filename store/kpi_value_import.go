package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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
// values may name.
type knownIDs struct{ kpis, areas map[string]bool }

func loadKnownIDs(ctx context.Context, tx conn) (*knownIDs, error) {
	var kpis, areas []string
	if err := tx.sel(ctx, &kpis, `SELECT id FROM kpis`); err != nil {
		return nil, err
	}
	err := tx.sel(ctx, &areas, `SELECT code FROM municipalities UNION ALL SELECT id FROM municipality_groups`)
	return &knownIDs{kpis: setOf(kpis), areas: setOf(areas)}, err
}

func setOf(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// check reports a record naming a KPI or municipality that is not stored,
// or a status that cannot be stored as text.
func (k *knownIDs) check(rec *valueRecord) *RowError {
	if !k.kpis[rec.kpi] {
		return rec.rowError("kpi", "unknown KPI %q (not in the KPI catalogue)", rec.kpi)
	}
	if !k.areas[rec.municipality] {
		return rec.rowError("municipality", "unknown municipality or group %q", rec.municipality)
	}
	for _, v := range rec.values {
		if !utf8.ValidString(v.status) || strings.IndexByte(v.status, 0) >= 0 {
			return rec.rowError("status", "%q is not valid UTF-8 text", v.status)
		}
	}
	return nil
}

// genders are the genders of a record in the order of its columns.
var genders = [3]string{"T", "K", "M"}

func genderIndex(g string) int {
	switch g {
	case "T":
		return 0
	case "K":
		return 1
	}
	return 2
}

// stagedRecord gathers the values of one KPI, municipality and year, at
// most one per gender, into one row of kpi_records_in. pos is where each
// gender's value was: its CSV line or its record's index in "values".
type stagedRecord struct {
	kpi, municipality string
	period            int
	n                 int // values held
	has               [3]bool
	pos               [3]int
	value             [3]float64
	null              [3]bool
	status            [3]string
}

func (s *stagedRecord) sameKey(rec *valueRecord) bool {
	return s.n > 0 && s.kpi == rec.kpi && s.municipality == rec.municipality && s.period == rec.period
}

// repeats reports whether rec has a value of a gender s holds already.
func (s *stagedRecord) repeats(rec *valueRecord) bool {
	for _, v := range rec.values {
		if s.has[genderIndex(v.gender)] {
			return true
		}
	}
	return false
}

func (s *stagedRecord) add(rec *valueRecord) {
	if s.n == 0 {
		s.kpi, s.municipality, s.period = rec.kpi, rec.municipality, rec.period
	}
	for _, v := range rec.values {
		g := genderIndex(v.gender)
		s.has[g], s.pos[g], s.value[g], s.null[g], s.status[g] = true, rec.pos(), v.value, v.null, v.status
		s.n++
	}
}

// write sends the record as a row of kpi_records_in and empties it.
func (s *stagedRecord) write(w *copyWriter) error {
	w.text(s.kpi)
	w.text(s.municipality)
	w.int(s.period)
	for g := range genders {
		switch {
		case !s.has[g]:
			w.null()
			w.null()
			w.null()
			continue
		case s.null[g]:
			w.int(s.pos[g])
			w.null()
		default:
			w.int(s.pos[g])
			w.float(s.value[g])
		}
		w.text(s.status[g])
	}
	*s = stagedRecord{}
	return w.endRow()
}

// recordStaging is kpi_records_in, the staged records: kpi_records' key
// and values, with where each value was read.
const recordStaging = `kpi_id text COLLATE "C", municipality_id text COLLATE "C", period smallint,
	pos_t integer, value_t double precision, status_t text,
	pos_k integer, value_k double precision, status_k text,
	pos_m integer, value_m double precision, status_m text`

var recordColumns = []string{"kpi_id", "municipality_id", "period",
	"pos_t", "value_t", "status_t", "pos_k", "value_k", "status_k", "pos_m", "value_m", "status_m"}

// perGender joins format, with every %[1]s made t, k and m in turn, by sep.
func perGender(format, sep string) string {
	parts := make([]string, len(genders))
	for i, g := range genders {
		parts[i] = fmt.Sprintf(format, strings.ToLower(g))
	}
	return strings.Join(parts, sep)
}

// recordMerge merges the staged records, whose keys are distinct, into
// kpi_records in one statement and answers how many values it inserted
// and updated, counted against the records as they were before it (which
// every part of a statement sees). A record brings only the genders it
// has: the others keep their stored values, unless the stored record is
// synthetic, which a real one replaces whole. A record that changes
// nothing is not written again. The caller holds a lock that keeps other
// writers out, so the records missing at the start are still missing when
// they are inserted; a plain insert costs half of INSERT … ON CONFLICT.
// sort puts new records in in key order, which makes the key's inserts
// appends; staged records already in that order need not be sorted.
func recordMerge(sort bool) string {
	order := ""
	if sort {
		order = " ORDER BY kpi_id, municipality_id, period"
	}
	return `WITH counts AS MATERIALIZED (
		SELECT coalesce(sum(` + perGender(`(s.status_%[1]s IS NOT NULL AND v.status_%[1]s IS NULL)::int`, " + ") + `), 0) AS inserted,
			coalesce(sum(` + perGender(`(s.status_%[1]s IS NOT NULL AND v.status_%[1]s IS NOT NULL AND (v.synthetic
				OR (v.value_%[1]s, v.status_%[1]s) IS DISTINCT FROM (s.value_%[1]s, s.status_%[1]s)))::int`, " + ") + `), 0) AS updated
		FROM kpi_records_in s LEFT JOIN kpi_records v USING (kpi_id, municipality_id, period)
	), updated AS (
		UPDATE kpi_records v SET ` +
		perGender(`value_%[1]s = CASE WHEN s.status_%[1]s IS NOT NULL THEN s.value_%[1]s WHEN NOT v.synthetic THEN v.value_%[1]s END,
			status_%[1]s = CASE WHEN s.status_%[1]s IS NOT NULL THEN s.status_%[1]s WHEN NOT v.synthetic THEN v.status_%[1]s END`, ",\n\t\t\t") + `,
			synthetic = false, updated_at = now()
		FROM kpi_records_in s
		WHERE (v.kpi_id, v.municipality_id, v.period) = (s.kpi_id, s.municipality_id, s.period)
			AND (v.synthetic OR ` + perGender(`(s.status_%[1]s IS NOT NULL
			AND (v.value_%[1]s, v.status_%[1]s) IS DISTINCT FROM (s.value_%[1]s, s.status_%[1]s))`, " OR ") + `)
	), inserted AS (
		INSERT INTO kpi_records (kpi_id, municipality_id, period, ` + perGender(`value_%[1]s, status_%[1]s`, ", ") + `)
		SELECT kpi_id, municipality_id, period, ` + perGender(`value_%[1]s, status_%[1]s`, ", ") + `
		FROM kpi_records_in s WHERE NOT EXISTS (SELECT FROM kpi_records v
			WHERE (v.kpi_id, v.municipality_id, v.period) = (s.kpi_id, s.municipality_id, s.period))` + order + `
	)
	SELECT inserted, updated FROM counts`
}

// importValues streams src through COPY into a staging table of records
// and merges them into kpi_records with one statement, all in one
// transaction.
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
		if _, err := run.tx.exec(ctx, `CREATE TEMP TABLE kpi_records_in (`+recordStaging+`) ON COMMIT DROP`); err != nil {
			return err
		}
		_, isCSV := src.(*csvValues)
		st := &valueStager{run: run, known: known, csv: isCSV, sorted: true}
		if err := run.copyLines(ctx, "kpi_records_in", recordColumns, st.stage(src)); err != nil {
			return err
		}
		if !st.sorted {
			dropped, err := run.gatherRecords(ctx, isCSV)
			if err != nil {
				return err
			}
			st.values -= dropped
		}
		// Readers go on; other writers wait until the import commits.
		if _, err := run.tx.exec(ctx, `LOCK TABLE kpi_records IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		var n struct{ Inserted, Updated int }
		if err := run.tx.get(ctx, &n, recordMerge(!st.sorted)); err != nil {
			return err
		}
		run.sum.Inserted += n.Inserted
		run.sum.Updated += n.Updated
		run.sum.Unchanged += st.values - n.Inserted - n.Updated
		return nil
	})
}

// valueStager writes the valid values of a source to kpi_records_in.
type valueStager struct {
	run    *importRun
	known  *knownIDs
	csv    bool
	cur    stagedRecord // the record being gathered
	values int          // the values written
	// The key of the record written last, and whether every record
	// written has had a greater key than the one before.
	lastKPI, lastArea string
	lastPeriod        int
	sorted            bool
}

// stage returns a fill function for copyLines that writes every valid
// value of src, gathering values of the same record that follow each
// other (a CSV sorted by KPI, municipality and year has a record's genders
// on consecutive lines) into one row.
func (st *valueStager) stage(src valueSource) func(*copyWriter) error {
	return func(w *copyWriter) error {
		var rec valueRecord
		for read := 0; ; read++ {
			// The copy notices a cancel at every chunk it sends; rows that are
			// skipped send nothing.
			if read%1024 == 0 && w.ctx.Err() != nil {
				return w.ctx.Err()
			}
			err := src.next(&rec)
			var re *RowError
			switch {
			case err == io.EOF:
				return st.write(w)
			case errors.As(err, &re):
				st.run.sum.Read++
				if err := st.run.reject(re); err != nil {
					return err
				}
				continue
			case err != nil:
				return err
			}
			st.run.sum.Read++
			if re := st.known.check(&rec); re != nil {
				if err := st.run.reject(re); err != nil {
					return err
				}
				continue
			}
			// A record with another key, or with a gender already held,
			// starts a new row; one repeating the key makes the rows out of
			// order, so gatherRecords finds the repeated values, whether
			// next to each other or apart, and only those.
			if !st.cur.sameKey(&rec) || st.cur.repeats(&rec) {
				if err := st.write(w); err != nil {
					return err
				}
			}
			st.cur.add(&rec)
			st.values += len(rec.values)
		}
	}
}

// write sends the record being gathered, if any, and notes whether the
// records stay in key order.
func (st *valueStager) write(w *copyWriter) error {
	c := &st.cur
	if c.n == 0 {
		return nil
	}
	if w.rows > 0 && cmp.Or(cmp.Compare(st.lastKPI, c.kpi), cmp.Compare(st.lastArea, c.municipality),
		cmp.Compare(st.lastPeriod, c.period)) >= 0 {
		st.sorted = false
	}
	st.lastKPI, st.lastArea, st.lastPeriod = c.kpi, c.municipality, c.period
	return c.write(w)
}

// gatherRecords makes the staged records one per key when they did not
// come in key order, so that rows of one key may be apart. Among the keys
// where a gender repeats (few, or none), the values that repeat an earlier
// one are rejected (dropDupes); then every key's rows become one record.
// It returns how many values it dropped.
func (r *importRun) gatherRecords(ctx context.Context, isCSV bool) (int, error) {
	const key = "kpi_id, municipality_id, period"
	// One pass gathers every key's rows and counts each gender's values.
	// Where a gender has one value at most, max() finds it, and a null
	// value beside its status stays null.
	if _, err := r.tx.exec(ctx, `CREATE TEMP TABLE kpi_records_gathered ON COMMIT DROP AS
			SELECT `+key+`, `+perGender(`min(pos_%[1]s) AS pos_%[1]s, max(value_%[1]s) AS value_%[1]s,
				max(status_%[1]s) AS status_%[1]s, count(pos_%[1]s) AS n_%[1]s`, ", ")+`
			FROM kpi_records_in GROUP BY `+key); err != nil {
		return 0, err
	}
	repeats, err := r.tx.exec(ctx, `CREATE TEMP TABLE kpi_repeats ON COMMIT DROP AS
		SELECT `+key+` FROM kpi_records_gathered WHERE `+perGender(`n_%[1]s > 1`, " OR "))
	if err != nil {
		return 0, err
	}
	dropped := 0
	if repeats > 0 {
		// The keys where a gender repeats: their values one per row, the
		// repeats rejected, the rest gathered again.
		if _, err := r.tx.exec(ctx, `CREATE TEMP TABLE kpi_values_in ON COMMIT DROP AS
			SELECT g.pos, s.kpi_id, s.municipality_id, s.period, g.gender, g.value, g.status
			FROM kpi_records_in s JOIN kpi_repeats USING (`+key+`) CROSS JOIN LATERAL (VALUES `+
			perGender(`(s.pos_%[1]s, upper('%[1]s') COLLATE "C", s.value_%[1]s, s.status_%[1]s)`, ", ")+
			`) AS g (pos, gender, value, status) WHERE g.status IS NOT NULL`); err != nil {
			return 0, err
		}
		if dropped, err = r.dropDupes(ctx, dupes{table: "kpi_values_in",
			key: []string{"kpi_id", "municipality_id", "period", "gender"}, csv: isCSV}); err != nil {
			return 0, err
		}
		if _, err := r.tx.exec(ctx, `DELETE FROM kpi_records_gathered g USING kpi_repeats q
				WHERE (g.kpi_id, g.municipality_id, g.period) = (q.kpi_id, q.municipality_id, q.period);
			INSERT INTO kpi_records_gathered (`+key+`, `+perGender(`pos_%[1]s, value_%[1]s, status_%[1]s`, ", ")+`)
			SELECT `+key+`, `+perGender(`max(pos) FILTER (WHERE gender = upper('%[1]s')),
				max(value) FILTER (WHERE gender = upper('%[1]s')), max(status) FILTER (WHERE gender = upper('%[1]s'))`, ", ")+`
			FROM kpi_values_in GROUP BY `+key); err != nil {
			return 0, err
		}
	}
	_, err = r.tx.exec(ctx, `DROP TABLE kpi_records_in;
		ALTER TABLE kpi_records_gathered RENAME TO kpi_records_in`)
	return dropped, err
}
