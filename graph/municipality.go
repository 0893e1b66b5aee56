package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) municipalityType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Municipality",
		Description: "A Swedish municipality (type K) or region (L; 0000 is Riket), by its four-digit code.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"code": {Type: nonNull(graphql.String)}, "name": {Type: nonNull(graphql.String)},
				"type": {Type: nonNull(graphql.String)}, "countyCode": {Type: graphql.String}, "countyName": {Type: graphql.String},
				"kommungrupp": {Type: s.groupRef, Description: "Its SKR kommungrupp.", Resolve: func(p graphql.ResolveParams) (any, error) {
					m := p.Source.(*store.Municipality)
					if m.KommungruppID == nil {
						return nil, nil
					}
					return map[string]any{"id": *m.KommungruppID, "title": deref(m.KommungruppTitle)}, nil
				}},
				"profile": s.profileField(),
			}
		}),
	})
}

func (s *schema) groupType() *graphql.Object {
	return obj("MunicipalityGroup", "A group of municipalities: a kommungrupp, county, size class, \"Liknande kommuner …\", network, or one an admin defined.",
		graphql.Fields{"id": {Type: nonNull(graphql.String)}, "title": {Type: nonNull(graphql.String)},
			"kind": {Type: nonNull(s.groupKind)}, "members": {Type: listOf(graphql.String), Description: "Municipality codes."}})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (s *schema) municipalityFields(query, mutation graphql.Fields) {
	query["municipalities"] = &graphql.Field{Type: listOf(s.municipality),
		Description: "Reference data, public. The list is bounded (290 municipalities and 22 regions), so it is not paginated.",
		Args: graphql.FieldConfigArgument{"type": {Type: graphql.String, Description: "K or L."},
			"countyCode": {Type: graphql.String}, "groupId": {Type: graphql.String}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.FindMunicipalities(p.Context, store.MunicipalityFilter{Type: str(p.Args, "type"),
				CountyCode: str(p.Args, "countyCode"), GroupID: str(p.Args, "groupId")})
		}}
	query["municipality"] = &graphql.Field{Type: s.municipality, Args: graphql.FieldConfigArgument{"code": {Type: nonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			m, err := s.db.FindMunicipalityByCode(p.Context, str(p.Args, "code"))
			if store.ErrorCode(err) == store.NotFound {
				return nil, nil
			}
			return m, err
		}}
	query["groups"] = &graphql.Field{Type: listOf(s.group), Description: "Municipality groups; public.",
		Args: graphql.FieldConfigArgument{"kind": {Type: s.groupKind}, "search": {Type: graphql.String},
			"member": {Type: graphql.String, Description: "Groups this municipality belongs to."}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.FindGroups(p.Context, store.GroupFilter{Kind: store.GroupKind(str(p.Args, "kind")),
				Search: str(p.Args, "search"), Member: str(p.Args, "member")})
		}}
}
