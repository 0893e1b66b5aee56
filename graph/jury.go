package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) jurorType() *graphql.Object {
	return obj("Juror", "A member of a cycle's jury. The affiliation's organisation and municipality are conflicts without declaring.",
		graphql.Fields{
			"userId":           {Type: nonNull(idType)},
			"name":             {Type: nonNull(graphql.String)},
			"email":            {Type: nonNull(graphql.String)},
			"lead":             {Type: nonNull(graphql.Boolean)},
			"organisationId":   {Type: idType},
			"affiliation":      {Type: nonNull(graphql.String)},
			"municipalityCode": {Type: graphql.String},
		})
}

func (s *schema) conflictType() *graphql.Object {
	return obj("Conflict", "A juror's conflict of interest with an organisation or a whole municipality.", graphql.Fields{
		"id":               {Type: nonNull(idType)},
		"jurorId":          {Type: nonNull(idType)},
		"organisationId":   {Type: idType},
		"organisationName": {Type: graphql.String, Description: "The organisation's name, so that the juror can read their own conflicts; null for a municipality."},
		"municipalityCode": {Type: graphql.String},
		"reason":           {Type: nonNull(graphql.String)},
		"declaredBy":       {Type: nonNull(idType)},
		"createdAt":        {Type: nonNull(graphql.DateTime)},
	})
}

func (s *schema) assignmentType() *graphql.Object {
	return obj("Assignment", "A juror's task to score an application.", graphql.Fields{
		"applicationId": {Type: nonNull(idType)},
		"cycleId":       {Type: nonNull(idType)},
		"jurorId":       {Type: nonNull(idType)},
		"assignedAt":    {Type: nonNull(graphql.DateTime)},
		"recusedAt":     {Type: graphql.DateTime},
		"recusalReason": {Type: nonNull(graphql.String)},
		"submittedAt":   {Type: graphql.DateTime, Description: "When the juror submitted the evaluation."},
		"scored": {Type: nonNull(graphql.Int), Description: "How many criteria the juror has given a value on the application, of those scores the caller may see.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				a := p.Source.(*store.Assignment)
				return loadersFrom(p.Context).scoresByApp.then(p.Context, a.ApplicationID, func(scores []*store.Score) (any, error) {
					n := 0
					for _, sc := range scores {
						if sc.JurorID == a.JurorID && sc.Value != nil {
							n++
						}
					}
					return n, nil
				}), nil
			}},
	})
}

// userJuryFields are the jury fields of User.
func (s *schema) userJuryFields() graphql.Fields {
	return graphql.Fields{
		"juries": {Type: listOf(s.cycle), Description: "The cycles whose jury the user sits on, newest first: your own, or (admins) anyone's; empty otherwise.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return loadersFrom(p.Context).juriesByUser.load(p.Context, p.Source.(*store.User).ID), nil
			}},
		"assignments": {Type: listOf(s.assignmentT), Description: "The user's assignments in every cycle, newest cycle first: your own, or (admins) anyone's; empty otherwise.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return loadersFrom(p.Context).assignmentsByUser.load(p.Context, p.Source.(*store.User).ID), nil
			}},
	}
}

// assignmentApplicationField is Assignment.application: added once
// Application exists, since the two types refer to each other.
func (s *schema) assignmentApplicationField() *graphql.Field {
	return &graphql.Field{Type: s.application,
		Description: "The application to score; null when the caller may not read it (after a recusal or a conflict).",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return loadersFrom(p.Context).apps.load(p.Context, p.Source.(*store.Assignment).ApplicationID), nil
		}}
}

// cycleJuryFields are the jury fields of Cycle.
func (s *schema) cycleJuryFields() graphql.Fields {
	return graphql.Fields{
		"jury": {Type: listOf(s.juror), Description: "Admins and the cycle's jurors see it.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return loadersFrom(p.Context).juryByCycle.load(p.Context, p.Source.(*store.Cycle).ID), nil
			}},
		"assignments": {Type: listOf(s.assignmentT), Description: "Admins see all, jurors their own.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return loadersFrom(p.Context).assignmentsByCycle.load(p.Context, p.Source.(*store.Cycle).ID), nil
			}},
		"ranking":            s.rankingField(),
		"conflicts":          s.cycleConflictsField(),
		"conflictCandidates": s.conflictCandidatesField(),
		"auditActors":        s.auditActorsField(),
		"auditLog": {Type: nonNull(s.connectionType(s.auditT)), Args: withPageArgs(auditArgs), Description: "Admins only; oldest first.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				page, err := pageFrom(p.Args)
				if err != nil {
					return nil, err
				}
				f, err := auditFilter(p.Args)
				if err != nil {
					return nil, err
				}
				cycle := p.Source.(*store.Cycle).ID
				rows, more, err := s.db.FindAudit(p.Context, cycle, f, page)
				if err != nil {
					return nil, err
				}
				return newConnection(rows, func(e *store.AuditEntry) int64 { return e.ID }, more,
					func() (int, error) { return s.db.CountAudit(p.Context, cycle, f) }), nil
			}},
	}
}

func (s *schema) auditType() *graphql.Object {
	return obj("AuditEntry", "An append-only record: who did what, when, with the old and new value (JSON).", graphql.Fields{
		"id": {Type: nonNull(idType)}, "at": {Type: nonNull(graphql.DateTime)}, "actorId": {Type: idType},
		"action": {Type: nonNull(graphql.String)}, "entity": {Type: nonNull(graphql.String)},
		"entityId":  {Type: nonNull(graphql.String)},
		"actorName": {Type: graphql.String, Description: "The actor's name; null for the system."},
		"oldValue": {Type: graphql.String, Resolve: func(p graphql.ResolveParams) (any, error) {
			return rawJSON(p.Source.(*store.AuditEntry).OldValue), nil
		}},
		"newValue": {Type: graphql.String, Resolve: func(p graphql.ResolveParams) (any, error) {
			return rawJSON(p.Source.(*store.AuditEntry).NewValue), nil
		}},
	})
}
