// Package pdf renders the award and benchmark reports as PDF documents.
//
// Each document is a pure function from an input struct to the bytes of a
// PDF file: Feedback (one application's feedback report), Jury (a cycle's
// ranking for the jury), Benchmark (KPIs across municipalities) and Profile
// (one municipality against its group and similar municipalities). The
// inputs take the results of the scoring, reliability and kpi packages as
// they are; the caller reads the database, filters for conflicts of
// interest and computes, and the document only lays out.
//
// # Determinism
//
// The same input gives the same bytes: resource catalogues are sorted, the
// creation and modification dates are the input's Date (the date the data
// refer to, never the clock), and every list is drawn in an order fixed by
// the input or by a sort with a total order, never by map iteration.
//
// # Typography
//
// Every text, fixed or from the user, is set in DejaVu Sans Condensed, a
// UTF-8 TrueType font embedded in the binary (see Fonts): the PDF core
// fonts print å, ä and ö as mojibake. Pages are A4 portrait with a running
// header, the data date in the footer and "Sida x av y" ("Page x of y" in
// English).
//
// # Errors
//
// Bad input (a missing required field, an empty ranking, a NaN or infinite
// number, a value outside its scale) gives an error wrapping ErrInvalid
// that names the field, and no PDF. A document is rendered into memory and
// returned only when complete, never half written.
package pdf

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// ErrInvalid is wrapped by every error about the input of a document.
// Callers branch on it with errors.Is, never on message text.
var ErrInvalid = errors.New("pdf: invalid input")

// inputError is an ErrInvalid with its own message.
type inputError struct{ msg string }

// Error returns the message with the package prefix.
func (e *inputError) Error() string { return "pdf: " + e.msg }

// Unwrap returns ErrInvalid.
func (e *inputError) Unwrap() error { return ErrInvalid }

// invalidf returns an error wrapping ErrInvalid with a formatted message.
func invalidf(format string, args ...any) error {
	return &inputError{msg: fmt.Sprintf(format, args...)}
}

// Lang is the language of a document's fixed texts and number format. The
// zero value is Swedish.
type Lang string

// The languages.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// ParseLang returns the language named s: "sv" or "en", case-insensitive;
// the empty string is Swedish.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "sv":
		return Swedish, nil
	case "en":
		return English, nil
	}
	return "", invalidf("unknown language %q, want sv or en", s)
}

// check returns an error unless l is a known language or empty.
func (l Lang) check() error {
	if l != "" && l != Swedish && l != English {
		return invalidf("unknown language %q, want sv or en", string(l))
	}
	return nil
}

// Series is one KPI's values by year, as kpi.TrendOf takes them; years
// without a value are left out. Documents draw it in year order.
type Series map[int]float64

// Marks are the years of a Series whose value is synthetic (made up for
// the demo, not official statistics); nil or empty marks none.
type Marks map[int]bool

// any reports whether m marks a year of s.
func (m Marks) any(s Series) bool {
	for y := range s {
		if m[y] {
			return true
		}
	}
	return false
}

// years returns the years of s in ascending order.
func (s Series) years() []int {
	ys := make([]int, 0, len(s))
	for y := range s {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// check returns an error naming field unless every value is finite.
func (s Series) check(field string) error {
	for _, y := range s.years() {
		if !finite(s[y]) {
			return invalidf("%s: value %v for %d is not a number", field, s[y], y)
		}
	}
	return nil
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// checkNumber returns an error naming field unless v is finite.
func checkNumber(field string, v float64) error {
	if !finite(v) {
		return invalidf("%s is %v, not a number", field, v)
	}
	return nil
}

// checkRequired returns an error naming field when s is blank.
func checkRequired(field, s string) error {
	if strings.TrimSpace(s) == "" {
		return invalidf("%s is required", field)
	}
	return nil
}

// checkDate returns an error unless the data date is set: it is printed
// and becomes the PDF's creation date, which would otherwise be the clock.
func checkDate(doc string, t time.Time) error {
	if t.IsZero() {
		return invalidf("%s: Date (the date of the data) is required", doc)
	}
	return nil
}

// firstError returns the first error that is not nil.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// render lays out a document with build and returns its bytes. gofpdf
// reports most failures through its error state, which finish checks, but
// it panics on some input it does not expect; render turns such a panic
// into an error, so that a caller gets neither a panic nor half a PDF.
func render(build func() *document) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("pdf: render: %v", r)
		}
	}()
	return build().finish()
}
