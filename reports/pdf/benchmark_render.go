package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/leanforum/awards/reports/kpi"
)

// benchmark lays out one BenchmarkReport.
type benchmark struct {
	*document
	r     BenchmarkReport
	t     benchmarkText
	focus map[string]bool
	dec   int // decimals of the current KPI's values
}

// draw lays out the whole report.
func (b *benchmark) draw() {
	focus := make([]string, len(b.r.Focus))
	for i, c := range b.r.Focus {
		focus[i] = b.name(c)
	}
	sub := fmt.Sprintf(b.t.counts, len(b.r.KPIs))
	if len(focus) > 0 {
		sub += " · " + b.t.focus + ": " + strings.Join(focus, ", ")
	}
	synthetic := ""
	for _, k := range b.r.KPIs {
		if k.synthetic() {
			synthetic = b.t.synthetic
		}
	}
	b.titleBlock(b.t.title+": "+b.r.Title, sub, synthetic)
	for i, k := range b.r.KPIs {
		if i > 0 {
			b.pdf.AddPage()
		}
		b.kpi(k)
	}
	b.appendix()
}

// name returns a municipality's name, or its code.
func (b *benchmark) name(code string) string {
	if n, ok := b.r.Names[code]; ok && n != "" {
		return clean(n)
	}
	return code
}

// kpi draws one KPI's section.
func (b *benchmark) kpi(k BenchmarkKPI) {
	ranked := rankOrder(k.Placings)
	var values []float64
	for _, p := range ranked {
		if p.Valid {
			values = append(values, p.Value)
		}
	}
	valued := len(values)
	b.dec = decimalsFor(values)
	heading := kpiTitle(k.ID, k.Title, k.Unit, k.Year)
	if k.synthetic() {
		heading += " – " + b.t.syntheticTitle
	}
	b.heading(heading, 80)
	b.paragraph(fmt.Sprintf(b.t.kpiLine, capitalise(b.words.direction(k.Direction)), valued, len(ranked)))
	b.chart(k, ranked)
	if c := k.Compliance; c != nil {
		b.paragraph(b.compliance(k, c))
	}
	b.groups(k)
	b.years(k)
	b.trends(k)
	b.table(k, ranked)
}

// compliance says how many municipalities lie within the legal limit.
func (b *benchmark) compliance(k BenchmarkKPI, c *Compliance) string {
	limit := b.lang.value(c.Limit)
	if k.Unit != "" {
		limit += " " + clean(k.Unit)
	}
	side := b.t.atMost
	if k.Direction == kpi.HigherIsBetter {
		side = b.t.atLeast
	}
	return fmt.Sprintf(b.t.complianceLine, limit, side, c.Within, c.Count, b.lang.percent(c.Share, 1))
}

// kpiTitle returns "U33401 Title (unit), 2023", the unit left out when
// the title already names it.
func kpiTitle(id, title, unit string, year int) string {
	s := withUnit(clean(id)+" "+clean(title), unit)
	if year > 0 {
		s += ", " + itoa(year)
	}
	return s
}

