package graph

import (
	"context"
	"fmt"
	"math"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/store"
)

// defaultTolerance is how far, relatively, a claimed value may lie from
// the official one and still agree.
const defaultTolerance = 0.05

func (s *schema) evidenceType() *graphql.Object {
	place := obj("Placement", "A municipality's place among others for one year.", graphql.Fields{
		"rank": {Type: graphql.Int}, "of": {Type: nonNull(graphql.Int)}, "percentile": {Type: graphql.Float},
		"colour": {Type: nonNull(graphql.String)}})
	verdict := enum("ClaimVerdict", "AGREES or DISAGREES: the official value of the claimed year lies within the tolerance of "+
		"the claim, or not; NO_OFFICIAL_VALUE: the claimed year is not published (the claim may still be placed on the nearest year).",
		kpi.Agrees, kpi.Disagrees, kpi.NoOfficialValue)
	check := obj("ClaimCheck", "A claimed value against the official series at the claimed year, or the nearest published "+
		"year within two, which it says.", graphql.Fields{
		"year": {Type: nonNull(graphql.Int)}, "claimed": {Type: nonNull(graphql.Float)},
		"officialYear": {Type: graphql.Int, Description: "The published year the official value and the places are for: the " +
			"claimed year, else the nearest within two years (the earlier of two); null when none is."},
		"official": {Type: graphql.Float, Description: "The municipality's official value in officialYear."},
		"agrees":   {Type: graphql.Boolean, Description: "Within the tolerance; null without an official value for the claimed year itself."},
		"verdict":  {Type: nonNull(verdict), Description: "AGREES, DISAGREES or NO_OFFICIAL_VALUE for the claimed year."},
		"note":     {Type: graphql.String, Description: "Said when officialYear is not the claimed year, or no year is near enough."},
		"national": {Type: place, Description: "Among every municipality with a value in officialYear."},
		"group":    {Type: place, Description: "Within the municipality's kommungrupp in officialYear."}})
	point := obj("EvidencePoint", "", graphql.Fields{"year": {Type: nonNull(graphql.Int)}, "value": {Type: nonNull(graphql.Float)}})
	return obj("Evidence", "The official KPI series behind a claimed result, for jurors and admins.", graphql.Fields{
		"kpi": {Type: nonNull(s.kpi)}, "municipalityCode": {Type: nonNull(graphql.String)},
		"municipalityName": {Type: nonNull(graphql.String)}, "kommungrupp": {Type: graphql.String},
		"series":   {Type: listOf(point)},
		"year":     {Type: graphql.Int, Description: "The year the places are for: the current claim's officialYear."},
		"national": {Type: place, Description: "The current claim's national place (current.national)."},
		"group":    {Type: place, Description: "The current claim's place within the municipality's kommungrupp (current.group)."},
		"baseline": {Type: nonNull(check)}, "current": {Type: nonNull(check)}, "tolerance": {Type: nonNull(graphql.Float)},
		"disagrees": {Type: nonNull(graphql.Boolean), Description: "Whether the baseline or the current claim DISAGREES with " +
			"the official series: marked in the ranking PDF."},
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
		src, err := loadEvidence(ctx, l, ind)
		if err != nil || src == nil {
			return nil, err
		}
		return evidenceOf(ind, src, tol), nil
	}
}

// evidenceSource is what an indicator's evidence is computed from: its
// KPI, its municipality, the KPI's official series for every municipality
// and the members of the municipality's kommungrupp.
type evidenceSource struct {
	k       *store.KPI
	m       *store.Municipality
	values  []store.PanelValue
	members []string
}

// loadEvidence reads an indicator's evidence source through l; nil when
// the indicator names no KPI and municipality or either is unknown.
func loadEvidence(ctx context.Context, l *loaders, ind *store.Indicator) (*evidenceSource, error) {
	if ind.KpiID == nil || ind.MunicipalityCode == nil {
		return nil, nil
	}
	k, err := l.kpis.get(ctx, *ind.KpiID)
	if err != nil || k == nil {
		return nil, err
	}
	m, err := l.municipalities.get(ctx, *ind.MunicipalityCode)
	if err != nil || m == nil {
		return nil, err
	}
	src := &evidenceSource{k: k, m: m}
	if src.values, err = l.seriesByKPI.get(ctx, k.ID); err != nil {
		return nil, err
	}
	if m.KommungruppID != nil {
		g, err := l.groupsByID.get(ctx, *m.KommungruppID)
		if err != nil {
			return nil, err
		}
		if g != nil {
			src.members = g.Members
		}
	}
	return src, nil
}

// evidenceOf lays out the evidence for one indicator.
func evidenceOf(ind *store.Indicator, src *evidenceSource, tol float64) map[string]any {
	e, k, m := checkEvidence(ind, src, tol), src.k, src.m
	out := map[string]any{"kpi": k, "municipalityCode": m.Code, "municipalityName": m.Name,
		"kommungrupp": derefOrNil(m.KommungruppTitle), "series": seriesPoints(e.series), "tolerance": tol,
		"synthetic": e.synthetic, "baseline": claimOut(e.baseline), "current": claimOut(e.current), "disagrees": e.disagrees()}
	if e.current.OfficialYear != 0 {
		out["year"], out["national"], out["group"] = e.current.OfficialYear, placementOut(e.current.National, e.current.NationalSize),
			placementOut(e.current.Group, e.current.GroupSize)
	}
	return out
}

// evidence is an indicator's claims checked against the official series.
type evidence struct {
	series            map[int]float64 // the municipality's values by year
	synthetic         bool
	baseline, current kpi.ClaimCheck
}

// disagrees says whether either claim disagrees with the official value.
func (e evidence) disagrees() bool {
	return e.baseline.Verdict == kpi.Disagrees || e.current.Verdict == kpi.Disagrees
}

// checkEvidence checks an indicator's baseline and current claims against
// the official values of the years it claims them for.
func checkEvidence(ind *store.Indicator, src *evidenceSource, tol float64) evidence {
	k, m, members := src.k, src.m, src.members
	e := evidence{series: map[int]float64{}}
	panel := kpi.Panel{}
	for _, v := range src.values {
		if v.Code == m.Code {
			e.series[v.Year] = v.Value
		}
		panel[v.Year] = append(panel[v.Year], kpi.Value{Code: v.Code, Value: v.Value, Valid: true})
		e.synthetic = e.synthetic || v.Synthetic
	}
	d := benchKPI(k).Direction
	e.baseline = kpi.CheckClaim(kpi.Claim{Year: ind.BaselineOn.Year(), Value: ind.BaselineValue}, m.Code, panel, members, d, tol)
	e.current = kpi.CheckClaim(kpi.Claim{Year: ind.CurrentOn.Year(), Value: ind.CurrentValue}, m.Code, panel, members, d, tol)
	return e
}

func claimOut(c kpi.ClaimCheck) map[string]any {
	out := map[string]any{"year": c.Year, "claimed": c.Value, "verdict": c.Verdict, "note": claimNote(c)}
	if c.OfficialYear == 0 {
		return out
	}
	out["officialYear"], out["official"] = c.OfficialYear, c.Official
	out["national"], out["group"] = placementOut(c.National, c.NationalSize), placementOut(c.Group, c.GroupSize)
	if c.Verdict != kpi.NoOfficialValue {
		out["agrees"] = c.Verdict == kpi.Agrees
	}
	return out
}

// claimNote says which year stands in for the claimed one, if any.
func claimNote(c kpi.ClaimCheck) any {
	switch {
	case c.OfficialYear == 0:
		return fmt.Sprintf("no official value within %d years of %d", kpi.MaxYearGap, c.Year)
	case c.OfficialYear != c.Year:
		return fmt.Sprintf("%d is not published: placed on %d, the nearest published year, and not judged", c.Year, c.OfficialYear)
	}
	return nil
}

func placementOut(p *kpi.Placing, of int) any {
	if p == nil {
		return nil
	}
	return map[string]any{"rank": p.Rank, "of": of, "percentile": p.Percentile, "colour": string(p.Colour)}
}
