// Package benchmark builds a cross-municipality benchmark report from plain
// KPI values: per KPI and year a ranked, coloured table with national and
// comparison-group means and medians, legal-limit compliance, and a trend
// per focus municipality. The report is plain data, so a published version
// can be stored as a snapshot that later imports do not change.
package benchmark

import (
	"errors"
	"fmt"
	"sort"

	"github.com/leanforum/awards/reports/kpi"
)

// KPI is one indicator of a report.
type KPI struct {
	ID         string        `json:"id"`
	Title      string        `json:"title"`
	Unit       string        `json:"unit"`
	Direction  kpi.Direction `json:"direction"`
	LegalLimit *float64      `json:"legalLimit,omitempty"`
}

// Municipality names a municipality.
type Municipality struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Definition is what an admin asks for.
type Definition struct {
	Title string
	KPIs  []KPI
	Years []int
	// Group is the comparison group's title and members (codes); empty
	// members means no group.
	GroupTitle   string
	GroupMembers []string
	Focus        []string
}

// Key names one value.
type Key struct {
	KPI  string
	Code string
	Year int
}

// Dataset is the values the report is built from; a missing key is a
// missing value.
type Dataset struct {
	Municipalities []Municipality
	Values         map[Key]float64
	// Synthetic says whether any value is synthetic (the demo's made-up
	// data), SyntheticValues which.
	Synthetic       bool
	SyntheticValues map[Key]bool
}

// Report is a built benchmark report.
type Report struct {
	Title        string         `json:"title"`
	GroupTitle   string         `json:"groupTitle"`
	Years        []int          `json:"years"`
	Focus        []Municipality `json:"focus"`
	Synthetic    bool           `json:"synthetic"`
	Sections     []Section      `json:"sections"`
	Trends       []Trend        `json:"trends"`
	Municipality int            `json:"municipalities"`
}

// Section is one KPI in one year.
type Section struct {
	KPI        KPI         `json:"kpi"`
	Year       int         `json:"year"`
	Rows       []Row       `json:"rows"`
	National   Summary     `json:"national"`
	Group      *Summary    `json:"group,omitempty"`
	Compliance *Compliance `json:"compliance,omitempty"`
}

// Row is one municipality in a section, best first; missing values last.
type Row struct {
	Code       string     `json:"code"`
	Name       string     `json:"name"`
	Value      *float64   `json:"value"`
	Rank       int        `json:"rank,omitempty"`
	Percentile *float64   `json:"percentile,omitempty"`
	Colour     kpi.Colour `json:"colour"`
	InGroup    bool       `json:"inGroup"`
	Focus      bool       `json:"focus"`
	// Gap is how far the value lies past the KPI's legal limit: positive
	// outside it, negative within (kpi.Gap's Excess); nil without a limit
	// or a value.
	Gap *float64 `json:"gap,omitempty"`
	// Synthetic says the value is synthetic. Versions published before it
	// was kept have it false throughout, with the report's Synthetic set.
	Synthetic bool `json:"synthetic,omitempty"`
}

// Summary is a mean and median over the municipalities with a value:
// Count of the Members. Versions published before Members was kept have 0.
type Summary struct {
	Mean    *float64 `json:"mean"`
	Median  *float64 `json:"median"`
	Count   int      `json:"count"`
	Members int      `json:"members,omitempty"`
}

// Compliance is the share of municipalities within a legal limit.
type Compliance struct {
	Limit  float64 `json:"limit"`
	Count  int     `json:"count"`
	Within int     `json:"within"`
	Share  float64 `json:"share"`
}

// Trend is a focus municipality's series for a KPI over the report's years.
type Trend struct {
	KPI       string          `json:"kpi"`
	Code      string          `json:"code"`
	Series    map[int]float64 `json:"series"`
	Change    *float64        `json:"change,omitempty"`
	Percent   *float64        `json:"percentChange,omitempty"`
	Slope     *float64        `json:"slope,omitempty"`
	Improving bool            `json:"improving"`
	// SyntheticYears are the years of Series whose value is synthetic.
	SyntheticYears []int `json:"syntheticYears,omitempty"`
}

// ErrInvalid wraps every error about a definition.
var ErrInvalid = errors.New("benchmark: invalid definition")

// Build builds the report.
func Build(def Definition, data Dataset) (*Report, error) {
	if len(def.KPIs) == 0 || len(def.Years) == 0 {
		return nil, fmt.Errorf("%w: name at least one KPI and one year", ErrInvalid)
	}
	names := map[string]string{}
	for _, m := range data.Municipalities {
		names[m.Code] = m.Name
	}
	years := append([]int(nil), def.Years...)
	sort.Ints(years)
	r := &Report{Title: def.Title, GroupTitle: def.GroupTitle, Years: years, Synthetic: data.Synthetic,
		Municipality: len(data.Municipalities)}
	for _, c := range def.Focus {
		r.Focus = append(r.Focus, Municipality{Code: c, Name: names[c]})
	}
	for _, k := range def.KPIs {
		for _, y := range years {
			s, err := section(def, data, names, k, y)
			if err != nil {
				return nil, err
			}
			r.Sections = append(r.Sections, s)
		}
		r.Trends = append(r.Trends, trends(def, data, k, years)...)
	}
	return r, nil
}
