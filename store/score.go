package store

import (
	"context"
	"math"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Score is one juror's score and comments for one criterion of one
// application. Value is nil while only comments are saved.
type Score struct {
	ApplicationID int64     `db:"application_id"`
	JurorID       int64     `db:"juror_id"`
	CriterionID   int64     `db:"criterion_id"`
	Value         *float64  `db:"value"`
	Strengths     string    `db:"strengths"`
	Opportunities string    `db:"opportunities"`
	UpdatedAt     time.Time `db:"updated_at"`
	// RevisedAfterSeeingAt is when the value was last changed after the
	// juror could see the other jurors' scores (AFTER_OWN_SUBMISSION,
	// after submitting); nil when it never was.
	RevisedAfterSeeingAt *time.Time `db:"revised_after_seeing_at"`
}

// ScoreInput saves the caller's score for one criterion.
type ScoreInput struct {
	ApplicationID int64
	CriterionID   int64
	Value         *float64
	Strengths     string
	Opportunities string
}

// MaxCommentLength bounds strengths and opportunities, in characters.
const MaxCommentLength = 10000

// SaveScore saves the calling juror's score for an assigned application
// while the cycle is scoring. The change goes to the audit log.
func (db *DB) SaveScore(ctx context.Context, in ScoreInput) (*Score, error) {
	if err := checkText("strengths", in.Strengths, 0, MaxCommentLength); err != nil {
		return nil, err
	}
	if err := checkText("opportunities", in.Opportunities, 0, MaxCommentLength); err != nil {
		return nil, err
	}
	me := actorID(ActorFrom(ctx))
	s := &Score{}
	err := db.inTx(ctx, func(tx conn) error {
		asg, err := db.scorable(ctx, tx, in.ApplicationID, me)
		if err != nil {
			return err
		}
		k, err := leafCriterion(ctx, tx, asg.CycleID, in.CriterionID)
		if err != nil {
			return err
		}
		if err := checkScore(k, in.Value); err != nil {
			return err
		}
		var old []Score
		if err := tx.sel(ctx, &old, `SELECT * FROM scores WHERE application_id = $1 AND juror_id = $2 AND criterion_id = $3`,
			in.ApplicationID, me, in.CriterionID); err != nil {
			return err
		}
		if asg.SubmittedAt != nil && in.Value == nil && len(old) > 0 && old[0].Value != nil {
			return InvalidField("value", "your evaluation is submitted: a score can be replaced, not removed")
		}
		seen, locked, err := sawOthers(ctx, tx, asg)
		if err != nil {
			return err
		}
		if locked && len(old) > 0 && !sameValue(old[0].Value, in.Value) {
			return Errorf(ScoresLocked, "you could see the other jurors' scores once you submitted, and this cycle locks "+
				"your scores from then on; comments can still be changed")
		}
		err = tx.get(ctx, s, `INSERT INTO scores (application_id, juror_id, criterion_id, value, strengths, opportunities, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (application_id, juror_id, criterion_id) DO UPDATE
			SET value = excluded.value, strengths = excluded.strengths, opportunities = excluded.opportunities,
				updated_at = excluded.updated_at,
				revised_after_seeing_at = CASE WHEN $8 AND scores.value IS DISTINCT FROM excluded.value
					THEN excluded.updated_at ELSE scores.revised_after_seeing_at END RETURNING *`,
			in.ApplicationID, me, in.CriterionID, in.Value, in.Strengths, in.Opportunities, db.Now(), seen)
		if err != nil {
			return err
		}
		var before any
		action := "score.save"
		if len(old) > 0 {
			before = old[0]
			if seen && !sameValue(old[0].Value, s.Value) {
				action = "score.save.after_seeing"
			}
		}
		return db.audit(ctx, tx, asg.CycleID, action, "score",
			assignmentKey(in.ApplicationID, me)+"/"+itoa(in.CriterionID), before, s)
	})
	return s, err
}

// sawOthers says whether the juror of asg could see the other jurors'
// scores on its application: under AFTER_OWN_SUBMISSION, once they have
// submitted. A change then is flagged (revised_after_seeing_at and the
// audit action score.save.after_seeing), or, when the cycle locks scores
// after seeing, refused: locked is true.
func sawOthers(ctx context.Context, tx conn, asg *Assignment) (seen, locked bool, err error) {
	if asg.SubmittedAt == nil {
		return false, false, nil
	}
	var c struct {
		Visibility string `db:"score_visibility"`
		Lock       bool   `db:"lock_scores_after_seeing"`
	}
	err = tx.get(ctx, &c, `SELECT score_visibility, lock_scores_after_seeing FROM cycles WHERE id = $1`, asg.CycleID)
	seen = c.Visibility == "AFTER_OWN_SUBMISSION"
	return seen, seen && c.Lock, err
}

func sameValue(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// scorable checks that juror may score application now and returns the
// assignment.
func (db *DB) scorable(ctx context.Context, tx conn, app, juror int64) (*Assignment, error) {
	var chk struct {
		Assignment
		Phase      Phase     `db:"phase"`
		Closes     time.Time `db:"scoring_closes_at"`
		Conflicted bool      `db:"conflicted"`
	}
	err := tx.get(ctx, &chk, `SELECT s.*, c.phase, c.scoring_closes_at, conflicted(s.juror_id, s.application_id) AS conflicted
		FROM assignments s JOIN cycles c ON c.id = s.cycle_id
		WHERE s.application_id = $1 AND s.juror_id = $2 FOR UPDATE OF s`, app, juror)
	switch {
	case isNoRows(err):
		return nil, Errorf(NotAssigned, "you are not assigned application %d", app)
	case err != nil:
		return nil, err
	case chk.Conflicted:
		return nil, Errorf(ConflictOfInterest, "you have a conflict of interest with application %d", app)
	case chk.RecusedAt != nil:
		return nil, Errorf(Recused, "you have recused from application %d", app)
	case chk.Phase != PhaseScoring:
		return nil, Errorf(WrongPhase, "cycle %d is %s; scores are saved while it is SCORING", chk.CycleID, chk.Phase)
	case !db.Now().Before(chk.Closes):
		return nil, Errorf(DeadlinePassed, "scoring closed at %s", chk.Closes.Format(time.RFC3339))
	}
	return &chk.Assignment, nil
}

// leafCriterion returns a scored criterion (one without items) of cycle.
func leafCriterion(ctx context.Context, tx conn, cycleID, id int64) (*Criterion, error) {
	k := &Criterion{}
	err := tx.get(ctx, k, `SELECT * FROM criteria k WHERE id = $1 AND cycle_id = $2
		AND NOT EXISTS (SELECT 1 FROM criteria i WHERE i.parent_id = k.id)`, id, cycleID)
	if isNoRows(err) {
		return nil, InvalidField("criterionId", "criterion %d is not a scored criterion of this cycle", id)
	}
	return k, err
}

// checkScore checks a value against the criterion's scale and step.
func checkScore(k *Criterion, v *float64) error {
	if v == nil {
		return nil
	}
	if math.IsNaN(*v) || *v < k.ScaleMin || *v > k.ScaleMax {
		return &Error{Code: OutOfRange, Field: "value",
			Message: "value: must lie between " + ftoa(k.ScaleMin) + " and " + ftoa(k.ScaleMax) + " for criterion " + k.Code}
	}
	steps := (*v - k.ScaleMin) / k.ScaleStep
	if math.Abs(steps-math.Round(steps)) > 1e-9 {
		return &Error{Code: OffStep, Field: "value",
			Message: "value: must be " + ftoa(k.ScaleMin) + " plus a whole number of steps of " + ftoa(k.ScaleStep)}
	}
	return nil
}

// SubmitEvaluation marks the caller's evaluation of an application as
// submitted once every scored, non-independent criterion has a value.
func (db *DB) SubmitEvaluation(ctx context.Context, app int64) (*Assignment, error) {
	me := actorID(ActorFrom(ctx))
	out := &Assignment{}
	err := db.inTx(ctx, func(tx conn) error {
		asg, err := db.scorable(ctx, tx, app, me)
		if err != nil {
			return err
		}
		var missing []string
		err = tx.sel(ctx, &missing, `SELECT k.code FROM criteria k WHERE k.cycle_id = $1 AND NOT k.independent
			AND NOT EXISTS (SELECT 1 FROM criteria i WHERE i.parent_id = k.id)
			AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.application_id = $2 AND s.juror_id = $3
				AND s.criterion_id = k.id AND s.value IS NOT NULL)
			ORDER BY k.position`, asg.CycleID, app, me)
		if err != nil {
			return err
		}
		if len(missing) > 0 {
			return &Error{Code: Incomplete, Field: "scores", Message: "scores are missing for criteria " + strings.Join(missing, ", ")}
		}
		err = tx.get(ctx, out, `UPDATE assignments SET submitted_at = $3 WHERE application_id = $1 AND juror_id = $2 RETURNING *`,
			app, me, db.Now())
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, asg.CycleID, "evaluation.submit", "assignment", assignmentKey(app, me), asg, out)
	})
	return out, err
}

// scoreVisible is the predicate for scores the caller may see: admins all;
// jurors their own, and — on applications they may see — lead jurors all,
// others' per the cycle's visibility setting. Applicants never. Recused
// jurors' scores are shown only to admins. $1 is the role, $2 the id.
const scoreVisible = `($1 = 'ADMIN' OR ($1 = 'JUROR' AND NOT conflicted($2, sc.application_id) AND (
	sc.juror_id = $2
	OR (NOT EXISTS (SELECT 1 FROM assignments r WHERE r.application_id = sc.application_id
			AND r.juror_id = sc.juror_id AND r.recused_at IS NOT NULL) AND (
		EXISTS (SELECT 1 FROM jurors j WHERE j.cycle_id = c.id AND j.user_id = $2 AND j.lead)
		OR EXISTS (SELECT 1 FROM assignments m WHERE m.application_id = sc.application_id AND m.juror_id = $2
			AND m.recused_at IS NULL AND (c.score_visibility = 'ALWAYS'
				OR (c.score_visibility = 'AFTER_OWN_SUBMISSION' AND m.submitted_at IS NOT NULL))))))))`

// FindScoresByApplicationIDs returns, per application, the scores the
// caller may see.
func (db *DB) FindScoresByApplicationIDs(ctx context.Context, ids []int64) (map[int64][]*Score, error) {
	a := ActorFrom(ctx)
	var rows []*Score
	err := db.conn().sel(ctx, &rows, `SELECT sc.* FROM scores sc JOIN applications ap ON ap.id = sc.application_id
		JOIN cycles c ON c.id = ap.cycle_id JOIN criteria k ON k.id = sc.criterion_id
		WHERE sc.application_id = ANY($3) AND `+scoreVisible+` ORDER BY sc.application_id, sc.juror_id, k.position`,
		a.role(), actorID(a), pq.Array(ids))
	out := make(map[int64][]*Score)
	for _, s := range rows {
		out[s.ApplicationID] = append(out[s.ApplicationID], s)
	}
	return out, err
}
