// Package jury turns a cycle's stored scores into the jury's report: the
// ranking in raw, z-score and severity views with flags and juror severity
// (reports/scoring), and how reliable the scores are (reports/reliability),
// per cycle and per criterion. It is pure: it reads plain store values.
package jury

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// Input is what a cycle's report is computed from.
type Input struct {
	Criteria []*store.Criterion
	Data     *store.RankingData
	// Aggregation is MEAN or MEDIAN; RangeShare and SDShare flag cells.
	Aggregation         string
	RangeShare, SDShare float64
	// MinApplications is the fewest applications a block of scores must
	// hold for ICC to be estimated (DefaultMinApplications when zero;
	// never fewer than 2).
	MinApplications int
}

// Report is the jury's report for a cycle.
type Report struct {
	Ranking     scoring.Ranking
	Reliability Reliability
	// Required lists, per application, the criteria whose cells are
	// flagged for disagreement: each needs an agreed score.
	Required map[int64][]int64
}

// Evaluate computes the report. Only scored criteria (those without
// items) take part.
func Evaluate(in Input) (*Report, error) {
	crits := scoredCriteria(in.Criteria)
	buf := scoreBuffers.Get().(*[]scoring.Score)
	scores := scoresOf(in.Data, (*buf)[:0])
	defer func() {
		*buf = scores[:0] // scoring.Rank keeps none of them
		scoreBuffers.Put(buf)
	}()
	opt := scoring.Options{RangeShare: in.RangeShare, SDShare: in.SDShare, Consensus: consensusOf(in.Data)}
	if in.Aggregation == "MEDIAN" {
		opt.Aggregation = scoring.AggregateMedian
	}
	// The ranking and the reliability are independent: compute them side
	// by side.
	rel := make(chan Reliability, 1)
	minApps := in.MinApplications
	if minApps == 0 {
		minApps = DefaultMinApplications
	}
	go func() { rel <- assess(in.Criteria, crits, in.Data, max(minApps, 2)) }()
	r, err := scoring.Rank(crits, scores, opt)
	reliability := <-rel
	if err != nil {
		return nil, fmt.Errorf("jury: %w", err)
	}
	rep := &Report{Ranking: r, Required: map[int64][]int64{}, Reliability: reliability}
	for _, f := range r.Flags {
		app, crit := id(f.Application), id(f.Criterion)
		rep.Required[app] = append(rep.Required[app], crit)
	}
	return rep, nil
}

func scoredCriteria(all []*store.Criterion) []scoring.Criterion {
	parents := map[int64]bool{}
	for _, k := range all {
		if k.ParentID != nil {
			parents[*k.ParentID] = true
		}
	}
	var out []scoring.Criterion
	for _, k := range all {
		if !parents[k.ID] {
			out = append(out, scoring.Criterion{ID: key(k.ID), Weight: k.Weight, Min: k.ScaleMin, Max: k.ScaleMax,
				Independent: k.Independent})
		}
	}
	return out
}

// scoreBuffers keep the slices scoresOf fills: a cycle's scores are many
// (14,000 for 200 applications × 7 jurors × 10 criteria), and a new slice
// for each ranking was the largest allocation of one.
var scoreBuffers = sync.Pool{New: func() any { return new([]scoring.Score) }}

// scoresOf appends d's scores to out.
func scoresOf(d *store.RankingData, out []scoring.Score) []scoring.Score {
	keys := map[int64]string{}
	k := func(id int64) string {
		s, ok := keys[id]
		if !ok {
			s = key(id)
			keys[id] = s
		}
		return s
	}
	n := 0
	for _, a := range d.Applications {
		n += len(a.Values)
	}
	out = slices.Grow(out, n)
	for _, a := range d.Applications {
		app := key(a.ID)
		for i := range a.Values {
			out = append(out, scoring.Score{Application: app, Juror: k(a.Jurors[i]), Criterion: k(a.Criteria[i]), Value: a.Values[i]})
		}
	}
	return out
}

func consensusOf(d *store.RankingData) map[scoring.CellKey]float64 {
	out := map[scoring.CellKey]float64{}
	for _, a := range d.Applications {
		for i, c := range a.ConsensusFor {
			out[scoring.CellKey{Application: key(a.ID), Criterion: key(c)}] = a.ConsensusValues[i]
		}
	}
	return out
}

func key(id int64) string { return strconv.FormatInt(id, 10) }

func id(key string) int64 {
	v, _ := strconv.ParseInt(key, 10, 64)
	return v
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
