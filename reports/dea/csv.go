package dea

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/leanforum/awards/reports/spreadsheet"
)

// ReadCSV reads a DEA data set from delimited text with a header row. The
// unit id comes from column idColumn and the data from the named input and
// output columns; other columns are ignored. Header names are matched
// exactly after trimming spaces and a UTF-8 byte-order mark.
//
// Numbers use a decimal point. When sep is ';' (the Swedish and Excel
// convention) a decimal comma is accepted as well, and spaces, including
// no-break spaces, are dropped as thousands separators: "1 234,5" reads as
// 1234.5. Errors name the 1-based line of the file (the header is line 1)
// and the column. The returned Problem has CRS input orientation; set RTS
// and Orientation before calling Solve, which validates the values.
func ReadCSV(r io.Reader, sep rune, idColumn string, inputs, outputs []string) (Problem, error) {
	t := table{r: csv.NewReader(r), sep: sep}
	t.r.Comma = sep
	header, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		return Problem{}, errors.New("dea: csv: empty input, want a header row")
	}
	if err != nil {
		return Problem{}, fmt.Errorf("dea: csv: %w", err)
	}
	if err := t.findColumns(header, idColumn, inputs, outputs); err != nil {
		return Problem{}, err
	}
	p := Problem{InputNames: slices.Clone(inputs), OutputNames: slices.Clone(outputs)}
	for {
		rec, err := t.r.Read()
		if errors.Is(err, io.EOF) {
			return p, nil
		}
		if err != nil {
			return Problem{}, fmt.Errorf("dea: csv: %w", err)
		}
		if err := t.appendRecord(&p, rec); err != nil {
			return Problem{}, err
		}
	}
}

// table is the state of ReadCSV: the reader, the header and the positions
// of the requested columns.
type table struct {
	r       *csv.Reader
	sep     rune
	header  []string
	id      int
	in, out []int
}

// findColumns maps the requested column names to header positions.
func (t *table) findColumns(header []string, id string, inputs, outputs []string) error {
	t.header = header
	pos := make(map[string]int, len(header))
	for k, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := pos[h]; !dup {
			pos[h] = k
		}
	}
	used := make(map[string]bool)
	lookup := func(names []string) ([]int, error) {
		cols := make([]int, len(names))
		for k, name := range names {
			c, ok := pos[name]
			if !ok {
				return nil, fmt.Errorf("dea: csv: no column %q in header", name)
			}
			if used[name] {
				return nil, fmt.Errorf("dea: csv: column %q is named twice", name)
			}
			used[name], cols[k] = true, c
		}
		return cols, nil
	}
	ids, err := lookup([]string{id})
	if err != nil {
		return err
	}
	t.id = ids[0]
	if t.in, err = lookup(inputs); err != nil {
		return err
	}
	t.out, err = lookup(outputs)
	return err
}

// appendRecord parses one data record and appends it to p.
func (t *table) appendRecord(p *Problem, rec []string) error {
	id := strings.TrimSpace(rec[t.id])
	if id == "" {
		line, _ := t.r.FieldPos(t.id)
		return fmt.Errorf("dea: csv: line %d, column %q: empty id", line, t.header[t.id])
	}
	in, err := t.numbers(rec, t.in)
	if err != nil {
		return err
	}
	out, err := t.numbers(rec, t.out)
	if err != nil {
		return err
	}
	p.IDs = append(p.IDs, id)
	p.Inputs = append(p.Inputs, in)
	p.Outputs = append(p.Outputs, out)
	return nil
}

// numbers parses the cells of rec in columns cols.
func (t *table) numbers(rec []string, cols []int) ([]float64, error) {
	row := make([]float64, len(cols))
	for k, c := range cols {
		v, err := parseNumber(rec[c], t.sep)
		if err != nil {
			line, _ := t.r.FieldPos(c)
			return nil, fmt.Errorf("dea: csv: line %d, column %q: %q is not a number", line, t.header[c], rec[c])
		}
		row[k] = v
	}
	return row, nil
}

// parseNumber parses a cell, accepting the Swedish form when sep is ';'.
func parseNumber(cell string, sep rune) (float64, error) {
	s := strings.TrimSpace(cell)
	if sep == ';' {
		s = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\u00a0', '\u202f':
				return -1
			case ',':
				return '.'
			}
			return r
		}, s)
	}
	return strconv.ParseFloat(s, 64)
}

// WriteCSV writes one row per result with the header id,efficiency,peers
// as plain CSV: WriteSheet with spreadsheet.Plain.
func WriteCSV(w io.Writer, results []Result) error {
	return WriteSheet(w, results, spreadsheet.Plain)
}

// WriteSheet writes one row per result with the header id,efficiency,peers
// in dialect d. Efficiency is printed with six decimals, or left empty when
// undefined (Result.Err set); peers are the peer ids in input order joined
// by ';'. Ids that a spreadsheet would take for a formula are neutralised.
func WriteSheet(w io.Writer, results []Result, d spreadsheet.Dialect) error {
	sw := spreadsheet.NewWriter(w, d)
	sw.Header("id", "efficiency", "peers")
	for _, r := range results {
		eff := spreadsheet.Text("")
		if r.Err == nil {
			eff = spreadsheet.Number(r.Efficiency, 6)
		}
		ids := make([]string, len(r.Peers))
		for k, peer := range r.Peers {
			ids[k] = peer.ID
		}
		sw.Row(spreadsheet.Text(r.ID), eff, spreadsheet.Text(strings.Join(ids, ";")))
	}
	if err := sw.Err(); err != nil {
		return fmt.Errorf("dea: csv: %w", err)
	}
	return nil
}
