package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) scoreType() *graphql.Object {
	return obj("Score", "A juror's score and comments on one criterion. Applicants never see these.", graphql.Fields{
		"applicationId": {Type: nonNull(idType)}, "jurorId": {Type: nonNull(idType)},
		"criterionId": {Type: nonNull(idType)}, "value": {Type: graphql.Float},
		"strengths": {Type: nonNull(graphql.String)}, "opportunities": {Type: nonNull(graphql.String)},
		"updatedAt": {Type: nonNull(graphql.DateTime)},
		"revisedAfterSeeingAt": {Type: graphql.DateTime, Description: "When the value was last changed after the juror " +
			"could see the other jurors' scores (AFTER_OWN_SUBMISSION, after submitting); null when it never was."},
	})
}

func (s *schema) consensusType() *graphql.Object {
	return obj("Consensus", "The score the jury agreed on one criterion, with the merged feedback the applicant reads.",
		graphql.Fields{
			"criterionId": {Type: nonNull(idType)}, "value": {Type: nonNull(graphql.Float)},
			"band": {Type: graphql.String, Description: "The criterion's band label for the value.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					c := p.Source.(*store.Consensus)
					return loadersFrom(p.Context).criteria.then(p.Context, c.CriterionID, func(k *store.Criterion) (any, error) {
						if k == nil {
							return nil, nil
						}
						return nilIfEmpty(k.BandFor(c.Value)), nil
					}), nil
				}},
			"strengths": {Type: nonNull(graphql.String)}, "opportunities": {Type: nonNull(graphql.String)},
			"rationale": {Type: graphql.String, Description: "Admins and jurors only.", Resolve: juryOnly(func(c *store.Consensus) any { return c.Rationale })},
			"participants": {Type: graphql.NewList(graphql.NewNonNull(idType)), Description: "Admins and jurors only.",
				Resolve: juryOnly(func(c *store.Consensus) any { return []int64(c.Participants) })},
			"recordedAt": {Type: nonNull(graphql.DateTime)},
		})
}

// juryOnly hides a consensus field from applicants, who must not learn
// jurors' names or deliberations.
func juryOnly(field func(*store.Consensus) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		if a := store.ActorFrom(p.Context); a == nil || a.Role == store.RoleApplicant {
			return nil, nil
		}
		return field(p.Source.(*store.Consensus)), nil
	}
}

// applicationJuryFields are the jury fields of Application.
func (s *schema) applicationJuryFields() graphql.Fields {
	return graphql.Fields{
		"scores": {Type: listOf(s.scoreT), Description: "Your own scores, and others' as the cycle's visibility setting allows.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return loadersFrom(p.Context).scoresByApp.load(p.Context, p.Source.(*store.Application).ID), nil
			}},
		"finalScores": s.finalScoresField(),
		"consensus": {Type: listOf(s.consensusT), Description: "Agreed scores only (criteria the jury deliberated on); applicants see them once the cycle is published. finalScores gives every criterion.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return loadersFrom(p.Context).consensusByApp.load(p.Context, p.Source.(*store.Application).ID), nil
			}},
	}
}

func (s *schema) evaluationMutations(mutation graphql.Fields) {
	mutation["saveScore"] = &graphql.Field{Type: nonNull(s.scoreT),
		Description: "Saves your score and comments for one criterion of an assigned application while the cycle is SCORING.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("ScoreInput", graphql.InputObjectConfigFieldMap{
			"applicationId": {Type: graphql.NewNonNull(idType)}, "criterionId": {Type: graphql.NewNonNull(idType)},
			"value": {Type: graphql.Float}, "strengths": {Type: graphql.String}, "opportunities": {Type: graphql.String}}))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			app, crit, err := cellIDs(in)
			if err != nil {
				return nil, err
			}
			return s.db.SaveScore(p.Context, store.ScoreInput{ApplicationID: app, CriterionID: crit, Value: optNum(in, "value"),
				Strengths: str(in, "strengths"), Opportunities: str(in, "opportunities")})
		}}
	mutation["submitEvaluation"] = &graphql.Field{Type: nonNull(s.assignmentT),
		Description: "Submits your evaluation once every scored criterion has a value (else INCOMPLETE). Edits stay possible until scoring closes.",
		Args:        graphql.FieldConfigArgument{"applicationId": {Type: graphql.NewNonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			app, err := idArg(p, "applicationId")
			if err != nil {
				return nil, err
			}
			return s.db.SubmitEvaluation(p.Context, app)
		}}
	s.consensusMutations(mutation)
}
