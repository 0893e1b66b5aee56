package scoring

import (
	"math"
	"slices"
)

// Stats describes the scores of one cell, on the criterion's scale.
type Stats struct {
	N      int
	Mean   float64
	Median float64 // the mean of the two middle values when N is even
	SD     float64 // sample standard deviation (divisor N − 1); 0 when N < 2
	Min    float64
	Max    float64
	Range  float64 // Max − Min
}

// Describe returns the statistics of values without modifying them. All
// fields are zero for an empty slice.
func Describe(values []float64) Stats {
	return describe(slices.Clone(values))
}

// describe returns the statistics of buf, sorting buf in place.
func describe(buf []float64) Stats {
	if len(buf) == 0 {
		return Stats{}
	}
	slices.Sort(buf)
	m := mean(buf)
	lo, hi := buf[0], buf[len(buf)-1]
	return Stats{
		N:      len(buf),
		Mean:   m,
		Median: medianSorted(buf),
		SD:     sampleSD(buf, m),
		Min:    lo,
		Max:    hi,
		Range:  hi - lo,
	}
}

// mean returns the arithmetic mean of xs, or 0 when xs is empty.
//
// The values are summed scaled by a power of two near the largest
// magnitude, so finite values never give an infinite mean (two values
// near 1e308 overflow a plain sum). Scaling by a power of two is exact, so
// the result is otherwise the plain mean, bit for bit (only values below
// 2⁻¹⁰²² of the largest, which cannot move the mean, lose digits).
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	big := 0.0
	for _, x := range xs {
		big = max(big, math.Abs(x))
	}
	_, e := math.Frexp(big)
	sum := 0.0
	for _, x := range xs {
		sum += math.Ldexp(x, -e)
	}
	return math.Ldexp(sum/float64(len(xs)), e)
}

// sampleSD returns the sample standard deviation of xs around m, or 0 when
// there are fewer than two values.
func sampleSD(xs []float64, m float64) float64 {
	ss := 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return sdFromSquares(ss, len(xs))
}

// sdFromSquares returns the sample SD of n values whose squared deviations
// from their mean sum to ss, or 0 when n < 2.
func sdFromSquares(ss float64, n int) float64 {
	if n < 2 {
		return 0
	}
	return math.Sqrt(ss / float64(n-1))
}

// medianSorted returns the median of sorted, non-empty values.
func medianSorted(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// aggregate combines buf into one value by agg, reordering buf for the
// median. It returns 0 for an empty buf.
func aggregate(agg Aggregation, buf []float64) float64 {
	if len(buf) == 0 {
		return 0
	}
	if agg == AggregateMedian {
		slices.Sort(buf)
		return medianSorted(buf)
	}
	return mean(buf)
}
