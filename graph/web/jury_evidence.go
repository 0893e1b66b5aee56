package web

import (
	"sort"
	"strings"
)

// indicator is a claimed result with the official series it names.
type indicator struct {
	ID               string    `json:"id"`
	Name             string    `json:"name"`
	Unit             string    `json:"unit"`
	Direction        string    `json:"direction"`
	BaselineValue    float64   `json:"baselineValue"`
	BaselineDate     string    `json:"baselineDate"`
	CurrentValue     float64   `json:"currentValue"`
	CurrentDate      string    `json:"currentDate"`
	TargetValue      *float64  `json:"targetValue"`
	LegalLimit       *float64  `json:"legalLimit"`
	KpiID            *string   `json:"kpiId"`
	MunicipalityCode *string   `json:"municipalityCode"`
	Evidence         string    `json:"evidence"`
	Official         *evidence `json:"official"`
	// MunicipalityCheck is the indicator's municipality against the
	// organisation's; nil when the indicator names none.
	MunicipalityCheck *municipalityCheck `json:"municipalityCheck"`
}

type municipalityCheck struct {
	Indicator    string  `json:"indicatorMunicipalityCode"`
	Organisation *string `json:"organisationMunicipalityCode"`
	Matches      bool    `json:"matches"`
	Verified     bool    `json:"organisationMunicipalityVerified"`
}

// Words says the check in the page's language: whose municipality the
// indicator names, and whether the organisation's is verified.
func (m *municipalityCheck) Words(v *view) string {
	var s string
	switch {
	case m.Organisation == nil:
		s = v.T("evidence.municipalityNone", m.Indicator)
	case !m.Matches:
		s = v.T("evidence.municipalityOther", m.Indicator, *m.Organisation)
	default:
		s = v.T("evidence.municipalitySame", m.Indicator)
	}
	if m.Organisation != nil && !m.Verified {
		s += " " + v.T("evidence.municipalityUnverified", *m.Organisation)
	}
	return s
}

type evidence struct {
	Kpi struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Unit  string `json:"unit"`
	} `json:"kpi"`
	MunicipalityName string     `json:"municipalityName"`
	Kommungrupp      *string    `json:"kommungrupp"`
	Year             int        `json:"year"`
	Tolerance        float64    `json:"tolerance"`
	Synthetic        bool       `json:"synthetic"`
	Disagrees        bool       `json:"disagrees"`
	Series           []point    `json:"series"`
	Baseline         claimCheck `json:"baseline"`
	Current          claimCheck `json:"current"`
	National         *placement `json:"national"`
	Group            *placement `json:"group"`
}

type claimCheck struct {
	Year    int     `json:"year"`
	Claimed float64 `json:"claimed"`
	// OfficialYear is the published year compared: the claimed year, else
	// the nearest within two (then not judged); nil when none is.
	OfficialYear *int     `json:"officialYear"`
	Official     *float64 `json:"official"`
	// Verdict is AGREES, DISAGREES or NO_OFFICIAL_VALUE (for the claimed
	// year itself).
	Verdict string `json:"verdict"`
}

type placement struct {
	Rank       *int     `json:"rank"`
	Of         int      `json:"of"`
	Percentile *float64 `json:"percentile"`
	Colour     string   `json:"colour"`
}

// Words says the check in the page's language: what (the baseline or
// the current value) agrees or disagrees with the official value of the
// claimed year, or which published year stands in for it (the API's
// note), or that none is near enough.
func (c claimCheck) Words(v *view, what string) string {
	claimed := v.Num(c.Claimed)
	switch {
	case c.Verdict == "AGREES":
		return v.T("evidence.agrees", what, claimed, c.Year, v.Num(c.Official))
	case c.Verdict == "DISAGREES":
		return v.T("evidence.differs", what, claimed, c.Year, v.Num(c.Official))
	case c.OfficialYear != nil:
		return v.T("evidence.nearest", what, claimed, c.Year, *c.OfficialYear, v.Num(c.Official))
	}
	return v.T("evidence.noOfficial", what, claimed, c.Year, maxYearGap)
}

// maxYearGap is how many years from a claimed year the API looks for a
// published one (kpi.MaxYearGap).
const maxYearGap = 2

// Disagreeing reports whether the check disagrees with the official value.
func (c claimCheck) Disagreeing() bool { return c.Verdict == "DISAGREES" }

// Chart draws the official series and the claimed baseline and current
// values as two lines over the years, with the legal limit.
func (e *evidence) Chart(limit *float64, official, claimed string) *lineChart {
	if len(e.Series) == 0 {
		return nil
	}
	// The labelled years: the claims' and every other official year (and
	// the last), so that the labels do not crowd; the points lie at their
	// own years whichever are labelled.
	var years []int
	rows := e.Rows()
	for i, r := range rows {
		if r.Claimed != nil || i == len(rows)-1 || (r.Year-rows[0].Year)%2 == 0 && (i+1 == len(rows) || rows[i+1].Year != rows[len(rows)-1].Year) {
			years = append(years, r.Year)
		}
	}
	off := chartSeries{Name: official, Points: e.Series}
	claim := chartSeries{Name: claimed, Points: []point{{Year: e.Baseline.Year, Value: e.Baseline.Claimed},
		{Year: e.Current.Year, Value: e.Current.Claimed}}}
	c := newLineChart(years, []chartSeries{off, claim}, limit)
	return &c
}

// evidenceRow is one year of the chart's table.
type evidenceRow struct {
	Year              int
	Official, Claimed *float64
}

// Rows are the chart's numbers by year: the official value and the
// claimed one, where there is one.
func (e *evidence) Rows() []evidenceRow {
	by := map[int]*evidenceRow{}
	var out []*evidenceRow
	row := func(y int) *evidenceRow {
		if by[y] == nil {
			by[y] = &evidenceRow{Year: y}
			out = append(out, by[y])
		}
		return by[y]
	}
	for _, p := range e.Series {
		row(p.Year).Official = &p.Value
	}
	row(e.Baseline.Year).Claimed = &e.Baseline.Claimed
	row(e.Current.Year).Claimed = &e.Current.Claimed
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	rows := make([]evidenceRow, len(out))
	for i, r := range out {
		rows[i] = *r
	}
	return rows
}

// Class is the colour as a CSS class.
func (p placement) Class() string { return strings.ToLower(p.Colour) }
