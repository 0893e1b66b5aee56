package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) awardType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Award",
		Description: "A prize given in yearly cycles, such as Svenska Leanpriset.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":          {Type: nonNull(idType)},
				"name":        {Type: nonNull(graphql.String)},
				"description": {Type: nonNull(graphql.String)},
				"demo":        {Type: nonNull(graphql.Boolean)},
				"createdAt":   {Type: nonNull(graphql.DateTime)},
				"cycles": {Type: listOf(s.cycle), Description: "Newest first; anonymous callers see no drafts.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						return loadersFrom(p.Context).cyclesByAward.load(p.Context, p.Source.(*store.Award).ID), nil
					}},
			}
		}),
	})
}

func (s *schema) awardFields(query, mutation graphql.Fields) {
	query["award"] = &graphql.Field{Type: s.award,
		Args: graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return loadersFrom(p.Context).awards.load(p.Context, id), nil
		}}
	query["awards"] = &graphql.Field{Type: nonNull(s.connectionType(s.award)), Args: pageArgs,
		Description: "Public.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			page, err := pageFrom(p.Args)
			if err != nil {
				return nil, err
			}
			awards, more, err := s.db.FindAwards(p.Context, page)
			if err != nil {
				return nil, err
			}
			return newConnection(awards, func(a *store.Award) int64 { return a.ID }, more,
				func() (int, error) { return s.db.CountAwards(p.Context) }), nil
		}}
	mutation["createAward"] = &graphql.Field{Type: nonNull(s.award), Description: "Admins only.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{
			"name":        {Type: graphql.NewNonNull(graphql.String)},
			"description": {Type: graphql.String, DefaultValue: ""},
		}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.CreateAward(s.keyed(p), str(p.Args, "name"), str(p.Args, "description"))
		}}
}
