package jury

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

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

// assess computes the cycle measures over application × criterion cells
// (scores as percent of the criterion's scale, so criteria compare) and
// the measures per criterion, each set of measures on its own goroutine.
func assess(all []*store.Criterion, crits []scoring.Criterion, d *store.RankingData, minApps int) Reliability {
	b := gatherBuffers.Get().(*unitBuffers)
	defer gatherBuffers.Put(b) // the measures keep none of the units
	g := gather(crits, d, b)
	r := Reliability{}
	var per [][]*unit
	for _, k := range all {
		if c, ok := g.crit[k.ID]; ok && len(g.per[c]) > 0 {
			r.PerCriterion = append(r.PerCriterion, CriterionMeasures{CriterionID: k.ID, Code: k.Code})
			per = append(per, g.per[c])
		}
	}
	tasks := []func(){func() { r.Cycle = measure(g.cycle, g.jurors, minApps) }}
	for i, units := range per {
		tasks = append(tasks, func() { r.PerCriterion[i].Measures = measure(units, g.jurors, minApps) })
	}
	var wg sync.WaitGroup
	for _, t := range tasks[1:] {
		wg.Go(t)
	}
	tasks[0]()
	wg.Wait()
	return r
}

func measure(list []*unit, jurors, minApps int) Measures {
	m := Measures{Alpha: alphasOf(list, jurors)}
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

// alphasOf computes alpha at the four levels from the units' values as
// they are (alpha pairs values within a unit, whoever gave them), and
// only when that fails from the units × jurors table, so an error names
// the unit and juror as before.
func alphasOf(list []*unit, jurors int) []Alpha {
	data := make([][]float64, len(list))
	for i, u := range list {
		data[i] = u.values
		if !slices.ContainsFunc(u.values, func(v float64) bool { return !finite(v) }) {
			continue
		}
		data[i] = slices.DeleteFunc(slices.Clone(u.values), func(v float64) bool { return !finite(v) })
	}
	if all, err := reliability.AlphaLevels(data, alphaLevels...); err == nil {
		out := make([]Alpha, len(all))
		for i := range all {
			out[i] = Alpha{Level: alphaLevels[i], Result: &all[i]}
		}
		return out
	}
	return alphas(alphaData(list, jurors))
}

var alphaLevels = []reliability.Level{reliability.Nominal, reliability.Ordinal, reliability.Interval, reliability.Ratio}

// alphas computes alpha at the four levels, from one coincidence matrix
// when it can; a level that fails alone (ratio with negative values) is
// computed again on its own to get its reason.
func alphas(data [][]float64) []Alpha {
	levels := alphaLevels
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
	index := map[string]int{}
	var groups [][]*unit
	var sig []byte
	for _, u := range units {
		if len(u.jurors) < 2 {
			continue
		}
		sig = signature(sig[:0], u.jurors)
		g, ok := index[string(sig)]
		if !ok {
			g = len(groups)
			index[string(sig)] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], u)
	}
	var best []*unit
	for _, g := range groups {
		if len(g) > len(best) || (len(g) == len(best) && best != nil && len(g[0].jurors) > len(best[0].jurors)) {
			best = g
		}
	}
	if len(best) >= 2 {
		return best
	}
	return nil
}

// signature appends a unit's juror set to b as a map key.
func signature(b []byte, jurors []int) []byte {
	for _, j := range jurors {
		b = append(b, byte(j>>24), byte(j>>16), byte(j>>8), byte(j))
	}
	return b
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
