package graph

import (
	"sync"

	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// rankingOutput renders a report as the Ranking type's maps. Each
// application's cells are built on first use: a ranking asked for
// without them (the ranking table) does not pay for a map per cell.
func rankingOutput(ev *evaluated, names map[int64]string) map[string]any {
	r := ev.Ranking
	apps := make(map[string]*store.RankedApplication, len(ev.data.Applications))
	consensus := map[scoring.CellKey]bool{}
	for i := range ev.data.Applications {
		a := &ev.data.Applications[i]
		apps[key(a.ID)] = a
		for _, c := range a.ConsensusFor {
			consensus[scoring.CellKey{Application: key(a.ID), Criterion: key(c)}] = true
		}
	}
	flags := make([]map[string]any, 0, len(r.Flags))
	for _, f := range r.Flags {
		k := scoring.CellKey{Application: f.Application, Criterion: f.Criterion}
		flags = append(flags, map[string]any{"applicationId": f.Application, "criterionId": f.Criterion,
			"range": maybe(f.Range), "sd": maybe(f.SD), "byRange": f.ByRange, "bySd": f.BySD, "hasConsensus": consensus[k]})
	}
	cells := sync.OnceValue(func() map[string][]map[string]any { return cellsOut(r, ev.data) })
	z, sev := byApplication(r.ZScore), byApplication(r.Severity)
	ranked := make([]map[string]any, 0, len(r.Raw))
	for _, st := range r.Raw {
		a := apps[st.Application]
		ranked = append(ranked, map[string]any{"applicationId": st.Application, "title": a.Title,
			"organisationName": a.OrganisationName, "decision": derefOrNil(a.Decision),
			"raw": standingOut(st), "zScore": standingOut(z[st.Application]), "severity": standingOut(sev[st.Application]),
			"cells": func() any { return nonNilMaps(cells()[st.Application]) }})
	}
	return map[string]any{"applications": ranked, "flags": flags, "jurors": jurorsOut(r.Jurors, names),
		"reliability": reliabilityOut(ev.Reliability)}
}

// cellsOut renders the ranking's cells by application.
func cellsOut(r scoring.Ranking, d *store.RankingData) map[string][]map[string]any {
	revised := map[scoring.CellKey]int{}
	for _, a := range d.Applications {
		for i, r := range a.Revised {
			if r {
				revised[scoring.CellKey{Application: key(a.ID), Criterion: key(a.Criteria[i])}]++
			}
		}
	}
	flagged := make(map[scoring.CellKey]bool, len(r.Flags))
	for _, f := range r.Flags {
		flagged[scoring.CellKey{Application: f.Application, Criterion: f.Criterion}] = true
	}
	cells := map[string][]map[string]any{}
	for _, c := range r.Cells {
		st, k := c.Stats, scoring.CellKey{Application: c.Application, Criterion: c.Criterion}
		cells[c.Application] = append(cells[c.Application], map[string]any{"criterionId": c.Criterion, "n": st.N,
			"mean": maybe(st.Mean), "median": maybe(st.Median), "sd": maybe(st.SD), "min": maybe(st.Min), "max": maybe(st.Max),
			"range": maybe(st.Range), "value": maybe(c.Value), "zValue": maybe(c.ZValue), "adjusted": maybe(c.Adjusted),
			"flagged": flagged[k], "revisedAfterSeeing": revised[k]})
	}
	return cells
}

func byApplication(view []scoring.Standing) map[string]scoring.Standing {
	out := make(map[string]scoring.Standing, len(view))
	for _, st := range view {
		out[st.Application] = st
	}
	return out
}

func jurorsOut(js []scoring.Juror, names map[int64]string) []map[string]any {
	out := []map[string]any{}
	for _, j := range js {
		var pearson, mad any
		if j.Consensus.PearsonDefined {
			pearson = maybe(j.Consensus.Pearson)
		}
		if j.Consensus.N > 0 { // nothing compared: no deviation, not a deviation of 0
			mad = maybe(j.Consensus.MAD)
		}
		out = append(out, map[string]any{"jurorId": j.Juror, "name": names[parseKey(j.Juror)], "n": j.N,
			"mean": maybe(j.Mean), "spread": maybe(j.Spread), "offset": maybe(j.Offset), "compared": j.Compared,
			"consensusN": j.Consensus.N, "consensusMad": mad, "consensusPearson": pearson})
	}
	return out
}

func nonNilMaps(m []map[string]any) []map[string]any {
	if m == nil {
		return []map[string]any{}
	}
	return m
}

func derefOrNil(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
