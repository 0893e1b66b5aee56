package store

import (
	"context"
	"strings"
)

// changeCycle runs fn on cycle id, locked and still at version, with an
// empty cycle for fn to fill with the changed row; only admins may.
func (db *DB) changeCycle(ctx context.Context, id int64, version int, fn func(tx conn, old, c *Cycle) error) (*Cycle, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins change a cycle's phase or results")
	}
	c := &Cycle{}
	err := db.inTx(ctx, func(tx conn) error {
		old, err := db.lockCycle(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Version != version {
			return Errorf(Conflict, "cycle %d was changed by someone else; reload it and try again", id)
		}
		return fn(tx, old, c)
	})
	return c, err
}

// checkReason trims a reason and checks that there is one.
func checkReason(reason *string) error {
	*reason = strings.TrimSpace(*reason)
	return checkText("reason", *reason, 1, 2000)
}

// ReopenPhase moves a cycle back to an earlier phase, with a reason, so
// that what was closed can be done again (scores corrected, decisions
// changed, applications received); only admins may, never once the cycle
// is PUBLISHED. Nothing recorded is removed: the rules of each later phase
// are checked again when the cycle moves on. A cycle with applications
// does not go back to DRAFT (which hides it), and one goes back to OPEN
// only before closesAt.
func (db *DB) ReopenPhase(ctx context.Context, id int64, version int, to Phase, reason string) (*Cycle, error) {
	if err := checkReason(&reason); err != nil {
		return nil, err
	}
	return db.changeCycle(ctx, id, version, func(tx conn, old, c *Cycle) error {
		if err := checkReopen(ctx, tx, old, to); err != nil {
			return err
		}
		if err := db.checkEntry(ctx, tx, old, to, PhaseChecks{}); err != nil {
			return err
		}
		if err := tx.get(ctx, c, `UPDATE cycles SET phase = $2, version = version + 1 WHERE id = $1 RETURNING *`, id, to); err != nil {
			return err
		}
		return db.audit(ctx, tx, id, "cycle.reopen", "cycle", id, map[string]any{"phase": old.Phase},
			map[string]any{"phase": to, "reason": reason})
	})
}

func checkReopen(ctx context.Context, tx conn, c *Cycle, to Phase) error {
	switch {
	case to.Index() < 0:
		return InvalidField("to", "unknown phase %q", string(to))
	case c.Phase == PhasePublished:
		return Errorf(WrongPhase, "cycle %d is published and can no longer change", c.ID)
	case !to.Before(c.Phase):
		return Errorf(WrongPhase, "cycle %d is %s; a phase is reopened by going back to an earlier one", c.ID, c.Phase)
	case to != PhaseDraft:
		return nil
	}
	var n int
	if err := tx.get(ctx, &n, `SELECT count(*) FROM applications WHERE cycle_id = $1`, c.ID); err != nil {
		return err
	}
	if n > 0 {
		return Errorf(WrongPhase, "cycle %d has %d applications and cannot go back to DRAFT, which would hide them", c.ID, n)
	}
	return nil
}

// MarkCycleHistorical says whether a cycle's results are recorded without
// scores (a past year entered from the records): its decisions then need a
// submitted, eligible application but no scores (RuleScored does not
// apply), and each is audited as recorded without scores. Only admins may,
// with a reason, before the cycle is PUBLISHED, and a cycle is marked
// historical only while nobody has scored in it.
func (db *DB) MarkCycleHistorical(ctx context.Context, id int64, version int, historical bool, reason string) (*Cycle, error) {
	if err := checkReason(&reason); err != nil {
		return nil, err
	}
	return db.changeCycle(ctx, id, version, func(tx conn, old, c *Cycle) error {
		if old.Phase == PhasePublished {
			return Errorf(WrongPhase, "cycle %d is published and can no longer change", id)
		}
		if historical {
			if err := checkUnscored(ctx, tx, id); err != nil {
				return err
			}
		}
		if err := tx.get(ctx, c, `UPDATE cycles SET historical = $2, version = version + 1 WHERE id = $1 RETURNING *`,
			id, historical); err != nil {
			return err
		}
		return db.audit(ctx, tx, id, "cycle.historical", "cycle", id, map[string]any{"historical": old.Historical},
			map[string]any{"historical": historical, "reason": reason})
	})
}

// RuleHistoricalUnscored: only a cycle nobody has scored in is historical.
const RuleHistoricalUnscored = "HISTORICAL_UNSCORED"

func checkUnscored(ctx context.Context, tx conn, cycle int64) error {
	var scored bool
	err := tx.get(ctx, &scored, `SELECT EXISTS (SELECT 1 FROM scores s JOIN applications a ON a.id = s.application_id
			WHERE a.cycle_id = $1 AND s.value IS NOT NULL)
		OR EXISTS (SELECT 1 FROM consensus cs JOIN applications a ON a.id = cs.application_id WHERE a.cycle_id = $1)`, cycle)
	if err == nil && scored {
		return refusal(Invalid, RuleHistoricalUnscored, nil,
			"cycle %d has scores; its results are decided on them and it cannot be marked historical", cycle)
	}
	return err
}
