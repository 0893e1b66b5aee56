package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) cycleConflictType() *graphql.Object {
	kind := enum("ConflictKind", "Why a juror may not see an application.",
		store.ConflictDeclaredOrganisation, store.ConflictDeclaredMunicipality,
		store.ConflictOwnOrganisation, store.ConflictOwnMunicipality)
	return obj("CycleConflict", "One reason a juror of a cycle may not see one of its submitted applications, "+
		"nor be assigned it: a declared or recorded conflict, or the juror's own affiliation.", graphql.Fields{
		"jurorId":       {Type: nonNull(idType), Description: "The juror's user id."},
		"applicationId": {Type: nonNull(idType), Description: "The submitted application."},
		"kind": {Type: nonNull(kind), Description: "DECLARED_ORGANISATION or DECLARED_MUNICIPALITY for a declared or " +
			"recorded conflict with the application's organisation or its municipality; OWN_ORGANISATION or " +
			"OWN_MUNICIPALITY when the juror's affiliation in the cycle names them."},
		"reason":     {Type: nonNull(graphql.String), Description: "The declared reason, or the affiliation's text."},
		"conflictId": {Type: idType, Description: "The declared conflict; null for an affiliation."},
	})
}

func (s *schema) conflictCandidateType() *graphql.Object {
	return obj("ConflictCandidate", "An organisation with a submitted application in a cycle, which a juror of the "+
		"cycle can declare a conflict with (declareConflict) whether or not assigned to it.", graphql.Fields{
		"organisationId":   {Type: nonNull(idType)},
		"name":             {Type: nonNull(graphql.String)},
		"municipalityCode": {Type: graphql.String, Description: "The organisation's municipality, as it named it."},
	})
}

// conflictCandidatesField is Cycle.conflictCandidates.
func (s *schema) conflictCandidatesField() *graphql.Field {
	return &graphql.Field{Type: listOf(s.conflictCandidateT),
		Description: "The organisations with a submitted application in the cycle, by name: admins see all; a juror " +
			"of the cycle those they are not yet in conflict with (declared, or by their affiliation), so a " +
			"conflicted application stays unseen; anyone else none.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return loadersFrom(p.Context).candidatesByCycle.load(p.Context, p.Source.(*store.Cycle).ID), nil
		}}
}

// cycleConflictsField is Cycle.conflicts.
func (s *schema) cycleConflictsField() *graphql.Field {
	return &graphql.Field{Type: listOf(s.cycleConflictT),
		Description: "Every conflict between a juror of the cycle and one of its submitted applications, one per reason, " +
			"by juror and application; admins only.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			rows, err := s.db.FindCycleConflicts(p.Context, p.Source.(*store.Cycle).ID)
			if err != nil {
				return nil, err
			}
			out := make([]map[string]any, len(rows))
			for i, c := range rows {
				m := map[string]any{"jurorId": c.JurorID, "applicationId": c.ApplicationID, "kind": c.Kind,
					"reason": c.Reason, "conflictId": nil}
				if c.ConflictID != nil {
					m["conflictId"] = *c.ConflictID
				}
				out[i] = m
			}
			return out, nil
		}}
}
