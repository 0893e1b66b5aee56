// Package reliability measures how far jurors (raters) agree when they score
// applications (targets): intraclass correlations for complete score matrices
// and Krippendorff's alpha for data with missing scores.
//
// All functions are pure: they take plain slices and return values, and they
// report bad input as errors, never as panics. Callers branch on the error
// kinds ErrInvalid, ErrInsufficientData and ErrNoVariation with errors.Is,
// never on message text.
package reliability

import (
	"errors"
	"fmt"
	"math"
)

// Error kinds. Every error returned by this package wraps exactly one of them.
var (
	// ErrInvalid reports malformed input: a ragged matrix, a value that is not
	// a finite number, a bad CSV file, an unknown level.
	ErrInvalid = errors.New("reliability: invalid data")

	// ErrInsufficientData reports well-formed input that holds too little to
	// compute the statistic: fewer than two targets or raters, or no unit
	// with two or more values.
	ErrInsufficientData = errors.New("reliability: not enough data")

	// ErrNoVariation reports input in which the statistic is undefined
	// because there is nothing to tell apart: every target has the same mean
	// score (ICC), or every pairable value is identical (alpha).
	ErrNoVariation = errors.New("reliability: no variation")
)

// Ratings is a table of scores as read from a CSV file: one row per target
// (an application for ICC, a unit for alpha), one column per rater. A missing
// score is math.NaN(). Targets and Raters hold the labels in the order in
// which they first appeared in the input.
type Ratings struct {
	Targets []string
	Raters  []string
	Scores  [][]float64
}

// kindError is an error of one of the package's kinds with its own message.
type kindError struct {
	kind error
	msg  string
}

// Error returns the message with the package prefix.
func (e *kindError) Error() string { return "reliability: " + e.msg }

// Unwrap returns the error kind, so that errors.Is(err, ErrInvalid) works.
func (e *kindError) Unwrap() error { return e.kind }

// errorf returns an error of the given kind with a formatted message.
func errorf(kind error, format string, args ...any) error {
	return &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// isFinite reports whether x is neither NaN nor an infinity.
func isFinite(x float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0)
}

// ratio returns num/den, or NaN when den is zero and the ratio is undefined.
func ratio(num, den float64) float64 {
	if den == 0 {
		return math.NaN()
	}
	return num / den
}
