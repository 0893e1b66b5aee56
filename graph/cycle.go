package graph

import (
	"time"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) cycleType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Cycle",
		Description: "One year of an award: deadlines, phase and jury settings.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return with(with(s.cycleJuryFields(), s.cycleRuleFields()), graphql.Fields{
				"id":                   {Type: nonNull(idType)},
				"year":                 {Type: nonNull(graphql.Int)},
				"title":                {Type: nonNull(graphql.String)},
				"opensAt":              {Type: nonNull(graphql.DateTime)},
				"closesAt":             {Type: nonNull(graphql.DateTime), Description: "Applications close."},
				"scoringClosesAt":      {Type: nonNull(graphql.DateTime), Description: "Jurors' scores close."},
				"phase":                {Type: nonNull(s.phase)},
				"scoreVisibility":      {Type: nonNull(s.visibility)},
				"aggregation":          {Type: nonNull(s.aggregation)},
				"jurorsPerApplication": {Type: nonNull(graphql.Int)},
				"template":             {Type: s.template},
				"version":              {Type: nonNull(graphql.Int)},
				"createdAt":            {Type: nonNull(graphql.DateTime)},
				"award": {Type: s.award, Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).awards.load(p.Context, p.Source.(*store.Cycle).AwardID), nil
				}},
				"results": {Type: listOf(s.result),
					Description: "Winners, finalists and honourable mentions; public once the cycle is PUBLISHED, empty before.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						return loadersFrom(p.Context).resultsByCycle.load(p.Context, p.Source.(*store.Cycle).ID), nil
					}},
				"flagRangeShare": {Type: nonNull(graphql.Float), Description: "A cell is flagged when its range exceeds this share of the scale."},
				"flagSdShare": {Type: nonNull(graphql.Float), Description: "… or its standard deviation exceeds this share.",
					Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(*store.Cycle).FlagSDShare, nil }},
				"lockScoresAfterSeeing": {Type: nonNull(graphql.Boolean), Description: "Whether a juror's score values are locked " +
					"once they could see the other jurors' (AFTER_OWN_SUBMISSION, after submitting); otherwise changes are flagged.",
					Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(*store.Cycle).LockScoresAfterSeeing, nil }},
				"reliabilityMinApplications": {Type: nonNull(graphql.Int),
					Description: "The fewest applications the jury's intraclass correlations are estimated on; below it the ranking says too few applications to estimate."},
				"criteria": {Type: listOf(s.criterion), Description: "Every criterion, categories and items, in order.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						return loadersFrom(p.Context).criteriaByCycle.load(p.Context, p.Source.(*store.Cycle).ID), nil
					}},
			})
		}),
	})
}

func (s *schema) resultType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Result",
		Description: "A published outcome: the organisation, its application and the jury's citation.",
		Fields: graphql.Fields{
			"applicationId":        {Type: nonNull(idType)},
			"applicationTitle":     {Type: nonNull(graphql.String)},
			"organisationName":     {Type: nonNull(graphql.String)},
			"municipalityCode":     {Type: graphql.String, Description: "The organisation's municipality as it named it; see municipalityVerified."},
			"municipalityVerified": {Type: nonNull(graphql.Boolean), Description: "Whether an admin has verified the organisation's municipality."},
			"decision":             {Type: nonNull(s.decision)},
			"citation":             {Type: nonNull(graphql.String)},
		},
	})
}

func (s *schema) cycleSettingsFields() graphql.InputObjectConfigFieldMap {
	return graphql.InputObjectConfigFieldMap{
		"title":                {Type: graphql.NewNonNull(graphql.String)},
		"opensAt":              {Type: graphql.NewNonNull(graphql.DateTime)},
		"closesAt":             {Type: graphql.NewNonNull(graphql.DateTime)},
		"scoringClosesAt":      {Type: graphql.NewNonNull(graphql.DateTime)},
		"scoreVisibility":      {Type: s.visibility, Description: "Default AFTER_OWN_SUBMISSION."},
		"aggregation":          {Type: s.aggregation, Description: "Default MEAN."},
		"jurorsPerApplication": {Type: graphql.Int, Description: "Default 3."},
		"flagRangeShare":       {Type: graphql.Float, Description: "Default 0.30."},
		"flagSdShare":          {Type: graphql.Float, Description: "Default 0.15."},
		"lockScoresAfterSeeing": {Type: graphql.Boolean, Description: "Under AFTER_OWN_SUBMISSION, refuse (SCORES_LOCKED) a juror's " +
			"change to a score value once they have submitted and so could see the other jurors' scores; comments stay editable. " +
			"Default false: such changes are only flagged (revisedAfterSeeing) and audited (score.save.after_seeing)."},
		"reliabilityMinApplications": {Type: graphql.Int,
			Description: "The fewest applications ICC is estimated on: default 5, 2 to 1000."},
	}
}

