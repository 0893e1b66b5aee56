package graph

import (
	"context"
	"errors"
	"sort"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/benchmark"
	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/store"
)

// analysisError turns an error of the pure analyses into INVALID with
// their message, which names what is wrong.
func analysisError(err error) error {
	var se *store.Error
	if err == nil || errors.As(err, &se) {
		return err
	}
	return store.Errorf(store.Invalid, "%v", err)
}

// matrix reads, for one year, the municipalities that have a value of
// every KPI in ids, as code → values in the order of ids.
func matrix(ctx context.Context, db *store.DB, ids []string, year int) (map[string][]float64, error) {
	vals, err := db.FindPanel(ctx, ids, []int{year})
	if err != nil {
		return nil, err
	}
	pos := map[string]int{}
	for i, id := range ids {
		pos[id] = i
	}
	rows, seen := map[string][]float64{}, map[string]int{}
	for _, v := range vals {
		if rows[v.Code] == nil {
			rows[v.Code] = make([]float64, len(ids))
		}
		rows[v.Code][pos[v.KPIID]] = v.Value
		seen[v.Code]++
	}
	for code, n := range seen {
		if n != len(ids) {
			delete(rows, code)
		}
	}
	return rows, nil
}

func (s *schema) benchmarkTableField() *graphql.Field {
	return &graphql.Field{Type: s.bench.section,
		Description: "One KPI in one year over every municipality: rank by direction, percentile, colour, national and group mean and median, legal-limit compliance; public.",
		Args: graphql.FieldConfigArgument{"kpiId": {Type: nonNull(graphql.String)}, "year": {Type: nonNull(graphql.Int)},
			"groupId": {Type: graphql.String, Description: "The comparison group, such as a kommungrupp."},
			"focus":   {Type: graphql.NewList(graphql.NewNonNull(graphql.String))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			year := integer(p.Args, "year")
			def, err := definitionOf(p.Context, s.db, "", []string{str(p.Args, "kpiId")}, []int{year},
				optStr(p.Args, "groupId"), stringList(p.Args["focus"]))
			if err != nil {
				return nil, err
			}
			cs, err := s.db.FindCrossSection(p.Context, def.KPIs[0].ID, year)
			if err != nil {
				return nil, err
			}
			data := benchmark.Dataset{Values: map[benchmark.Key]float64{}}
			for _, c := range cs {
				data.Municipalities = append(data.Municipalities, benchmark.Municipality{Code: c.Code, Name: c.Name})
				if c.Value != nil {
					data.Values[benchmark.Key{KPI: def.KPIs[0].ID, Code: c.Code, Year: year}] = *c.Value
				}
			}
			r, err := benchmark.Build(def, data)
			if err != nil {
				return nil, analysisError(err)
			}
			return r.Sections[0], nil
		}}
}

// stringList reads a list of strings argument.
func stringList(v any) []string {
	raw, _ := v.([]any)
	out := make([]string, 0, len(raw))
	for _, x := range raw {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (s *schema) trendField() *graphql.Field {
	t := obj("Trend", "Change over a series, and whether it improves given the KPI's direction.", with(
		floats("first", "last", "change", "percentChange", "cagr", "slope"), graphql.Fields{
			"firstYear": {Type: nonNull(graphql.Int)}, "lastYear": {Type: nonNull(graphql.Int)},
			"points": {Type: nonNull(graphql.Int)}, "improving": {Type: nonNull(graphql.Boolean)},
			"series": {Type: listOf(obj("TrendPoint", "", graphql.Fields{"year": {Type: nonNull(graphql.Int)}, "value": {Type: nonNull(graphql.Float)}}))}}))
	return &graphql.Field{Type: t, Description: "A municipality's series of a KPI and its trend; public.",
		Args: graphql.FieldConfigArgument{"kpiId": {Type: nonNull(graphql.String)}, "municipality": {Type: nonNull(graphql.String)},
			"fromYear": {Type: graphql.Int}, "toYear": {Type: graphql.Int}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			k, err := s.db.FindKPIByID(p.Context, str(p.Args, "kpiId"))
			if err != nil {
				return nil, err
			}
			vals, err := s.db.FindKPIValues(p.Context, store.KPIValueFilter{KPIIDs: []string{k.ID},
				MunicipalityIDs: []string{str(p.Args, "municipality")}, FromYear: integer(p.Args, "fromYear"),
				ToYear: integer(p.Args, "toYear"), Genders: []string{"T"}})
			if err != nil {
				return nil, err
			}
			series := map[int]float64{}
			for _, v := range vals {
				if v.Value != nil {
					series[v.Period] = *v.Value
				}
			}
			tr, err := kpi.TrendOf(series, benchKPI(k).Direction)
			if err != nil {
				return nil, analysisError(err)
			}
			out := map[string]any{"first": tr.First, "last": tr.Last, "change": tr.Change, "slope": tr.Slope,
				"firstYear": tr.FirstYear, "lastYear": tr.LastYear, "points": tr.Points, "improving": tr.Improving,
				"series": seriesPoints(series)}
			if tr.HasPercent {
				out["percentChange"] = tr.PercentChange
			}
			if tr.HasCAGR {
				out["cagr"] = tr.CAGR
			}
			return out, nil
		}}
}

func (s *schema) similarField() *graphql.Field {
	n := obj("Neighbour", "A structurally similar municipality and its distance.", graphql.Fields{
		"code": {Type: nonNull(graphql.String)}, "name": {Type: nonNull(graphql.String)}, "distance": {Type: nonNull(graphql.Float)}})
	return &graphql.Field{Type: listOf(n),
		Description: "The k nearest municipalities by weighted Euclidean distance on z-scored structural KPIs (equal weights by default); public.",
		Args: graphql.FieldConfigArgument{"code": {Type: nonNull(graphql.String)},
			"kpiIds": {Type: nonNull(graphql.NewList(graphql.NewNonNull(graphql.String)))}, "year": {Type: nonNull(graphql.Int)},
			"weights": {Type: graphql.NewList(graphql.NewNonNull(graphql.Float))}, "k": {Type: graphql.Int, DefaultValue: kpi.DefaultNeighbours}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			vars, err := matrix(p.Context, s.db, stringList(p.Args["kpiIds"]), integer(p.Args, "year"))
			if err != nil {
				return nil, err
			}
			var weights []float64
			ws, _ := p.Args["weights"].([]any)
			for _, w := range ws {
				f, _ := w.(float64)
				weights = append(weights, f)
			}
			ns, err := kpi.Similar(str(p.Args, "code"), vars, weights, integer(p.Args, "k"))
			if err != nil {
				return nil, analysisError(err)
			}
			names, err := s.names(p.Context)
			out := make([]map[string]any, len(ns))
			for i, nb := range ns {
				out[i] = map[string]any{"code": nb.Code, "name": names[nb.Code], "distance": nb.Distance}
			}
			return out, err
		}}
}

// names maps every municipality code to its name.
func (s *schema) names(ctx context.Context) (map[string]string, error) {
	ms, err := s.db.FindMunicipalities(ctx, store.MunicipalityFilter{})
	out := make(map[string]string, len(ms))
	for _, m := range ms {
		out[m.Code] = m.Name
	}
	return out, err
}

func sortedCodes(m map[string][]float64) []string {
	out := make([]string, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

func storeInvalid(field string, err error) error { return store.InvalidField(field, "%v", err) }
