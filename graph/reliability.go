package graph

import (
	"strconv"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/jury"
)

func (s *schema) reliabilityType() *graphql.Object {
	icc := obj("ICC", "Shrout–Fleiss intraclass correlations on the largest fully crossed block of n targets × k jurors.",
		with(floats("icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k", "msBetweenTargets", "msWithinTargets",
			"msBetweenRaters", "msResidual"), graphql.Fields{"n": {Type: nonNull(graphql.Int)}, "k": {Type: nonNull(graphql.Int)}}))
	alpha := obj("AlphaMeasure", "Krippendorff's alpha at one level of measurement, with the pairable units and values it used.",
		graphql.Fields{"level": {Type: nonNull(graphql.String)}, "alpha": {Type: graphql.Float},
			"units": {Type: graphql.Int}, "values": {Type: graphql.Int}, "note": {Type: graphql.String}})
	measures := graphql.Fields{"icc": {Type: icc}, "iccNote": {Type: graphql.String}, "alpha": {Type: listOf(alpha)}}
	cycle := obj("ReliabilityMeasures", "Scores taken as percent of each criterion's scale, one unit per application and criterion.", measures)
	perCrit := obj("CriterionReliability", "", with(graphql.Fields{"criterionId": {Type: nonNull(idType)},
		"code": {Type: nonNull(graphql.String)}}, graphql.Fields{"icc": {Type: icc}, "iccNote": {Type: graphql.String},
		"alpha": {Type: listOf(alpha)}}))
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
	out := map[string]any{"iccNote": nilIfEmpty(m.ICCError)}
	if i := m.ICC; i != nil {
		out["icc"] = map[string]any{"icc1": maybe(i.ICC1), "icc2": maybe(i.ICC2), "icc3": maybe(i.ICC3),
			"icc1k": maybe(i.ICC1k), "icc2k": maybe(i.ICC2k), "icc3k": maybe(i.ICC3k), "n": i.N, "k": i.K,
			"msBetweenTargets": maybe(i.MSBetweenTargets), "msWithinTargets": maybe(i.MSWithinTargets),
			"msBetweenRaters": maybe(i.MSBetweenRaters), "msResidual": maybe(i.MSResidual)}
	}
	var alphas []map[string]any
	for _, a := range m.Alpha {
		am := map[string]any{"level": a.Level.String(), "note": nilIfEmpty(a.Error)}
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
