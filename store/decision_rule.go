package store

import (
	"context"
	"strings"
)

// The rules a decision must pass; a refusal names the one that refused it
// in Error.Rule (extensions.rule).
const (
	// RuleSubmitted: only a submitted application is decided.
	RuleSubmitted = "SUBMITTED"
	// RuleScreenedEligible: a decision other than NOT_SELECTED needs an
	// application the secretariat screened ELIGIBLE.
	RuleScreenedEligible = "SCREENED_ELIGIBLE"
	// RuleScored: a decision other than NOT_SELECTED needs, on every
	// scored criterion, a score from a submitted, unrecused evaluation or
	// an agreed score, unless the cycle is historical.
	RuleScored = "SCORED"
	// RuleConsensus: every cell flagged for disagreement needs an agreed
	// score (code CONSENSUS_REQUIRED).
	RuleConsensus = "CONSENSUS"
)

// checkDecision checks that app, of cycle c, may take decision.
func checkDecision(ctx context.Context, tx conn, c *Cycle, app *Application, decision string) error {
	if app.Status != StatusSubmitted {
		return refusal(WrongPhase, RuleSubmitted, nil,
			"application %d is %s; only submitted applications are decided", app.ID, app.Status)
	}
	if decision == "NOT_SELECTED" {
		return nil
	}
	if decision == "WINNER" && c.NoAward {
		return refusal(Invalid, RuleNoAward, nil, "cycle %d gives no award this cycle; take that back (setNoAward) before recording a winner", c.ID)
	}
	switch app.Eligibility {
	case "PENDING":
		return refusal(Invalid, RuleScreenedEligible, nil, "application %d has not been screened; "+
			"%s needs an application screened eligible (screenApplication)", app.ID, decision)
	case "NOT_ELIGIBLE":
		return refusal(Invalid, RuleScreenedEligible, nil, "application %d was screened not eligible (%s); "+
			"only NOT_SELECTED can be recorded for it", app.ID, app.EligibilityReason)
	}
	if c.Historical {
		return nil
	}
	missing, err := unscoredCriteria(ctx, tx, c.ID, app.ID)
	if err != nil || len(missing) == 0 {
		return err
	}
	return refusal(Incomplete, RuleScored, missing, "application %d has no score or agreed score on criteria %s; "+
		"%s needs every scored criterion scored", app.ID, strings.Join(missing, ", "), decision)
}

// unscoredCriteria lists the codes of the scored criteria of cycle (those
// without items, not independent) on which app has neither an agreed score
// nor a value from a submitted, unrecused evaluation.
func unscoredCriteria(ctx context.Context, tx conn, cycle, app int64) ([]string, error) {
	var missing []string
	err := tx.sel(ctx, &missing, `SELECT k.code FROM criteria k WHERE k.cycle_id = $1 AND NOT k.independent
			AND NOT EXISTS (SELECT 1 FROM criteria i WHERE i.parent_id = k.id)
			AND NOT EXISTS (SELECT 1 FROM consensus cs WHERE cs.application_id = $2 AND cs.criterion_id = k.id)
			AND NOT EXISTS (SELECT 1 FROM scores s JOIN assignments g
					ON g.application_id = s.application_id AND g.juror_id = s.juror_id
				WHERE s.application_id = $2 AND s.criterion_id = k.id AND s.value IS NOT NULL
					AND g.recused_at IS NULL AND g.submitted_at IS NOT NULL)
		ORDER BY k.position, k.id`, cycle, app)
	return missing, err
}
