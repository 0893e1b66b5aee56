package store

import (
	"context"
	"fmt"
	"strings"
)

// The rules of the DECIDED phase, named in a refusal's Error.Rule.
const (
	// RuleDecisionsComplete: every submitted application not screened
	// out has a decision (NOT_SELECTED counts), unless there is no award
	// this cycle.
	RuleDecisionsComplete = "DECISIONS_COMPLETE"
	// RuleWinnerOrNoAward: a DECIDED cycle has a winner or says there is
	// no award this cycle.
	RuleWinnerOrNoAward = "WINNER_OR_NO_AWARD"
	// RuleNoAward: a cycle without an award has no winner.
	RuleNoAward = "NO_AWARD"
)

// checkDecided checks that cycle c may become DECIDED: every flagged cell
// agreed (checks), every decision still passing its rules (scores or
// eligibility may have changed since), and a decision on every submitted
// application not screened out and at least one winner, or no award.
func checkDecided(ctx context.Context, tx conn, c *Cycle, checks PhaseChecks) error {
	for _, app := range sortedKeys(checks.Consensus) {
		if err := checkConsensus(ctx, tx, app, checks.Consensus[app]); err != nil {
			return err
		}
	}
	var apps []*Application
	if err := tx.sel(ctx, &apps, `SELECT * FROM applications WHERE cycle_id = $1 AND status = 'SUBMITTED' ORDER BY id`, c.ID); err != nil {
		return err
	}
	var undecided, names []string
	winners := 0
	for _, a := range apps {
		if a.Decision == nil {
			if a.Eligibility != "NOT_ELIGIBLE" {
				undecided, names = append(undecided, itoa(a.ID)), append(names, fmt.Sprintf("%d (%s)", a.ID, a.Title))
			}
			continue
		}
		if *a.Decision == "WINNER" {
			winners++
		}
		if err := checkDecision(ctx, tx, c, a, *a.Decision); err != nil {
			return err
		}
	}
	switch {
	case c.NoAward:
		return nil
	case len(undecided) > 0:
		which := "application " + names[0] + " has"
		if len(names) > 1 {
			which = "applications " + strings.Join(names, ", ") + " have"
		}
		return refusal(Incomplete, RuleDecisionsComplete, undecided, "cycle %d cannot be DECIDED: %s no decision; "+
			"record one for each (NOT_SELECTED included) or declare no award this cycle (setNoAward)", c.ID, which)
	case winners == 0:
		return refusal(Incomplete, RuleWinnerOrNoAward, nil, "cycle %d cannot be DECIDED without a winner; "+
			"record a WINNER or declare no award this cycle (setNoAward)", c.ID)
	}
	return nil
}

// SetNoAward records, with a reason, that the cycle gives no award (or
// takes that back); only admins may, while the cycle is in CONSENSUS, and
// not while an application is decided WINNER. A cycle without an award may
// become DECIDED without a winner and without a decision on every
// application; the reason is public once it is published.
func (db *DB) SetNoAward(ctx context.Context, id int64, version int, noAward bool, reason string) (*Cycle, error) {
	if noAward {
		if err := checkReason(&reason); err != nil {
			return nil, err
		}
	} else {
		reason = ""
	}
	return db.changeCycle(ctx, id, version, func(tx conn, old, c *Cycle) error {
		if old.Phase != PhaseConsensus {
			return Errorf(WrongPhase, "cycle %d is %s; no award is declared while it is CONSENSUS (reopenPhase goes back)", id, old.Phase)
		}
		if noAward {
			if err := checkNoWinner(ctx, tx, id); err != nil {
				return err
			}
		}
		if err := tx.get(ctx, c, `UPDATE cycles SET no_award = $2, no_award_reason = $3, version = version + 1
			WHERE id = $1 RETURNING *`, id, noAward, reason); err != nil {
			return err
		}
		return db.audit(ctx, tx, id, "cycle.no_award", "cycle", id,
			map[string]any{"noAward": old.NoAward, "reason": old.NoAwardReason}, map[string]any{"noAward": noAward, "reason": reason})
	})
}

func checkNoWinner(ctx context.Context, tx conn, cycle int64) error {
	var winners []string
	err := tx.sel(ctx, &winners, `SELECT id::text FROM applications WHERE cycle_id = $1 AND decision = 'WINNER' ORDER BY id`, cycle)
	if err == nil && len(winners) > 0 {
		return refusal(Invalid, RuleNoAward, winners, "cycle %d has winners (applications %s); record another decision for them first",
			cycle, strings.Join(winners, ", "))
	}
	return err
}
