package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// cycleRuleFields are a cycle's fields about how its results are decided.
func (s *schema) cycleRuleFields() graphql.Fields {
	return graphql.Fields{
		"historical": {Type: nonNull(graphql.Boolean),
			Description: "Its results were recorded without scores (a past year entered from the records): decisions need a submitted, eligible application but no scores."},
		"noAward": {Type: graphql.Boolean,
			Description: "No award this cycle (setNoAward): admins see it at once, everyone else once the cycle is PUBLISHED; null before.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				if c := p.Source.(*store.Cycle); noAwardVisible(p, c) {
					return c.NoAward, nil
				}
				return nil, nil
			}},
		"noAwardReason": {Type: graphql.String, Description: "Why no award is given this cycle; null when one is, or not yet visible.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				if c := p.Source.(*store.Cycle); c.NoAward && noAwardVisible(p, c) {
					return c.NoAwardReason, nil
				}
				return nil, nil
			}},
	}
}

func noAwardVisible(p graphql.ResolveParams, c *store.Cycle) bool {
	return c.Phase == store.PhasePublished || store.ActorFrom(p.Context).IsAdmin()
}

// cycleArgs are the arguments of an admin's change to a cycle, with more.
func cycleArgs(more graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	more["id"] = &graphql.ArgumentConfig{Type: graphql.NewNonNull(idType)}
	more["version"] = &graphql.ArgumentConfig{Type: graphql.NewNonNull(graphql.Int), Description: "The version you read; a stale one is a CONFLICT."}
	return more
}

// cycleResolver reads id and version and runs fn.
func cycleResolver(fn func(p graphql.ResolveParams, id int64, version int) (*store.Cycle, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		id, err := idArg(p, "id")
		if err != nil {
			return nil, err
		}
		return fn(p, id, integer(p.Args, "version"))
	}
}

func (s *schema) cycleRuleMutations(mutation graphql.Fields) {
	reason := func(d string) *graphql.ArgumentConfig {
		return &graphql.ArgumentConfig{Type: graphql.String, Description: d}
	}
	mutation["reopenPhase"] = &graphql.Field{Type: nonNull(s.cycle),
		Description: "Moves a cycle back to an earlier phase, with a reason, before it is PUBLISHED; admins only, audited (cycle.reopen). Nothing recorded is removed; each later phase's rules are checked again on the way forward.",
		Args: cycleArgs(graphql.FieldConfigArgument{"to": {Type: graphql.NewNonNull(s.phase), Description: "An earlier phase."},
			"reason": {Type: graphql.NewNonNull(graphql.String), Description: "Why the phase is reopened."}}),
		Resolve: cycleResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Cycle, error) {
			to, _ := p.Args["to"].(store.Phase)
			return s.db.ReopenPhase(p.Context, id, version, to, str(p.Args, "reason"))
		})}
	mutation["setNoAward"] = &graphql.Field{Type: nonNull(s.cycle),
		Description: "Declares (or takes back) that no award is given this cycle, while it is CONSENSUS and no application is a WINNER; admins only, audited (cycle.no_award). Such a cycle may become DECIDED without a winner or a decision on every application.",
		Args: cycleArgs(graphql.FieldConfigArgument{"noAward": {Type: graphql.NewNonNull(graphql.Boolean), Description: "True for no award this cycle."},
			"reason": reason("Why no award is given; required when noAward is true, and public once the cycle is published.")}),
		Resolve: cycleResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Cycle, error) {
			no, _ := p.Args["noAward"].(bool)
			return s.db.SetNoAward(p.Context, id, version, no, str(p.Args, "reason"))
		})}
	mutation["markCycleHistorical"] = &graphql.Field{Type: nonNull(s.cycle),
		Description: "Marks a cycle as historical (results recorded without scores) or not, before it is PUBLISHED and, to mark it, while nobody has scored in it; admins only, audited (cycle.historical).",
		Args: cycleArgs(graphql.FieldConfigArgument{"historical": {Type: graphql.NewNonNull(graphql.Boolean), Description: "True for results recorded without scores."},
			"reason": {Type: graphql.NewNonNull(graphql.String), Description: "Why, for the audit log."}}),
		Resolve: cycleResolver(func(p graphql.ResolveParams, id int64, version int) (*store.Cycle, error) {
			h, _ := p.Args["historical"].(bool)
			return s.db.MarkCycleHistorical(p.Context, id, version, h, str(p.Args, "reason"))
		})}
}
