package graph

import (
	"encoding/base64"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) kpiType() *graphql.Object {
	settings := func(f func(store.KPISettings) any) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) { return f(p.Source.(*store.KPI).KPISettings), nil }
	}
	return obj("KPI", "A Kolada key performance indicator, with the unit, direction and legal limit the project keeps.", graphql.Fields{
		"id": {Type: nonNull(graphql.String)}, "title": {Type: nonNull(graphql.String)},
		"description": {Type: nonNull(graphql.String)}, "operatingArea": {Type: nonNull(graphql.String)},
		"perspective": {Type: graphql.String}, "isDividedByGender": {Type: nonNull(graphql.Boolean)},
		"municipalityType": {Type: nonNull(graphql.String)}, "hasOuData": {Type: nonNull(graphql.Boolean)},
		"unit": {Type: nonNull(graphql.String), Resolve: settings(func(k store.KPISettings) any { return k.Unit })},
		"direction": {Type: nonNull(graphql.String), Description: "HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL.",
			Resolve: settings(func(k store.KPISettings) any { return string(k.Direction) })},
		"legalLimit": {Type: graphql.Float, Resolve: settings(func(k store.KPISettings) any { return k.LegalLimit })},
		"values":     s.kpiValuesField(),
	})
}

func kpiCursor(id string) string { return base64.RawURLEncoding.EncodeToString([]byte("k:" + id)) }

func kpiAfter(args map[string]any) (string, error) {
	s, _ := args["after"].(string)
	if s == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || !strings.HasPrefix(string(b), "k:") {
		return "", store.InvalidField("after", "is not a cursor from this API")
	}
	return string(b[2:]), nil
}

func (s *schema) kpiFields(query, mutation graphql.Fields) {
	page := obj("KPIPage", "A page of KPIs ordered by id.", graphql.Fields{
		"nodes": {Type: listOf(s.kpi)}, "endCursor": {Type: graphql.String}, "hasNextPage": {Type: nonNull(graphql.Boolean)}})
	query["kpis"] = &graphql.Field{Type: nonNull(page), Description: "Search the KPI catalogue by text in the title and by operating area; public.",
		Args: withPageArgs(graphql.FieldConfigArgument{"search": {Type: graphql.String}, "operatingArea": {Type: graphql.String}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			pg, err := pageFrom(map[string]any{"first": p.Args["first"]})
			if err != nil {
				return nil, err
			}
			after, err := kpiAfter(p.Args)
			if err != nil {
				return nil, err
			}
			ks, err := s.db.FindKPIs(p.Context, store.KPIFilter{Search: str(p.Args, "search"),
				OperatingArea: str(p.Args, "operatingArea"), After: after, Limit: pg.First + 1})
			if err != nil {
				return nil, err
			}
			more := len(ks) > pg.First
			if more {
				ks = ks[:pg.First]
			}
			var end any
			if len(ks) > 0 {
				end = kpiCursor(ks[len(ks)-1].ID)
			}
			return map[string]any{"nodes": ks, "endCursor": end, "hasNextPage": more}, nil
		}}
	query["kpi"] = &graphql.Field{Type: s.kpi, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			k, err := s.db.FindKPIByID(p.Context, str(p.Args, "id"))
			if store.ErrorCode(err) == store.NotFound {
				return nil, nil
			}
			return k, err
		}}
	mutation["updateKPISettings"] = &graphql.Field{Type: nonNull(s.kpi),
		Description: "Sets a KPI's unit, direction and legal limit (Kolada publishes no direction); admins only. Imports keep them.",
		Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.String)}, "unit": {Type: graphql.String},
			"direction": {Type: graphql.NewNonNull(graphql.String)}, "legalLimit": {Type: graphql.Float}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.UpdateKPISettings(p.Context, str(p.Args, "id"), store.KPISettings{Unit: str(p.Args, "unit"),
				Direction: store.Direction(str(p.Args, "direction")), LegalLimit: optNum(p.Args, "legalLimit")})
		}}
}
