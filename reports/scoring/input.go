package scoring

import (
	"fmt"
	"math"
)

// Score is one juror's score of one application on one criterion.
type Score struct {
	Application string
	Juror       string
	Criterion   string
	Value       float64
}

// Criterion is one scored aspect of the applications. Scores lie on the
// closed scale [Min, Max], with Max > Min. Weight must be positive; an
// Independent criterion is described and flagged but left out of the totals.
type Criterion struct {
	ID          string
	Weight      float64
	Min, Max    float64
	Independent bool
}

// scale returns the width of the criterion's scale.
func (c Criterion) scale() float64 { return c.Max - c.Min }

// percent returns v as a percentage of the criterion's scale.
func (c Criterion) percent(v float64) float64 { return (v - c.Min) / (c.Max - c.Min) * 100 }

// CellKey identifies one application × criterion cell.
type CellKey struct {
	Application string
	Criterion   string
}

// Aggregation is how the jurors' scores of one cell become one value.
type Aggregation int

// The aggregations. The zero value is AggregateMean.
const (
	AggregateMean Aggregation = iota
	AggregateMedian
)

// String returns "mean" or "median".
func (a Aggregation) String() string {
	switch a {
	case AggregateMean:
		return "mean"
	case AggregateMedian:
		return "median"
	}
	return fmt.Sprintf("Aggregation(%d)", int(a))
}

// Defaults used for zero fields of Options.
const (
	// DefaultRangeShare flags a cell whose range exceeds 30 % of the scale.
	DefaultRangeShare = 0.30
	// DefaultSDShare flags a cell whose sample SD exceeds 15 % of the scale.
	DefaultSDShare = 0.15
	// DefaultTolerance is the largest difference in Percent, in percentage
	// points, that still counts as a tie.
	DefaultTolerance = 1e-9
)

// Options are the settings of Rank. The zero value is ready to use.
type Options struct {
	// Aggregation combines the scores of a cell, in every view.
	Aggregation Aggregation
	// RangeShare flags a cell when its range exceeds RangeShare·(Max − Min).
	// Zero means DefaultRangeShare; +Inf disables the rule.
	RangeShare float64
	// SDShare flags a cell when its sample SD exceeds SDShare·(Max − Min).
	// Zero means DefaultSDShare; +Inf disables the rule.
	SDShare float64
	// Tolerance is the tie tolerance of the rankings, in percentage points.
	// Zero means DefaultTolerance.
	Tolerance float64
	// Consensus optionally holds an agreed score per cell, on the
	// criterion's scale, against which each juror's agreement is measured.
	// Entries for cells without scores are ignored.
	Consensus map[CellKey]float64
}

// withDefaults returns o with zero fields replaced by the defaults.
func (o Options) withDefaults() Options {
	if o.RangeShare == 0 {
		o.RangeShare = DefaultRangeShare
	}
	if o.SDShare == 0 {
		o.SDShare = DefaultSDShare
	}
	if o.Tolerance == 0 {
		o.Tolerance = DefaultTolerance
	}
	return o
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