// rankOrder returns the placings by rank, those without a value last,
// ties by code.
func rankOrder(ps []kpi.Placing) []kpi.Placing {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b kpi.Placing) int {
		if a.Valid != b.Valid {
			if a.Valid {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// chart draws every municipality with a value as a bar in rank order, the
// focus municipalities named, the first group's mean (dashed) and median
// (dotted) and the legal limit, with a legend.
func (b *benchmark) chart(k BenchmarkKPI, ranked []kpi.Placing) {
	var bars []bar
	synthetic := false
	for _, p := range ranked {
		if !p.Valid {
			continue
		}
		br := bar{value: p.Value, fill: barColour(p.Colour), synthetic: k.Synthetic[p.Code]}
		if b.focus[p.Code] {
			br.label = b.name(p.Code)
		}
		synthetic = synthetic || br.synthetic
		bars = append(bars, br)
	}
	var refs []reference
	if len(k.Groups) > 0 && k.Groups[0].Summary.Count > 0 {
		g := k.Groups[0]
		refs = []reference{
			{value: g.Summary.Mean, label: b.t.mean + " " + clean(g.Name) + " " + b.lang.num(g.Summary.Mean, b.dec+1), colour: darkRed, quiet: true},
			{value: g.Summary.Median, label: b.t.median + " " + clean(g.Name) + " " + b.lang.num(g.Summary.Median, b.dec+1), colour: blue, dotted: true, quiet: true},
		}
	}
	if k.LegalLimit != nil {
		refs = append(refs, reference{value: *k.LegalLimit, label: b.t.limit + " " + b.lang.value(*k.LegalLimit), colour: black, quiet: true})
	}
	b.ensure(70)
	y := b.y()
	s := b.barChart(box{marginLeft + 17, y + 1, bodyWidth - 17, 56}, bars, refs)
	items := make([]legendItem, 0, len(refs)+2)
	for _, r := range refs {
		items = append(items, legendItem{name: r.label, colour: r.colour, dashed: !r.dotted, dotted: r.dotted})
	}
	switch {
	case synthetic && allSynthetic(bars):
		items = append(items, legendItem{name: b.t.syntheticBars, colour: white})
	case synthetic:
		items = append(items, legendItem{name: b.words.synthetic, colour: greyText, ring: true})
	}
	if s.lo > 0 || s.hi < 0 {
		items = append(items, legendItem{name: fmt.Sprintf(b.words.axisFrom, b.lang.num(s.lo, decimals(s.hi-s.lo))), colour: white})
	}
	h := b.legend(box{marginLeft + 17, y + 59, bodyWidth - 17, 4}, items)
	b.pdf.SetXY(marginLeft, y+60+h)
	b.space(2)
}

// summaryCells returns a group's mean, median and count "n of m", with
// dashes for a group in which no member has a value.
func (b *benchmark) summaryCells(s kpi.Summary) (string, string, string) {
	withValue := fmt.Sprintf("%d %s %d", s.Count, b.words.of, s.Members)
	if s.Members == 0 { // not known: a version published before it was kept
		withValue = fmt.Sprint(s.Count)
	}
	if s.Count == 0 {
		return b.words.missing, b.words.missing, withValue
	}
	return b.lang.num(s.Mean, b.dec+1), b.lang.num(s.Median, b.dec+1), withValue
}

// groups draws the table of group means and medians.
func (b *benchmark) groups(k BenchmarkKPI) {
	if len(k.Groups) == 0 {
		return
	}
	t := b.newTable(fmt.Sprintf("%s %d", b.t.groups, k.Year), []column{{b.t.group, 90, "L"}, {b.t.mean, 30, "R"},
		{b.t.median, 30, "R"}, {b.t.withValue, 30, "R"}})
	t.begin(len(k.Groups))
	mark := star(len(k.Synthetic) > 0)
	for _, g := range k.Groups {
		mean, median, n := b.summaryCells(g.Summary)
		if g.Summary.Count > 0 {
			mean, median = mean+mark, median+mark
		}
		t.row(plain(clean(g.Name), mean, median, n))
	}
	t.end()
}

// years draws every year's group statistics and compliance, when the
// report covers more than one year.
func (b *benchmark) years(k BenchmarkKPI) {
	if len(k.Years) < 2 {
		return
	}
	cols := []column{{b.t.year, 16, "L"}, {b.t.group, 74, "L"}, {b.t.mean, 22, "R"}, {b.t.median, 22, "R"},
		{b.t.withValue, 22, "R"}}
	if k.LegalLimit != nil {
		cols = append(cols, column{b.t.withinLimit, 24, "R"})
	}
	rows := 0
	for _, y := range k.Years {
		rows += len(y.Groups)
	}
	t := b.newTable(fmt.Sprintf(b.t.overYears, k.Years[0].Year, k.Years[len(k.Years)-1].Year), cols)
	t.begin(min(rows, 6))
	for _, y := range k.Years {
		for i, g := range y.Groups {
			mean, median, n := b.summaryCells(g.Summary)
			year := ""
			if i == 0 {
				year = itoa(y.Year)
			}
			cells := []string{year, clean(g.Name), mean, median, n}
			if k.LegalLimit != nil {
				within := ""
				if i == 0 && y.Compliance != nil {
					within = b.lang.percent(y.Compliance.Share, 1)
				}
				cells = append(cells, within)
			}
			t.row(plain(cells...))
		}
	}
	t.end()
}

// trends draws a sparkline and the trend of each focus municipality.
func (b *benchmark) trends(k BenchmarkKPI) {
	if len(b.r.Focus) == 0 {
		return
	}
	t := b.newTable(b.t.trends, []column{{b.t.municipality, 56, "L"}, {b.t.trend, 34, "L"}, {b.t.years, 22, "C"},
		{b.t.first, 22, "R"}, {b.t.last, 22, "R"}, {b.t.change, 24, "R"}})
	t.begin(len(b.r.Focus))
	for _, c := range b.r.Focus {
		s := k.Series[c]
		tr, err := kpi.TrendOf(s, k.Direction)
		if err != nil { // fewer than two years: no trend to state
			t.row(plain(b.name(c), "", b.words.missing, b.words.missing, b.words.missing, b.words.missing))
		} else {
			m := k.SeriesSynthetic[c]
			t.row(plain(b.name(c), "", fmt.Sprintf("%d–%d", tr.FirstYear, tr.LastYear),
				b.lang.num(tr.First, b.dec)+star(m[tr.FirstYear]), b.lang.num(tr.Last, b.dec)+star(m[tr.LastYear]),
				b.lang.signed(tr.Change, b.dec)))
		}
		b.sparkline(box{t.x + 56 + 2, t.rowTop + 0.4, 30, t.height - 0.8}, s, blue)
	}
	t.end()
}

// table draws the ranked table in two lanes with coloured value and colour
// cells, the focus municipalities in bold on a tint; the municipalities
// without a value follow in one line rather than a run of grey rows.
func (b *benchmark) table(k BenchmarkKPI, ranked []kpi.Placing) {
	t := b.newTable(b.t.ranking+": "+clean(k.ID)+" "+clean(k.Title), []column{{b.t.rank, 10, "R"},
		{b.t.municipality, 33, "L"}, {b.t.value, 15, "R"}, {b.t.percentile, 17, "R"}, {b.t.colour, 12, "L"}})
	t.height, t.lanes = 4.0, 2
	t.begin(5)
	var missing []string
	for _, p := range ranked {
		if !p.Valid {
			missing = append(missing, b.name(p.Code))
			continue
		}
		cells := styled(b.focus[p.Code], focusFill, itoa(p.Rank), b.name(p.Code),
			b.lang.num(p.Value, b.dec)+star(k.Synthetic[p.Code]), b.lang.num(p.Percentile, 0), b.words.colour(p.Colour))
		cells[2].fill, cells[4].fill = cellColour(p.Colour), cellColour(p.Colour)
		t.row(cells)
	}
	t.end()
	if len(missing) > 0 {
		b.paragraph(fmt.Sprintf(b.t.noValue, k.Year, len(missing), strings.Join(missing, ", ")))
	}
	if len(k.Synthetic) > 0 {
		b.note(b.t.syntheticNote)
	}
}

// allSynthetic reports whether every bar is synthetic.
func allSynthetic(bars []bar) bool {
	for _, br := range bars {
		if !br.synthetic {
			return false
		}
	}
	return true
}
