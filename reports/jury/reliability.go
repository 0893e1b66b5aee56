package jury

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// Reliability reports how far the jurors agree, for the whole cycle and
// per criterion.
type Reliability struct {
	Cycle        Measures
	PerCriterion []CriterionMeasures
}

// CriterionMeasures are the measures for one criterion.
type CriterionMeasures struct {
	CriterionID int64
	Code        string
	Measures
}

// Measures are the intraclass correlations and Krippendorff's alpha at
// each level, each with the data it used, or the reason it is missing.
type Measures struct {
	// ICC is computed on the largest fully crossed block: the most targets
	// scored by one and the same set of at least two jurors. N and K say
	// how many targets and jurors that block has. It is nil when it could
	// not be computed or the block holds fewer applications than the
	// minimum; ICCError says why and ICCReason gives the reason's code.
	ICC       *reliability.ICCResult
	ICCError  string
	ICCReason Reason
	// Intervals are McGraw & Wong's 95 % confidence intervals of the six
	// forms, nil with ICC.
	Intervals *reliability.ICCIntervals
	// Block is the size of that block whether or not ICC was estimated:
	// targets (cells for the cycle, applications per criterion), jurors
	// and distinct applications.
	Block Block
	// Alpha holds nominal, ordinal, interval and ratio alpha; missing
	// scores are allowed.
	Alpha []Alpha
}

// Alpha is Krippendorff's alpha at one level.
type Alpha struct {
	Level  reliability.Level
	Result *reliability.AlphaResult
	Error  string
	// Reason is why there is no Result, as a code (AlphaReason).
	Reason AlphaReason
}

// AlphaReason says why alpha is not given.
type AlphaReason string

// The reasons alpha is not given.
const (
	AlphaReasonNone             AlphaReason = ""
	AlphaReasonInsufficientData AlphaReason = "INSUFFICIENT_DATA"
	AlphaReasonNoVariation      AlphaReason = "NO_VARIATION"
	AlphaReasonNotComputable    AlphaReason = "NOT_COMPUTABLE"
)

// alphaReason is the code of an error of reliability.Alpha.
func alphaReason(err error) AlphaReason {
	switch {
	case errors.Is(err, reliability.ErrInsufficientData):
		return AlphaReasonInsufficientData
	case errors.Is(err, reliability.ErrNoVariation):
		return AlphaReasonNoVariation
	}
	return AlphaReasonNotComputable
}

// Block is the size of the largest fully crossed block.
type Block struct {
	Targets, Jurors, Applications int
	// MinApplications is the fewest applications the block must hold
	// for ICC to be estimated.
	MinApplications int
}

// Reason says why ICC is not given.
type Reason string

// The reasons ICC is not given.
const (
	ReasonNone           Reason = ""
	ReasonNoCrossedBlock Reason = "NO_CROSSED_BLOCK"
	ReasonTooFew         Reason = "TOO_FEW_APPLICATIONS"
	ReasonNoVariation    Reason = "NO_VARIATION"
	ReasonNotComputable  Reason = "NOT_COMPUTABLE"
)

// DefaultMinApplications is the fewest applications ICC is estimated on
// unless a cycle says otherwise. With fewer, the mean squares rest on at
// most three degrees of freedom between applications and the 95 %
// interval of ICC(2,1) spans nearly all of [−1, 1].
const DefaultMinApplications = 5

// unit is one rated thing (an application, or an application on a
// criterion) with its scores by juror index, jurors ascending.
type unit struct {
	app    int64
	jurors []int
	values []float64
}

// cellKey names an application on a criterion.
type cellKey struct{ app, crit int64 }

// assess computes the cycle measures over application × criterion cells
// (scores as percent of the criterion's scale, so criteria compare) and
// the measures per criterion.
func assess(all []*store.Criterion, crits []scoring.Criterion, d *store.RankingData, minApps int) Reliability {
	scale := map[int64][2]float64{}
	for _, c := range crits {
		scale[id(c.ID)] = [2]float64{c.Min, c.Max}
	}
	jurors := jurorIndex(d)
	cycle := make(map[cellKey]*unit, len(d.Applications)*len(crits))
	per := map[int64]map[cellKey]*unit{}
	for _, a := range d.Applications {
		for i, v := range a.Values {
			k, j := a.Criteria[i], jurors[a.Jurors[i]]
			sc, ok := scale[k]
			if !ok {
				continue
			}
			addScore(cycle, cellKey{a.ID, k}, j, (v-sc[0])/(sc[1]-sc[0])*100, len(jurors))
			if per[k] == nil {
				per[k] = make(map[cellKey]*unit, len(d.Applications))
			}
			addScore(per[k], cellKey{app: a.ID}, j, v, len(jurors))
		}
	}
	r := Reliability{Cycle: measure(cycle, len(jurors), minApps)}
	for _, k := range all {
		if u, ok := per[k.ID]; ok {
			r.PerCriterion = append(r.PerCriterion, CriterionMeasures{CriterionID: k.ID, Code: k.Code,
				Measures: measure(u, len(jurors), minApps)})
		}
	}
	return r
}

