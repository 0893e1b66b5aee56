package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/dea"
	"github.com/leanforum/awards/reports/kpi"
)

func (s *schema) expectedCostField() *graphql.Field {
	row := obj("CostRow", "A municipality's cost against what its structure predicts.", with(
		floats("actual", "expected", "residual", "deviation"), graphql.Fields{
			"code": {Type: nonNull(graphql.String)}, "name": {Type: nonNull(graphql.String)},
			"quadrant": {Type: graphql.String, Description: "Against the quality KPI, e.g. GOOD_RESULTS_LOWER_COST."}}))
	model := obj("CostModel", "OLS of a cost KPI on structural KPIs, with intercept.", graphql.Fields{
		"coefficients": {Type: listOf(graphql.Float), Description: "Intercept first, then one per structural KPI."},
		"r2":           {Type: nonNull(graphql.Float)}, "n": {Type: nonNull(graphql.Int)}, "rows": {Type: listOf(row)}})
	return &graphql.Field{Type: model,
		Description: "Expected cost: which municipalities reach good results at lower cost than their structure predicts; public.",
		Args: graphql.FieldConfigArgument{"costKpiId": {Type: nonNull(graphql.String)},
			"structuralKpiIds": {Type: nonNull(graphql.NewList(graphql.NewNonNull(graphql.String)))},
			"year":             {Type: nonNull(graphql.Int)}, "qualityKpiId": {Type: graphql.String}},
		Resolve: s.expectedCost}
}

func (s *schema) expectedCost(p graphql.ResolveParams) (any, error) {
	year, cost := integer(p.Args, "year"), str(p.Args, "costKpiId")
	structure, err := matrix(p.Context, s.db, stringList(p.Args["structuralKpiIds"]), year)
	if err != nil {
		return nil, err
	}
	costs, err := matrix(p.Context, s.db, []string{cost}, year)
	if err != nil {
		return nil, err
	}
	var values []kpi.Value
	for _, code := range sortedCodes(costs) {
		values = append(values, kpi.Value{Code: code, Value: costs[code][0], Valid: true})
	}
	m, err := kpi.ExpectedCost(values, structure)
	if err != nil {
		return nil, analysisError(err)
	}
	quadrants, err := s.quadrants(p, m, year)
	if err != nil {
		return nil, err
	}
	names, err := s.names(p.Context)
	rows := make([]map[string]any, len(m.Rows))
	for i, r := range m.Rows {
		rows[i] = map[string]any{"code": r.Code, "name": names[r.Code], "actual": r.Actual, "expected": r.Expected,
			"residual": r.Residual, "quadrant": nilIfEmpty(string(quadrants[r.Code]))}
		if r.HasDeviation {
			rows[i]["deviation"] = r.Deviation
		}
	}
	return map[string]any{"coefficients": m.Fit.Coefficients, "r2": m.Fit.R2, "n": m.Fit.N, "rows": rows}, err
}

func (s *schema) quadrants(p graphql.ResolveParams, m kpi.CostModel, year int) (map[string]kpi.Quadrant, error) {
	id := str(p.Args, "qualityKpiId")
	if id == "" {
		return nil, nil
	}
	k, err := s.db.FindKPIByID(p.Context, id)
	if err != nil {
		return nil, err
	}
	q, err := matrix(p.Context, s.db, []string{id}, year)
	if err != nil {
		return nil, err
	}
	var quality []kpi.Value
	for _, code := range sortedCodes(q) {
		quality = append(quality, kpi.Value{Code: code, Value: q[code][0], Valid: true})
	}
	out, err := kpi.Quadrants(m.Rows, quality, benchKPI(k).Direction)
	return out, analysisError(err)
}

func (s *schema) efficiencyField() *graphql.Field {
	peer := obj("Peer", "", graphql.Fields{"code": {Type: nonNull(graphql.String)}, "lambda": {Type: nonNull(graphql.Float)}})
	res := obj("Efficiency", "A municipality's DEA efficiency in Farrell form (input θ ≤ 1, output φ ≥ 1), its peers and targets.",
		graphql.Fields{"code": {Type: nonNull(graphql.String)}, "name": {Type: nonNull(graphql.String)},
			"efficiency": {Type: graphql.Float}, "peers": {Type: listOf(peer)},
			"inputTargets": {Type: listOf(graphql.Float)}, "outputTargets": {Type: listOf(graphql.Float)}})
	return &graphql.Field{Type: listOf(res),
		Description: "Data envelopment analysis over the municipalities with every input and output in the year (or a group's members); public.",
		Args: graphql.FieldConfigArgument{
			"inputKpiIds":  {Type: nonNull(graphql.NewList(graphql.NewNonNull(graphql.String)))},
			"outputKpiIds": {Type: nonNull(graphql.NewList(graphql.NewNonNull(graphql.String)))},
			"year":         {Type: nonNull(graphql.Int)}, "groupId": {Type: graphql.String},
			"rts":         {Type: s.rts, DefaultValue: "VRS", Description: "Returns to scale; VRS when absent."},
			"orientation": {Type: s.orientation, DefaultValue: "IN", Description: "IN when absent."}},
		Resolve: s.efficiency}
}

func (s *schema) efficiency(p graphql.ResolveParams) (any, error) {
	rts, err := dea.ParseRTS(str(p.Args, "rts"))
	if err != nil {
		return nil, storeInvalid("rts", err)
	}
	orient, err := dea.ParseOrientation(str(p.Args, "orientation"))
	if err != nil {
		return nil, storeInvalid("orientation", err)
	}
	ins, outs := stringList(p.Args["inputKpiIds"]), stringList(p.Args["outputKpiIds"])
	data, err := matrix(p.Context, s.db, append(append([]string{}, ins...), outs...), integer(p.Args, "year"))
	if err != nil {
		return nil, err
	}
	if err := s.keepGroup(p, data); err != nil {
		return nil, err
	}
	prob := dea.Problem{RTS: rts, Orientation: orient, InputNames: ins, OutputNames: outs}
	for _, code := range sortedCodes(data) {
		prob.IDs = append(prob.IDs, code)
		prob.Inputs = append(prob.Inputs, data[code][:len(ins)])
		prob.Outputs = append(prob.Outputs, data[code][len(ins):])
	}
	results, err := dea.Solve(p.Context, prob)
	if err != nil {
		return nil, analysisError(err)
	}
	names, err := s.names(p.Context)
	out := make([]map[string]any, len(results))
	for i, r := range results {
		var peers []map[string]any
		for _, pr := range r.Peers {
			peers = append(peers, map[string]any{"code": pr.ID, "lambda": pr.Lambda})
		}
		out[i] = map[string]any{"code": r.ID, "name": names[r.ID], "efficiency": maybe(r.Efficiency),
			"peers": peers, "inputTargets": r.InputTargets, "outputTargets": r.OutputTargets}
	}
	return out, err
}

// keepGroup narrows data to a group's members when groupId is given.
func (s *schema) keepGroup(p graphql.ResolveParams, data map[string][]float64) error {
	id := str(p.Args, "groupId")
	if id == "" {
		return nil
	}
	g, err := s.db.FindGroupByID(p.Context, id)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, m := range g.Members {
		keep[m] = true
	}
	for code := range data {
		if !keep[code] {
			delete(data, code)
		}
	}
	return nil
}
