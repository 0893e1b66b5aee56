package kpi

import "fmt"

// Direction says which way a KPI is better. The zero value is not a valid
// direction, so a forgotten assignment is caught instead of read as one.
type Direction int

// The directions, written in text as their upper-case names.
const (
	HigherIsBetter Direction = iota + 1 // HIGHER_IS_BETTER
	LowerIsBetter                       // LOWER_IS_BETTER
	Neutral                             // NEUTRAL: neither way is better
)

// ParseDirection returns the direction named s: HIGHER_IS_BETTER,
// LOWER_IS_BETTER or NEUTRAL, exactly and in upper case.
func ParseDirection(s string) (Direction, error) {
	for d := HigherIsBetter; d <= Neutral; d++ {
		if d.name() == s {
			return d, nil
		}
	}
	return 0, fmt.Errorf("kpi: unknown direction %q", s)
}

// String returns the upper-case name of d, or Direction(n) when d is not
// a valid direction.
func (d Direction) String() string {
	if !d.valid() {
		return fmt.Sprintf("Direction(%d)", int(d))
	}
	return d.name()
}

// MarshalText encodes d as its upper-case name.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.valid() {
		return nil, fmt.Errorf("kpi: invalid direction %d", int(d))
	}
	return []byte(d.name()), nil
}

// UnmarshalText decodes an upper-case name, as ParseDirection does.
func (d *Direction) UnmarshalText(text []byte) error {
	p, err := ParseDirection(string(text))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Better reports whether a is strictly better than b in direction d.
// Nothing is better than anything for a NEUTRAL KPI.
func (d Direction) Better(a, b float64) bool {
	switch d {
	case HigherIsBetter:
		return a > b
	case LowerIsBetter:
		return a < b
	}
	return false
}

// name returns the upper-case name of d, or "" when d is invalid.
func (d Direction) name() string {
	switch d {
	case HigherIsBetter:
		return "HIGHER_IS_BETTER"
	case LowerIsBetter:
		return "LOWER_IS_BETTER"
	case Neutral:
		return "NEUTRAL"
	}
	return ""
}

// valid reports whether d is one of the three directions.
func (d Direction) valid() bool {
	return d >= HigherIsBetter && d <= Neutral
}

// check returns an error unless d is valid.
func (d Direction) check() error {
	if !d.valid() {
		return fmt.Errorf("kpi: invalid direction %d", int(d))
	}
	return nil
}

// ahead reports whether a is placed before b in a ranking in direction d.
// NEUTRAL KPIs are listed from the highest value down, as Kolada lists
// them, without that order meaning better.
func (d Direction) ahead(a, b float64) bool {
	if d == LowerIsBetter {
		return a < b
	}
	return a > b
}
