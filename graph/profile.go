package graph

import (
	"context"
	"encoding/json"
	"slices"

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

// profileKey is what one profile field asks for: a municipality, with its
// kommungrupp, a year, and whether it named KPIs, which (sorted, as a JSON
// list, so that the key stays comparable) or else every KPI with a value,
// up to maxProfileKPIs.
type profileKey struct {
	code, group string
	year        int
	named       bool
	kpis        string
}

func (s *schema) profile(p graphql.ResolveParams) (any, error) {
	m := p.Source.(*store.Municipality)
	key := profileKey{code: m.Code, group: deref(m.KommungruppID), year: integer(p.Args, "year")}
	if _, key.named = p.Args["kpiIds"].([]any); key.named {
		ids := stringList(p.Args["kpiIds"])
		slices.Sort(ids)
		b, err := json.Marshal(slices.Compact(ids))
		if err != nil {
			return nil, err
		}
		key.kpis = string(b)
	}
	return loadersFrom(p.Context).profiles.load(p.Context, key), nil
}

// fetchProfiles answers every profile field of a request in four
// statements, however many municipalities ask: the KPIs with a value for
// those that name none, the KPIs, their values in the years asked, and the
// kommungrupper.
func fetchProfiles(db *store.DB) func(context.Context, []profileKey) (map[profileKey][]map[string]any, error) {
	return func(ctx context.Context, keys []profileKey) (map[profileKey][]map[string]any, error) {
		var auto []store.CodeYear
		for _, k := range keys {
			if !k.named {
				auto = append(auto, store.CodeYear{Code: k.code, Year: k.year})
			}
		}
		withValue := map[store.CodeYear][]string{}
		if len(auto) > 0 {
			var err error
			if withValue, err = db.FindKPIIDsWithValueFor(ctx, auto, maxProfileKPIs); err != nil {
				return nil, err
			}
		}
		idsOf := make(map[profileKey][]string, len(keys))
		var allIDs, groupIDs []string
		var years []int
		for _, k := range keys {
			ids := withValue[store.CodeYear{Code: k.code, Year: k.year}]
			if k.named {
				ids = nil
				if err := json.Unmarshal([]byte(k.kpis), &ids); err != nil {
					return nil, err
				}
			}
			idsOf[k] = ids
			allIDs = append(allIDs, ids...)
			years = append(years, k.year)
			if k.group != "" {
				groupIDs = append(groupIDs, k.group)
			}
		}
		out := make(map[profileKey][]map[string]any, len(keys))
		for _, k := range keys {
			out[k] = []map[string]any{}
		}
		if allIDs = dedupe(allIDs); len(allIDs) == 0 {
			return out, nil
		}
		kpis, err := db.FindKPIsByIDs(ctx, allIDs)
		if err != nil {
			return nil, err
		}
		panel, err := db.FindPanel(ctx, allIDs, dedupe(years))
		if err != nil {
			return nil, err
		}
		groups, err := db.FindGroupsByIDs(ctx, dedupe(groupIDs))
		if err != nil {
			return nil, err
		}
		type kpiYear struct {
			id   string
			year int
		}
		values := map[kpiYear][]kpi.Value{}
		for _, v := range panel {
			ky := kpiYear{v.KPIID, v.Year}
			values[ky] = append(values[ky], kpi.Value{Code: v.Code, Value: v.Value, Valid: true})
		}
		for _, k := range keys {
			var members []string
			if g := groups[k.group]; g != nil {
				members = g.Members
			}
			for _, id := range idsOf[k] {
				if item := profileItem(kpis[id], k.code, values[kpiYear{id, k.year}], members); item != nil {
					out[k] = append(out[k], item)
				}
			}
		}
		return out, nil
	}
}

// profileItem places code among values of k; nil when k is unknown or
// code has no value.
func profileItem(k *store.KPI, code string, values []kpi.Value, members []string) map[string]any {
	if k == nil {
		return nil
	}
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
