package web

import (
	"math"
	"strconv"
	"strings"
)

// lineChart is the geometry of an inline SVG line chart: one line per
// series over the years, with a dashed line at a legal limit. The
// template (templates/chart.html) draws it; the page shows the same
// numbers in a table.
type lineChart struct {
	W, H, Left, Right, Top, Bottom float64
	XTicks                         []tick
	YTicks                         []tick
	Lines                          []chartLine
	Limit                          *tick // the legal limit's value and y
	Min, Max                       float64
}

type tick struct {
	Value float64
	Label int // a year, for x ticks
	Pos   float64
}

type chartSeries struct {
	Name   string
	Points []point
}

type chartLine struct {
	Name  string
	Path  string // the polyline's points
	Dots  []dot
	Style int // 0..5: colour and dash, see app.css .line-N
}

type dot struct {
	X, Y  float64
	Year  int
	Value float64
}

// lineStyles is how many distinct styles (colour, dash, marker) there are.
const lineStyles = 6

func newLineChart(years []int, series []chartSeries, limit *float64) lineChart {
	c := lineChart{W: 640, H: 300, Left: 64, Right: 150, Top: 16, Bottom: 36}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, p := range s.Points {
			lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
		}
	}
	if limit != nil {
		lo, hi = math.Min(lo, *limit), math.Max(hi, *limit)
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	c.Min, c.Max, c.YTicks = niceScale(lo, hi)
	for i := range c.YTicks {
		c.YTicks[i].Pos = c.y(c.YTicks[i].Value)
	}
	for _, y := range years {
		c.XTicks = append(c.XTicks, tick{Label: y, Pos: c.x(years, y)})
	}
	if limit != nil {
		c.Limit = &tick{Value: *limit, Pos: c.y(*limit)}
	}
	for i, s := range series {
		l := chartLine{Name: s.Name, Style: i % lineStyles}
		var pts []string
		for _, p := range s.Points {
			d := dot{X: c.x(years, p.Year), Y: c.y(p.Value), Year: p.Year, Value: p.Value}
			l.Dots = append(l.Dots, d)
			pts = append(pts, coord(d.X)+","+coord(d.Y))
		}
		l.Path = strings.Join(pts, " ")
		c.Lines = append(c.Lines, l)
	}
	return c
}

// x is the horizontal position of year among years.
func (c lineChart) x(years []int, year int) float64 {
	plot := c.W - c.Left - c.Right
	if len(years) < 2 {
		return c.Left + plot/2
	}
	return c.Left + plot*float64(year-years[0])/float64(years[len(years)-1]-years[0])
}

// y is the vertical position of v.
func (c lineChart) y(v float64) float64 {
	plot := c.H - c.Top - c.Bottom
	return c.Top + plot*(1-(v-c.Min)/(c.Max-c.Min))
}

// PlotRight and PlotBottom are the plot area's edges.
func (c lineChart) PlotRight() float64  { return c.W - c.Right }
func (c lineChart) PlotBottom() float64 { return c.H - c.Bottom }

// LegendX is dx right of the plot area, where the legend is.
func (c lineChart) LegendX(dx float64) float64 { return c.W - c.Right + dx }

// LegendY is the y of the legend entry of line i.
func (c lineChart) LegendY(i int) float64 { return c.Top + 8 + float64(i)*22 }

// niceScale widens [lo, hi] to round numbers with about five ticks.
func niceScale(lo, hi float64) (float64, float64, []tick) {
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	raw := (hi - lo) / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	var ticks []tick
	for v := lo; v <= hi+step/2; v += step {
		ticks = append(ticks, tick{Value: v})
	}
	return lo, hi, ticks
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
