package pdf

import (
	"fmt"
	"time"

	"github.com/leanforum/awards/reports/kpi"
)

// BenchmarkReport is the input of Benchmark: municipalities compared on
// one or more KPIs, with some of them in focus.
type BenchmarkReport struct {
	Lang Lang
	// Date is the date of the data (the latest Kolada update used); it is
	// printed in the footer and the appendix and is the PDF's creation
	// date. Required.
	Date  time.Time
	Title string // required
	// Names maps municipality codes to names; a code without a name
	// prints as the code.
	Names map[string]string
	// Focus are the codes of the municipalities to highlight, in the order
	// of their trend lines.
	Focus []string
	// Thresholds are the colour cut-offs that were given to kpi.Place; the
	// methods appendix states them.
	Thresholds kpi.Thresholds
	// KPIs are the KPIs in the order of the report; at least one.
	KPIs []BenchmarkKPI
}

// BenchmarkKPI is one KPI's cross-section and what goes with it.
type BenchmarkKPI struct {
	ID    string // the Kolada id, such as "U33401"; required
	Title string // required
	Unit  string
	Year  int // the year of the cross-section; required
	// Direction says which way is better; required.
	Direction kpi.Direction
	// Definition and Source are printed in the methods appendix.
	Definition, Source string
	// Placings is kpi.Place's result for the year, in any order; at least
	// one. The report ranks them by Rank, municipalities without a value
	// last, ties by code.
	Placings []kpi.Placing
	// Groups are group statistics from kpi.GroupStats, such as the whole
	// country and a kommungrupp. All are tabled; the first one's mean and
	// median are also drawn across the bar chart.
	Groups []GroupSummary
	// Series holds, by municipality code, the KPI over the years; the
	// focus municipalities' series are drawn as sparklines with their
	// trend. Others are ignored.
	Series map[string]Series
	// LegalLimit, when set, is drawn across the chart; Compliance is the
	// share of municipalities within it in Year.
	LegalLimit *float64
	Compliance *Compliance
	// Years are the statistics of every year the report covers, Year
	// included, tabled in year order.
	Years []BenchmarkYear
	// Synthetic are the codes whose value in Year is synthetic (the demo's
	// made-up data), SeriesSynthetic the synthetic years of Series by code:
	// each such value is marked, and the KPI's heading says so.
	Synthetic       map[string]bool
	SeriesSynthetic map[string]Marks
}

// Compliance is how many municipalities with a value lie within a legal
// limit: Within of Count, Share in percent.
type Compliance struct {
	Limit         float64
	Count, Within int
	Share         float64
}

// BenchmarkYear is one year's group statistics and compliance.
type BenchmarkYear struct {
	Year       int
	Groups     []GroupSummary
	Compliance *Compliance
}

// GroupSummary is a named group's statistics on one KPI and year.
type GroupSummary struct {
	Name    string // required
	Summary kpi.Summary
}

// Benchmark renders the benchmark report: for each KPI a bar chart of all
// municipalities coloured by kpi.Colour, the group means and medians, a
// trend sparkline per focus municipality and the ranked table of
// municipalities with coloured cells, the focus municipalities in bold;
// then a methods appendix with the definitions, directions, sources and
// data date. fonts must come from NewFonts.
func Benchmark(fonts *Fonts, r BenchmarkReport) ([]byte, error) {
	if err := r.check(fonts); err != nil {
		return nil, err
	}
	return render(func() *document {
		t := benchmarkWords(r.Lang)
		b := &benchmark{document: newDocument(fonts, r.Lang, r.Date, t.title+": "+r.Title, ""), r: r, t: t,
			focus: make(map[string]bool, len(r.Focus))}
		for _, c := range r.Focus {
			b.focus[c] = true
		}
		b.draw()
		return b.document
	})
}

// check validates the report.
func (r BenchmarkReport) check(fonts *Fonts) error {
	if err := firstError(fonts.check(), r.Lang.check(), checkDate("benchmark", r.Date),
		checkRequired("benchmark: Title", r.Title), checkThresholds(r.Thresholds)); err != nil {
		return err
	}
	if len(r.KPIs) == 0 {
		return invalidf("benchmark: no KPIs")
	}
	for i, k := range r.KPIs {
		if err := k.check(fmt.Sprintf("benchmark: KPI %d (%s)", i+1, k.ID), r.Focus); err != nil {
			return err
		}
	}
	return nil
}

