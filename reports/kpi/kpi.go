// Package kpi compares Swedish municipalities on Kolada key performance
// indicators (KPIs): rank, percentile and colour within one KPI and year,
// group statistics, trends over years, compliance with a legal limit,
// structurally similar municipalities and expected cost from structure.
//
// Every function is pure: it takes plain values, returns new values and
// keeps no state. A municipality is identified by its four-digit code, with
// the leading zero ("0180" is Stockholm). A value that Kolada reports as
// null is a Value with Valid set to false; a NaN or infinite value counts
// as missing too.
package kpi

import (
	"errors"
	"fmt"
	"math"
)

// Errors that callers may branch on with errors.Is. Other failures are
// invalid arguments and are reported with a message naming the argument.
var (
	// ErrNoValues means that no municipality had a value to compute with.
	ErrNoValues = errors.New("kpi: no values")
	// ErrTooFewPoints means that a trend needs at least two years with a value.
	ErrTooFewPoints = errors.New("kpi: fewer than two points")
	// ErrSingular means that a regression design has no unique solution:
	// a regressor is constant, a linear combination of the others, or there
	// are no more observations than coefficients.
	ErrSingular = errors.New("kpi: singular design")
)

// Value is one municipality's value of one KPI for one year.
type Value struct {
	Code  string  // four-digit municipality code
	Value float64 // meaningful only when Valid
	Valid bool    // false when Kolada has no value
}

// has reports whether v holds a usable number.
func (v Value) has() bool {
	return v.Valid && finite(v.Value)
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0)
}

// checkCode reports an error unless code is four ASCII digits.
func checkCode(code string) error {
	if len(code) != 4 {
		return fmt.Errorf("kpi: municipality code %q is not four digits", code)
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return fmt.Errorf("kpi: municipality code %q is not four digits", code)
		}
	}
	return nil
}

// checkValues reports an error for a malformed or repeated code.
func checkValues(values []Value) error {
	seen := make(map[string]bool, len(values))
	for _, v := range values {
		if err := checkCode(v.Code); err != nil {
			return err
		}
		if seen[v.Code] {
			return fmt.Errorf("kpi: municipality %s appears twice", v.Code)
		}
		seen[v.Code] = true
	}
	return nil
}

// present checks values and returns the usable ones by code.
func present(values []Value) (map[string]float64, error) {
	if err := checkValues(values); err != nil {
		return nil, err
	}
	m := make(map[string]float64, len(values))
	for _, v := range values {
		if v.has() {
			m[v.Code] = v.Value
		}
	}
	return m, nil
}
