package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/store"
)

// maxProfileKPIs bounds a profile asked for without naming KPIs.
const maxProfileKPIs = 50

func (s *schema) profileField() *graphql.Field {
	item := obj("ProfileKPI", "A KPI for one municipality: its place nationally and against its kommungrupp.", with(
		floats("value", "percentile", "groupMean", "groupMedian", "nationalMedian"), graphql.Fields{
			"kpi":        {Type: nonNull(s.kpi)},
			"rank":       {Type: graphql.Int},
			"of":         {Type: nonNull(graphql.Int), Description: "Municipalities with a value."},
			"colour":     {Type: nonNull(graphql.String)},
			"groupCount": {Type: nonNull(graphql.Int)},
			"better":     {Type: graphql.Boolean, Description: "Better than the kommungrupp median, given the direction; null for NEUTRAL."}}))
	return &graphql.Field{Type: listOf(item),
		Description: "Every KPI (or those named) with a value in the year: rank, percentile, colour and the kommungrupp's mean and median; public.",
		Args:        graphql.FieldConfigArgument{"year": {Type: nonNull(graphql.Int)}, "kpiIds": {Type: graphql.NewList(graphql.NewNonNull(graphql.String))}},
		Resolve:     s.profile}
}

func (s *schema) profile(p graphql.ResolveParams) (any, error) {
	m := p.Source.(*store.Municipality)
	year, ids := integer(p.Args, "year"), stringList(p.Args["kpiIds"])
	var err error
	if len(ids) == 0 {
		if ids, err = s.db.FindKPIIDsWithValue(p.Context, m.Code, year, maxProfileKPIs); err != nil || len(ids) == 0 {
			return []any{}, err
		}
	}
	kpis, err := s.db.FindKPIs(p.Context, store.KPIFilter{IDs: ids, Limit: len(ids)})
	if err != nil {
		return nil, err
	}
	panel, err := s.db.FindPanel(p.Context, ids, []int{year})
	if err != nil {
		return nil, err
	}
	var members []string
	if m.KommungruppID != nil {
		g, err := s.db.FindGroupByID(p.Context, *m.KommungruppID)
		if err != nil {
			return nil, err
		}
		members = g.Members
	}
	byKPI := map[string][]kpi.Value{}
	for _, v := range panel {
		byKPI[v.KPIID] = append(byKPI[v.KPIID], kpi.Value{Code: v.Code, Value: v.Value, Valid: true})
	}
	var out []map[string]any
	for _, k := range kpis {
		if item := profileItem(k, m.Code, byKPI[k.ID], members); item != nil {
			out = append(out, item)
		}
	}
	return out, nil
}

func profileItem(k *store.KPI, code string, values []kpi.Value, members []string) map[string]any {
	d := benchKPI(k).Direction
	places, err := kpi.Place(values, d, kpi.DefaultThresholds())
	if err != nil {
		return nil
	}
	var me *kpi.Placing
	for i := range places {
		if places[i].Code == code {
			me = &places[i]
		}
	}
	if me == nil {
		return nil
	}
	nat, _ := kpi.GroupStats(values, nil)
	item := map[string]any{"kpi": k, "value": me.Value, "rank": me.Rank, "of": nat.Count, "percentile": me.Percentile,
		"colour": string(me.Colour), "nationalMedian": nat.Median, "groupCount": 0}
	ms := present(values, members)
	if g, err := kpi.GroupStats(values, ms); len(ms) > 0 && err == nil && g.Count > 0 {
		item["groupMean"], item["groupMedian"], item["groupCount"] = g.Mean, g.Median, g.Count
		if d != kpi.Neutral {
			item["better"] = d.Better(me.Value, g.Median)
		}
	}
	return item
}

// present keeps the members that have a value.
func present(values []kpi.Value, members []string) []string {
	have := map[string]bool{}
	for _, v := range values {
		have[v.Code] = true
	}
	var out []string
	for _, m := range members {
		if have[m] {
			out = append(out, m)
		}
	}
	return out
}