// check validates one KPI; at names it in errors.
func (k BenchmarkKPI) check(at string, focus []string) error {
	if err := firstError(checkRequired(at+": ID", k.ID), checkRequired(at+": Title", k.Title),
		checkDirection(at, k.Direction), checkPlacings(at, k.Placings)); err != nil {
		return err
	}
	if k.Year <= 0 {
		return invalidf("%s: Year is required", at)
	}
	for i, g := range k.Groups {
		if err := checkGroup(fmt.Sprintf("%s: group %d", at, i+1), g); err != nil {
			return err
		}
	}
	for _, c := range focus {
		if err := k.Series[c].check(at + ": Series[" + c + "]"); err != nil {
			return err
		}
	}
	if k.LegalLimit != nil {
		if err := checkNumber(at+": LegalLimit", *k.LegalLimit); err != nil {
			return err
		}
	}
	for _, y := range k.Years {
		for i, g := range y.Groups {
			if err := checkGroup(fmt.Sprintf("%s: %d: group %d", at, y.Year, i+1), g); err != nil {
				return err
			}
		}
		if err := y.Compliance.check(fmt.Sprintf("%s: %d", at, y.Year)); err != nil {
			return err
		}
	}
	return k.Compliance.check(at)
}

// check returns an error for a compliance share that is not a number or
// counts that do not add up; nil is no compliance.
func (c *Compliance) check(at string) error {
	if c == nil {
		return nil
	}
	if err := firstError(checkNumber(at+": Compliance.Limit", c.Limit), checkNumber(at+": Compliance.Share", c.Share)); err != nil {
		return err
	}
	if c.Within < 0 || c.Within > c.Count {
		return invalidf("%s: Compliance: %d within of %d", at, c.Within, c.Count)
	}
	return nil
}

// synthetic reports whether any value of k is synthetic.
func (k BenchmarkKPI) synthetic() bool {
	if len(k.Synthetic) > 0 {
		return true
	}
	for c, m := range k.SeriesSynthetic {
		if m.any(k.Series[c]) {
			return true
		}
	}
	return false
}

// checkDirection returns an error unless d is one of the directions.
func checkDirection(at string, d kpi.Direction) error {
	if _, err := d.MarshalText(); err != nil {
		return invalidf("%s: Direction: %v", at, err)
	}
	return nil
}

// checkPlacings returns an error for no placings, a malformed or repeated
// code, a value that is not a number, or an unknown colour.
func checkPlacings(at string, ps []kpi.Placing) error {
	if len(ps) == 0 {
		return invalidf("%s: no placings", at)
	}
	seen := make(map[string]bool, len(ps))
	for _, p := range ps {
		switch {
		case !isCode(p.Code):
			return invalidf("%s: municipality code %q is not four digits", at, p.Code)
		case seen[p.Code]:
			return invalidf("%s: municipality %s appears twice", at, p.Code)
		case p.Valid && (!finite(p.Value) || !finite(p.Percentile)):
			return invalidf("%s: municipality %s: value %v is not a number", at, p.Code, p.Value)
		case p.Colour != kpi.Green && p.Colour != kpi.Yellow && p.Colour != kpi.Red && p.Colour != kpi.Grey:
			return invalidf("%s: municipality %s: unknown colour %q", at, p.Code, string(p.Colour))
		}
		seen[p.Code] = true
	}
	return nil
}

// checkGroup returns an error for a group without a name or with a
// statistic that is not a number.
func checkGroup(at string, g GroupSummary) error {
	return firstError(checkRequired(at+": Name", g.Name), checkNumber(at+": Mean", g.Summary.Mean),
		checkNumber(at+": Median", g.Summary.Median))
}

// checkThresholds returns an error unless t could have been given to
// kpi.Place.
func checkThresholds(t kpi.Thresholds) error {
	if !(t.Green >= 0 && t.Red >= 0 && t.Green+t.Red <= 100) {
		return invalidf("benchmark: Thresholds green %v %%, red %v %% are not within 0–100 %%", t.Green, t.Red)
	}
	return nil
}

// isCode reports whether code is four ASCII digits.
func isCode(code string) bool {
	if len(code) != 4 {
		return false
	}
	for i := range 4 {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}
