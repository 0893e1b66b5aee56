package kpi

import (
	"fmt"
	"math"
	"sort"
)

// Trend describes how one municipality's KPI moved from its first to its
// last year with a value.
type Trend struct {
	FirstYear, LastYear int
	First, Last         float64 // values in FirstYear and LastYear
	Points              int     // years with a value

	// Change is Last − First, in the KPI's unit.
	Change float64
	// PercentChange is Change / |First| × 100, so that its sign is the sign
	// of Change. It is undefined, and HasPercent false, when First is 0.
	PercentChange float64
	HasPercent    bool
	// CAGR is the compound annual growth rate in percent per year,
	// ((Last / First)^(1 / (LastYear − FirstYear)) − 1) × 100. A rate of
	// growth needs a positive start and no sign change, so it is undefined,
	// and HasCAGR false, unless First > 0 and Last >= 0.
	CAGR    float64
	HasCAGR bool
	// Slope is the ordinary least squares slope of value on year, in units
	// per year, over all points, not only the first and last.
	Slope float64
	// Improving reports whether Change is a change for the better in the
	// KPI's direction. It is always false for a NEUTRAL KPI and when the
	// value did not change.
	Improving bool
}

// TrendOf returns the trend of series, a KPI's values by year, in direction
// d. Years without a value are left out of series. It returns
// ErrTooFewPoints for fewer than two years.
func TrendOf(series map[int]float64, d Direction) (Trend, error) {
	if err := d.check(); err != nil {
		return Trend{}, err
	}
	years, err := sortedYears(series)
	if err != nil {
		return Trend{}, err
	}
	first, last := years[0], years[len(years)-1]
	t := Trend{
		FirstYear: first, LastYear: last,
		First: series[first], Last: series[last],
		Points: len(years),
		Slope:  slope(series, years),
	}
	t.Change = t.Last - t.First
	if t.First != 0 {
		t.PercentChange, t.HasPercent = t.Change/math.Abs(t.First)*100, true
	}
	if t.First > 0 && t.Last >= 0 {
		span := float64(last - first)
		t.CAGR, t.HasCAGR = (math.Pow(t.Last/t.First, 1/span)-1)*100, true
	}
	t.Improving = d.Better(t.Last, t.First)
	return t, nil
}

// sortedYears checks series and returns its years in ascending order.
func sortedYears(series map[int]float64) ([]int, error) {
	if len(series) < 2 {
		return nil, ErrTooFewPoints
	}
	years := make([]int, 0, len(series))
	for y, v := range series {
		if !finite(v) {
			return nil, fmt.Errorf("kpi: value %v for %d is not a number", v, y)
		}
		years = append(years, y)
	}
	sort.Ints(years)
	return years, nil
}

// slope returns the least squares slope of series on year. Years are
// centred on their mean first, which keeps the sums small and exact.
func slope(series map[int]float64, years []int) float64 {
	var mx, my float64
	for _, y := range years {
		mx += float64(y)
		my += series[y]
	}
	n := float64(len(years))
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for _, y := range years {
		dx := float64(y) - mx
		sxy += dx * (series[y] - my)
		sxx += dx * dx
	}
	return sxy / sxx
}
