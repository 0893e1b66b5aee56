package store

import (
	"context"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Consensus is the score the jury agreed for one criterion of one
// application, with its rationale, the jurors who took part and the merged
// feedback the applicant will read.
type Consensus struct {
	ApplicationID int64         `db:"application_id"`
	CriterionID   int64         `db:"criterion_id"`
	Value         float64       `db:"value"`
	Rationale     string        `db:"rationale"`
	Participants  pq.Int64Array `db:"participants"`
	Strengths     string        `db:"strengths"`
	Opportunities string        `db:"opportunities"`
	RecordedBy    int64         `db:"recorded_by"`
	RecordedAt    time.Time     `db:"recorded_at"`
}

// ConsensusInput records an agreed score.
type ConsensusInput struct {
	ApplicationID int64
	CriterionID   int64
	Value         float64
	Rationale     string
	Participants  []int64
	Strengths     string
	Opportunities string
}

// RecordConsensus records or replaces the agreed score for a cell; a lead
// juror of the cycle without a conflict, or an admin, may, while the cycle
// is SCORING or CONSENSUS.
func (db *DB) RecordConsensus(ctx context.Context, in ConsensusInput) (*Consensus, error) {
	in.Rationale = strings.TrimSpace(in.Rationale)
	if err := checkText("rationale", in.Rationale, 1, MaxCommentLength); err != nil {
		return nil, err
	}
	for _, f := range []struct{ name, v string }{{"strengths", in.Strengths}, {"opportunities", in.Opportunities}} {
		if err := checkText(f.name, f.v, 0, MaxCommentLength); err != nil {
			return nil, err
		}
	}
	if len(in.Participants) == 0 {
		return nil, InvalidField("participants", "name the jurors who took part")
	}
	out := &Consensus{}
	err := db.inTx(ctx, func(tx conn) error {
		cycleID, err := db.checkLead(ctx, tx, in.ApplicationID, PhaseScoring, PhaseConsensus)
		if err != nil {
			return err
		}
		k, err := leafCriterion(ctx, tx, cycleID, in.CriterionID)
		if err == nil {
			err = checkScore(k, &in.Value)
		}
		if err == nil {
			err = checkParticipants(ctx, tx, cycleID, in.ApplicationID, in.Participants)
		}
		if err != nil {
			return err
		}
		return db.upsertConsensus(ctx, tx, cycleID, in, out)
	})
	return out, err
}

func (db *DB) upsertConsensus(ctx context.Context, tx conn, cycleID int64, in ConsensusInput, out *Consensus) error {
	var old []Consensus
	if err := tx.sel(ctx, &old, `SELECT * FROM consensus WHERE application_id = $1 AND criterion_id = $2`,
		in.ApplicationID, in.CriterionID); err != nil {
		return err
	}
	err := tx.get(ctx, out, `INSERT INTO consensus (application_id, criterion_id, value, rationale, participants,
			strengths, opportunities, recorded_by, recorded_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (application_id, criterion_id) DO UPDATE
		SET value = excluded.value, rationale = excluded.rationale, participants = excluded.participants,
			strengths = excluded.strengths, opportunities = excluded.opportunities,
			recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at RETURNING *`,
		in.ApplicationID, in.CriterionID, in.Value, in.Rationale, pq.Array(in.Participants),
		in.Strengths, in.Opportunities, actorID(ActorFrom(ctx)), db.Now())
	if err != nil {
		return err
	}
	var before any
	if len(old) > 0 {
		before = old[0]
	}
	return db.audit(ctx, tx, cycleID, "consensus.record", "consensus",
		itoa(in.ApplicationID)+"/"+itoa(in.CriterionID), before, out)
}

// checkLead checks that the caller is an admin, or a lead juror of the
// application's cycle who may see it (so without a conflict), and that
// the cycle is in one of phases; it locks the application and returns its
// cycle's id. Who may see the application but not decide on it is
// FORBIDDEN; who may not see it gets NOT_FOUND, as for an id that does not
// exist, and locks nothing.
func (db *DB) checkLead(ctx context.Context, tx conn, app int64, phases ...Phase) (int64, error) {
	var chk struct {
		CycleID int64 `db:"cycle_id"`
		Phase   Phase `db:"phase"`
	}
	err := lockForChange(ctx, tx, &chk, "application", app,
		`SELECT a.cycle_id, c.phase FROM applications a JOIN cycles c ON c.id = a.cycle_id
		WHERE a.id = $4 AND `+applicationLeadWritable+` FOR UPDATE OF a`,
		`SELECT EXISTS (SELECT 1 FROM applications a WHERE a.id = $4 AND `+applicationVisible+`)`,
		visibility(ActorFrom(ctx), app))
	if err != nil {
		return 0, err
	}
	if !contains(phases, chk.Phase) {
		return 0, Errorf(WrongPhase, "cycle %d is %s; this is done while it is %s", chk.CycleID, chk.Phase, joinPhases(phases))
	}
	return chk.CycleID, nil
}

// applicationLeadWritable is the predicate for the applications whose
// consensus and decision the caller may record: admins all, a lead juror
// those of the cycle they may see. $1–$3 are the visibility arguments.
const applicationLeadWritable = `(` + applicationVisible + ` AND ($1 = 'ADMIN'
	OR EXISTS (SELECT 1 FROM jurors j WHERE j.cycle_id = a.cycle_id AND j.user_id = $3 AND j.lead)))`

func joinPhases(ps []Phase) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, " or ")
}

// checkParticipants checks that every participant is on the cycle's jury
// and free of a conflict with the application.
func checkParticipants(ctx context.Context, tx conn, cycleID, app int64, ids []int64) error {
	var bad []int64
	err := tx.sel(ctx, &bad, `SELECT p FROM unnest($3::bigint[]) p
		WHERE NOT EXISTS (SELECT 1 FROM jurors j WHERE j.cycle_id = $1 AND j.user_id = p) OR conflicted(p, $2)`,
		cycleID, app, pq.Array(ids))
	if err == nil && len(bad) > 0 {
		return InvalidField("participants", "user %d is not a juror of this cycle free of conflicts with the application", bad[0])
	}
	return err
}

// consensusVisible is the predicate for agreed scores: admins, jurors who
// may see the application, and its applicants once the cycle is
// published. $1–$3 are the visibility arguments.
const consensusVisible = `(` + applicationVisible + ` AND ($1 <> 'APPLICANT' OR EXISTS (
	SELECT 1 FROM cycles c WHERE c.id = a.cycle_id AND c.phase = 'PUBLISHED')))`

// FindConsensusByApplicationIDs returns, per application, the agreed
// scores the caller may see, in criterion order.
func (db *DB) FindConsensusByApplicationIDs(ctx context.Context, ids []int64) (map[int64][]*Consensus, error) {
	var rows []*Consensus
	err := db.conn().sel(ctx, &rows, `SELECT cs.* FROM consensus cs JOIN applications a ON a.id = cs.application_id
		JOIN criteria k ON k.id = cs.criterion_id
		WHERE cs.application_id = ANY($4) AND `+consensusVisible+` ORDER BY cs.application_id, k.position`,
		visibility(ActorFrom(ctx), pq.Array(ids))...)
	out := make(map[int64][]*Consensus)
	for _, c := range rows {
		out[c.ApplicationID] = append(out[c.ApplicationID], c)
	}
	return out, err
}
