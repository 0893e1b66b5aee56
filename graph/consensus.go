package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) consensusMutations(mutation graphql.Fields) {
	mutation["recordConsensus"] = &graphql.Field{Type: nonNull(s.consensusT),
		Description: "Records the agreed score for a criterion with a rationale, the participating jurors and the merged feedback; lead jurors and admins, while SCORING or CONSENSUS.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("ConsensusInput", graphql.InputObjectConfigFieldMap{
			"applicationId": {Type: graphql.NewNonNull(idType)}, "criterionId": {Type: graphql.NewNonNull(idType)},
			"value": {Type: graphql.NewNonNull(graphql.Float)}, "rationale": {Type: graphql.NewNonNull(graphql.String)},
			"participants":  {Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(idType)))},
			"strengths":     {Type: graphql.String},
			"opportunities": {Type: graphql.String}}))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			app, crit, err := cellIDs(in)
			if err != nil {
				return nil, err
			}
			parts, err := idList("participants", in["participants"])
			if err != nil {
				return nil, err
			}
			return s.db.RecordConsensus(p.Context, store.ConsensusInput{ApplicationID: app, CriterionID: crit,
				Value: num(in, "value"), Rationale: str(in, "rationale"), Participants: parts,
				Strengths: str(in, "strengths"), Opportunities: str(in, "opportunities")})
		}}
	mutation["recordDecision"] = &graphql.Field{Type: nonNull(s.application),
		Description: "Records WINNER (shared winners allowed), FINALIST, HONOURABLE_MENTION or NOT_SELECTED with a citation, while the cycle is in CONSENSUS; audited (decision.record). Only a submitted application is decided (rule SUBMITTED); any decision but NOT_SELECTED needs it screened eligible (SCREENED_ELIGIBLE) and a score or agreed score on every scored criterion (SCORED, INCOMPLETE with the criteria in extensions.missing) unless the cycle is historical; every flagged cell needs an agreed score (CONSENSUS_REQUIRED). extensions.rule names the rule that refused it.",
		Args: graphql.FieldConfigArgument{"applicationId": {Type: graphql.NewNonNull(idType)},
			"decision": {Type: graphql.NewNonNull(s.decision)}, "citation": {Type: graphql.String}},
		Resolve: s.recordDecision}
}

func (s *schema) recordDecision(p graphql.ResolveParams) (any, error) {
	app, err := idArg(p, "applicationId")
	if err != nil {
		return nil, err
	}
	m, err := s.db.FindApplicationsByIDs(p.Context, []int64{app})
	if err != nil {
		return nil, err
	}
	a := m[app]
	if a == nil {
		return nil, store.Errorf(store.NotFound, "application %d not found", app)
	}
	c, err := loadersFrom(p.Context).cycles.get(p.Context, a.CycleID)
	if err != nil || c == nil {
		return nil, err
	}
	ev, _, err := s.evaluate(p, c)
	if err != nil {
		return nil, err
	}
	return s.db.RecordDecision(p.Context, store.DecisionInput{ApplicationID: app, Decision: str(p.Args, "decision"),
		Citation: str(p.Args, "citation"), Required: ev.Required[app]})
}

// phaseChecks computes what a cycle needs before it moves to phase to.
func (s *schema) phaseChecks(p graphql.ResolveParams, cycleID int64, to store.Phase) (store.PhaseChecks, error) {
	if to != store.PhaseDecided {
		return store.PhaseChecks{}, nil
	}
	c, err := loadersFrom(p.Context).cycles.get(p.Context, cycleID)
	if err != nil || c == nil {
		return store.PhaseChecks{}, err
	}
	ev, _, err := s.evaluate(p, c)
	if err != nil {
		return store.PhaseChecks{}, err
	}
	return store.PhaseChecks{Consensus: ev.Required}, nil
}
