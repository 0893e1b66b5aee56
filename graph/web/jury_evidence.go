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
	Series           []point    `json:"series"`
	Baseline         claimCheck `json:"baseline"`
	Current          claimCheck `json:"current"`
	National         *placement `json:"national"`
	Group            *placement `json:"group"`
}

type claimCheck struct {
	Year     int      `json:"year"`
	Claimed  float64  `json:"claimed"`
	Official *float64 `json:"official"`
	Agrees   *bool    `json:"agrees"`
}

type placement struct {
	Rank       *int     `json:"rank"`
	Of         int      `json:"of"`
	Percentile *float64 `json:"percentile"`
	Colour     string   `json:"colour"`
}

// Verdict is the message key of a claim check: agrees, differs or
// noOfficial.
func (c claimCheck) Verdict() string {
	switch {
	case c.Agrees == nil:
		return "evidence.noOfficial"
	case *c.Agrees:
		return "evidence.agrees"
	}
	return "evidence.differs"
}

// Agreed reports whether both claims agree with the official values.
func (e *evidence) Agreed() bool {
	return e.Baseline.Agrees != nil && *e.Baseline.Agrees && e.Current.Agrees != nil && *e.Current.Agrees
}

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
