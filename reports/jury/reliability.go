package jury

import (
	"math"
	"sort"
	"strings"

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
	// how many targets and jurors that block has.
	ICC      *reliability.ICCResult
	ICCError string
	// Alpha holds nominal, ordinal, interval and ratio alpha; missing
	// scores are allowed.
	Alpha []Alpha
}

// Alpha is Krippendorff's alpha at one level.
type Alpha struct {
	Level  reliability.Level
	Result *reliability.AlphaResult
	Error  string
}

// unit is one rated thing (an application, or an application on a
// criterion) with its scores by juror.
type unit struct {
	key    string
	scores map[string]float64
}

// assess computes the cycle measures over application × criterion cells
// (scores as percent of the criterion's scale, so criteria compare) and
// the measures per criterion.
func assess(all []*store.Criterion, crits []scoring.Criterion, scores []scoring.Score) Reliability {
	byID := map[string]scoring.Criterion{}
	for _, c := range crits {
		byID[c.ID] = c
	}
	cycle := map[string]*unit{}
	per := map[string]map[string]*unit{}
	for _, s := range scores {
		c := byID[s.Criterion]
		pct := (s.Value - c.Min) / (c.Max - c.Min) * 100
		addScore(cycle, s.Application+"/"+s.Criterion, s.Juror, pct)
		if per[s.Criterion] == nil {
			per[s.Criterion] = map[string]*unit{}
		}
		addScore(per[s.Criterion], s.Application, s.Juror, s.Value)
	}
	r := Reliability{Cycle: measure(cycle)}
	for _, k := range all {
		if u, ok := per[key(k.ID)]; ok {
			r.PerCriterion = append(r.PerCriterion, CriterionMeasures{CriterionID: k.ID, Code: k.Code, Measures: measure(u)})
		}
	}
	return r
}

func addScore(units map[string]*unit, k, juror string, v float64) {
	u := units[k]
	if u == nil {
		u = &unit{key: k, scores: map[string]float64{}}
		units[k] = u
	}
	u.scores[juror] = v
}

func measure(units map[string]*unit) Measures {
	list := make([]*unit, 0, len(units))
	for _, u := range units {
		list = append(list, u)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].key < list[j].key })
	m := Measures{}
	if block := crossedBlock(list); block != nil {
		if res, err := reliability.ICC(block); err == nil {
			m.ICC = &res
		} else {
			m.ICCError = err.Error()
		}
	} else {
		m.ICCError = "no two targets were scored by the same two or more jurors"
	}
	data := alphaData(list)
	for _, lvl := range []reliability.Level{reliability.Nominal, reliability.Ordinal, reliability.Interval, reliability.Ratio} {
		a := Alpha{Level: lvl}
		if res, err := reliability.Alpha(data, lvl); err == nil {
			a.Result = &res
		} else {
			a.Error = err.Error()
		}
		m.Alpha = append(m.Alpha, a)
	}
	return m
}

// crossedBlock finds the largest group of units scored by the same set of
// at least two jurors (ties: more jurors, then the first set) and returns
// its targets × jurors matrix, or nil when no group has two units.
func crossedBlock(units []*unit) [][]float64 {
	groups := map[string][]*unit{}
	var order []string
	for _, u := range units {
		if len(u.scores) < 2 {
			continue
		}
		sig := strings.Join(jurorsOf(u), ",")
		if groups[sig] == nil {
			order = append(order, sig)
		}
		groups[sig] = append(groups[sig], u)
	}
	best := ""
	for _, sig := range order {
		g, b := groups[sig], groups[best]
		if len(g) > len(b) || (len(g) == len(b) && b != nil && len(g[0].scores) > len(b[0].scores)) {
			best = sig
		}
	}
	g := groups[best]
	if len(g) < 2 {
		return nil
	}
	jurors := jurorsOf(g[0])
	m := make([][]float64, len(g))
	for i, u := range g {
		for _, j := range jurors {
			m[i] = append(m[i], u.scores[j])
		}
	}
	return m
}

func jurorsOf(u *unit) []string {
	js := make([]string, 0, len(u.scores))
	for j := range u.scores {
		js = append(js, j)
	}
	sort.Strings(js)
	return js
}

// alphaData is the units × jurors table with NaN for a missing score.
func alphaData(units []*unit) [][]float64 {
	seen := map[string]bool{}
	var jurors []string
	for _, u := range units {
		for _, j := range jurorsOf(u) {
			if !seen[j] {
				seen[j] = true
				jurors = append(jurors, j)
			}
		}
	}
	sort.Strings(jurors)
	data := make([][]float64, len(units))
	for i, u := range units {
		for _, j := range jurors {
			v, ok := u.scores[j]
			if !ok || !finite(v) {
				v = math.NaN()
			}
			data[i] = append(data[i], v)
		}
	}
	return data
}
