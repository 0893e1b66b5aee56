// Package spreadsheet writes CSV that people open in a spreadsheet: every
// text cell that a spreadsheet would read as a formula is neutralised
// (OWASP's advice for CSV injection), and besides plain CSV it writes the
// dialect Swedish Excel opens correctly (semicolons, UTF-8 with a byte
// order mark, decimal commas).
package spreadsheet

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Dialect is a CSV flavour.
type Dialect struct {
	// Name is how a request names the dialect.
	Name string
	// Comma separates the cells of a row.
	Comma byte
	// BOM starts the file with a UTF-8 byte order mark, which Excel needs
	// to read the file as UTF-8 rather than as the Windows code page.
	BOM bool
	// DecimalComma writes 3,5 for 3.5.
	DecimalComma bool
	// EOL ends each row.
	EOL string
}

// The dialects.
var (
	// Plain is RFC 4180 CSV with commas, decimal points and no BOM, for
	// programs.
	Plain = Dialect{Name: "plain", Comma: ',', EOL: "\n"}
	// Swedish is what Excel with Swedish regional settings opens as
	// columns: semicolons, decimal commas, UTF-8 with a BOM, CRLF.
	Swedish = Dialect{Name: "excel-sv", Comma: ';', BOM: true, DecimalComma: true, EOL: "\r\n"}
)

// Dialects lists the dialects by name.
var Dialects = []Dialect{Plain, Swedish}

// ErrUnknownDialect is returned by ParseDialect for a name it does not
// know.
var ErrUnknownDialect = errors.New("spreadsheet: unknown CSV format")

// ParseDialect returns the dialect named s; "" is Plain.
func ParseDialect(s string) (Dialect, error) {
	if s == "" {
		return Plain, nil
	}
	for _, d := range Dialects {
		if strings.EqualFold(s, d.Name) {
			return d, nil
		}
	}
	return Dialect{}, fmt.Errorf("%w %q: use plain or excel-sv", ErrUnknownDialect, s)
}

// Cell is one cell of a row: a text, which is neutralised, or a number,
// which is formatted for the dialect.
type Cell struct {
	text string // a number's text has a decimal point
	kind kind
}

type kind uint8

const (
	textCell kind = iota
	numberCell
	emptyCell
)

// Text is a text cell. A text that a spreadsheet would take for a formula
// (starting with =, +, -, @, a tab or a carriage return) is written with a
// leading single quote and quoted.
func Text(s string) Cell { return Cell{text: s, kind: textCell} }

// Number is a number cell with digits decimals, or as many as needed when
// digits is negative. A NaN or infinite value is an empty cell.
func Number(v float64, digits int) Cell {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Cell{kind: emptyCell}
	}
	return Cell{text: strconv.FormatFloat(v, 'f', digits, 64), kind: numberCell}
}

// Int is an integer cell.
func Int(n int64) Cell { return Cell{text: strconv.FormatInt(n, 10), kind: numberCell} }

// OptNumber is Number of *v, or an empty cell for nil.
func OptNumber(v *float64, digits int) Cell {
	if v == nil {
		return Cell{kind: emptyCell}
	}
	return Number(*v, digits)
}

// Texts turns strings into text cells.
func Texts(ss ...string) []Cell {
	out := make([]Cell, len(ss))
	for i, s := range ss {
		out[i] = Text(s)
	}
	return out
}

// Writer writes rows in one dialect. Errors are sticky: after the first,
// nothing more is written and Err returns it.
type Writer struct {
	w       io.Writer
	d       Dialect
	started bool
	buf     []byte
	err     error
}

// NewWriter returns a writer of d to w.
func NewWriter(w io.Writer, d Dialect) *Writer {
	if d.Comma == 0 {
		d = Plain
	}
	return &Writer{w: w, d: d}
}

// Dialect returns the writer's dialect.
func (w *Writer) Dialect() Dialect { return w.d }

// Header writes a row of column names.
func (w *Writer) Header(names ...string) { w.Row(Texts(names...)...) }

// Row writes one row.
func (w *Writer) Row(cells ...Cell) {
	if w.err != nil {
		return
	}
	w.buf = w.buf[:0]
	if !w.started && w.d.BOM {
		w.buf = append(w.buf, 0xEF, 0xBB, 0xBF)
	}
	w.started = true
	for i, c := range cells {
		if i > 0 {
			w.buf = append(w.buf, w.d.Comma)
		}
		w.buf = w.appendCell(w.buf, c)
	}
	w.buf = append(w.buf, w.d.EOL...)
	_, w.err = w.w.Write(w.buf)
}

// Err returns the first error a write met.
func (w *Writer) Err() error {
	if w.err != nil {
		return fmt.Errorf("spreadsheet: %w", w.err)
	}
	return nil
}

func (w *Writer) appendCell(b []byte, c Cell) []byte {
	switch c.kind {
	case emptyCell:
		return b
	case numberCell:
		if w.d.DecimalComma {
			return append(b, strings.Replace(c.text, ".", ",", 1)...)
		}
		return append(b, c.text...)
	}
	s, forced := Neutralise(c.text)
	if forced || w.needsQuotes(s) {
		b = append(b, '"')
		b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
		return append(b, '"')
	}
	return append(b, s...)
}

// needsQuotes reports whether s must be quoted to be read back as one
// cell: it holds the separator, a quote or a line break, or starts with a
// space.
func (w *Writer) needsQuotes(s string) bool {
	if s == "" {
		return false
	}
	return strings.ContainsAny(s, string(w.d.Comma)+"\"\r\n") || s[0] == ' '
}

// Neutralise returns s with a leading single quote when a spreadsheet
// would read it as a formula (it starts with =, +, -, @, a tab or a
// carriage return), and whether it did so; such a cell must be quoted.
func Neutralise(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s, true
	}
	return s, false
}
