package pdf

import (
	"fmt"
	"time"

	"github.com/leanforum/awards/reports/kpi"
)

// ProfileReport is the input of Profile: one municipality against its
// kommungrupp and its structurally similar municipalities.
type ProfileReport struct {
	Lang Lang
	// Date is the date of the data; it is printed in the footer and is the
	// PDF's creation date. Required.
	Date time.Time
	// Municipality is the four-digit code of the municipality; required.
	Municipality string
	// Names maps codes to names; the municipality's own name is required,
	// other codes without a name print as the code.
	Names map[string]string
	// Group is the name of the municipality's kommungrupp; required.
	Group string
	// Similar are the similar municipalities as kpi.Similar returns them,
	// nearest first.
	Similar []kpi.Neighbour
	// KPIs are the chosen KPIs in the order of the report.
	KPIs []ProfileKPI
	// Areas, when set, summarises the municipality's percentiles by
	// operating area. The report needs KPIs, Areas or both.
	Areas *AreaPoints
}

// ProfileKPI is one KPI of a profile.
type ProfileKPI struct {
	ID    string // the Kolada id; required
	Title string // required
	Unit  string
	Year  int // the year of the cross-section; required
	// Direction says which way is better; required.
	Direction kpi.Direction
	// Placings is kpi.Place's result for the whole cross-section; it must
	// hold the municipality. The similar municipalities' placings are read
	// from it, and their mean and median computed with kpi.GroupStats.
	Placings []kpi.Placing
	// GroupStats is the kommungrupp's statistics from kpi.GroupStats.
	GroupStats kpi.Summary
	// Series and GroupMedian are the municipality's values and the
	// kommungrupp's median over the years, drawn as a line chart; either
	// may be empty.
	Series, GroupMedian Series
	// Synthetic are the codes whose value in Year is synthetic (the demo's
	// made-up data); SeriesSynthetic and GroupSynthetic mark the synthetic
	// years of Series and GroupMedian. Every such value is marked where it
	// is printed or drawn, and the KPI's title says so.
	Synthetic                       map[string]bool
	SeriesSynthetic, GroupSynthetic Marks
	// LegalLimit, when set, is drawn across the chart.
	LegalLimit *float64
}

// AreaPoints is the municipality's standing by operating area: per area
// the mean percentile (0–100) of its chosen KPIs there. It is not SKR's
// Kommunkompassen, an assessment by examiners; its total depends on the
// areas the chosen KPIs cover. KPIs for which neither way is better have
// no percentile that means better or worse and take no part; Excluded
// counts them.
type AreaPoints struct {
	Year     int // required
	Areas    []AreaPoint
	Excluded int
}

// AreaPoint is one area of AreaPoints.
type AreaPoint struct {
	Name string // required
	// Points are the mean percentile of the area's KPIs, within 0–Max;
	// Max is the most an area can get (100), > 0.
	Points, Max float64
	// KPIs is how many KPIs the points are the mean of.
	KPIs int
}

// Profile renders a municipality's profile: its mean percentile by
// operating area with the scoring explained, and for each KPI the municipality's
// value, rank and colour against the mean and median of its kommungrupp
// and of its similar municipalities, each similar municipality's value,
// and a line chart against the kommungrupp median over the years. fonts
// must come from NewFonts.
func Profile(fonts *Fonts, r ProfileReport) ([]byte, error) {
	if err := r.check(fonts); err != nil {
		return nil, err
	}
	return render(func() *document {
		t := profileWords(r.Lang)
		name := clean(r.Names[r.Municipality])
		p := profile{document: newDocument(fonts, r.Lang, r.Date, t.title+": "+name, clean(r.Group)), r: r, t: t, name: name}
		p.draw()
		return p.document
	})
}

// check validates the report.
func (r ProfileReport) check(fonts *Fonts) error {
	if err := firstError(fonts.check(), r.Lang.check(), checkDate("profile", r.Date),
		checkRequired("profile: Group", r.Group), checkRequired("profile: Names[Municipality]", r.Names[r.Municipality])); err != nil {
		return err
	}
	if !isCode(r.Municipality) {
		return invalidf("profile: Municipality %q is not four digits", r.Municipality)
	}
	if len(r.KPIs) == 0 && r.Areas == nil {
		return invalidf("profile: neither KPIs nor Areas")
	}
	for _, n := range r.Similar {
		if !isCode(n.Code) || !finite(n.Distance) {
			return invalidf("profile: similar municipality %q at distance %v", n.Code, n.Distance)
		}
	}
	for i, k := range r.KPIs {
		if err := k.check(fmt.Sprintf("profile: KPI %d (%s)", i+1, k.ID), r.Municipality); err != nil {
			return err
		}
	}
	if r.Areas != nil {
		return r.Areas.check()
	}
	return nil
}

// check validates one KPI; at names it in errors.
func (k ProfileKPI) check(at, code string) error {
	if err := firstError(checkRequired(at+": ID", k.ID), checkRequired(at+": Title", k.Title),
		checkDirection(at, k.Direction), checkPlacings(at, k.Placings),
		checkNumber(at+": GroupStats.Mean", k.GroupStats.Mean), checkNumber(at+": GroupStats.Median", k.GroupStats.Median),
		k.Series.check(at+": Series"), k.GroupMedian.check(at+": GroupMedian")); err != nil {
		return err
	}
	if k.Year <= 0 {
		return invalidf("%s: Year is required", at)
	}
	if _, ok := placingOf(k.Placings, code); !ok {
		return invalidf("%s: the municipality %s has no placing", at, code)
	}
	return nil
}

// check validates the areas.
func (c *AreaPoints) check() error {
	if c.Year <= 0 {
		return invalidf("profile: Areas.Year is required")
	}
	if len(c.Areas) == 0 && c.Excluded == 0 {
		return invalidf("profile: Areas has no areas")
	}
	for i, a := range c.Areas {
		at := fmt.Sprintf("profile: area %d", i+1)
		if err := firstError(checkRequired(at+": Name", a.Name), checkNumber(at+": Points", a.Points),
			checkNumber(at+": Max", a.Max)); err != nil {
			return err
		}
		if a.Max <= 0 || a.Points < 0 || a.Points > a.Max {
			return invalidf("%s: Points %v are not within 0–%v", at, a.Points, a.Max)
		}
	}
	return nil
}

// placingOf returns the placing of code.
func placingOf(ps []kpi.Placing, code string) (kpi.Placing, bool) {
	for _, p := range ps {
		if p.Code == code {
			return p, true
		}
	}
	return kpi.Placing{}, false
}
