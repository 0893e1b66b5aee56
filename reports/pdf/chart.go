package pdf

import (
	"fmt"
	"math"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// box is a rectangle on the page, in millimetres.
type box struct{ x, y, w, h float64 }

// scale maps values in [lo, hi] onto the vertical extent of a box.
type scale struct {
	lo, hi float64
	b      box
}

// y returns the page position of value v. The differences are taken of
// halves, which is exact and cannot overflow for finite values near the
// float limit.
func (s scale) y(v float64) float64 {
	return s.b.y + s.b.h - (v/2-s.lo/2)/(s.hi/2-s.lo/2)*s.b.h
}

// niceStep returns a round step (1, 2 or 5 times a power of ten) that cuts
// [lo, hi] into about n parts. It is finite for any finite lo and hi.
func niceStep(lo, hi float64, n int) float64 {
	raw := hi/float64(n) - lo/float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	switch f := raw / mag; {
	case f <= 1:
		return mag
	case f <= 2:
		return 2 * mag
	case f <= 5:
		return 5 * mag
	}
	return 10 * mag
}

// axis returns the rounded range and tick step for values in [lo, hi]. An
// empty range is widened so that a constant series still has an axis.
// Finite values give a finite axis, even near the float limit: the span
// is computed as hi/n − lo/n, and a bound that rounding outwards would
// take past the limit stays at the data.
func axis(lo, hi float64, n int) (float64, float64, float64) {
	if hi/2-lo/2 < 0.5e-9*math.Max(1, math.Abs(hi)) {
		pad := math.Max(1, math.Abs(hi)*0.1)
		lo, hi = max(lo-pad, -math.MaxFloat64), min(hi+pad, math.MaxFloat64)
	}
	step := niceStep(lo, hi, n)
	rlo, rhi := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if math.IsInf(rlo, 0) {
		rlo = lo
	}
	if math.IsInf(rhi, 0) {
		rhi = hi
	}
	return rlo, rhi, step
}

// headroom widens [lo, hi] by a twentieth of its span on each side and
// asks for four ticks, so that no line, point or reference lies on the
// frame or under the year labels; values that are all at least zero are
// not widened below it.
func headroom(lo, hi float64) (float64, float64, int) {
	pad := (hi/2 - lo/2) / 10
	wlo, whi := max(lo-pad, -math.MaxFloat64), min(hi+pad, math.MaxFloat64)
	if lo >= 0 {
		wlo = max(wlo, 0)
	}
	return wlo, whi, 4
}

// maxTicks bounds the grid lines of one axis.
const maxTicks = 20

// decimals returns how many decimals tick labels of step need.
func decimals(step float64) int {
	if step >= 1 {
		return 0
	}
	return int(math.Ceil(-math.Log10(step) - 1e-9))
}

// yAxis draws the horizontal grid lines and tick labels of s.
func (d *document) yAxis(s scale, step float64) {
	p := d.pdf
	d.setFont("", sizeSmall-1)
	d.text(greyText)
	d.draw(gridLine)
	p.SetLineWidth(0.15)
	dec := decimals(step)
	ticks := min(int(math.Round(s.hi/step-s.lo/step)), maxTicks)
	for k := 0; k <= ticks; k++ {
		v := min(2*(s.lo/2+float64(k)*(step/2)), s.hi) // lo + k·step, in halves
		if k == ticks {
			v = s.hi
		}
		y := s.y(v)
		p.Line(s.b.x, y, s.b.x+s.b.w, y)
		p.SetXY(s.b.x-16, y-1.5)
		p.CellFormat(15.5, 3, d.lang.num(v, dec), "", 0, "R", false, 0, "")
	}
	d.draw(rule)
	p.Line(s.b.x, s.b.y+s.b.h, s.b.x+s.b.w, s.b.y+s.b.h)
	d.text(black)
}

// line is one series of a line chart. Years in marks are synthetic
// values, drawn as open rings instead of dots.
type line struct {
	name   string
	values Series
	marks  Marks
	colour rgb
	dashed bool
}

// reference is a horizontal line across a chart, such as a legal limit or
// a group mean. A dotted reference is drawn in short dots instead of
// dashes, so that two references stay apart without colour.
type reference struct {
	value  float64
	label  string
	colour rgb
	left   bool // label at the left end instead of the right
	dotted bool
	quiet  bool // no label on the line: the legend names it
}

// claim is a value an applicant claims, drawn as a square at its date.
type claim struct {
	on    time.Time
	value float64
	label string
}

// chart is what a line chart draws.
type chart struct {
	lines  []line
	refs   []reference
	claims []claim
}

// lineChart draws the lines of c over their years in b, with references
// as dashed lines, claims as squares and a legend under the chart, and
// returns the height it took with the legend. The value axis starts near
// the data, not at zero, and says so. Series must hold finite values.
func (d *document) lineChart(b box, c chart) float64 {
	first, last, lo, hi, ok := c.ranges()
	if !ok {
		return 0
	}
	lo, hi, step := axis(headroom(lo, hi))
	s := scale{lo, hi, b}
	d.yAxis(s, step)
	x := func(t float64) float64 {
		if first == last {
			return b.x + b.w/2
		}
		return b.x + 3 + (t-first)/(last-first)*(b.w-6)
	}
	var ticks []int
	for y := int(math.Ceil(first - 1e-9)); float64(y) <= last+1e-9; y++ {
		ticks = append(ticks, y)
	}
	d.xLabels(b, ticks, func(y int) float64 { return x(float64(y)) })
	for _, r := range c.refs {
		d.refLine(s, r)
	}
	for _, l := range c.lines {
		d.polyline(l, x, s)
	}
	for _, cl := range c.claims {
		if !cl.on.IsZero() {
			d.claimMark(x(yearOf(cl.on)), s.y(cl.value))
		}
	}
	return b.h + 5 + d.legend(box{b.x, b.y + b.h + 5, b.w, 4}, c.legendItems(d, s))
}

// yearOf places t on a year axis: 2012-07-01 is about 2012.5.
func yearOf(t time.Time) float64 {
	return float64(t.Year()) + float64(t.YearDay()-1)/365.25
}

// years returns the sorted union of the years of the lines.
func (c chart) years() []int {
	all := Series{}
	for _, l := range c.lines {
		for y := range l.values {
			all[y] = 0
		}
	}
	return all.years()
}

// ranges returns the first and last year on the time axis (claims
// included) and the smallest and largest value of everything drawn.
func (c chart) ranges() (first, last, lo, hi float64, ok bool) {
	years := c.years()
	if len(years) == 0 {
		return 0, 0, 0, 0, false
	}
	first, last = float64(years[0]), float64(years[len(years)-1])
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range c.lines {
		for _, v := range l.values {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, r := range c.refs {
		lo, hi = math.Min(lo, r.value), math.Max(hi, r.value)
	}
	for _, cl := range c.claims {
		lo, hi = math.Min(lo, cl.value), math.Max(hi, cl.value)
		if !cl.on.IsZero() {
			first, last = math.Min(first, yearOf(cl.on)), math.Max(last, yearOf(cl.on))
		}
	}
	return first, last, lo, hi, true
}

// legendItems are the legend's entries: the lines, the references, the
// claims, the synthetic mark when any value has it, and where the axis
// starts when not at zero.
func (c chart) legendItems(d *document, s scale) []legendItem {
	var items []legendItem
	synthetic := false
	for _, l := range c.lines {
		items = append(items, legendItem{name: l.name, colour: l.colour, dashed: l.dashed})
		synthetic = synthetic || l.marks.any(l.values)
	}
	for _, r := range c.refs {
		items = append(items, legendItem{name: r.label, colour: r.colour, dashed: !r.dotted, dotted: r.dotted})
	}
	if len(c.claims) > 0 {
		items = append(items, legendItem{name: c.claims[0].label + " / " + lower(c.claims[len(c.claims)-1].label), colour: black, square: true})
	}
	if synthetic {
		items = append(items, legendItem{name: d.words.synthetic, colour: greyText, ring: true})
	}
	if s.lo > 0 || s.hi < 0 {
		items = append(items, legendItem{name: fmt.Sprintf(d.words.axisFrom, d.lang.num(s.lo, decimals(s.hi-s.lo))), colour: white})
	}
	return items
}

// claimMark draws a claimed value as a black square with a white edge.
func (d *document) claimMark(x, y float64) {
	d.fill(black)
	d.draw(white)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Rect(x-1.1, y-1.1, 2.2, 2.2, "FD")
}

// xLabels draws the year labels under b, thinned to at most eight.
func (d *document) xLabels(b box, years []int, x func(int) float64) {
	p := d.pdf
	d.setFont("", sizeSmall-1)
	d.text(greyText)
	every := (len(years) + 7) / 8
	for i, y := range years {
		if i%every == 0 || i == len(years)-1 {
			p.SetXY(x(y)-6, b.y+b.h+0.5)
			p.CellFormat(12, 3, itoa(y), "", 0, "C", false, 0, "")
		}
	}
	d.text(black)
}

// refLine draws r as a dashed line labelled at its right end.
func (d *document) refLine(s scale, r reference) {
	p := d.pdf
	y := s.y(r.value)
	d.draw(r.colour)
	p.SetLineWidth(0.3)
	p.SetDashPattern([]float64{1.2, 0.8}, 0)
	if r.dotted {
		p.SetLineWidth(0.45)
		p.SetLineCapStyle("round")
		p.SetDashPattern([]float64{0.1, 1.0}, 0)
	}
	p.Line(s.b.x, y, s.b.x+s.b.w, y)
	p.SetDashPattern([]float64{}, 0)
	p.SetLineCapStyle("butt")
	if r.quiet {
		return
	}
	d.setFont("", sizeSmall-1)
	d.text(r.colour)
	d.fill(white)
	label := d.fit(clean(r.label), 50)
	w := p.GetStringWidth(label) + 2
	x := s.b.x + s.b.w - w
	if r.left {
		x = s.b.x
	}
	p.SetXY(x, y-3.4)
	p.CellFormat(w, 3, label, "", 0, "C", true, 0, "")
	d.text(black)
}

// polyline draws one series with a dot on each point, an open ring on a
// synthetic one.
func (d *document) polyline(l line, x func(float64) float64, s scale) {
	p := d.pdf
	years := l.values.years()
	pts := make([]gofpdf.PointType, len(years))
	for i, y := range years {
		pts[i] = gofpdf.PointType{X: x(float64(y)), Y: s.y(l.values[y])}
	}
	d.draw(l.colour)
	d.fill(l.colour)
	p.SetLineWidth(0.5)
	if l.dashed {
		p.SetDashPattern([]float64{1.5, 1}, 0)
	}
	for i := 1; i < len(pts); i++ {
		p.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
	}
	p.SetDashPattern([]float64{}, 0)
	for i, pt := range pts {
		if l.marks[years[i]] {
			d.fill(white)
			p.SetLineWidth(0.35)
			p.Circle(pt.X, pt.Y, 0.9, "FD")
			continue
		}
		d.fill(l.colour)
		p.Circle(pt.X, pt.Y, 0.6, "F")
	}
}

// legendItem is one entry of a legend: a line swatch (dashed or dotted),
// a square (a claim), a ring (a synthetic value) or, in white, only text.
type legendItem struct {
	name                         string
	colour                       rgb
	dashed, dotted, square, ring bool
}

// legend draws the items side by side while they fit the width of b,
// wrapping to further rows, and an item too long for a row over several
// lines; it returns the height it took.
func (d *document) legend(b box, items []legendItem) float64 {
	p := d.pdf
	d.setFont("", sizeSmall-0.5)
	d.text(black)
	x, y := b.x, b.y
	for _, it := range items {
		lines := d.wrap(clean(it.name), b.w-6)
		w := p.GetStringWidth(lines[0]) + 3
		if x > b.x && (len(lines) > 1 || x+6+w > b.x+b.w+0.01) {
			x, y = b.x, y+b.h
		}
		d.swatch(it, x, y+b.h/2)
		for i, l := range lines {
			p.SetXY(x+5.5, y+float64(i)*b.h*0.8)
			p.CellFormat(w, b.h, l, "", 0, "L", false, 0, "")
		}
		if len(lines) > 1 {
			x, y = b.x+b.w, y+float64(len(lines)-1)*b.h*0.8
			continue
		}
		x += 6 + w + 3
	}
	p.SetDashPattern([]float64{}, 0)
	return y + b.h - b.y
}

// swatch draws an item's symbol from x at height y.
func (d *document) swatch(it legendItem, x, y float64) {
	p := d.pdf
	d.draw(it.colour)
	p.SetLineWidth(0.6)
	switch {
	case it.colour == white:
	case it.square:
		d.claimMark(x+2.5, y)
	case it.ring:
		d.fill(white)
		p.SetLineWidth(0.35)
		p.Circle(x+2.5, y, 0.9, "FD")
	default:
		if it.dashed {
			p.SetDashPattern([]float64{1.5, 1}, 0)
		}
		if it.dotted {
			p.SetDashPattern([]float64{0.3, 0.9}, 0)
			p.SetLineCapStyle("round")
		}
		p.Line(x, y, x+5, y)
		p.SetDashPattern([]float64{}, 0)
		p.SetLineCapStyle("butt")
	}
}
