package store

import (
	"context"
	"strings"
)

// The decisions on an application.
var Decisions = []string{"WINNER", "FINALIST", "HONOURABLE_MENTION", "NOT_SELECTED"}

// DecisionVisible is the one rule for who sees an application's decision
// and citation, given its cycle and the caller's place on the cycle's jury:
// admins always; the jury as long as they may see its ranking (the lead
// juror at once, the other jurors from CONSENSUS on, see rankingQuery);
// anyone else who may see the application once the cycle is PUBLISHED.
func DecisionVisible(a *Actor, c *Cycle, role JuryRole) bool {
	switch {
	case a.IsAdmin(), c.Phase == PhasePublished:
		return true
	case a == nil || a.Role != RoleJuror || !role.Member:
		return false
	}
	return role.Lead || !c.Phase.Before(PhaseConsensus)
}

// JuryRoleOf is a's place among a cycle's jurors.
func JuryRoleOf(jurors []*Juror, a *Actor) JuryRole {
	for _, j := range jurors {
		if a != nil && j.UserID == a.UserID {
			return JuryRole{Member: true, Lead: j.Lead}
		}
	}
	return JuryRole{}
}

// DecisionInput records the jury's decision on an application. Required
// lists the criteria whose cells were flagged for disagreement: each needs
// an agreed score before the decision.
type DecisionInput struct {
	ApplicationID int64
	Decision      string
	Citation      string
	Required      []int64
}

// RecordDecision records a decision while the cycle is in CONSENSUS; a
// lead juror without a conflict, or an admin, may. Several applications
// may share WINNER. A decision other than NOT_SELECTED must pass the
// rules of checkDecision; every decision goes to the audit log.
func (db *DB) RecordDecision(ctx context.Context, in DecisionInput) (*Application, error) {
	if !contains(Decisions, in.Decision) {
		return nil, InvalidField("decision", "must be one of %s", strings.Join(Decisions, ", "))
	}
	in.Citation = strings.TrimSpace(in.Citation)
	if err := checkText("citation", in.Citation, 0, 5000); err != nil {
		return nil, err
	}
	out := &Application{}
	err := db.inTx(ctx, func(tx conn) error {
		cycleID, err := db.checkLead(ctx, tx, in.ApplicationID, PhaseConsensus)
		if err != nil {
			return err
		}
		c, err := db.findCycle(ctx, tx, cycleID)
		if err != nil {
			return err
		}
		old := &Application{}
		if err := tx.get(ctx, old, `SELECT * FROM applications WHERE id = $1`, in.ApplicationID); err != nil {
			return err
		}
		if err := checkDecision(ctx, tx, c, old, in.Decision); err != nil {
			return err
		}
		if err := checkConsensus(ctx, tx, in.ApplicationID, in.Required); err != nil {
			return err
		}
		err = tx.get(ctx, out, `UPDATE applications SET decision = $2, citation = $3, version = version + 1, updated_at = $4
			WHERE id = $1 RETURNING *`, in.ApplicationID, in.Decision, in.Citation, db.Now())
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, cycleID, "decision.record", "application", in.ApplicationID,
			decisionState(old, nil), decisionState(out, c))
	})
	return out, err
}

// decisionState is what the audit log keeps of a decision: the decision
// and citation and, when c is a historical cycle, that it was recorded
// without scores.
func decisionState(a *Application, c *Cycle) map[string]any {
	m := map[string]any{"decision": a.Decision, "citation": a.Citation}
	if c != nil && c.Historical {
		m["withoutScores"] = true
	}
	return m
}

// checkConsensus checks that each required criterion of app has an agreed
// score.
func checkConsensus(ctx context.Context, tx conn, app int64, required []int64) error {
	if len(required) == 0 {
		return nil
	}
	var missing []string
	err := tx.sel(ctx, &missing, `SELECT k.code FROM criteria k WHERE k.id = ANY($2)
		AND NOT EXISTS (SELECT 1 FROM consensus c WHERE c.application_id = $1 AND c.criterion_id = k.id)
		ORDER BY k.position`, app, int64Array(required))
	if err == nil && len(missing) > 0 {
		e := refusal(ConsensusRequired, RuleConsensus, missing, "application %d has jurors disagreeing on criteria %s without an agreed score",
			app, strings.Join(missing, ", "))
		e.Field = "consensus"
		return e
	}
	return err
}
