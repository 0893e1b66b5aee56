package pdf

import (
	"fmt"
	"strings"

	"github.com/leanforum/awards/reports/kpi"
)

// profileText holds the fixed texts of the municipality profile.
type profileText struct {
	title, group, similar, areas, area, points, max, total, totalLine string
	kpis, value, rank, colour, rankOf, meanOf, medianOf, similarShort string
	groupShort, none, kpiCount, areasHow, excluded, synthetic         string
	syntheticTitle, syntheticNote, limit                              string
}

// profileWords returns the profile's texts in the language.
func profileWords(l Lang) profileText {
	if l == English {
		return profileText{title: "Municipality profile", group: "Municipality group", similar: "Similar municipalities",
			areas: "Percentile points by operating area", area: "Area", points: "Points", max: "Max", total: "Total",
			totalLine: "Total %s of %s points (%s).", kpis: "Key performance indicators", value: "Value",
			rank: "Rank", colour: "Colour", rankOf: "%d of %d", meanOf: "Mean, %s", medianOf: "Median, %s",
			similarShort: "similar", groupShort: "group", none: "none", kpiCount: "KPIs",
			areasHow: "How the points are counted: for each KPI of this profile, the municipality's percentile among all " +
				"municipalities with a value (100: better than all, 0: worse than all); an area's points are the mean " +
				"percentile of its KPIs, at most 100. The maximum is 100 times the number of areas the chosen KPIs cover, " +
				"so it changes with the KPIs chosen. KPIs for which neither way is better score nothing and are left out. " +
				"This is not SKR's Kommunkompassen, which examiners score by interview.",
			excluded:       "Left out of the points (neither way is better): %d KPI(s).",
			synthetic:      "Contains synthetic demo values (not official statistics), marked * in tables and as open rings in charts.",
			syntheticTitle: "synthetic demo values", syntheticNote: "* synthetic demo value, not official statistics",
			limit: "Legal limit"}
	}
	return profileText{title: "Kommunprofil", group: "Kommungrupp", similar: "Liknande kommuner",
		areas: "Percentilpoäng per verksamhetsområde", area: "Område", points: "Poäng", max: "Max", total: "Totalt",
		totalLine: "Totalt %s av %s poäng (%s).", kpis: "Nyckeltal", value: "Värde", rank: "Plac.",
		colour: "Färg", rankOf: "%d av %d", meanOf: "Medel, %s", medianOf: "Median, %s",
		similarShort: "liknande", groupShort: "kommungrupp", none: "inga", kpiCount: "Nyckeltal",
		areasHow: "Så räknas poängen: för varje nyckeltal i profilen kommunens percentil bland alla kommuner med ett " +
			"värde (100: bättre än alla, 0: sämre än alla); ett områdes poäng är medelvärdet av percentilerna för dess " +
			"nyckeltal, högst 100. Maxpoängen är 100 gånger antalet områden som de valda nyckeltalen täcker och ändras " +
			"alltså med urvalet. Nyckeltal där varken högre eller lägre är bättre ger inga poäng och är utelämnade. " +
			"Detta är inte SKR:s Kommunkompassen, där granskare poängsätter genom intervjuer.",
		excluded:       "Utelämnade ur poängen (varken högre eller lägre är bättre): %d nyckeltal.",
		synthetic:      "Innehåller syntetiska demovärden (inte officiell statistik), markerade * i tabeller och som ofyllda ringar i diagram.",
		syntheticTitle: "syntetiska demovärden", syntheticNote: "* syntetiskt demovärde, inte officiell statistik",
		limit: "Lagkrav"}
}

// profile lays out one ProfileReport.
type profile struct {
	*document
	r    ProfileReport
	t    profileText
	name string
}

