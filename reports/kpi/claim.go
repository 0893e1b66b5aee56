package kpi

import (
	"math"
	"slices"
)

// MaxYearGap is how many years the official value used for a claim may
// lie from the claimed year: a claim for 2012 is placed on 2011 or 2013
// data when 2012 is not published, on 2010 or 2014 data at the furthest,
// and not at all when the series holds nothing nearer.
const MaxYearGap = 2

// Verdict is the result of checking a claimed value against the official
// series.
type Verdict string

// The verdicts. A claim is checked only against the official value of the
// claimed year itself: a neighbouring year's value places it but does not
// confirm or refute it.
const (
	Agrees          Verdict = "AGREES"
	Disagrees       Verdict = "DISAGREES"
	NoOfficialValue Verdict = "NO_OFFICIAL_VALUE"
)

// Claim is a value an applicant claims for one year.
type Claim struct {
	Year  int
	Value float64
}

// Panel is one KPI's official values by year for every municipality.
type Panel map[int][]Value

// ClaimCheck is a claim against the official series of the municipality
// it names.
type ClaimCheck struct {
	Claim
	// OfficialYear is the published year nearest the claimed one (the
	// earlier of two equally near), within MaxYearGap; 0 when none is.
	OfficialYear int
	Official     float64 // the municipality's value in OfficialYear
	Verdict      Verdict
	// National and Group place the municipality in OfficialYear among all
	// municipalities and within its group; nil without a value.
	National, Group *Placing
	GroupSize       int // municipalities of the group with a value that year
	NationalSize    int // municipalities with a value that year
}

// CheckClaim checks claim for the municipality code against panel: the
// official value of the claimed year must lie within tol (relative, 0.05
// for 5 %) of the claimed one. group lists the codes of the
// municipality's group (its kommungrupp), d is the KPI's direction.
func CheckClaim(c Claim, code string, panel Panel, group []string, d Direction, tol float64) ClaimCheck {
	out := ClaimCheck{Claim: c, Verdict: NoOfficialValue}
	year, ok := nearestYear(panel, code, c.Year)
	if !ok {
		return out
	}
	out.OfficialYear = year
	values := panel[year]
	for _, v := range values {
		if v.Code == code {
			out.Official = v.Value
		}
	}
	if year == c.Year {
		out.Verdict = Disagrees
		if math.Abs(c.Value-out.Official) <= tol*math.Max(math.Abs(out.Official), 1e-9) {
			out.Verdict = Agrees
		}
	}
	out.National, out.NationalSize = placeAmong(values, code, d)
	var inGroup []Value
	for _, v := range values {
		if slices.Contains(group, v.Code) {
			inGroup = append(inGroup, v)
		}
	}
	out.Group, out.GroupSize = placeAmong(inGroup, code, d)
	return out
}

// nearestYear returns the year nearest to want in which code has a value.
func nearestYear(panel Panel, code string, want int) (int, bool) {
	best, found := 0, false
	for year, values := range panel {
		gap := abs(year - want)
		if gap > MaxYearGap || !hasValue(values, code) {
			continue
		}
		if !found || gap < abs(best-want) || (gap == abs(best-want) && year < best) {
			best, found = year, true
		}
	}
	return best, found
}

func hasValue(values []Value, code string) bool {
	for _, v := range values {
		if v.Code == code && v.has() {
			return true
		}
	}
	return false
}

// placeAmong places code among values, with how many have a value.
func placeAmong(values []Value, code string, d Direction) (*Placing, int) {
	places, err := Place(values, d, DefaultThresholds())
	if err != nil {
		return nil, 0
	}
	n := 0
	var mine *Placing
	for i := range places {
		if places[i].Valid {
			n++
			if places[i].Code == code {
				mine = &places[i]
			}
		}
	}
	return mine, n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
