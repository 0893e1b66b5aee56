package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) applicationType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Application",
		Description: "An organisation's entry in a cycle, with its answers and claimed results.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return with(s.applicationJuryFields(), graphql.Fields{
				"id":                {Type: nonNull(idType)},
				"title":             {Type: nonNull(graphql.String)},
				"summary":           {Type: nonNull(graphql.String)},
				"status":            {Type: nonNull(s.status)},
				"eligibility":       {Type: nonNull(s.eligibility)},
				"eligibilityReason": {Type: nonNull(graphql.String)},
				"withdrawalReason":  {Type: nonNull(graphql.String)},
				"submittedAt":       {Type: graphql.DateTime},
				"withdrawnAt":       {Type: graphql.DateTime},
				"version":           {Type: nonNull(graphql.Int), Description: "Send it back with every change."},
				"demo":              {Type: nonNull(graphql.Boolean)},
				"createdAt":         {Type: nonNull(graphql.DateTime)},
				"updatedAt":         {Type: nonNull(graphql.DateTime)},
				"decision": {Type: s.decision, Description: "Admins see it at once, the cycle's jury as its ranking shows it (the lead juror at once, the others from CONSENSUS on), anyone else who may see the application once the cycle is PUBLISHED.",
					Resolve: s.decisionField(func(a *store.Application) any {
						if a.Decision == nil {
							return nil
						}
						return *a.Decision
					})},
				"citation": {Type: graphql.String, Description: "As decision.",
					Resolve: s.decisionField(func(a *store.Application) any { return a.Citation })},
				"cycle": {Type: s.cycle, Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).cycles.load(p.Context, p.Source.(*store.Application).CycleID), nil
				}},
				"organisation": {Type: s.organisation, Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).orgs.load(p.Context, p.Source.(*store.Application).OrganisationID), nil
				}},
				"answers": {Type: listOf(s.answer), Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).answersByApp.load(p.Context, p.Source.(*store.Application).ID), nil
				}},
				"indicators": {Type: listOf(s.indicator), Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).indicatorsByApp.load(p.Context, p.Source.(*store.Application).ID), nil
				}},
			})
		}),
	})
}

// decisionField resolves field (the decision or the citation) for those
// store.DecisionVisible shows it to, and null for everyone else: the same
// rule as the ranking's, in every field that shows a decision.
func (s *schema) decisionField(field func(*store.Application) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		a := p.Source.(*store.Application)
		act := store.ActorFrom(p.Context)
		if act.IsAdmin() {
			return field(a), nil
		}
		l := loadersFrom(p.Context)
		cycle := l.cycles.load(p.Context, a.CycleID)
		jury := func() (any, error) { return nil, nil }
		if act != nil && act.Role == store.RoleJuror {
			jury = l.juryByCycle.load(p.Context, a.CycleID)
		}
		return func() (any, error) {
			c, err := cycle()
			if err != nil {
				return nil, err
			}
			jurors, err := jury()
			if err != nil {
				return nil, err
			}
			cy, _ := c.(*store.Cycle)
			js, _ := jurors.([]*store.Juror)
			if cy == nil || !store.DecisionVisible(act, cy, store.JuryRoleOf(js, act)) {
				return nil, nil
			}
			return field(a), nil
		}, nil
	}
}

func (s *schema) answerType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name: "Answer",
		Fields: graphql.Fields{
			"criterionId": {Type: nonNull(idType)},
			"text":        {Type: nonNull(graphql.String)},
		},
	})
}

func (s *schema) applicationFields(query, mutation graphql.Fields) {
	query["application"] = &graphql.Field{Type: s.application,
		Description: "Null when it does not exist or the caller may not see it.",
		Args:        graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			m, err := s.db.FindApplicationsByIDs(p.Context, []int64{id})
			if err != nil || m[id] == nil {
				return nil, err
			}
			return m[id], nil
		}}
	query["applications"] = &graphql.Field{Type: nonNull(s.connectionType(s.application)),
		Description: "Admins see every application, applicants their organisations'.",
		Args: withPageArgs(graphql.FieldConfigArgument{
			"cycleId":        {Type: idType},
			"organisationId": {Type: idType},
			"status":         {Type: s.status},
		}),
		Resolve: s.listApplications}
	s.applicationMutations(mutation)
}

func (s *schema) listApplications(p graphql.ResolveParams) (any, error) {
	page, err := pageFrom(p.Args)
	if err != nil {
		return nil, err
	}
	var f store.ApplicationFilter
	if f.CycleID, err = optionalID(p.Args, "cycleId"); err != nil {
		return nil, err
	}
	if f.OrganisationID, err = optionalID(p.Args, "organisationId"); err != nil {
		return nil, err
	}
	f.Status = str(p.Args, "status")
	apps, more, err := s.db.FindApplications(p.Context, f, page)
	if err != nil {
		return nil, err
	}
	return newConnection(apps, func(a *store.Application) int64 { return a.ID }, more,
		func() (int, error) { return s.db.CountApplications(p.Context, f) }), nil
}