func cycleSettings(m map[string]any) store.CycleSettings {
	t := func(name string) time.Time { v, _ := m[name].(time.Time); return v }
	out := store.CycleSettings{Title: str(m, "title"), OpensAt: t("opensAt"), ClosesAt: t("closesAt"),
		ScoringClosesAt: t("scoringClosesAt"), ScoreVisibility: str(m, "scoreVisibility"),
		Aggregation: str(m, "aggregation"), JurorsPerApplication: integer(m, "jurorsPerApplication"),
		FlagRangeShare: num(m, "flagRangeShare"), FlagSDShare: num(m, "flagSdShare"),
		ReliabilityMinApplications: integer(m, "reliabilityMinApplications")}
	out.LockScoresAfterSeeing, _ = m["lockScoresAfterSeeing"].(bool)
	return out
}

func (s *schema) cycleFields(query, mutation graphql.Fields) {
	query["cycle"] = &graphql.Field{Type: s.cycle,
		Args: graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return loadersFrom(p.Context).cycles.load(p.Context, id), nil
		}}
	query["templates"] = &graphql.Field{Type: listOf(s.template), Description: "The cycle templates.",
		Resolve: func(p graphql.ResolveParams) (any, error) { return store.TemplateNames(), nil }}
	create := s.cycleSettingsFields()
	create["awardId"] = &graphql.InputObjectFieldConfig{Type: graphql.NewNonNull(idType)}
	create["year"] = &graphql.InputObjectFieldConfig{Type: graphql.NewNonNull(graphql.Int)}
	create["template"] = &graphql.InputObjectFieldConfig{Type: s.template,
		Description: "Start from LEAN_PRIZE, EFQM_2020 or BALDRIGE criteria."}
	mutation["createCycle"] = &graphql.Field{Type: nonNull(s.cycle), Description: "Creates a cycle in DRAFT; admins only.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("CreateCycleInput", create))}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			award, err := parseID("awardId", in["awardId"])
			if err != nil {
				return nil, err
			}
			return s.db.CreateCycle(s.keyed(p), store.CycleInput{AwardID: award, Year: integer(in, "year"),
				Template: str(in, "template"), CycleSettings: cycleSettings(in)})
		}}
	s.cycleChangeMutations(mutation)
}

func (s *schema) cycleChangeMutations(mutation graphql.Fields) {
	s.cycleRuleMutations(mutation)
	mutation["updateCycle"] = &graphql.Field{Type: nonNull(s.cycle), Description: "Admins only.",
		Args: graphql.FieldConfigArgument{
			"id":      {Type: graphql.NewNonNull(idType)},
			"version": {Type: graphql.NewNonNull(graphql.Int)},
			"input":   {Type: graphql.NewNonNull(inputObject("CycleSettingsInput", s.cycleSettingsFields()))},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return s.db.UpdateCycle(p.Context, id, integer(p.Args, "version"), cycleSettings(input(p)))
		}}
	mutation["advanceCycle"] = &graphql.Field{Type: nonNull(s.cycle),
		Description: "Moves a cycle to the next phase (DRAFT → OPEN → CLOSED → SCORING → CONSENSUS → DECIDED → PUBLISHED); admins only, audited. DECIDED needs a decision on every submitted application not screened out and a winner (rules DECISIONS_COMPLETE with the applications in extensions.missing, WINNER_OR_NO_AWARD), or no award this cycle (setNoAward); reopenPhase goes back.",
		Args: graphql.FieldConfigArgument{
			"id":      {Type: graphql.NewNonNull(idType)},
			"version": {Type: graphql.NewNonNull(graphql.Int)},
			"to":      {Type: graphql.NewNonNull(s.phase)},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			to, _ := p.Args["to"].(store.Phase)
			checks, err := s.phaseChecks(p, id, to)
			if err != nil {
				return nil, err
			}
			return s.db.AdvanceCycle(p.Context, id, integer(p.Args, "version"), to, checks)
		}}
}
