package jury

import (
	"cmp"
	"slices"
	"sync"

	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// unit is one rated thing (an application, or an application on a
// criterion) with its scores by juror index, jurors ascending.
type unit struct {
	app    int64
	jurors []int
	values []float64
}

// unitBuffers are the arrays gather carves units out of, kept between
// rankings by gatherBuffers: for 200 applications × 7 jurors × 10
// criteria they are 14,000 juror indices, twice as many values and 4,000
// units, allocated anew for each ranking before.
type unitBuffers struct {
	jurors       []int
	raw, pct     []float64
	cells, cycle []unit
}

var gatherBuffers = sync.Pool{New: func() any { return new(unitBuffers) }}

// gathered is a cycle's scores as units: each application on each scored
// criterion (percent of scale) in application then criterion order, and
// per criterion each application (its own scale) in application order.
type gathered struct {
	cycle  []*unit
	per    [][]*unit
	crit   map[int64]int // criterion id → index in per
	jurors int
}

// gather builds the units with one allocation per kind: it counts the
// scores of each cell, carves the cells' juror and value slices out of
// shared arrays, fills them and sorts each cell's few jurors in place.
func gather(crits []scoring.Criterion, d *store.RankingData, b *unitBuffers) gathered {
	ids := make([]int64, len(crits))
	for i, c := range crits {
		ids[i] = id(c.ID)
	}
	slices.Sort(ids)
	g := gathered{crit: make(map[int64]int, len(ids)), per: make([][]*unit, len(ids))}
	scale := make([][2]float64, len(ids))
	for i, k := range ids {
		g.crit[k] = i
	}
	for _, c := range crits {
		scale[g.crit[id(c.ID)]] = [2]float64{c.Min, c.Max}
	}
	jurors := jurorIndex(d)
	g.jurors = len(jurors)
	apps := make([]*store.RankedApplication, len(d.Applications))
	for i := range d.Applications {
		apps[i] = &d.Applications[i]
	}
	slices.SortStableFunc(apps, func(a, b *store.RankedApplication) int { return cmp.Compare(a.ID, b.ID) })
	// Applications with the same id (not in a real cycle) share cells, as
	// they did when cells were found by key.
	first := make([]int, len(apps))
	for i := range apps {
		first[i] = i
		if i > 0 && apps[i].ID == apps[i-1].ID {
			first[i] = first[i-1]
		}
	}
	nc := len(ids)
	count := make([]int, len(apps)*nc)
	for i, a := range apps {
		for n, k := range a.Criteria {
			if c, ok := g.crit[k]; ok && n < len(a.Values) {
				count[first[i]*nc+c]++
			}
		}
	}
	total := 0
	for _, n := range count {
		total += n
	}
	b.jurors, b.raw, b.pct = slices.Grow(b.jurors[:0], total), slices.Grow(b.raw[:0], total), slices.Grow(b.pct[:0], total)
	jbuf, raw, pct := b.jurors, b.raw, b.pct
	b.cells = slices.Grow(b.cells[:0], len(count))[:len(count)]
	clear(b.cells)
	cells := b.cells
	for i, n := range count {
		if n > 0 {
			cells[i] = unit{app: apps[i/nc].ID, jurors: jbuf[len(jbuf) : len(jbuf) : len(jbuf)+n],
				values: raw[len(raw) : len(raw) : len(raw)+n]}
			jbuf, raw = jbuf[:len(jbuf)+n], raw[:len(raw)+n]
		}
	}
	pct = pct[:total]
	for i, a := range apps {
		for n, k := range a.Criteria {
			c, ok := g.crit[k]
			if !ok || n >= len(a.Values) {
				continue
			}
			u := &cells[first[i]*nc+c]
			u.jurors = append(u.jurors, jurors[a.Jurors[n]])
			u.values = append(u.values, a.Values[n])
		}
	}
	b.cycle = slices.Grow(b.cycle[:0], len(cells))
	cycle := b.cycle
	for i := range cells {
		u := &cells[i]
		if len(u.jurors) == 0 {
			continue
		}
		sortByJuror(u)
		c := i % nc
		p := pct[:len(u.values):len(u.values)]
		pct = pct[len(u.values):]
		for n, v := range u.values {
			p[n] = (v - scale[c][0]) / (scale[c][1] - scale[c][0]) * 100
		}
		cycle = append(cycle, unit{app: u.app, jurors: u.jurors, values: p})
		g.per[c] = append(g.per[c], u)
	}
	g.cycle = make([]*unit, len(cycle))
	for i := range cycle {
		g.cycle[i] = &cycle[i]
	}
	return g
}

// jurorIndex numbers the jurors in increasing id order.
func jurorIndex(d *store.RankingData) map[int64]int {
	index := map[int64]int{}
	for _, a := range d.Applications {
		for _, j := range a.Jurors {
			index[j] = 0
		}
	}
	ids := make([]int64, 0, len(index))
	for j := range index {
		ids = append(ids, j)
	}
	slices.Sort(ids)
	for i, j := range ids {
		index[j] = i
	}
	return index
}

// sortByJuror orders a unit's scores by juror: an insertion sort, as a
// cell has one score per juror and a jury has a handful.
func sortByJuror(u *unit) {
	for i := 1; i < len(u.jurors); i++ {
		for j := i; j > 0 && u.jurors[j] < u.jurors[j-1]; j-- {
			u.jurors[j], u.jurors[j-1] = u.jurors[j-1], u.jurors[j]
			u.values[j], u.values[j-1] = u.values[j-1], u.values[j]
		}
	}
}
