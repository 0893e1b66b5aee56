package pdf

import (
	"fmt"
	"strings"

	"github.com/leanforum/awards/reports/kpi"
)

// profileText holds the fixed texts of the municipality profile.
type profileText struct {
	title, group, similar, compass, area, points, max, total, totalLine string
	kpis, value, rank, colour, rankOf, meanOf, medianOf, similarShort   string
	groupShort, none                                                    string
}

// profileWords returns the profile's texts in the language.
func profileWords(l Lang) profileText {
	if l == English {
		return profileText{title: "Municipality profile", group: "Municipality group", similar: "Similar municipalities",
			compass: "Kommunkompassen", area: "Area", points: "Points", max: "Max", total: "Total",
			totalLine: "Total %s of %s points (%s).", kpis: "Key performance indicators", value: "Value",
			rank: "Rank", colour: "Colour", rankOf: "%d of %d", meanOf: "Mean, %s", medianOf: "Median, %s",
			similarShort: "similar", groupShort: "group", none: "none"}
	}
	return profileText{title: "Kommunprofil", group: "Kommungrupp", similar: "Liknande kommuner",
		compass: "Kommunkompassen", area: "Område", points: "Poäng", max: "Max", total: "Totalt",
		totalLine: "Totalt %s av %s poäng (%s).", kpis: "Nyckeltal", value: "Värde", rank: "Plac.",
		colour: "Färg", rankOf: "%d av %d", meanOf: "Medel, %s", medianOf: "Median, %s",
		similarShort: "liknande", groupShort: "kommungrupp", none: "inga"}
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
	p.titleBlock(p.t.title+": "+p.name, p.t.group+": "+p.r.Group, p.t.similar+": "+list)
	if p.r.Compass != nil {
		p.compass(*p.r.Compass)
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

// compass draws the areas with their points as bars, and the total.
func (p profile) compass(c Compass) {
	p.heading(fmt.Sprintf("%s %d", p.t.compass, c.Year), 30)
	t := p.newTable("", []column{{p.t.area, 82, "L"}, {p.t.points, 20, "R"}, {"", 58, "L"}, {p.t.max, 20, "R"}})
	t.begin(len(c.Areas) + 1)
	var points, max float64
	for _, a := range c.Areas {
		points, max = points+a.Points, max+a.Max
		t.row(plain(clean(a.Name), p.lang.value(a.Points), "", p.lang.value(a.Max)))
		y := p.y() - t.height
		p.fill(blue)
		bar := t.cols[2].width - 2
		p.pdf.Rect(t.x+t.cols[0].width+t.cols[1].width+1, y+0.8, bar*a.Points/a.Max, t.height-1.6, "F")
	}
	t.row(styled(true, headFill, p.t.total, p.lang.value(points), "", p.lang.value(max)))
	t.end()
	p.paragraph(fmt.Sprintf(p.t.totalLine, p.lang.value(points), p.lang.value(max), p.lang.percent(points/max*100, 0)))
}

// kpi draws one KPI: a table of the municipality, its groups and its
// similar municipalities beside a line chart over the years.
func (p profile) kpi(k ProfileKPI) {
	rows := 5 + len(p.r.Similar)
	p.subheading(kpiTitle(k.ID, k.Title, k.Unit, k.Year)+" – "+p.words.direction(k.Direction), max(58, 8+float64(rows)*4.4))
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
	t.row(p.placingRow(own, p.name, len(values), dec, true))
	p.summaryRows(t, k, dec)
	for _, n := range p.r.Similar {
		if pl, ok := placingOf(k.Placings, n.Code); ok {
			t.row(p.placingRow(pl, p.nameOf(n.Code), len(values), dec, false))
		}
	}
	t.end()
	bottom := p.y()
	p.chart(k, top)
	p.pdf.SetXY(marginLeft, max(bottom, top+58))
}

// placingRow returns the cells of one municipality's placing.
func (p profile) placingRow(pl kpi.Placing, name string, of, dec int, own bool) []cell {
	value, rank := p.words.missing, p.words.missing
	if pl.Valid {
		value, rank = p.lang.num(pl.Value, dec), fmt.Sprintf(p.t.rankOf, pl.Rank, of)
	}
	cells := styled(own, focusFill, name, value, rank, p.words.colour(pl.Colour))
	cells[3].fill = cellColour(pl.Colour)
	return cells
}

// summaryRows draws the mean and median of the kommungrupp and of the
// similar municipalities.
func (p profile) summaryRows(t *table, k ProfileKPI, dec int) {
	g := k.GroupStats
	t.row(plain(fmt.Sprintf(p.t.meanOf, p.t.groupShort), p.lang.num(g.Mean, dec+1), "", ""))
	t.row(plain(fmt.Sprintf(p.t.medianOf, p.t.groupShort), p.lang.num(g.Median, dec+1), "", ""))
	mean, median := p.words.missing, p.words.missing
	if s, ok := similarStats(k.Placings, p.r.Similar); ok {
		mean, median = p.lang.num(s.Mean, dec+1), p.lang.num(s.Median, dec+1)
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
// table that starts at top.
func (p profile) chart(k ProfileKPI, top float64) {
	var lines []line
	if len(k.Series) > 0 {
		lines = append(lines, line{name: p.name, values: k.Series, colour: blue})
	}
	if len(k.GroupMedian) > 0 {
		lines = append(lines, line{name: fmt.Sprintf(p.t.medianOf, p.r.Group), values: k.GroupMedian, colour: orange, dashed: true})
	}
	if len(lines) > 0 {
		p.lineChart(box{marginLeft + 118, top + 2, bodyWidth - 120, 40}, lines, nil)
	}
}
