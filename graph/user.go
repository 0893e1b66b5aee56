package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) userType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "User",
		Description: "An account: an admin, a juror or an applicant.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return with(s.userJuryFields(), graphql.Fields{
				"id":        {Type: nonNull(idType)},
				"email":     {Type: nonNull(graphql.String)},
				"name":      {Type: nonNull(graphql.String)},
				"role":      {Type: nonNull(s.role)},
				"demo":      {Type: nonNull(graphql.Boolean), Description: "Whether this is demo data."},
				"language":  {Type: nonNull(s.language), Description: "The preferred language, in which the user's mails are written (setLanguage)."},
				"createdAt": {Type: nonNull(graphql.DateTime)},
				"organisations": {Type: listOf(s.organisation), Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).orgsByUser.load(p.Context, p.Source.(*store.User).ID), nil
				}},
			})
		}),
	})
}

func (s *schema) sessionType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Session",
		Description: "A login. Send the token as `Authorization: Bearer <token>`.",
		Fields: graphql.Fields{
			"token":     {Type: nonNull(graphql.String)},
			"expiresAt": {Type: nonNull(graphql.DateTime)},
			"user":      {Type: nonNull(s.user)},
			"organisations": {Type: listOf(s.organisation),
				Description: "The user's organisations. (Nested fields of user are read with the rights the request was sent with; use the token for the rest.)",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					return s.db.FindSessionOrganisations(p.Context, p.Source.(*store.Session).Token)
				}},
		},
	})
}

func (s *schema) userFields(query, mutation graphql.Fields) {
	query["me"] = &graphql.Field{Type: s.user, Description: "The caller, or null when anonymous.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			a := store.ActorFrom(p.Context)
			if a == nil {
				return nil, nil
			}
			return s.findUser(p, a.UserID)
		}}
	query["user"] = &graphql.Field{Type: s.user, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return s.findUser(p, id)
		}}
	query["users"] = &graphql.Field{Type: nonNull(s.connectionType(s.user)),
		Args:        withPageArgs(graphql.FieldConfigArgument{"role": {Type: s.role, Description: "Only users of this role."}}),
		Description: "Every user, or those of one role; admins only.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			page, err := pageFrom(p.Args)
			if err != nil {
				return nil, err
			}
			role, _ := p.Args["role"].(store.Role) // "" for every role
			users, more, err := s.db.FindUsers(p.Context, page, role)
			if err != nil {
				return nil, err
			}
			return newConnection(users, func(u *store.User) int64 { return u.ID }, more,
				func() (int, error) { return s.db.CountUsers(p.Context, role) }), nil
		}}
	s.accountMutations(mutation)
}

func (s *schema) findUser(p graphql.ResolveParams, id int64) (any, error) {
	m, err := s.db.FindUsersByIDs(p.Context, []int64{id})
	if err != nil || m[id] == nil {
		return nil, err
	}
	return m[id], nil
}
