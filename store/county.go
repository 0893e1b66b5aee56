package store

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
)

var countyCode = regexp.MustCompile(`^[0-9]{2}$`)

// countyColumns are the columns ImportCounties reads; others are ignored.
var countyColumns = []string{"municipality_code", "municipality_name_short", "county_code", "county_name"}

// countyUpsert sets the county of staged municipalities, adding the
// missing ones (their names are kept when they exist).
var countyUpsert = mergeCounts(`INSERT INTO municipalities AS m (code, name, type, county_code, county_name)
	SELECT code, name, 'K', county_code, county_name FROM counties_in
	ON CONFLICT (code) DO UPDATE SET county_code = excluded.county_code, county_name = excluded.county_name,
		updated_at = now()
	WHERE (m.county_code, m.county_name) IS DISTINCT FROM (excluded.county_code, excluded.county_name)`)

// ImportCounties reads municipality_county.csv (municipality_code,
// municipality_name, municipality_name_short, county_code, county_name,
// county_name_short) and sets each municipality's county. Only admins may.
func (db *DB) ImportCounties(ctx context.Context, r io.Reader, opts ImportOptions) (*ImportSummary, error) {
	return db.runImport(ctx, "counties", opts, func(run *importRun) error {
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		col, err := countyHeader(cr)
		if err != nil {
			return err
		}
		cp, err := run.tx.stage(ctx, "counties_in", `pos integer, code text, name text, county_code text, county_name text`,
			"pos", "code", "name", "county_code", "county_name")
		if err != nil {
			return err
		}
		defer cp.stmt.Close()
		if err := run.copyCounties(ctx, cr, col, cp); err != nil {
			return err
		}
		if err := cp.flush(ctx); err != nil {
			return err
		}
		return run.merge(ctx, cp.rows, dupes{table: "counties_in", key: []string{"code"}, csv: true}, countyUpsert)
	})
}

// countyHeader reads the header and returns where each of countyColumns is.
func countyHeader(cr *csv.Reader) ([]int, error) {
	header, err := cr.Read()
	if err != nil {
		return nil, Errorf(Invalid, "line 1: no header (%v)", err)
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	col := make([]int, len(countyColumns))
	for i, name := range countyColumns {
		if col[i] = slices.Index(header, name); col[i] < 0 {
			return nil, Errorf(Invalid, "line 1: no %q column", name)
		}
	}
	return col, nil
}

func (r *importRun) copyCounties(ctx context.Context, cr *csv.Reader, col []int, cp *copier) error {
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return err
		}
		r.sum.Read++
		var line int
		if pe != nil {
			line = pe.StartLine
		} else {
			line, _ = cr.FieldPos(0)
		}
		if re := checkCountyRow(line, fields, col, pe); re != nil {
			if err := r.reject(re); err != nil {
				return err
			}
			continue
		}
		f := func(i int) string { return strings.TrimSpace(fields[col[i]]) }
		if err := cp.add(ctx, line, f(0), f(1), f(2), f(3)); err != nil {
			return err
		}
	}
}

func checkCountyRow(line int, fields []string, col []int, pe *csv.ParseError) *RowError {
	if pe != nil {
		return &RowError{Line: line, Message: "malformed CSV: " + pe.Err.Error()}
	}
	if len(fields) <= slices.Max(col) {
		return &RowError{Line: line, Message: "too few fields"}
	}
	f := func(i int) string { return strings.TrimSpace(fields[col[i]]) }
	switch {
	case !municipalityCode.MatchString(f(0)):
		return &RowError{Line: line, Field: countyColumns[0], Message: "must be four digits"}
	case f(1) == "":
		return &RowError{Line: line, Field: countyColumns[1], Message: "is empty"}
	case !countyCode.MatchString(f(2)):
		return &RowError{Line: line, Field: countyColumns[2], Message: "must be two digits"}
	case f(3) == "":
		return &RowError{Line: line, Field: countyColumns[3], Message: "is empty"}
	}
	return nil
}
