package web

import (
	"fmt"
	"math"
	"strings"
)

// indicator is a claimed result with the official series it names.
type indicator struct {
	ID               string    `json:"id"`
	Name             string    `json:"name"`
	Unit             string    `json:"unit"`
	Direction        string    `json:"direction"`
	BaselineValue    float64   `json:"baselineValue"`
	BaselineDate     string    `json:"baselineDate"`
	CurrentValue     float64   `json:"currentValue"`
	CurrentDate      string    `json:"currentDate"`
	TargetValue      *float64  `json:"targetValue"`
	LegalLimit       *float64  `json:"legalLimit"`
	KpiID            *string   `json:"kpiId"`
	MunicipalityCode *string   `json:"municipalityCode"`
	Evidence         string    `json:"evidence"`
	Official         *evidence `json:"official"`
}

type evidence struct {
	Kpi struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Unit  string `json:"unit"`
	} `json:"kpi"`
	MunicipalityName string  `json:"municipalityName"`
	Kommungrupp      *string `json:"kommungrupp"`
	Year             int     `json:"year"`
	Tolerance        float64 `json:"tolerance"`
	Synthetic        bool    `json:"synthetic"`
	Series           []struct {
		Year  int     `json:"year"`
		Value float64 `json:"value"`
	} `json:"series"`
	Baseline claimCheck `json:"baseline"`
	Current  claimCheck `json:"current"`
	National *placement `json:"national"`
	Group    *placement `json:"group"`
}

type claimCheck struct {
	Year     int      `json:"year"`
	Claimed  float64  `json:"claimed"`
	Official *float64 `json:"official"`
	Agrees   *bool    `json:"agrees"`
}

type placement struct {
	Rank       *int     `json:"rank"`
	Of         int      `json:"of"`
	Percentile *float64 `json:"percentile"`
	Colour     string   `json:"colour"`
}

// Verdict is the message key of a claim check: agrees, differs or
// noOfficial.
func (c claimCheck) Verdict() string {
	switch {
	case c.Agrees == nil:
		return "evidence.noOfficial"
	case *c.Agrees:
		return "evidence.agrees"
	}
	return "evidence.differs"
}

// Agreed reports whether both claims agree with the official values.
func (e *evidence) Agreed() bool {
	return e.Baseline.Agrees != nil && *e.Baseline.Agrees && e.Current.Agrees != nil && *e.Current.Agrees
}

// seriesChart is the geometry of the official series with the claimed
// values marked, for the evidencechart template.
type seriesChart struct {
	W, H, Left, Right, Top, Bottom float64
	Path                           string
	Dots                           []chartDot
	Claims                         []chartDot
	YTicks                         []chartTick
	XTicks                         []chartTick
	Limit                          *chartTick
}

type chartDot struct {
	X, Y  float64
	Year  int
	Value float64
	Kind  string
}

type chartTick struct {
	Pos   float64
	Value float64
	Label string
}

// Chart lays out the series, the claimed baseline and current values and
// the legal limit.
func (e *evidence) Chart(limit *float64) *seriesChart {
	if len(e.Series) == 0 {
		return nil
	}
	c := &seriesChart{W: 560, H: 240, Left: 56, Right: 544, Top: 16, Bottom: 204}
	y0, y1 := math.Inf(1), math.Inf(-1)
	x0, x1 := e.Series[0].Year, e.Series[0].Year
	see := func(year int, v float64) {
		y0, y1 = math.Min(y0, v), math.Max(y1, v)
		x0, x1 = min(x0, year), max(x1, year)
	}
	for _, p := range e.Series {
		see(p.Year, p.Value)
	}
	see(e.Baseline.Year, e.Baseline.Claimed)
	see(e.Current.Year, e.Current.Claimed)
	if limit != nil {
		y0, y1 = math.Min(y0, *limit), math.Max(y1, *limit)
	}
	lo, hi, step := niceRange(y0, y1)
	x := func(year int) float64 {
		if x1 == x0 {
			return (c.Left + c.Right) / 2
		}
		return c.Left + float64(year-x0)/float64(x1-x0)*(c.Right-c.Left)
	}
	y := func(v float64) float64 { return c.Bottom - (v-lo)/(hi-lo)*(c.Bottom-c.Top) }
	var pts []string
	for _, p := range e.Series {
		c.Dots = append(c.Dots, chartDot{X: x(p.Year), Y: y(p.Value), Year: p.Year, Value: p.Value})
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(p.Year), y(p.Value)))
	}
	c.Path = strings.Join(pts, " ")
	c.Claims = []chartDot{
		{X: x(e.Baseline.Year), Y: y(e.Baseline.Claimed), Year: e.Baseline.Year, Value: e.Baseline.Claimed, Kind: "baseline"},
		{X: x(e.Current.Year), Y: y(e.Current.Claimed), Year: e.Current.Year, Value: e.Current.Claimed, Kind: "current"},
	}
	for v := lo; v <= hi+step/2; v += step {
		c.YTicks = append(c.YTicks, chartTick{Pos: y(v), Value: v})
	}
	every := max(1, (x1-x0+7)/8)
	for yr := x0; yr <= x1; yr += every {
		c.XTicks = append(c.XTicks, chartTick{Pos: x(yr), Label: fmt.Sprint(yr)})
	}
	if limit != nil {
		c.Limit = &chartTick{Pos: y(*limit), Value: *limit}
	}
	return c
}

// niceRange widens lo–hi to round ticks, about five of them.
func niceRange(lo, hi float64) (float64, float64, float64) {
	if hi <= lo {
		lo, hi = lo-1, hi+1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

// Class is the colour as a CSS class.
func (p placement) Class() string { return strings.ToLower(p.Colour) }
