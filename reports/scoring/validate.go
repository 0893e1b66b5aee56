package scoring

import (
	"errors"
	"fmt"
	"math"
)

// ErrInvalid is wrapped by every error Rank returns: the input cannot be
// scored as given. Callers test for it with errors.Is; the rest of the
// message names the offending criterion, option or score.
var ErrInvalid = errors.New("scoring: invalid input")

// invalid returns an error wrapping ErrInvalid with a formatted detail.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// validateCriteria checks the criteria and returns their positions by id.
func validateCriteria(criteria []Criterion) (map[string]int, error) {
	if len(criteria) == 0 {
		return nil, invalid("no criteria")
	}
	byID := make(map[string]int, len(criteria))
	summed := false
	for i, c := range criteria {
		if err := checkCriterion(i, c); err != nil {
			return nil, err
		}
		if _, dup := byID[c.ID]; dup {
			return nil, invalid("criterion %q: duplicate id", c.ID)
		}
		byID[c.ID] = i
		summed = summed || !c.Independent
	}
	if !summed {
		return nil, invalid("no summed criterion: all criteria are independent")
	}
	return byID, nil
}

// checkCriterion checks one criterion on its own.
func checkCriterion(i int, c Criterion) error {
	switch {
	case c.ID == "":
		return invalid("criterion %d: empty id", i)
	case !finite(c.Weight) || c.Weight <= 0:
		return invalid("criterion %q: weight %v is not a finite number > 0", c.ID, c.Weight)
	case !finite(c.Min) || !finite(c.Max):
		return invalid("criterion %q: scale [%v, %v] is not finite", c.ID, c.Min, c.Max)
	case c.Max <= c.Min:
		return invalid("criterion %q: scale [%v, %v] is empty", c.ID, c.Min, c.Max)
	}
	return nil
}

// validateOptions checks options that already have their defaults applied.
func validateOptions(o Options, criteria []Criterion, byID map[string]int) error {
	if o.Aggregation != AggregateMean && o.Aggregation != AggregateMedian {
		return invalid("unknown aggregation %v", o.Aggregation)
	}
	if math.IsNaN(o.RangeShare) || o.RangeShare < 0 {
		return invalid("range share %v is not a number >= 0", o.RangeShare)
	}
	if math.IsNaN(o.SDShare) || o.SDShare < 0 {
		return invalid("sd share %v is not a number >= 0", o.SDShare)
	}
	if !finite(o.Tolerance) || o.Tolerance < 0 {
		return invalid("tolerance %v is not a finite number >= 0", o.Tolerance)
	}
	return checkConsensus(o.Consensus, criteria, byID)
}

// checkConsensus checks every consensus score and reports the offending
// cell that sorts first, so that the error does not depend on map order.
func checkConsensus(consensus map[CellKey]float64, criteria []Criterion, byID map[string]int) error {
	var first *CellKey
	var err error
	for k, v := range consensus {
		e := checkConsensusScore(k, v, criteria, byID)
		if e != nil && (first == nil || cellLess(k, *first)) {
			first, err = &k, e
		}
	}
	return err
}

// checkConsensusScore checks the consensus score v of cell k.
func checkConsensusScore(k CellKey, v float64, criteria []Criterion, byID map[string]int) error {
	i, ok := byID[k.Criterion]
	if !ok {
		return invalid("consensus for application %q: unknown criterion %q", k.Application, k.Criterion)
	}
	if c := criteria[i]; !finite(v) || v < c.Min || v > c.Max {
		return invalid("consensus for application %q, criterion %q: value %v outside scale [%v, %v]",
			k.Application, k.Criterion, v, c.Min, c.Max)
	}
	return nil
}

// cellLess orders cells by application and then by criterion id.
func cellLess(a, b CellKey) bool {
	if a.Application != b.Application {
		return a.Application < b.Application
	}
	return a.Criterion < b.Criterion
}

// checkScore checks the score at index i and returns its criterion's position.
func checkScore(i int, s Score, criteria []Criterion, byID map[string]int) (int, error) {
	if s.Application == "" {
		return 0, scoreError(i, s, "empty application id")
	}
	if s.Juror == "" {
		return 0, scoreError(i, s, "empty juror id")
	}
	c, ok := byID[s.Criterion]
	if !ok {
		return 0, scoreError(i, s, "unknown criterion")
	}
	if !finite(s.Value) {
		return 0, scoreError(i, s, "value %v is not a finite number", s.Value)
	}
	if cr := criteria[c]; s.Value < cr.Min || s.Value > cr.Max {
		return 0, scoreError(i, s, "value %v outside scale [%v, %v]", s.Value, cr.Min, cr.Max)
	}
	return c, nil
}

// scoreError returns an invalid-input error naming the score at index i.
func scoreError(i int, s Score, format string, args ...any) error {
	return invalid("score %d (application %q, juror %q, criterion %q): %s",
		i, s.Application, s.Juror, s.Criterion, fmt.Sprintf(format, args...))
}