// jurorIndex numbers the jurors in increasing id order.
func jurorIndex(d *store.RankingData) map[int64]int {
	seen := map[int64]bool{}
	var ids []int64
	for _, a := range d.Applications {
		for _, j := range a.Jurors {
			if !seen[j] {
				seen[j] = true
				ids = append(ids, j)
			}
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	index := make(map[int64]int, len(ids))
	for i, j := range ids {
		index[j] = i
	}
	return index
}

func addScore(units map[cellKey]*unit, k cellKey, juror int, v float64, jurors int) {
	u := units[k]
	if u == nil {
		u = &unit{app: k.app, jurors: make([]int, 0, jurors), values: make([]float64, 0, jurors)}
		units[k] = u
	}
	u.jurors = append(u.jurors, juror)
	u.values = append(u.values, v)
}

// sorted returns the units in key order, each with its jurors ascending.
func sorted(units map[cellKey]*unit) []*unit {
	keys := make([]cellKey, 0, len(units))
	for k := range units {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].app < keys[j].app || (keys[i].app == keys[j].app && keys[i].crit < keys[j].crit)
	})
	list := make([]*unit, len(keys))
	for i, k := range keys {
		u := units[k]
		sort.Sort(byJuror{u})
		list[i] = u
	}
	return list
}

type byJuror struct{ *unit }

func (b byJuror) Len() int           { return len(b.jurors) }
func (b byJuror) Less(i, j int) bool { return b.jurors[i] < b.jurors[j] }
func (b byJuror) Swap(i, j int) {
	b.jurors[i], b.jurors[j] = b.jurors[j], b.jurors[i]
	b.values[i], b.values[j] = b.values[j], b.values[i]
}

func measure(units map[cellKey]*unit, jurors, minApps int) Measures {
	list := sorted(units)
	m := Measures{Alpha: alphas(alphaData(list, jurors))}
	block := crossedBlock(list)
	m.Block = blockSize(block, minApps)
	switch {
	case block == nil:
		m.ICCReason, m.ICCError = ReasonNoCrossedBlock, "no two targets were scored by the same two or more jurors"
	case m.Block.Applications < minApps:
		m.ICCReason = ReasonTooFew
		m.ICCError = fmt.Sprintf("too few applications to estimate: %d scored by the same %d jurors, the minimum is %d",
			m.Block.Applications, m.Block.Jurors, minApps)
	default:
		m.estimate(block)
	}
	return m
}

// estimate computes ICC and its intervals on a block that is large enough.
func (m *Measures) estimate(block []*unit) {
	res, err := reliability.ICC(matrix(block))
	if err != nil {
		m.ICCReason, m.ICCError = ReasonNotComputable, err.Error()
		if errors.Is(err, reliability.ErrNoVariation) {
			m.ICCReason = ReasonNoVariation
		}
		return
	}
	m.ICC = &res
	if iv, err := res.Intervals(reliability.DefaultConfidence); err == nil {
		m.Intervals = &iv
	}
}

// blockSize counts a block's targets, jurors and distinct applications.
func blockSize(block []*unit, minApps int) Block {
	b := Block{Targets: len(block), MinApplications: minApps}
	apps := map[int64]bool{}
	for _, u := range block {
		apps[u.app] = true
		b.Jurors = len(u.jurors)
	}
	b.Applications = len(apps)
	return b
}

// matrix is a block's targets × jurors scores.
func matrix(block []*unit) [][]float64 {
	m := make([][]float64, len(block))
	for i, u := range block {
		m[i] = u.values
	}
	return m
}

// alphas computes alpha at the four levels, from one coincidence matrix
// when it can; a level that fails alone (ratio with negative values) is
// computed again on its own to get its reason.
func alphas(data [][]float64) []Alpha {
	levels := []reliability.Level{reliability.Nominal, reliability.Ordinal, reliability.Interval, reliability.Ratio}
	out := make([]Alpha, len(levels))
	all, err := reliability.AlphaLevels(data, levels...)
	for i, lvl := range levels {
		out[i].Level = lvl
		if err == nil {
			out[i].Result = &all[i]
			continue
		}
		if res, err := reliability.Alpha(data, lvl); err == nil {
			out[i].Result = &res
		} else {
			out[i].Error, out[i].Reason = err.Error(), alphaReason(err)
		}
	}
	return out
}

// crossedBlock finds the largest group of units scored by the same set of
// at least two jurors (ties: more jurors, then the first set) and returns
// its units, or nil when no group has two units.
func crossedBlock(units []*unit) []*unit {
	groups := map[string][]*unit{}
	var order []string
	for _, u := range units {
		if len(u.jurors) < 2 {
			continue
		}
		sig := signature(u.jurors)
		if groups[sig] == nil {
			order = append(order, sig)
		}
		groups[sig] = append(groups[sig], u)
	}
	best := ""
	for _, sig := range order {
		g, b := groups[sig], groups[best]
		if len(g) > len(b) || (len(g) == len(b) && b != nil && len(g[0].jurors) > len(b[0].jurors)) {
			best = sig
		}
	}
	if g := groups[best]; len(g) >= 2 {
		return g
	}
	return nil
}

// signature is a unit's juror set as a map key.
func signature(jurors []int) string {
	b := make([]byte, 0, 4*len(jurors))
	for _, j := range jurors {
		b = append(b, byte(j>>24), byte(j>>16), byte(j>>8), byte(j))
	}
	return string(b)
}

// alphaData is the units × jurors table with NaN for a missing score.
func alphaData(units []*unit, jurors int) [][]float64 {
	data := make([][]float64, len(units))
	for i, u := range units {
		row := make([]float64, jurors)
		for j := range row {
			row[j] = math.NaN()
		}
		for n, j := range u.jurors {
			if finite(u.values[n]) {
				row[j] = u.values[n]
			}
		}
		data[i] = row
	}
	return data
}
