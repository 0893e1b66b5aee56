package graph

import (
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// auditArgs filter Cycle.auditLog; each narrows the log, and none given
// lists it whole.
var auditArgs = graphql.FieldConfigArgument{
	"actorId": {Type: idType, Description: "Only what this user did."},
	"action":  {Type: graphql.String, Description: "Only this action, such as assignment.add or juror.add."},
	"entity":  {Type: graphql.String, Description: "Only changes to this kind of thing, such as assignment or application."},
	"from":    {Type: graphql.DateTime, Description: "Only entries at or after this time."},
	"to":      {Type: graphql.DateTime, Description: "Only entries before this time."},
}

// auditFilter reads auditArgs; from must come before to.
func auditFilter(args map[string]any) (store.AuditFilter, error) {
	actor, err := optionalID(args, "actorId")
	if err != nil {
		return store.AuditFilter{}, err
	}
	f := store.AuditFilter{ActorID: actor, Action: strings.TrimSpace(str(args, "action")), Entity: strings.TrimSpace(str(args, "entity"))}
	if len(f.Action) > 100 || len(f.Entity) > 100 {
		return f, store.InvalidField("action", "action and entity have at most 100 characters")
	}
	if t, ok := args["from"].(time.Time); ok {
		f.From = &t
	}
	if t, ok := args["to"].(time.Time); ok {
		f.To = &t
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		return f, store.InvalidField("to", "must be after from")
	}
	return f, nil
}

func (s *schema) auditActorType() *graphql.Object {
	return obj("AuditActor", "Someone with entries in a cycle's audit log: whom auditLog(actorId:) can name.", graphql.Fields{
		"id":      {Type: nonNull(idType), Description: "The user's id."},
		"name":    {Type: nonNull(graphql.String)},
		"entries": {Type: nonNull(graphql.Int), Description: "How many entries of the cycle's log are theirs."},
	})
}

// auditActorsField is Cycle.auditActors.
func (s *schema) auditActorsField() *graphql.Field {
	return &graphql.Field{Type: listOf(s.auditActorT),
		Description: "Everyone with entries in the cycle's audit log, by name; admins only.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.FindAuditActors(p.Context, p.Source.(*store.Cycle).ID)
		}}
}