// draw lays out the whole report.
func (p profile) draw() {
	similar := make([]string, len(p.r.Similar))
	for i, n := range p.r.Similar {
		similar[i] = p.nameOf(n.Code)
	}
	list := p.t.none
	if len(similar) > 0 {
		list = strings.Join(similar, ", ")
	}
	synthetic := ""
	if p.r.synthetic() {
		synthetic = p.t.synthetic
	}
	p.titleBlock(p.t.title+": "+p.name, p.t.group+": "+p.r.Group, p.t.similar+": "+list, synthetic)
	if p.r.Areas != nil {
		p.areas(*p.r.Areas)
	}
	if len(p.r.KPIs) > 0 {
		p.heading(p.t.kpis, 60)
		for _, k := range p.r.KPIs {
			p.kpi(k)
		}
	}
}

// nameOf returns a municipality's name, or its code.
func (p profile) nameOf(code string) string {
	if n := p.r.Names[code]; n != "" {
		return clean(n)
	}
	return code
}

// areas draws the areas with their points as bars, the total and how
// the points are counted.
func (p profile) areas(c AreaPoints) {
	p.heading(fmt.Sprintf("%s %d", p.t.areas, c.Year), 30)
	if len(c.Areas) > 0 {
		t := p.newTable("", []column{{p.t.area, 70, "L"}, {p.t.kpiCount, 16, "R"}, {p.t.points, 16, "R"}, {"", 58, "L"}, {p.t.max, 20, "R"}})
		t.begin(len(c.Areas) + 1)
		var points, max float64
		kpis := 0
		for _, a := range c.Areas {
			points, max, kpis = points+a.Points, max+a.Max, kpis+a.KPIs
			t.row(plain(clean(a.Name), itoa(a.KPIs), p.lang.num(a.Points, 0), "", p.lang.num(a.Max, 0)))
			y := t.rowTop
			p.fill(blue)
			bar := t.cols[3].width - 2
			p.pdf.Rect(t.x+t.cols[0].width+t.cols[1].width+t.cols[2].width+1, y+0.8, bar*a.Points/a.Max, t.height-1.6, "F")
		}
		t.row(styled(true, headFill, p.t.total, itoa(kpis), p.lang.num(points, 0), "", p.lang.num(max, 0)))
		t.end()
		p.paragraph(fmt.Sprintf(p.t.totalLine, p.lang.num(points, 0), p.lang.num(max, 0), p.lang.percent(points/max*100, 0)))
	}
	if c.Excluded > 0 {
		p.paragraph(fmt.Sprintf(p.t.excluded, c.Excluded))
	}
	p.note(p.t.areasHow)
}

// kpi draws one KPI: a table of the municipality, its groups and its
// similar municipalities beside a line chart over the years.
func (p profile) kpi(k ProfileKPI) {
	rows := 5 + len(p.r.Similar)
	title := kpiTitle(k.ID, k.Title, k.Unit, k.Year) + " – " + p.words.direction(k.Direction)
	if k.synthetic() {
		title += " – " + p.t.syntheticTitle
	}
	p.subheading(title, max(66, 16+float64(rows)*4.4))
	top := p.y()
	var values []float64
	for _, pl := range k.Placings {
		if pl.Valid {
			values = append(values, pl.Value)
		}
	}
	dec := decimalsFor(values)
	t := p.newTable("", []column{{"", 50, "L"}, {p.t.value, 18, "R"}, {p.t.rank, 20, "R"}, {p.t.colour, 14, "L"}})
	t.begin(rows)
	own, _ := placingOf(k.Placings, p.r.Municipality)
	t.row(p.placingRow(k, own, p.name, len(values), dec, true))
	p.summaryRows(t, k, dec)
	for _, n := range p.r.Similar {
		if pl, ok := placingOf(k.Placings, n.Code); ok {
			t.row(p.placingRow(k, pl, p.nameOf(n.Code), len(values), dec, false))
		}
	}
	t.end()
	bottom := p.y()
	h := p.chart(k, top)
	p.pdf.SetXY(marginLeft, max(bottom, top+h+4))
	if len(k.Synthetic) > 0 {
		p.note(p.t.syntheticNote)
	}
	p.space(2)
}

