package kpi

import (
	"fmt"
	"math"
	"sort"
)

// Colour is the traffic-light colour of a municipality in a cross-section,
// written as its upper-case name.
type Colour string

// The colours. GREY marks a municipality without a value.
const (
	Green  Colour = "GREEN"
	Yellow Colour = "YELLOW"
	Red    Colour = "RED"
	Grey   Colour = "GREY"
)

// Thresholds are the colour cut-offs in percent of the municipalities with
// a value: the best Green percent are coloured green and the worst Red
// percent red. Both lie in [0, 100] and together they are at most 100.
type Thresholds struct {
	Green float64
	Red   float64
}

// DefaultThresholds returns Kolada's quartiles: best quarter green, worst
// quarter red.
func DefaultThresholds() Thresholds {
	return Thresholds{Green: 25, Red: 25}
}

// check returns an error unless t is usable.
func (t Thresholds) check() error {
	if !(t.Green >= 0 && t.Red >= 0 && t.Green+t.Red <= 100) {
		return fmt.Errorf("kpi: thresholds green %v %%, red %v %% are not within 0–100 %%", t.Green, t.Red)
	}
	return nil
}

// tolerance absorbs rounding in percentile arithmetic at colour cut-offs.
const tolerance = 1e-9

// colour returns the colour of percentile p.
//
// A percentile at or above 100 − Green is green and one at or below Red is
// red; with quartiles that is the best and worst quarter. A percentile in
// both bands, which needs Green + Red = 100, is yellow: it is the middle
// municipality. NEUTRAL KPIs are never green or red, since no value is
// better than another.
func (t Thresholds) colour(p float64, d Direction) Colour {
	if d == Neutral {
		return Yellow
	}
	green := t.Green > 0 && p >= 100-t.Green-tolerance
	red := t.Red > 0 && p <= t.Red+tolerance
	switch {
	case green && !red:
		return Green
	case red && !green:
		return Red
	}
	return Yellow
}

// Placing is one municipality's place in a cross-section of one KPI and
// year.
type Placing struct {
	Code  string
	Value float64 // 0 when the municipality has no value
	Valid bool    // false when the municipality has no value
	// Rank is the competition rank, best first: 1, 2, 2, 4 when the second
	// and third values are equal. NEUTRAL KPIs rank from the highest value
	// down. 0 when the municipality has no value.
	Rank int
	// Percentile is the share, in percent, of the other municipalities with
	// a value that this one beats, an equal value counting as half:
	// (worse + equal/2) / others × 100. The sole best scores 100 and the
	// sole worst 0; equal values share a percentile; a municipality alone
	// with a value scores 50. NEUTRAL KPIs count the lower values as
	// "worse". 0 when the municipality has no value.
	Percentile float64
	Colour     Colour // GREY when the municipality has no value
}

// Place ranks, scores and colours every municipality in values for a KPI in
// direction d. The result is in the order of values.
func Place(values []Value, d Direction, t Thresholds) ([]Placing, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	if err := checkValues(values); err != nil {
		return nil, err
	}
	out := make([]Placing, len(values))
	order := make([]int, 0, len(values))
	for i, v := range values {
		out[i] = Placing{Code: v.Code, Colour: Grey}
		if v.has() {
			out[i].Value, out[i].Valid = v.Value, true
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool {
		return d.ahead(values[order[a]].Value, values[order[b]].Value)
	})
	score(out, order, d, t)
	return out, nil
}

// score fills rank, percentile and colour of the placings listed in order,
// best first.
func score(out []Placing, order []int, d Direction, t Thresholds) {
	n := len(order)
	for start := 0; start < n; {
		end := start + 1
		for end < n && out[order[end]].Value == out[order[start]].Value {
			end++
		}
		p := 50.0
		if n > 1 {
			worse, equal := n-end, end-start-1
			p = (float64(worse) + float64(equal)/2) / float64(n-1) * 100
		}
		for _, i := range order[start:end] {
			out[i].Rank = start + 1
			out[i].Percentile = p
			out[i].Colour = t.colour(p, d)
		}
		start = end
	}
}

// Summary is the statistics of a group of municipalities on one KPI and
// year.
type Summary struct {
	// Mean is the unweighted mean over the members with a value, as Kolada
	// computes a group value: a small municipality weighs as much as a
	// large one.
	Mean float64
	// Median is the middle value of the members with a value, the mean of
	// the two middle values when their number is even.
	Median float64
	// Count is the number of members that contributed a value.
	Count int
	// Members is the number of members in the group.
	Members int
}

// GroupStats summarises the members of a group, given by code, in a
// cross-section. A member absent from values counts as having no value.
// When members is nil every municipality in values is a member. It returns
// ErrNoValues when no member has a value.
func GroupStats(values []Value, members []string) (Summary, error) {
	have, err := present(values)
	if err != nil {
		return Summary{}, err
	}
	if members == nil {
		members = make([]string, len(values))
		for i, v := range values {
			members[i] = v.Code
		}
	}
	xs, err := memberValues(have, members)
	if err != nil {
		return Summary{}, err
	}
	if len(xs) == 0 {
		return Summary{}, ErrNoValues
	}
	return Summary{Mean: mean(xs), Median: median(xs), Count: len(xs), Members: len(members)}, nil
}

// memberValues returns the values of the members that have one.
func memberValues(have map[string]float64, members []string) ([]float64, error) {
	seen := make(map[string]bool, len(members))
	xs := make([]float64, 0, len(members))
	for _, code := range members {
		if err := checkCode(code); err != nil {
			return nil, err
		}
		if seen[code] {
			return nil, fmt.Errorf("kpi: member %s appears twice", code)
		}
		seen[code] = true
		if x, ok := have[code]; ok {
			xs = append(xs, x)
		}
	}
	return xs, nil
}

// mean returns the arithmetic mean of xs, which must not be empty.
//
// The values are summed scaled by a power of two near the largest
// magnitude, so finite values never give an infinite mean (two values
// near 1e308 overflow a plain sum). Scaling by a power of two is exact, so
// the result is otherwise the plain mean, bit for bit (only values below
// 2⁻¹⁰²² of the largest, which cannot move the mean, lose digits).
func mean(xs []float64) float64 {
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

// median returns the median of xs, which must not be empty. It leaves xs
// unchanged.
func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return s[n/2-1]/2 + s[n/2]/2 // halves first: the sum of two finite values can overflow
}
