package graph

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/leanforum/awards/store"
)

// maxValueMunicipalities bounds the municipalities one values field names.
const maxValueMunicipalities = 400

// valuesKey is what one KPI's values field asks for: the KPI and the
// filter, as JSON so that the key stays comparable.
type valuesKey struct{ kpi, filter string }

// valuesFilter is the filter of a values field, less the KPI.
type valuesFilter struct {
	Municipalities []string `json:"m"`
	From           int      `json:"f"`
	To             int      `json:"t"`
	Genders        []string `json:"g"`
}

func (s *schema) kpiValuesField() *graphql.Field {
	value := obj("KPIValue", "One value of a KPI: a municipality's (or group's) in a year, for a gender.", graphql.Fields{
		"municipality": {Type: nonNull(graphql.String), Resolve: kpiValue(func(v *store.KPIValue) any { return v.MunicipalityID })},
		"year":         {Type: nonNull(graphql.Int), Resolve: kpiValue(func(v *store.KPIValue) any { return v.Period })},
		"gender": {Type: nonNull(graphql.String), Description: "T total, K women, M men.",
			Resolve: kpiValue(func(v *store.KPIValue) any { return v.Gender })},
		"value": {Type: graphql.Float, Description: "Null when Kolada has none.",
			Resolve: kpiValue(func(v *store.KPIValue) any { return v.Value })},
		"status": {Type: nonNull(graphql.String), Description: "As Kolada gives it, often empty.",
			Resolve: kpiValue(func(v *store.KPIValue) any { return v.Status })},
		"synthetic": {Type: nonNull(graphql.Boolean), Description: "Made up for the demo.",
			Resolve: kpiValue(func(v *store.KPIValue) any { return v.Synthetic })},
	})
	return &graphql.Field{Type: listOf(value),
		Description: "The KPI's series: its values by municipality (or group), year and gender, in that order; public. " +
			"All municipalities, years and genders unless narrowed (an empty list names none); at most 100,000 values. " +
			"Its cost counts the municipalities, years and genders asked (400, 30 and 3 when not narrowed).",
		Args: graphql.FieldConfigArgument{
			"municipalities": {Type: graphql.NewList(graphql.NewNonNull(graphql.String)), Description: "Codes or group ids; at most 400."},
			"fromYear":       {Type: graphql.Int}, "toYear": {Type: graphql.Int},
			"genders": {Type: graphql.NewList(graphql.NewNonNull(graphql.String)), Description: "T, K or M."}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			for _, arg := range []string{"municipalities", "genders"} {
				if l, given := p.Args[arg].([]any); given && len(l) == 0 {
					return []any{}, nil // an empty list names nothing
				}
			}
			f := valuesFilter{Municipalities: stringList(p.Args["municipalities"]), Genders: stringList(p.Args["genders"])}
			f.From, _ = p.Args["fromYear"].(int)
			f.To, _ = p.Args["toYear"].(int)
			if len(f.Municipalities) > maxValueMunicipalities {
				return nil, store.InvalidField("municipalities", "name at most 400")
			}
			for _, g := range f.Genders {
				if g != "T" && g != "K" && g != "M" {
					return nil, store.InvalidField("genders", "each is T (total), K (women) or M (men)")
				}
			}
			if f.From != 0 && f.To != 0 && f.From > f.To {
				return nil, store.InvalidField("fromYear", "comes after toYear")
			}
			slices.Sort(f.Municipalities)
			slices.Sort(f.Genders)
			b, err := json.Marshal(f)
			if err != nil {
				return nil, err
			}
			id := p.Source.(*store.KPI).ID
			return loadersFrom(p.Context).kpiValues.then(p.Context, valuesKey{id, string(b)}, func(vs []*store.KPIValue) (any, error) {
				if len(vs) > store.MaxKPIValues {
					return nil, store.TooManyKPIValues(id)
				}
				return vs, nil
			}), nil
		}}
}

func kpiValue(f func(*store.KPIValue) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(*store.KPIValue)), nil }
}

// fetchKPIValues answers the values fields of a request with one statement
// per distinct filter, however many KPIs ask.
func fetchKPIValues(db *store.DB) func(context.Context, []valuesKey) (map[valuesKey][]*store.KPIValue, error) {
	return func(ctx context.Context, keys []valuesKey) (map[valuesKey][]*store.KPIValue, error) {
		byFilter := map[string][]string{}
		var filters []string
		for _, k := range keys {
			if _, ok := byFilter[k.filter]; !ok {
				filters = append(filters, k.filter)
			}
			byFilter[k.filter] = append(byFilter[k.filter], k.kpi)
		}
		out := make(map[valuesKey][]*store.KPIValue, len(keys))
		for _, k := range keys {
			out[k] = []*store.KPIValue{}
		}
		for _, fs := range filters {
			var f valuesFilter
			if err := json.Unmarshal([]byte(fs), &f); err != nil {
				return nil, err
			}
			each, err := db.FindKPIValuesEach(ctx, store.KPIValueFilter{KPIIDs: byFilter[fs], MunicipalityIDs: f.Municipalities,
				FromYear: f.From, ToYear: f.To, Genders: f.Genders})
			if err != nil {
				return nil, err
			}
			for id, vs := range each {
				out[valuesKey{id, fs}] = vs
			}
		}
		return out, nil
	}
}

// What a KPI's values field counts when it does not narrow them: the
// areas it may name (maxValueMunicipalities), Kolada's years since the
// late 1990s, and the three genders.
const (
	seriesAreas   = maxValueMunicipalities
	seriesYears   = 30
	seriesGenders = 3
)

// seriesItems is how many values a KPI's values field may return: the
// municipalities × years × genders it asks for, counted in full where an
// argument is absent or a variable.
func seriesItems(f *ast.Field) int {
	areas, years, genders := seriesAreas, seriesYears, seriesGenders
	var from, to int
	for _, a := range f.Arguments {
		if a.Name == nil {
			continue
		}
		switch v := a.Value.(type) {
		case *ast.ListValue:
			switch a.Name.Value {
			case "municipalities":
				areas = min(len(v.Values), seriesAreas)
			case "genders":
				genders = min(len(v.Values), seriesGenders)
			}
		case *ast.IntValue:
			n, err := strconv.Atoi(v.Value)
			if err != nil {
				continue
			}
			switch a.Name.Value {
			case "fromYear":
				from = n
			case "toYear":
				to = n
			}
		}
	}
	if from != 0 && to != 0 && to >= from {
		years = min(to-from+1, seriesYears)
	}
	return max(areas*years*genders, 1)
}
