package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/benchmark"
)

// benchTypes are the GraphQL types of benchmark reports and tables; they
// resolve straight from reports/benchmark's values by their JSON names.
type benchTypes struct {
	section, report *graphql.Object
}

func newBenchTypes() benchTypes {
	summary := obj("Summary", "Mean and median over the municipalities with a value (unweighted, as Kolada computes group values).",
		graphql.Fields{"mean": {Type: graphql.Float}, "median": {Type: graphql.Float}, "count": {Type: nonNull(graphql.Int)},
			"members": {Type: nonNull(graphql.Int), Description: "Municipalities in the group; 0 in versions published before it was kept."}})
	compliance := obj("Compliance", "Municipalities within a legal limit.", graphql.Fields{
		"limit": {Type: nonNull(graphql.Float)}, "count": {Type: nonNull(graphql.Int)},
		"within": {Type: nonNull(graphql.Int)}, "share": {Type: nonNull(graphql.Float), Description: "Percent."}})
	// Rows resolve by direct field access: a table has 290 of them, and
	// graphql-go's reflective default resolver is most of a table's cost.
	r := func(f func(benchmark.Row) any) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(benchmark.Row)), nil }
	}
	row := obj("BenchmarkRow", "One municipality in a ranked table: best first, missing values last.", graphql.Fields{
		"code":  {Type: nonNull(graphql.String), Resolve: r(func(x benchmark.Row) any { return x.Code })},
		"name":  {Type: nonNull(graphql.String), Resolve: r(func(x benchmark.Row) any { return x.Name })},
		"value": {Type: graphql.Float, Resolve: r(func(x benchmark.Row) any { return x.Value })},
		"rank": {Type: graphql.Int, Description: "Competition rank by the KPI's direction (1, 2, 2, 4).",
			Resolve: r(func(x benchmark.Row) any {
				if x.Rank == 0 {
					return nil
				}
				return x.Rank
			})},
		"percentile": {Type: graphql.Float, Description: "(worse + equal/2) / others × 100; the best is 100.",
			Resolve: r(func(x benchmark.Row) any { return x.Percentile })},
		"colour": {Type: nonNull(graphql.String), Description: "GREEN (best quarter), YELLOW, RED (worst quarter) or GREY (missing).",
			Resolve: r(func(x benchmark.Row) any { return string(x.Colour) })},
		"inGroup": {Type: nonNull(graphql.Boolean), Resolve: r(func(x benchmark.Row) any { return x.InGroup })},
		"focus":   {Type: nonNull(graphql.Boolean), Resolve: r(func(x benchmark.Row) any { return x.Focus })},
		"gap": {Type: graphql.Float, Description: "How far the value lies past the KPI's legal limit: positive outside it, negative within; null without a limit or a value.",
			Resolve: r(func(x benchmark.Row) any { return x.Gap })}})
	kpiRef := obj("BenchmarkKPI", "", graphql.Fields{
		"id": {Type: nonNull(graphql.String)}, "title": {Type: nonNull(graphql.String)}, "unit": {Type: nonNull(graphql.String)},
		"direction": {Type: nonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
			return p.Source.(benchmark.KPI).Direction.String(), nil
		}},
		"legalLimit": {Type: graphql.Float}})
	section := obj("BenchmarkTable", "One KPI in one year across the municipalities.", graphql.Fields{
		"kpi": {Type: nonNull(kpiRef)}, "year": {Type: nonNull(graphql.Int)},
		"rows": {Type: listOf(row), Args: graphql.FieldConfigArgument{"focusOrGroup": {Type: graphql.Boolean, DefaultValue: false,
			Description: "Only the municipalities in focus and the comparison group's members."}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				rows := sectionOf(p.Source).Rows
				if only, _ := p.Args["focusOrGroup"].(bool); !only {
					return rows, nil
				}
				out := []benchmark.Row{}
				for _, x := range rows {
					if x.Focus || x.InGroup {
						out = append(out, x)
					}
				}
				return out, nil
			}},
		"national": {Type: nonNull(summary)}, "group": {Type: summary}, "compliance": {Type: compliance}})
	point := obj("SeriesPoint", "", graphql.Fields{"year": {Type: nonNull(graphql.Int)}, "value": {Type: nonNull(graphql.Float)}})
	trend := obj("FocusTrend", "A focus municipality's series and trend.", graphql.Fields{
		"kpi": {Type: nonNull(graphql.String)}, "code": {Type: nonNull(graphql.String)},
		"series": {Type: listOf(point), Resolve: func(p graphql.ResolveParams) (any, error) {
			return seriesPoints(p.Source.(benchmark.Trend).Series), nil
		}},
		"change": {Type: graphql.Float}, "percentChange": {Type: graphql.Float}, "slope": {Type: graphql.Float},
		"improving": {Type: nonNull(graphql.Boolean)}})
	focus := obj("FocusMunicipality", "", graphql.Fields{"code": {Type: nonNull(graphql.String)}, "name": {Type: nonNull(graphql.String)}})
	report := obj("BenchmarkReportContent", "A built benchmark report: the same content as its PDF.", graphql.Fields{
		"title": {Type: nonNull(graphql.String)}, "groupTitle": {Type: nonNull(graphql.String)},
		"years": {Type: listOf(graphql.Int)}, "focus": {Type: listOf(focus)},
		"synthetic": {Type: nonNull(graphql.Boolean), Description: "Whether any value is the demo's synthetic data."},
		"sections": {Type: listOf(section), Args: graphql.FieldConfigArgument{"latest": {Type: graphql.Boolean, DefaultValue: false,
			Description: "Only each KPI's newest year."}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				secs := reportOf(p.Source).Sections
				if latest, _ := p.Args["latest"].(bool); latest {
					return latestSections(secs), nil
				}
				return secs, nil
			}},
		"trends": {Type: listOf(trend)}})
	return benchTypes{section: section, report: report}
}

func seriesPoints(series map[int]float64) []map[string]any {
	years := sortedYears(series)
	out := make([]map[string]any, len(years))
	for i, y := range years {
		out[i] = map[string]any{"year": y, "value": series[y]}
	}
	return out
}

// reportOf and sectionOf read a report or section resolved by value or
// by pointer.
func reportOf(src any) benchmark.Report {
	if r, ok := src.(*benchmark.Report); ok {
		return *r
	}
	r, _ := src.(benchmark.Report)
	return r
}

func sectionOf(src any) benchmark.Section {
	if s, ok := src.(*benchmark.Section); ok {
		return *s
	}
	s, _ := src.(benchmark.Section)
	return s
}

// latestSections keeps each KPI's newest section, in the KPIs' order.
func latestSections(secs []benchmark.Section) []benchmark.Section {
	at := map[string]int{}
	var out []benchmark.Section
	for _, s := range secs {
		i, seen := at[s.KPI.ID]
		switch {
		case !seen:
			at[s.KPI.ID] = len(out)
			out = append(out, s)
		case s.Year > out[i].Year:
			out[i] = s
		}
	}
	return out
}
