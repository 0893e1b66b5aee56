package kolada

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
)

// MaxMagnitude bounds every imported value. Kolada's largest values (a
// municipality's costs in kronor) stay below 10^12; a larger one is a
// mistake, and at 10^308 a sum of a few values is no longer finite, so a
// group mean would become +Inf.
const MaxMagnitude = 1e15

// number is the one grammar for values in every import: an optional
// sign, decimal digits with an optional fraction, an optional exponent.
// Go's own syntax (1_000, 0x1p4, Inf, NaN) is not data.
var number = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// ErrNotNumber is text outside the number grammar.
var ErrNotNumber = errors.New("not a number")

// ParseNumber reads a value in the import grammar, within ±MaxMagnitude.
func ParseNumber(s string) (float64, error) {
	if !number.MatchString(s) {
		return 0, ErrNotNumber
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(f) > MaxMagnitude {
		return 0, fmt.Errorf("%s lies outside ±1e15", s)
	}
	return f, nil
}
