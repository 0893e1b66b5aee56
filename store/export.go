package store

import (
	"context"
	"time"

	"github.com/lib/pq"
)

// ScoreRow is one raw score with the names an export needs.
type ScoreRow struct {
	ApplicationID    int64      `db:"application_id"`
	ApplicationTitle string     `db:"application_title"`
	OrganisationID   int64      `db:"organisation_id"`
	OrganisationName string     `db:"organisation_name"`
	JurorID          int64      `db:"juror_id"`
	JurorName        string     `db:"juror_name"`
	CriterionID      int64      `db:"criterion_id"`
	CriterionCode    string     `db:"criterion_code"`
	CriterionTitle   string     `db:"criterion_title"`
	Value            *float64   `db:"value"`
	Strengths        string     `db:"strengths"`
	Opportunities    string     `db:"opportunities"`
	SubmittedAt      *time.Time `db:"submitted_at"`
	RecusedAt        *time.Time `db:"recused_at"`
	UpdatedAt        time.Time  `db:"updated_at"`
}

// ExportScores returns every raw score of a cycle, recused ones included
// and marked; only admins may.
func (db *DB) ExportScores(ctx context.Context, cycleID int64) ([]ScoreRow, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins export scores")
	}
	if _, err := db.findCycle(ctx, db.conn(), cycleID); err != nil {
		return nil, err
	}
	var rows []ScoreRow
	err := db.conn().sel(ctx, &rows, `SELECT s.application_id, a.title AS application_title, o.id AS organisation_id,
			o.name AS organisation_name, s.juror_id, u.name AS juror_name, k.id AS criterion_id, k.code AS criterion_code,
			k.title AS criterion_title, s.value, s.strengths, s.opportunities,
			g.submitted_at, g.recused_at, s.updated_at
		FROM scores s JOIN assignments g ON g.application_id = s.application_id AND g.juror_id = s.juror_id
		JOIN applications a ON a.id = s.application_id JOIN organisations o ON o.id = a.organisation_id
		JOIN users u ON u.id = s.juror_id JOIN criteria k ON k.id = s.criterion_id
		WHERE g.cycle_id = $1 ORDER BY s.application_id, s.juror_id, k.position`, cycleID)
	return rows, err
}

// ConsensusRow is one agreed score with the names an export needs.
type ConsensusRow struct {
	Consensus
	ApplicationTitle string         `db:"application_title"`
	OrganisationID   int64          `db:"organisation_id"`
	OrganisationName string         `db:"organisation_name"`
	CriterionCode    string         `db:"criterion_code"`
	CriterionTitle   string         `db:"criterion_title"`
	ParticipantNames pq.StringArray `db:"participant_names"`
	RecordedByName   string         `db:"recorded_by_name"`
}

// ExportConsensus returns every agreed score of a cycle; only admins may.
func (db *DB) ExportConsensus(ctx context.Context, cycleID int64) ([]ConsensusRow, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins export consensus")
	}
	if _, err := db.findCycle(ctx, db.conn(), cycleID); err != nil {
		return nil, err
	}
	var rows []ConsensusRow
	err := db.conn().sel(ctx, &rows, `SELECT c.*, a.title AS application_title, o.id AS organisation_id, o.name AS organisation_name,
			k.code AS criterion_code, k.title AS criterion_title, r.name AS recorded_by_name,
			ARRAY(SELECT coalesce(u.name, '') FROM unnest(c.participants) WITH ORDINALITY p(id, n)
				LEFT JOIN users u ON u.id = p.id ORDER BY p.n) AS participant_names
		FROM consensus c JOIN applications a ON a.id = c.application_id JOIN organisations o ON o.id = a.organisation_id
		JOIN criteria k ON k.id = c.criterion_id JOIN users r ON r.id = c.recorded_by
		WHERE a.cycle_id = $1 ORDER BY c.application_id, k.position`, cycleID)
	return rows, err
}

// AuditRow is one audit entry with the name of whoever acted
// (AuditEntry.ActorName).
type AuditRow struct {
	AuditEntry
}

// ExportAudit returns a cycle's whole audit log with the actors' names, for
// exports; only admins may.
func (db *DB) ExportAudit(ctx context.Context, cycleID int64) ([]*AuditRow, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins read the audit log")
	}
	if _, err := db.findCycle(ctx, db.conn(), cycleID); err != nil {
		return nil, err
	}
	var rows []*AuditRow
	err := db.conn().sel(ctx, &rows, `SELECT l.*, u.name AS actor_name FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
		WHERE l.cycle_id = $1 ORDER BY l.id`, cycleID)
	return rows, err
}
