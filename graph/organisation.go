package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) organisationType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Organisation",
		Description: "A municipality, district, region, agency or company that applies for awards.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":     {Type: nonNull(idType)},
				"name":   {Type: nonNull(graphql.String)},
				"kind":   {Type: nonNull(s.orgKind)},
				"sector": {Type: nonNull(s.sector)},
				"municipalityCode": {Type: graphql.String, Description: "Four digits, such as 1280 for Malmö, as the " +
					"organisation named it: unverified until municipalityVerified."},
				"municipalityVerified": {Type: nonNull(graphql.Boolean), Description: "Whether an admin has verified the " +
					"municipality code (verifyOrganisationMunicipality); a changed code is unverified again.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						return p.Source.(*store.Organisation).MunicipalityVerified(), nil
					}},
				"municipalityVerifiedAt": {Type: graphql.DateTime, Description: "When it was verified; null while unverified."},
				"orgNumber":              {Type: graphql.String, Description: "Swedish organisation number."},
				"demo":                   {Type: nonNull(graphql.Boolean)},
				"version":                {Type: nonNull(graphql.Int)},
				"createdAt":              {Type: nonNull(graphql.DateTime)},
				"members": {Type: listOf(s.user), Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).members.load(p.Context, p.Source.(*store.Organisation).ID), nil
				}},
			}
		}),
	})
}

func (s *schema) organisationInput() *graphql.InputObject {
	return inputObject("OrganisationInput", graphql.InputObjectConfigFieldMap{
		"name":             {Type: graphql.NewNonNull(graphql.String)},
		"kind":             {Type: graphql.NewNonNull(s.orgKind)},
		"sector":           {Type: graphql.NewNonNull(s.sector)},
		"municipalityCode": {Type: graphql.String},
		"orgNumber":        {Type: graphql.String},
	})
}

func organisationInput(m map[string]any) store.OrganisationInput {
	return store.OrganisationInput{Name: str(m, "name"), Kind: str(m, "kind"), Sector: str(m, "sector"),
		MunicipalityCode: optStr(m, "municipalityCode"), OrgNumber: optStr(m, "orgNumber")}
}

func (s *schema) organisationFields(query, mutation graphql.Fields) {
	query["organisation"] = &graphql.Field{Type: s.organisation,
		Args: graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return loadersFrom(p.Context).orgs.load(p.Context, id), nil
		}}
	query["organisations"] = &graphql.Field{Type: nonNull(s.connectionType(s.organisation)), Args: pageArgs,
		Description: "Admins see every organisation, applicants their own.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			page, err := pageFrom(p.Args)
			if err != nil {
				return nil, err
			}
			orgs, more, err := s.db.FindOrganisations(p.Context, page)
			if err != nil {
				return nil, err
			}
			return newConnection(orgs, func(o *store.Organisation) int64 { return o.ID }, more,
				func() (int, error) { return s.db.CountOrganisations(p.Context) }), nil
		}}
	in := s.organisationIn
	mutation["createOrganisation"] = &graphql.Field{Type: nonNull(s.organisation), Description: "Admins only.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(in)}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.CreateOrganisation(s.keyed(p), organisationInput(input(p)))
		}}
	mutation["verifyOrganisationMunicipality"] = &graphql.Field{Type: nonNull(s.organisation),
		Description: "Admins only: record that the organisation's municipality code has been checked (verified: true), " +
			"or withdraw that (false). Audited. `version` is the version you read.",
		Args: graphql.FieldConfigArgument{
			"id":       {Type: graphql.NewNonNull(idType)},
			"version":  {Type: graphql.NewNonNull(graphql.Int)},
			"verified": {Type: graphql.NewNonNull(graphql.Boolean), Description: "true to verify, false to withdraw."},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			verified, _ := p.Args["verified"].(bool)
			return s.db.VerifyOrganisationMunicipality(p.Context, id, integer(p.Args, "version"), verified)
		}}
	mutation["updateOrganisation"] = &graphql.Field{Type: nonNull(s.organisation),
		Description: "Admins and the organisation's members. `version` is the version you read.",
		Args: graphql.FieldConfigArgument{
			"id":      {Type: graphql.NewNonNull(idType)},
			"version": {Type: graphql.NewNonNull(graphql.Int)},
			"input":   {Type: graphql.NewNonNull(in)},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return s.db.UpdateOrganisation(p.Context, id, integer(p.Args, "version"), organisationInput(input(p)))
		}}
}
