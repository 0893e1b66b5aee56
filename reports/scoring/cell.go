package scoring

import "math"

// Cell is one application × criterion cell with at least one score, in all
// views. Values are on the criterion's scale unless said otherwise.
type Cell struct {
	Application string
	Criterion   string
	Stats       Stats   // of the raw scores
	Value       float64 // raw scores aggregated (mean or median): the raw view
	ZMean       float64 // the jurors' z-scores aggregated the same way, unitless
	ZValue      float64 // ZMean mapped linearly onto [min, max] of the criterion's Values: the z-score view
	Adjusted    float64 // severity-corrected scores aggregated: the severity view
}

// grid holds the cells with the positions of their application and
// criterion, ordered by application id and then by criterion.
type grid struct {
	cells []Cell
	app   []int
	crit  []int
}

// flatZ is the spread of a criterion's cell z-values below which they are
// treated as all equal.
const flatZ = 1e-12

// buildGrid computes every non-empty cell in every view.
func buildGrid(d *dataset, jcs []JurorCriterion, agg Aggregation) grid {
	filled := 0
	for _, entries := range d.cells {
		if len(entries) > 0 {
			filled++
		}
	}
	g := grid{cells: make([]Cell, 0, filled), app: make([]int, 0, filled), crit: make([]int, 0, filled)}
	buf := make([]float64, 0, len(d.jurors))
	for a := range d.apps {
		for c := range d.criteria {
			entries := d.cell(a, c)
			if len(entries) == 0 {
				continue
			}
			g.cells = append(g.cells, newCell(d, a, c, entries, jcs, agg, buf))
			g.app = append(g.app, a)
			g.crit = append(g.crit, c)
		}
	}
	g.rescaleZ(len(d.criteria))
	return g
}

// newCell computes one cell except its ZValue, using buf as scratch space.
func newCell(d *dataset, a, c int, entries []entry, jcs []JurorCriterion, agg Aggregation, buf []float64) Cell {
	cr := d.criteria[c]
	nc := len(d.criteria)
	cell := Cell{Application: d.apps[a], Criterion: cr.ID}
	buf = buf[:0]
	for _, e := range entries {
		buf = append(buf, e.value)
	}
	cell.Stats = describe(buf)
	cell.Value = cell.Stats.Mean
	if agg == AggregateMedian {
		cell.Value = cell.Stats.Median
	}
	buf = buf[:0]
	for _, e := range entries {
		buf = append(buf, jcs[e.juror*nc+c].z(e.value, cr.scale()))
	}
	cell.ZMean = aggregate(agg, buf)
	buf = buf[:0]
	for _, e := range entries {
		buf = append(buf, e.value-jcs[e.juror*nc+c].Severity)
	}
	cell.Adjusted = aggregate(agg, buf)
	return cell
}

// rescaleZ sets each cell's ZValue by mapping the ZMean values of its
// criterion linearly onto [min, max] of the criterion's raw Values, or onto
// the midpoint when the ZMean values are all equal.
func (g grid) rescaleZ(nc int) {
	raw, z := bounds(nc), bounds(nc)
	for i, cell := range g.cells {
		raw[g.crit[i]].add(cell.Value)
		z[g.crit[i]].add(cell.ZMean)
	}
	for i := range g.cells {
		r, zr := raw[g.crit[i]], z[g.crit[i]]
		cell := &g.cells[i]
		if zr.max-zr.min <= flatZ {
			cell.ZValue = (r.min + r.max) / 2
			continue
		}
		cell.ZValue = r.min + (cell.ZMean-zr.min)/(zr.max-zr.min)*(r.max-r.min)
	}
}

// interval is the smallest closed interval holding the values added to it.
type interval struct{ min, max float64 }

// bounds returns n empty intervals.
func bounds(n int) []interval {
	out := make([]interval, n)
	for i := range out {
		out[i] = interval{math.Inf(1), math.Inf(-1)}
	}
	return out
}

// add widens the interval to hold v.
func (iv *interval) add(v float64) {
	iv.min = math.Min(iv.min, v)
	iv.max = math.Max(iv.max, v)
}
