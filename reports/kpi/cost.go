package kpi

import (
	"fmt"
	"sort"
)

// CostRow is one municipality's cost against the cost its structure
// predicts.
type CostRow struct {
	Code     string
	Actual   float64
	Expected float64 // fitted from the structural variables
	Residual float64 // Actual − Expected
	// Deviation is Residual / Expected × 100, negative when cheaper than
	// expected. A percentage of a cost that is not positive means nothing,
	// so it is undefined, and HasDeviation false, when Expected <= 0.
	Deviation    float64
	HasDeviation bool
}

// CostModel is a regression of a cost KPI on structural variables and the
// municipalities it was fitted to.
type CostModel struct {
	Fit  Fit       // intercept first, then one slope per structural variable
	Rows []CostRow // by code
}

// ExpectedCost regresses cost on the structural variables of each
// municipality, with an intercept, and returns each municipality's
// expected cost and deviation from it. Only municipalities with both a cost
// value and structural variables take part. It returns ErrSingular when
// the structure cannot separate the effects, for instance with too few
// municipalities.
func ExpectedCost(cost []Value, structure map[string][]float64) (CostModel, error) {
	have, err := present(cost)
	if err != nil {
		return CostModel{}, err
	}
	codes := make([]string, 0, len(have))
	for c := range have {
		if _, ok := structure[c]; ok {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	x, y := make([][]float64, len(codes)), make([]float64, len(codes))
	for i, c := range codes {
		x[i], y[i] = structure[c], have[c]
	}
	fit, err := OLS(x, y)
	if err != nil {
		return CostModel{}, err
	}
	m := CostModel{Fit: fit, Rows: make([]CostRow, len(codes))}
	for i, c := range codes {
		e, _ := fit.Predict(x[i]) // OLS has checked the row lengths
		r := CostRow{Code: c, Actual: y[i], Expected: e, Residual: y[i] - e}
		if e > 0 {
			r.Deviation, r.HasDeviation = r.Residual/e*100, true
		}
		m.Rows[i] = r
	}
	return m, nil
}

// NetCostDeviation returns Kolada's net cost deviation in percent,
// (net cost − reference cost) / reference cost × 100, where the reference
// cost is what the municipality's structure would cost at the national
// average level. Negative means cheaper than structurally expected.
func NetCostDeviation(netCost, referenceCost float64) (float64, error) {
	if !finite(netCost) || !finite(referenceCost) {
		return 0, fmt.Errorf("kpi: net cost %v and reference cost %v must be numbers", netCost, referenceCost)
	}
	if referenceCost <= 0 {
		return 0, fmt.Errorf("kpi: reference cost %v is not positive", referenceCost)
	}
	return (netCost - referenceCost) / referenceCost * 100, nil
}

// Quadrant places a municipality by cost against expected cost and quality
// against the median, written as its upper-case name.
type Quadrant string

// The quadrants of cost (lower or higher than expected) and results
// (better than the median or not).
const (
	GoodResultsLowerCost  Quadrant = "GOOD_RESULTS_LOWER_COST"
	GoodResultsHigherCost Quadrant = "GOOD_RESULTS_HIGHER_COST"
	WeakResultsLowerCost  Quadrant = "WEAK_RESULTS_LOWER_COST"
	WeakResultsHigherCost Quadrant = "WEAK_RESULTS_HIGHER_COST"
)

// Quadrants places every municipality that has both a cost row and a
// quality value, for a quality KPI in direction d.
//
// Cost is lower when the residual is below zero; a cost exactly as
// expected counts as higher. Results are good when the quality value is
// strictly better than the median quality of the municipalities placed, so
// a municipality at the median has weak results. A NEUTRAL quality KPI
// cannot be better, so it is an error. It returns ErrNoValues when no
// municipality has both.
func Quadrants(rows []CostRow, quality []Value, d Direction) (map[string]Quadrant, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	if d == Neutral {
		return nil, fmt.Errorf("kpi: quality needs a direction, not %v", d)
	}
	have, err := present(quality)
	if err != nil {
		return nil, err
	}
	both, qs, err := pair(rows, have)
	if err != nil {
		return nil, err
	}
	mid := median(qs)
	out := make(map[string]Quadrant, len(both))
	for i, r := range both {
		out[r.Code] = quadrant(d.Better(qs[i], mid), r.Residual < 0)
	}
	return out, nil
}

// pair returns the rows that have a quality value, and those values.
func pair(rows []CostRow, have map[string]float64) ([]CostRow, []float64, error) {
	var both []CostRow
	var qs []float64
	seen := make(map[string]bool, len(rows))
	for _, r := range rows {
		if seen[r.Code] {
			return nil, nil, fmt.Errorf("kpi: cost row %s appears twice", r.Code)
		}
		seen[r.Code] = true
		if q, ok := have[r.Code]; ok {
			both = append(both, r)
			qs = append(qs, q)
		}
	}
	if len(both) == 0 {
		return nil, nil, ErrNoValues
	}
	return both, qs, nil
}

// quadrant names the quadrant of good or weak results at lower or higher
// cost.
func quadrant(good, lower bool) Quadrant {
	switch {
	case good && lower:
		return GoodResultsLowerCost
	case good:
		return GoodResultsHigherCost
	case lower:
		return WeakResultsLowerCost
	}
	return WeakResultsHigherCost
}
