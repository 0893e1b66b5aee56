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
	// Compass, when set, is a Kommunkompassen-style summary of the
	// municipality. The report needs KPIs, a Compass or both.
	Compass *Compass
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
}

// Compass is a Kommunkompassen-style evaluation: points per area, such as
// Grästorp 2014 with 506 of 800 over eight areas.
type Compass struct {
	Year  int // required
	Areas []CompassArea
}

// CompassArea is one area of a Compass.
type CompassArea struct {
	Name string // required
	// Points are the points given, within 0–Max; Max is the most an area
	// can get (100 in Kommunkompassen), > 0.
	Points, Max float64
}

// Profile renders a municipality's profile: a Kommunkompassen-style
// summary of areas, points and total, and for each KPI the municipality's
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
	if len(r.KPIs) == 0 && r.Compass == nil {
		return invalidf("profile: neither KPIs nor a Compass")
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
	if r.Compass != nil {
		return r.Compass.check()
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

// check validates the compass.
func (c *Compass) check() error {
	if c.Year <= 0 {
		return invalidf("profile: Compass.Year is required")
	}
	if len(c.Areas) == 0 {
		return invalidf("profile: Compass has no areas")
	}
	for i, a := range c.Areas {
		at := fmt.Sprintf("profile: Compass area %d", i+1)
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
