package pdf

import (
	"math"
	"strconv"
)

// itoa formats an integer, such as a year, without grouping.
func itoa(n int) string { return strconv.Itoa(n) }

// bar is one bar of a bar chart. A bar with a label is highlighted: drawn
// with an outline and named above the chart. A synthetic bar is marked
// with an open ring at its end unless every bar is synthetic, which the
// legend then says once.
type bar struct {
	value     float64
	fill      rgb
	label     string
	synthetic bool
}

// barChart draws bars side by side in b with refs as dashed lines, and
// returns the value scale. Bars start from zero unless all the values lie
// far from it, such as a share between 78 and 98 %: then the axis starts
// near the data, which the caller's legend must say (scale.lo is not 0).
// Labelled bars are named above the plot, staggered over three rows so
// that neighbours do not overwrite each other.
func (d *document) barChart(b box, bars []bar, refs []reference) scale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, br := range bars {
		lo, hi = math.Min(lo, br.value), math.Max(hi, br.value)
	}
	for _, r := range refs {
		lo, hi = math.Min(lo, r.value), math.Max(hi, r.value)
	}
	switch {
	case len(bars) == 0:
		lo, hi = 0, 1
	case lo > 0 && lo > 0.5*hi: // far above zero: start near the data
		lo -= (hi - lo) * 0.15
	case hi < 0 && hi < 0.5*lo:
		hi += (hi - lo) * 0.15
	default:
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	const labelRows = 3 * 3.2
	plot := box{b.x, b.y + labelRows, b.w, b.h - labelRows}
	lo, hi, step := axis(lo, hi, 4)
	s := scale{lo, hi, plot}
	d.yAxis(s, step)
	d.bars(s, bars)
	for _, r := range refs {
		d.refLine(s, r)
	}
	return s
}

// bars draws the bars on s and the names of the labelled ones: first
// every bar and leader line, then the names on a white ground, so that a
// line on its way to a bar further along passes behind a name instead of
// through it. A name stays inside the plot's width.
func (d *document) bars(s scale, bars []bar) {
	p := d.pdf
	slot := s.b.w / float64(len(bars))
	gap := math.Min(0.4, slot*0.2)
	zero := s.y(math.Max(s.lo, math.Min(0, s.hi)))
	all := true
	for _, br := range bars {
		all = all && br.synthetic
	}
	type name struct {
		text   string
		centre float64
		y      float64
	}
	var names []name
	row := 0
	for i, br := range bars {
		x := s.b.x + float64(i)*slot
		top, bottom := math.Min(zero, s.y(br.value)), math.Max(zero, s.y(br.value))
		d.fill(br.fill)
		p.Rect(x+gap/2, top, slot-gap, math.Max(bottom-top, 0.15), "F")
		if br.synthetic && !all {
			d.draw(greyText)
			d.fill(white)
			p.SetLineWidth(0.2)
			p.Circle(x+slot/2, top-1, math.Min(0.8, slot/2), "FD")
		}
		if br.label == "" {
			continue
		}
		d.draw(black)
		p.SetLineWidth(0.25)
		p.Rect(x+gap/2, top, slot-gap, math.Max(bottom-top, 0.15), "D")
		ly := s.b.y - 3.2*float64(3-row)
		d.draw(greyText)
		p.SetLineWidth(0.1)
		p.Line(x+slot/2, ly+3, x+slot/2, top)
		names = append(names, name{clean(br.label), x + slot/2, ly})
		row = (row + 1) % 3
	}
	d.setFont("B", sizeSmall-1)
	d.fill(white)
	for _, n := range names {
		text := d.fit(n.text, 40)
		w := p.GetStringWidth(text) + 1
		left := math.Max(s.b.x, math.Min(n.centre-w/2, s.b.x+s.b.w-w))
		p.SetXY(left, n.y)
		p.CellFormat(w, 3, text, "", 0, "C", true, 0, "")
	}
}

// sparkline draws a small line of values over their years in b, with the
// last point marked. Fewer than two points draw a single dot.
func (d *document) sparkline(b box, values Series, colour rgb) {
	years := values.years()
	if len(years) == 0 {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, y := range years {
		lo, hi = math.Min(lo, values[y]), math.Max(hi, values[y])
	}
	if hi-lo < 1e-12 {
		lo, hi = lo-1, hi+1
	}
	s := scale{lo, hi, box{b.x, b.y + 0.6, b.w, b.h - 1.2}}
	x := func(i int) float64 {
		if len(years) == 1 {
			return b.x + b.w/2
		}
		return b.x + float64(i)/float64(len(years)-1)*b.w
	}
	p := d.pdf
	d.draw(colour)
	d.fill(colour)
	p.SetLineWidth(0.35)
	for i := 1; i < len(years); i++ {
		p.Line(x(i-1), s.y(values[years[i-1]]), x(i), s.y(values[years[i]]))
	}
	last := len(years) - 1
	p.Circle(x(last), s.y(values[years[last]]), 0.55, "F")
}