// placingRow returns the cells of one municipality's placing.
func (p profile) placingRow(k ProfileKPI, pl kpi.Placing, name string, of, dec int, own bool) []cell {
	value, rank := p.words.missing, p.words.missing
	if pl.Valid {
		value, rank = p.lang.num(pl.Value, dec)+star(k.Synthetic[pl.Code]), fmt.Sprintf(p.t.rankOf, pl.Rank, of)
	}
	cells := styled(own, focusFill, name, value, rank, p.words.colour(pl.Colour))
	cells[3].fill = cellColour(pl.Colour)
	return cells
}

// summaryRows draws the mean and median of the kommungrupp and of the
// similar municipalities.
func (p profile) summaryRows(t *table, k ProfileKPI, dec int) {
	g, mark := k.GroupStats, star(len(k.Synthetic) > 0)
	mean, median := p.words.missing, p.words.missing
	if g.Count > 0 {
		mean, median = p.lang.num(g.Mean, dec)+mark, p.lang.num(g.Median, dec)+mark
	}
	t.row(plain(fmt.Sprintf(p.t.meanOf, p.t.groupShort), mean, "", ""))
	t.row(plain(fmt.Sprintf(p.t.medianOf, p.t.groupShort), median, "", ""))
	mean, median = p.words.missing, p.words.missing
	if s, ok := similarStats(k.Placings, p.r.Similar); ok {
		mean, median = p.lang.num(s.Mean, dec)+mark, p.lang.num(s.Median, dec)+mark
	}
	t.row(plain(fmt.Sprintf(p.t.meanOf, p.t.similarShort), mean, "", ""))
	t.row(plain(fmt.Sprintf(p.t.medianOf, p.t.similarShort), median, "", ""))
}

// similarStats returns the mean and median of the similar municipalities
// with a value, by kpi.GroupStats, and false when none has one.
func similarStats(ps []kpi.Placing, similar []kpi.Neighbour) (kpi.Summary, bool) {
	values := make([]kpi.Value, len(ps))
	for i, pl := range ps {
		values[i] = kpi.Value{Code: pl.Code, Value: pl.Value, Valid: pl.Valid}
	}
	members := make([]string, len(similar))
	for i, n := range similar {
		members[i] = n.Code
	}
	s, err := kpi.GroupStats(values, members)
	return s, err == nil && len(members) > 0
}

// chart draws the municipality against the kommungrupp median beside the
// table that starts at top, with the legal limit when the KPI has one,
// and returns the height it took.
func (p profile) chart(k ProfileKPI, top float64) float64 {
	var c chart
	if len(k.Series) > 0 {
		c.lines = append(c.lines, line{name: p.name, values: k.Series, marks: k.SeriesSynthetic, colour: blue})
	}
	if len(k.GroupMedian) > 0 {
		c.lines = append(c.lines, line{name: fmt.Sprintf(p.t.medianOf, p.r.Group), values: k.GroupMedian,
			marks: k.GroupSynthetic, colour: orange, dashed: true})
	}
	if k.LegalLimit != nil {
		c.refs = append(c.refs, reference{value: *k.LegalLimit, label: p.t.limit + " " + p.lang.value(*k.LegalLimit), colour: darkRed})
	}
	if len(c.lines) == 0 {
		return 0
	}
	return 2 + p.lineChart(box{marginLeft + 122, top + 2, bodyWidth - 124, 36}, c)
}

// synthetic reports whether any value of the report is synthetic.
func (r ProfileReport) synthetic() bool {
	for _, k := range r.KPIs {
		if k.synthetic() {
			return true
		}
	}
	return false
}

// synthetic reports whether any value of k is synthetic.
func (k ProfileKPI) synthetic() bool {
	return len(k.Synthetic) > 0 || k.SeriesSynthetic.any(k.Series) || k.GroupSynthetic.any(k.GroupMedian)
}

// star marks a synthetic value in a table.
func star(synthetic bool) string {
	if synthetic {
		return "*"
	}
	return ""
}
