package graph

import (
	"context"
	"math"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/jury"
	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// maybe renders a float as null when it is not a finite number.
func maybe(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// obj is a map-backed object type whose fields resolve by key.
func obj(name, desc string, fields graphql.Fields) *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{Name: name, Description: desc, Fields: fields})
}

func floats(names ...string) graphql.Fields {
	f := graphql.Fields{}
	for _, n := range names {
		f[n] = &graphql.Field{Type: graphql.Float}
	}
	return f
}

func with(f graphql.Fields, more graphql.Fields) graphql.Fields {
	for k, v := range more {
		f[k] = v
	}
	return f
}

func (s *schema) rankingType() *graphql.Object {
	standing := obj("Standing", "An application's place in one view of the ranking.", with(floats("total", "percent", "coverage"),
		graphql.Fields{"rank": {Type: graphql.Int, Description: "Competition rank (1, 2, 2, 4); null when unranked."},
			"rankChange": {Type: nonNull(graphql.Int), Description: "Raw rank minus this rank: positive moved up."}}))
	cell := obj("Cell", "One application on one criterion: the jurors' scores summarised and the three views.",
		with(floats("mean", "median", "sd", "min", "max", "range", "value", "zValue", "adjusted"), graphql.Fields{
			"criterionId": {Type: nonNull(idType)}, "n": {Type: nonNull(graphql.Int)},
			"flagged": {Type: nonNull(graphql.Boolean)},
			"revisedAfterSeeing": {Type: nonNull(graphql.Int), Description: "How many of the cell's scores their juror " +
				"changed after they could see the other jurors' (AFTER_OWN_SUBMISSION, after submitting)."}}))
	ranked := obj("RankedApplication", "", graphql.Fields{
		"applicationId": {Type: nonNull(idType)}, "title": {Type: nonNull(graphql.String)},
		"organisationName": {Type: nonNull(graphql.String)}, "decision": {Type: s.decision},
		"raw": {Type: nonNull(standing)}, "zScore": {Type: nonNull(standing)}, "severity": {Type: nonNull(standing)},
		"cells": {Type: listOf(cell)}})
	flag := obj("Flag", "A cell on which the jurors disagree beyond the cycle's thresholds.", with(floats("range", "sd"),
		graphql.Fields{"applicationId": {Type: nonNull(idType)}, "criterionId": {Type: nonNull(idType)},
			"byRange": {Type: nonNull(graphql.Boolean)}, "bySd": {Type: nonNull(graphql.Boolean)},
			"hasConsensus": {Type: nonNull(graphql.Boolean)}}))
	juror := obj("JurorSeverity", "How a juror scores compared with the others and with the consensus (percent of scale).",
		with(floats("mean", "spread", "offset", "consensusMad", "consensusPearson"), graphql.Fields{
			"jurorId": {Type: nonNull(idType)}, "name": {Type: nonNull(graphql.String)},
			"n": {Type: nonNull(graphql.Int)}, "compared": {Type: nonNull(graphql.Int)}, "consensusN": {Type: nonNull(graphql.Int)}}))
	return obj("Ranking", "The jury's ranking of a cycle with normalised views, disagreement, juror severity and reliability.",
		graphql.Fields{
			"applications": {Type: listOf(ranked), Description: "In raw rank order."},
			"flags":        {Type: listOf(flag)},
			"jurors":       {Type: listOf(juror)},
			"reliability":  {Type: nonNull(s.reliabilityType())},
		})
}

// rankingField is Cycle.ranking.
func (s *schema) rankingField() *graphql.Field {
	return &graphql.Field{Type: s.rankingT,
		Description: "Admins and lead jurors at any time, the rest of the jury from CONSENSUS on; applications a juror has a conflict with are left out and every figure is computed without them.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			c := p.Source.(*store.Cycle)
			rep, jurors, err := s.evaluate(p, c)
			if err != nil {
				return nil, err
			}
			return rankingOutput(rep, jurors), nil
		}}
}

// evaluate computes a cycle's report for the caller, with the jury's names.
func (s *schema) evaluate(p graphql.ResolveParams, c *store.Cycle) (*evaluated, map[int64]string, error) {
	return evaluateCycle(p.Context, s.db, c)
}

// evaluateCycle computes a cycle's report for the caller in ctx, reading
// through the request's loaders.
func evaluateCycle(ctx context.Context, db *store.DB, c *store.Cycle) (*evaluated, map[int64]string, error) {
	// The scores are the slow read: fetch them while the loaders read the
	// criteria and the jury.
	type result struct {
		data *store.RankingData
		err  error
	}
	scores := make(chan result, 1)
	go func() {
		d, err := db.FindRankingData(ctx, c.ID)
		scores <- result{d, err}
	}()
	l := loadersFrom(ctx)
	crits, err1 := l.criteriaByCycle.get(ctx, c.ID)
	jurors, err2 := l.juryByCycle.get(ctx, c.ID)
	got := <-scores
	for _, err := range []error{got.err, err1, err2} {
		if err != nil {
			return nil, nil, err
		}
	}
	rep, err := jury.Evaluate(jury.Input{Criteria: crits, Data: got.data, Aggregation: c.Aggregation,
		RangeShare: c.FlagRangeShare, SDShare: c.FlagSDShare, MinApplications: c.ReliabilityMinApplications})
	if err != nil {
		return nil, nil, err
	}
	names := map[int64]string{}
	for _, j := range jurors {
		names[j.UserID] = j.Name
	}
	if a := store.ActorFrom(ctx); c.ScoreVisibility == "NEVER" && !a.IsAdmin() && !store.JuryRoleOf(jurors, a).Lead {
		hideCellAggregates(rep, key(a.UserID))
	}
	return &evaluated{rep, got.data}, names, nil
}

// hideCellAggregates keeps from a juror who is not the lead, under NEVER,
// what would show the other jurors' scores: each cell's n, mean, median,
// SD, minimum and maximum (with two jurors on a cell, the juror's own
// score and the mean give the other's away), a flag's range and SD, and
// the other jurors' severity. The ranks, totals and which cells are
// flagged stay: the jury needs them for its consensus.
func hideCellAggregates(rep *jury.Report, me string) {
	r := &rep.Ranking
	r.Cells = nil
	for i := range r.Flags {
		r.Flags[i].Range, r.Flags[i].SD = math.NaN(), math.NaN()
	}
	own := r.Jurors[:0:0]
	for _, j := range r.Jurors {
		if j.Juror == me {
			own = append(own, j)
		}
	}
	r.Jurors = own
}

type evaluated struct {
	*jury.Report
	data *store.RankingData
}

func standingOut(st scoring.Standing) map[string]any {
	var rank any
	if st.Rank > 0 {
		rank = st.Rank
	}
	return map[string]any{"total": maybe(st.Total), "percent": maybe(st.Percent), "coverage": maybe(st.Coverage),
		"rank": rank, "rankChange": st.Change}
}
