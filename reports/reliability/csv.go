package reliability

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Headers of the CSV files read by ReadICCCSV and ReadAlphaCSV.
var (
	iccHeader   = [3]string{"target", "rater", "score"}
	alphaHeader = [3]string{"unit", "rater", "value"}
)

// ReadICCCSV reads a complete score matrix for ICC from CSV with the header
// "target,rater,score" and one line per score. Every target must be scored
// by every rater exactly once. Targets and raters keep the order in which
// they first appear. Errors name the file line, counting the header as 1,
// and wrap ErrInvalid, or ErrInsufficientData for a file without data lines.
func ReadICCCSV(r io.Reader) (Ratings, error) {
	rt, err := readRatings(r, iccHeader)
	if err != nil {
		return Ratings{}, err
	}
	if err := checkComplete(rt); err != nil {
		return Ratings{}, err
	}
	return rt, nil
}

// ReadAlphaCSV reads reliability data for Alpha from CSV with the header
// "unit,rater,value" and one line per value. A missing value is a missing
// line; it appears as math.NaN() in the returned Scores, whose rows are the
// units and whose columns are the raters, in order of first appearance.
// Errors are as for ReadICCCSV.
func ReadAlphaCSV(r io.Reader) (Ratings, error) {
	return readRatings(r, alphaHeader)
}

// FormatICC writes the six coefficients of r to w as the six lines
// ICC1, ICC2, ICC3, ICC1k, ICC2k and ICC3k, each "name,value" with the value
// to six decimals.
func FormatICC(w io.Writer, r ICCResult) error {
	var b strings.Builder
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"ICC1", r.ICC1}, {"ICC2", r.ICC2}, {"ICC3", r.ICC3},
		{"ICC1k", r.ICC1k}, {"ICC2k", r.ICC2k}, {"ICC3k", r.ICC3k},
	} {
		fmt.Fprintf(&b, "%s,%.6f\n", f.name, f.v)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// readRatings reads a three-column CSV with the given header into a table
// with NaN for every score not given, rejecting duplicate and non-numeric
// scores.
func readRatings(r io.Reader, header [3]string) (Ratings, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // a header of the wrong width is a header error
	cr.TrimLeadingSpace = true
	if err := readHeader(cr, header); err != nil {
		return Ratings{}, err
	}
	cr.FieldsPerRecord = 3
	b := newTableBuilder(header)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Ratings{}, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if err := b.add(line, rec); err != nil {
			return Ratings{}, err
		}
	}
	if len(b.rt.Targets) == 0 {
		return Ratings{}, errorf(ErrInsufficientData, "no data after the header line")
	}
	return b.table(), nil
}

// readHeader reads the first record and checks it against want, ignoring
// case, surrounding space and a UTF-8 byte order mark.
func readHeader(cr *csv.Reader, want [3]string) error {
	wantText := strings.Join(want[:], ",")
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return errorf(ErrInvalid, "empty input, want header %q", wantText)
	}
	if err != nil {
		return csvError(err)
	}
	rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
	ok := len(rec) == len(want)
	for i := 0; ok && i < len(rec); i++ {
		ok = strings.EqualFold(strings.TrimSpace(rec[i]), want[i])
	}
	if !ok {
		line, _ := cr.FieldPos(0)
		return errorf(ErrInvalid, "line %d: header %q, want %q", line, strings.Join(rec, ","), wantText)
	}
	return nil
}

// csvError turns an error from encoding/csv into one of the package's.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errorf(ErrInvalid, "line %d: %v", pe.Line, pe.Err)
	}
	return errorf(ErrInvalid, "reading CSV: %v", err)
}

// tableBuilder collects (target, rater, score) lines into a Ratings table.
type tableBuilder struct {
	header  [3]string
	rt      Ratings
	targets map[string]int     // label → row
	raters  map[string]int     // label → column
	scores  map[[2]int]float64 // (row, column) → score
	lines   map[[2]int]int     // (row, column) → line it was given on
}

// newTableBuilder returns an empty builder whose messages use the nouns of
// header.
func newTableBuilder(header [3]string) *tableBuilder {
	return &tableBuilder{
		header:  header,
		targets: make(map[string]int),
		raters:  make(map[string]int),
		scores:  make(map[[2]int]float64),
		lines:   make(map[[2]int]int),
	}
}

// add records one data line.
func (b *tableBuilder) add(line int, rec []string) error {
	target, rater := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
	for i, label := range []string{target, rater} {
		if label == "" {
			return errorf(ErrInvalid, "line %d: empty %s", line, b.header[i])
		}
	}
	text := strings.TrimSpace(rec[2])
	score, err := strconv.ParseFloat(text, 64)
	if err != nil || !isFinite(score) {
		return errorf(ErrInvalid, "line %d: %s %q is not a finite number", line, b.header[2], text)
	}
	key := [2]int{label(b.targets, &b.rt.Targets, target), label(b.raters, &b.rt.Raters, rater)}
	if first, dup := b.lines[key]; dup {
		return errorf(ErrInvalid, "line %d: duplicate %s for %s %q and %s %q (first given on line %d)",
			line, b.header[2], b.header[0], target, b.header[1], rater, first)
	}
	b.scores[key] = score
	b.lines[key] = line
	return nil
}

// label returns the index of name in labels, appending it if it is new.
func label(index map[string]int, labels *[]string, name string) int {
	i, ok := index[name]
	if !ok {
		i = len(*labels)
		index[name] = i
		*labels = append(*labels, name)
	}
	return i
}

// table returns the collected scores as a matrix, NaN where none was given.
func (b *tableBuilder) table() Ratings {
	rt := b.rt
	rt.Scores = make([][]float64, len(rt.Targets))
	for i := range rt.Scores {
		row := make([]float64, len(rt.Raters))
		for j := range row {
			row[j] = math.NaN()
			if s, ok := b.scores[[2]int{i, j}]; ok {
				row[j] = s
			}
		}
		rt.Scores[i] = row
	}
	return rt
}

// checkComplete reports the first target missing a rater's score, and how
// many scores are missing in all.
func checkComplete(rt Ratings) error {
	var missing int
	var first string
	for i, row := range rt.Scores {
		for j, s := range row {
			if !math.IsNaN(s) {
				continue
			}
			if missing == 0 {
				first = fmt.Sprintf("target %q has no score from rater %q", rt.Targets[i], rt.Raters[j])
			}
			missing++
		}
	}
	switch missing {
	case 0:
		return nil
	case 1:
		return errorf(ErrInvalid, "%s", first)
	default:
		return errorf(ErrInvalid, "%s (%d scores missing in all)", first, missing)
	}
}
