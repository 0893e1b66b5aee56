package graph

import (
	"strconv"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/jury"
	"github.com/leanforum/awards/reports/reliability"
)

func (s *schema) reliabilityType() *graphql.Object {
	bounds := obj("ConfidenceInterval", "A two-sided confidence interval; a bound is null when it is undefined for the data.",
		with(floats("lower", "upper"), graphql.Fields{"level": {Type: nonNull(graphql.Float), Description: "0.95 for 95 %."}}))
	iccFields := with(floats("icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k", "msBetweenTargets", "msWithinTargets",
		"msBetweenRaters", "msResidual"), graphql.Fields{"n": {Type: nonNull(graphql.Int)}, "k": {Type: nonNull(graphql.Int)}})
	for _, f := range []string{"icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k"} {
		iccFields[f+"Interval"] = &graphql.Field{Type: bounds}
	}
	icc := obj("ICC", "Shrout–Fleiss intraclass correlations on the largest fully crossed block of n targets × k jurors, "+
		"with the F-based 95 % confidence intervals of McGraw & Wong (1996).", iccFields)
	block := obj("ReliabilityBlock", "The largest fully crossed block of scores: the most targets scored by one and the same "+
		"set of at least two jurors.", graphql.Fields{"n": {Type: nonNull(graphql.Int)}, "k": {Type: nonNull(graphql.Int)},
		"applications": {Type: nonNull(graphql.Int)}, "minApplications": {Type: nonNull(graphql.Int)}})
	alpha := obj("AlphaMeasure", "Krippendorff's alpha at one level of measurement, with the pairable units and values it used.",
		graphql.Fields{"level": {Type: nonNull(graphql.String)}, "alpha": {Type: graphql.Float},
			"units": {Type: graphql.Int}, "values": {Type: graphql.Int}, "note": {Type: graphql.String},
			"reason": {Type: s.alphaReason, Description: "Why alpha is not given, as a code; null when it is. note says it in English."}})
	measures := func() graphql.Fields {
		return graphql.Fields{"icc": {Type: icc}, "iccNote": {Type: graphql.String}, "iccReason": {Type: s.iccReason, Description: "Why ICC is not given, as a code; null when it is."},
			"block": {Type: nonNull(block), Description: "The scores ICC is computed on, or would be: its n, k and applications."}, "alpha": {Type: listOf(alpha)}}
	}
	cycle := obj("ReliabilityMeasures", "Scores taken as percent of each criterion's scale, one unit per application and criterion.", measures())
	perCrit := obj("CriterionReliability", "", with(graphql.Fields{"criterionId": {Type: nonNull(idType)},
		"code": {Type: nonNull(graphql.String)}}, measures()))
	return obj("Reliability", "How far the jurors agree.", graphql.Fields{
		"cycle": {Type: nonNull(cycle)}, "criteria": {Type: listOf(perCrit)}})
}

func reliabilityOut(r jury.Reliability) map[string]any {
	crits := []map[string]any{}
	for _, c := range r.PerCriterion {
		m := measuresOut(c.Measures)
		m["criterionId"], m["code"] = strconv.FormatInt(c.CriterionID, 10), c.Code
		crits = append(crits, m)
	}
	return map[string]any{"cycle": measuresOut(r.Cycle), "criteria": crits}
}

func measuresOut(m jury.Measures) map[string]any {
	b := m.Block
	out := map[string]any{"iccNote": nilIfEmpty(m.ICCError), "iccReason": nilIfEmpty(string(m.ICCReason)),
		"block": map[string]any{"n": b.Targets, "k": b.Jurors, "applications": b.Applications, "minApplications": b.MinApplications}}
	if i := m.ICC; i != nil {
		icc := map[string]any{"icc1": maybe(i.ICC1), "icc2": maybe(i.ICC2), "icc3": maybe(i.ICC3),
			"icc1k": maybe(i.ICC1k), "icc2k": maybe(i.ICC2k), "icc3k": maybe(i.ICC3k), "n": i.N, "k": i.K,
			"msBetweenTargets": maybe(i.MSBetweenTargets), "msWithinTargets": maybe(i.MSWithinTargets),
			"msBetweenRaters": maybe(i.MSBetweenRaters), "msResidual": maybe(i.MSResidual)}
		if iv := m.Intervals; iv != nil {
			for name, v := range map[string]reliability.Bounds{"icc1": iv.ICC1, "icc2": iv.ICC2, "icc3": iv.ICC3,
				"icc1k": iv.ICC1k, "icc2k": iv.ICC2k, "icc3k": iv.ICC3k} {
				icc[name+"Interval"] = map[string]any{"lower": maybe(v.Lower), "upper": maybe(v.Upper), "level": iv.Level}
			}
		}
		out["icc"] = icc
	}
	var alphas []map[string]any
	for _, a := range m.Alpha {
		am := map[string]any{"level": a.Level.String(), "note": nilIfEmpty(a.Error), "reason": nilIfEmpty(string(a.Reason))}
		if a.Result != nil {
			am["alpha"], am["units"], am["values"] = maybe(a.Result.Alpha), a.Result.Units, a.Result.Values
		}
		alphas = append(alphas, am)
	}
	out["alpha"] = alphas
	return out
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
