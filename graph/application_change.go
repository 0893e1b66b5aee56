package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// versioned are the arguments of a change to an application.
var versionedArgs = func() graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"id":      {Type: graphql.NewNonNull(idType)},
		"version": {Type: graphql.NewNonNull(graphql.Int), Description: "The version you read; a stale one is a CONFLICT."},
	}
}

// changeResolver reads id and version and runs fn.
func changeResolver(fn func(p graphql.ResolveParams, id int64, version int) (*store.Application, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		id, err := idArg(p, "id")
		if err != nil {
			return nil, err
		}
		return fn(p, id, integer(p.Args, "version"))
	}
}

func (s *schema) applicationMutations(mutation graphql.Fields) {
	mutation["createApplication"] = &graphql.Field{Type: nonNull(s.application),
		Description: "Creates a draft for one of your organisations in an OPEN cycle.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("CreateApplicationInput",
			graphql.InputObjectConfigFieldMap{
				"cycleId":        {Type: graphql.NewNonNull(idType)},
				"organisationId": {Type: graphql.NewNonNull(idType)},
				"title":          {Type: graphql.NewNonNull(graphql.String)},
				"summary":        {Type: graphql.String},
			}))}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			cycle, err := parseID("cycleId", in["cycleId"])
			if err != nil {
				return nil, err
			}
			org, err := parseID("organisationId", in["organisationId"])
			if err != nil {
				return nil, err
			}
			return s.db.CreateApplication(s.keyed(p), store.NewApplication{CycleID: cycle, OrganisationID: org,
				Title: str(in, "title"), Summary: str(in, "summary")})
		}}
	update := versionedArgs()
	update["input"] = &graphql.ArgumentConfig{Type: graphql.NewNonNull(s.applicationUpdateInput())}
	mutation["updateApplication"] = &graphql.Field{Type: nonNull(s.application), Args: update,
		Description: "Edits a draft while the cycle is OPEN. Answers are set per criterion (blank text removes one); indicators, when given, replace the list.",
		Resolve: changeResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Application, error) {
			upd, err := applicationUpdate(input(p))
			if err != nil {
				return nil, err
			}
			return s.db.UpdateApplication(p.Context, id, version, upd)
		})}
	mutation["submitApplication"] = &graphql.Field{Type: nonNull(s.application), Args: versionedArgs(),
		Description: "Submits a draft with every required answer before the cycle closes (else INCOMPLETE or DEADLINE_PASSED).",
		Resolve: changeResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Application, error) {
			return s.db.SubmitApplication(p.Context, id, version)
		})}
	withdraw := versionedArgs()
	withdraw["reason"] = &graphql.ArgumentConfig{Type: graphql.String}
	mutation["withdrawApplication"] = &graphql.Field{Type: nonNull(s.application), Args: withdraw,
		Description: "Withdraws an application until the cycle's decisions are made (clearing a decision already recorded); reopenApplication undoes it while the cycle is OPEN.",
		Resolve: changeResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Application, error) {
			return s.db.WithdrawApplication(p.Context, id, version, str(p.Args, "reason"))
		})}
	mutation["reopenApplication"] = &graphql.Field{Type: nonNull(s.application), Args: versionedArgs(),
		Description: "Makes a withdrawn application a draft again while its cycle is OPEN, so that the organisation (which cannot apply twice in a cycle) takes part after all; its members and admins, audited (application.reopen). Submit it again before the deadline.",
		Resolve: changeResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Application, error) {
			return s.db.ReopenApplication(p.Context, id, version)
		})}
	screen := versionedArgs()
	screen["eligible"] = &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.Boolean)}
	screen["reason"] = &graphql.ArgumentConfig{Type: graphql.String, Description: "Required when not eligible."}
	mutation["screenApplication"] = &graphql.Field{Type: nonNull(s.application), Args: screen,
		Description: "Records whether a submitted application is eligible; admins only.",
		Resolve: changeResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Application, error) {
			eligible, _ := p.Args["eligible"].(bool)
			return s.db.ScreenApplication(p.Context, id, version, eligible, str(p.Args, "reason"))
		})}
}

func (s *schema) applicationUpdateInput() *graphql.InputObject {
	answer := inputObject("AnswerInput", graphql.InputObjectConfigFieldMap{
		"criterionId": {Type: graphql.NewNonNull(idType)},
		"text":        {Type: graphql.NewNonNull(graphql.String)},
	})
	return inputObject("UpdateApplicationInput", graphql.InputObjectConfigFieldMap{
		"title":      {Type: graphql.String},
		"summary":    {Type: graphql.String},
		"answers":    {Type: graphql.NewList(graphql.NewNonNull(answer))},
		"indicators": {Type: graphql.NewList(graphql.NewNonNull(s.indicatorInput()))},
	})
}

func applicationUpdate(m map[string]any) (store.ApplicationUpdate, error) {
	upd := store.ApplicationUpdate{Title: optStr(m, "title"), Summary: optStr(m, "summary")}
	answers, _ := m["answers"].([]any)
	for _, a := range answers {
		am, _ := a.(map[string]any)
		id, err := parseID("answers.criterionId", am["criterionId"])
		if err != nil {
			return upd, err
		}
		upd.Answers = append(upd.Answers, store.AnswerInput{CriterionID: id, Text: str(am, "text")})
	}
	if raw, ok := m["indicators"].([]any); ok {
		list := make([]store.IndicatorInput, 0, len(raw))
		for _, r := range raw {
			rm, _ := r.(map[string]any)
			list = append(list, indicatorInput(rm))
		}
		upd.Indicators = &list
	}
	return upd, nil
}
