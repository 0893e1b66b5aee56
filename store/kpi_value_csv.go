package store

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/leanforum/awards/store/kolada"
)

// CSVHeader is the header of a KPI values CSV. The columns may come in
// any order and status may be left out.
const CSVHeader = "kpi,municipality,period,gender,value,status"

var csvColumns = strings.Split(CSVHeader, ",")

// The positions of the columns in csvColumns.
const (
	colKPI = iota
	colMunicipality
	colPeriod
	colGender
	colValue
	colStatus
)

// ImportCSV imports KPI values from CSV: a header line (CSVHeader), then
// one value per line. The municipality may be a group id; an empty value
// is null; status is kept as given. Only admins may.
func (db *DB) ImportCSV(ctx context.Context, r io.Reader, opts ImportOptions) (*ImportSummary, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins import data")
	}
	src, err := newCSVValues(r)
	if err != nil {
		return nil, err
	}
	return db.importValues(ctx, "values", src, opts)
}

// csvValues reads value records from CSV, one line at a time.
type csvValues struct {
	r      *csv.Reader
	col    [colStatus + 1]int // each column's index in a line; -1 when absent
	fields int                // the number of fields a line must have
}

func newCSVValues(r io.Reader) (*csvValues, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errorf(Invalid, "the CSV is empty: its first line must be the header %s", CSVHeader)
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, Errorf(Invalid, "line 1: malformed CSV: %v", pe.Err)
		}
		return nil, err
	}
	s := &csvValues{r: cr, fields: len(header)}
	for i := range s.col {
		s.col[i] = -1
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		j := slices.Index(csvColumns, h)
		switch {
		case j < 0:
			return nil, Errorf(Invalid, "line 1: unknown column %q; the header is %s", h, CSVHeader)
		case s.col[j] >= 0:
			return nil, Errorf(Invalid, "line 1: column %q appears twice", h)
		}
		s.col[j] = i
	}
	for j := colKPI; j < colStatus; j++ {
		if s.col[j] < 0 {
			return nil, Errorf(Invalid, "line 1: no %q column; the header is %s", csvColumns[j], CSVHeader)
		}
	}
	return s, nil
}

func (s *csvValues) next(rec *valueRecord) error {
	fields, err := s.r.Read()
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		return &RowError{Line: pe.StartLine, Message: "malformed CSV: " + pe.Err.Error()}
	case err != nil:
		return err
	}
	line, _ := s.r.FieldPos(0)
	*rec = valueRecord{line: line, values: rec.values[:0]}
	if len(fields) != s.fields {
		return rec.rowError("", "has %d fields, want %d as in the header", len(fields), s.fields)
	}
	rec.kpi = strings.TrimSpace(fields[s.col[colKPI]])
	rec.municipality = strings.TrimSpace(fields[s.col[colMunicipality]])
	v := genderValue{gender: strings.TrimSpace(fields[s.col[colGender]])}
	if c := s.col[colStatus]; c >= 0 {
		v.status = fields[c]
	}
	if rec.period, err = parseYear(fields[s.col[colPeriod]]); err != nil {
		return rec.rowError("period", "%q is not a year between %d and %d", fields[s.col[colPeriod]], minYear, maxYear)
	}
	if v.gender != "T" && v.gender != "K" && v.gender != "M" {
		return rec.rowError("gender", "%q is not T (total), K (women) or M (men)", v.gender)
	}
	if v.value, v.null, err = parseValue(fields[s.col[colValue]]); errors.Is(err, kolada.ErrNotNumber) {
		return rec.rowError("value", "%q is not a number", fields[s.col[colValue]])
	} else if err != nil {
		return rec.rowError("value", "%v", err)
	}
	rec.values = append(rec.values, v)
	return nil
}

// The range of years a period may name, as the kpi_records table checks.
const (
	minYear = 1900
	maxYear = 2100
)

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err == nil && (y < minYear || y > maxYear) {
		err = errors.New("out of range")
	}
	return y, err
}

// parseValue reads a finite number; an empty field is null.
func parseValue(s string) (float64, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true, nil
	}
	f, err := kolada.ParseNumber(s)
	return f, false, err
}
