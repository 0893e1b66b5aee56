package pdf

import (
	"math"

	"github.com/jung-kurt/gofpdf"
)

// box is a rectangle on the page, in millimetres.
type box struct{ x, y, w, h float64 }

// scale maps values in [lo, hi] onto the vertical extent of a box.
type scale struct {
	lo, hi float64
	b      box
}

// y returns the page position of value v.
func (s scale) y(v float64) float64 {
	return s.b.y + s.b.h - (v-s.lo)/(s.hi-s.lo)*s.b.h
}

// niceStep returns a round step (1, 2 or 5 times a power of ten) that cuts
// span into about n parts.
func niceStep(span float64, n int) float64 {
	raw := span / float64(n)
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
func axis(lo, hi float64, n int) (float64, float64, float64) {
	if hi-lo < 1e-9*math.Max(1, math.Abs(hi)) {
		pad := math.Max(1, math.Abs(hi)*0.1)
		lo, hi = lo-pad, hi+pad
	}
	step := niceStep(hi-lo, n)
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

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
	for v := s.lo; v <= s.hi+step/2; v += step {
		y := s.y(v)
		p.Line(s.b.x, y, s.b.x+s.b.w, y)
		p.SetXY(s.b.x-16, y-1.5)
		p.CellFormat(15.5, 3, d.lang.num(v, dec), "", 0, "R", false, 0, "")
	}
	d.draw(rule)
	p.Line(s.b.x, s.b.y+s.b.h, s.b.x+s.b.w, s.b.y+s.b.h)
	d.text(black)
}

// line is one series of a line chart.
type line struct {
	name   string
	values Series
	colour rgb
	dashed bool
}

// reference is a horizontal line across a chart, such as a legal limit or
// a group mean.
type reference struct {
	value  float64
	label  string
	colour rgb
	left   bool // label at the left end instead of the right
}

// lineChart draws series over their years in b, with references as
// dashed lines and a legend under the chart. Series must hold finite values.
func (d *document) lineChart(b box, lines []line, refs []reference) {
	years, lo, hi := chartRange(lines, refs)
	if len(years) == 0 {
		return
	}
	lo, hi, step := axis(lo, hi, 4)
	s := scale{lo, hi, b}
	d.yAxis(s, step)
	first, last := years[0], years[len(years)-1]
	x := func(y int) float64 {
		if first == last {
			return b.x + b.w/2
		}
		return b.x + 2 + float64(y-first)/float64(last-first)*(b.w-4)
	}
	d.xLabels(b, years, x)
	for _, r := range refs {
		d.refLine(s, r)
	}
	for _, l := range lines {
		d.polyline(l, x, s)
	}
	d.legend(box{b.x, b.y + b.h + 5, b.w, 4}, lines)
}

// chartRange returns the sorted union of the years of lines and the
// smallest and largest value of lines and refs.
func chartRange(lines []line, refs []reference) ([]int, float64, float64) {
	all := Series{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for y, v := range l.values {
			all[y] = 0
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	for _, r := range refs {
		lo, hi = math.Min(lo, r.value), math.Max(hi, r.value)
	}
	return all.years(), lo, hi
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
	p.Line(s.b.x, y, s.b.x+s.b.w, y)
	p.SetDashPattern([]float64{}, 0)
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

// polyline draws one series with a dot on each point.
func (d *document) polyline(l line, x func(int) float64, s scale) {
	p := d.pdf
	years := l.values.years()
	pts := make([]gofpdf.PointType, len(years))
	for i, y := range years {
		pts[i] = gofpdf.PointType{X: x(y), Y: s.y(l.values[y])}
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
	for _, pt := range pts {
		p.Circle(pt.X, pt.Y, 0.6, "F")
	}
}

// legend draws a swatch and the name of each line, side by side when they
// fit the width of b and otherwise one under the other.
func (d *document) legend(b box, lines []line) {
	p := d.pdf
	d.setFont("", sizeSmall-0.5)
	names := make([]string, len(lines))
	total := 0.0
	for i, l := range lines {
		names[i] = clean(l.name)
		total += 9 + p.GetStringWidth(names[i]) + 3
	}
	x, y := b.x, b.y
	for i, l := range lines {
		w := math.Min(p.GetStringWidth(names[i])+3, b.w-6)
		if x+6+w > b.x+b.w+0.01 || (total > b.w && i > 0) {
			x, y = b.x, y+b.h
		}
		d.draw(l.colour)
		p.SetLineWidth(0.6)
		p.Line(x, y+b.h/2, x+5, y+b.h/2)
		p.SetXY(x+5.5, y)
		p.CellFormat(w, b.h, d.fit(names[i], w), "", 0, "L", false, 0, "")
		x += 6 + w + 3
	}
}
