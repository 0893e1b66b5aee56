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
	b.titleBlock(b.t.title+": "+b.r.Title, sub)
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
	b.heading(kpiTitle(k.ID, k.Title, k.Unit, k.Year), 80)
	b.paragraph(fmt.Sprintf(b.t.kpiLine, capitalise(b.words.direction(k.Direction)), valued, len(ranked)))
	b.chart(k, ranked)
	b.groups(k)
	b.trends(k)
	b.table(k, ranked)
}

// kpiTitle returns "U33401 Title (unit), 2023".
func kpiTitle(id, title, unit string, year int) string {
	s := clean(id) + " " + clean(title)
	if unit != "" {
		s += " (" + clean(unit) + ")"
	}
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
// focus municipalities named, and the first group's mean and median.
func (b *benchmark) chart(k BenchmarkKPI, ranked []kpi.Placing) {
	var bars []bar
	for _, p := range ranked {
		if !p.Valid {
			continue
		}
		br := bar{value: p.Value, fill: barColour(p.Colour)}
		if b.focus[p.Code] {
			br.label = b.name(p.Code)
		}
		bars = append(bars, br)
	}
	var refs []reference
	if len(k.Groups) > 0 {
		g := k.Groups[0]
		refs = []reference{
			{value: g.Summary.Mean, label: b.t.mean + " " + clean(g.Name) + " " + b.lang.num(g.Summary.Mean, b.dec+1), colour: darkRed},
			{value: g.Summary.Median, label: b.t.median + " " + clean(g.Name) + " " + b.lang.num(g.Summary.Median, b.dec+1), colour: blue, left: true},
		}
	}
	b.ensure(62)
	y := b.y()
	b.barChart(box{marginLeft + 17, y + 1, bodyWidth - 17, 56}, bars, refs)
	b.pdf.SetXY(marginLeft, y+62)
}

// groups draws the table of group means and medians.
func (b *benchmark) groups(k BenchmarkKPI) {
	if len(k.Groups) == 0 {
		return
	}
	t := b.newTable(b.t.groups, []column{{b.t.group, 90, "L"}, {b.t.mean, 30, "R"}, {b.t.median, 30, "R"},
		{b.t.withValue, 30, "R"}})
	t.begin(len(k.Groups))
	for _, g := range k.Groups {
		s := g.Summary
		withValue := fmt.Sprintf("%d %s %d", s.Count, b.words.of, s.Members)
		if s.Members == 0 { // not known: a version published before it was kept
			withValue = fmt.Sprint(s.Count)
		}
		t.row(plain(clean(g.Name), b.lang.num(s.Mean, b.dec+1), b.lang.num(s.Median, b.dec+1), withValue))
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
			t.row(plain(b.name(c), "", fmt.Sprintf("%d–%d", tr.FirstYear, tr.LastYear), b.lang.num(tr.First, b.dec),
				b.lang.num(tr.Last, b.dec), b.lang.signed(tr.Change, b.dec)))
		}
		b.sparkline(box{t.x + 56 + 2, b.y() - t.height + 0.4, 30, t.height - 0.8}, s, blue)
	}
	t.end()
}

// table draws the ranked table in two lanes with coloured value and colour
// cells, the focus municipalities in bold on a tint.
func (b *benchmark) table(k BenchmarkKPI, ranked []kpi.Placing) {
	t := b.newTable(b.t.ranking+": "+clean(k.ID)+" "+clean(k.Title), []column{{b.t.rank, 10, "R"},
		{b.t.municipality, 33, "L"}, {b.t.value, 15, "R"}, {b.t.percentile, 17, "R"}, {b.t.colour, 12, "L"}})
	t.height, t.lanes = 4.0, 2
	t.begin(5)
	for _, p := range ranked {
		rank, value, pct := b.words.missing, b.words.missing, b.words.missing
		if p.Valid {
			rank, value, pct = itoa(p.Rank), b.lang.num(p.Value, b.dec), b.lang.num(p.Percentile, 0)
		}
		cells := styled(b.focus[p.Code], focusFill, rank, b.name(p.Code), value, pct, b.words.colour(p.Colour))
		cells[2].fill, cells[4].fill = cellColour(p.Colour), cellColour(p.Colour)
		t.row(cells)
	}
	t.end()
}
