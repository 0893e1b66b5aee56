package graph

import (
	"context"
	"math"
	"slices"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/store"
)

// defaultTolerance is how far, relatively, a claimed value may lie from
// the official one and still agree.
const defaultTolerance = 0.05

func (s *schema) evidenceType() *graphql.Object {
	check := obj("ClaimCheck", "A claimed value against the official value of the same year.", graphql.Fields{
		"year": {Type: nonNull(graphql.Int)}, "claimed": {Type: nonNull(graphql.Float)}, "official": {Type: graphql.Float},
		"agrees": {Type: graphql.Boolean, Description: "Within the tolerance; null without an official value."}})
	place := obj("Placement", "A municipality's place among others for one year.", graphql.Fields{
		"rank": {Type: graphql.Int}, "of": {Type: nonNull(graphql.Int)}, "percentile": {Type: graphql.Float},
		"colour": {Type: nonNull(graphql.String)}})
	point := obj("EvidencePoint", "", graphql.Fields{"year": {Type: nonNull(graphql.Int)}, "value": {Type: nonNull(graphql.Float)}})
	return obj("Evidence", "The official KPI series behind a claimed result, for jurors and admins.", graphql.Fields{
		"kpi": {Type: nonNull(s.kpi)}, "municipalityCode": {Type: nonNull(graphql.String)},
		"municipalityName": {Type: nonNull(graphql.String)}, "kommungrupp": {Type: graphql.String},
		"series": {Type: listOf(point)}, "year": {Type: graphql.Int, Description: "The year the places are for."},
		"national": {Type: place}, "group": {Type: place, Description: "Within the municipality's kommungrupp."},
		"baseline": {Type: nonNull(check)}, "current": {Type: nonNull(check)}, "tolerance": {Type: nonNull(graphql.Float)},
		"synthetic": {Type: nonNull(graphql.Boolean), Description: "Whether the official values are the demo's synthetic data."},
	})
}

// evidenceField is Indicator.evidence: null for applicants, and when the
// indicator names no KPI and municipality or the KPI is unknown.
func (s *schema) evidenceField() *graphql.Field {
	return &graphql.Field{Type: s.evidence,
		Args: graphql.FieldConfigArgument{"tolerance": {Type: graphql.Float, DefaultValue: defaultTolerance,
			Description: "Relative: 0.05 accepts a claim within 5 % of the official value."}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			ind := p.Source.(*store.Indicator)
			a := store.ActorFrom(p.Context)
			if ind.KpiID == nil || ind.MunicipalityCode == nil || a == nil || (a.Role != store.RoleJuror && !a.IsAdmin()) {
				return nil, nil
			}
			tol, _ := p.Args["tolerance"].(float64)
			if tol < 0 || math.IsNaN(tol) {
				return nil, store.InvalidField("tolerance", "must be 0 or more")
			}
			return s.evidenceThunk(p.Context, ind, tol), nil
		}}
}

func (s *schema) evidenceThunk(ctx context.Context, ind *store.Indicator, tol float64) func() (any, error) {
	l := loadersFrom(ctx)
	l.kpis.load(ctx, *ind.KpiID)
	l.municipalities.load(ctx, *ind.MunicipalityCode)
	l.seriesByKPI.load(ctx, *ind.KpiID)
	return func() (any, error) {
		k, err := l.kpis.get(ctx, *ind.KpiID)
		if err != nil || k == nil {
			return nil, err
		}
		m, err := l.municipalities.get(ctx, *ind.MunicipalityCode)
		if err != nil || m == nil {
			return nil, err
		}
		values, err := l.seriesByKPI.get(ctx, k.ID)
		if err != nil {
			return nil, err
		}
		var members []string
		if m.KommungruppID != nil {
			g, err := l.groupsByID.get(ctx, *m.KommungruppID)
			if err != nil {
				return nil, err
			}
			if g != nil {
				members = g.Members
			}
		}
		return evidenceOf(ind, k, m, values, members, tol), nil
	}
}

// evidenceOf lays out the evidence for one indicator.
func evidenceOf(ind *store.Indicator, k *store.KPI, m *store.Municipality, values []store.PanelValue, members []string, tol float64) map[string]any {
	series, byYear := map[int]float64{}, map[int][]kpi.Value{}
	synthetic := false
	for _, v := range values {
		if v.Code == m.Code {
			series[v.Year] = v.Value
		}
		byYear[v.Year] = append(byYear[v.Year], kpi.Value{Code: v.Code, Value: v.Value, Valid: true})
		synthetic = synthetic || v.Synthetic
	}
	out := map[string]any{"kpi": k, "municipalityCode": m.Code, "municipalityName": m.Name,
		"kommungrupp": derefOrNil(m.KommungruppTitle), "series": seriesPoints(series), "tolerance": tol, "synthetic": synthetic,
		"baseline": claimCheck(ind.BaselineOn.Year(), ind.BaselineValue, series, tol),
		"current":  claimCheck(ind.CurrentOn.Year(), ind.CurrentValue, series, tol)}
	year := ind.CurrentOn.Year()
	if _, ok := series[year]; !ok {
		year = latest(series)
	}
	if year == 0 {
		return out
	}
	d := benchKPI(k).Direction
	out["year"] = year
	out["national"] = placement(byYear[year], m.Code, d)
	var inGroup []kpi.Value
	for _, v := range byYear[year] {
		if slices.Contains(members, v.Code) {
			inGroup = append(inGroup, v)
		}
	}
	out["group"] = placement(inGroup, m.Code, d)
	return out
}

func claimCheck(year int, claimed float64, series map[int]float64, tol float64) map[string]any {
	c := map[string]any{"year": year, "claimed": claimed}
	if v, ok := series[year]; ok {
		c["official"] = v
		c["agrees"] = math.Abs(claimed-v) <= tol*math.Max(math.Abs(v), 1e-9)
	}
	return c
}

func placement(values []kpi.Value, code string, d kpi.Direction) any {
	places, err := kpi.Place(values, d, kpi.DefaultThresholds())
	if err != nil {
		return nil
	}
	for _, p := range places {
		if p.Code == code && p.Valid {
			return map[string]any{"rank": p.Rank, "of": len(values), "percentile": p.Percentile, "colour": string(p.Colour)}
		}
	}
	return nil
}

func latest(series map[int]float64) int {
	y := 0
	for k := range series {
		if k > y {
			y = k
		}
	}
	return y
}
