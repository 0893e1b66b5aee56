package store

import (
	"context"
	"time"
)

// ScoreRow is one raw score with the names an export needs.
type ScoreRow struct {
	ApplicationID    int64      `db:"application_id"`
	ApplicationTitle string     `db:"application_title"`
	OrganisationName string     `db:"organisation_name"`
	JurorID          int64      `db:"juror_id"`
	JurorName        string     `db:"juror_name"`
	CriterionCode    string     `db:"criterion_code"`
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
	err := db.conn().sel(ctx, &rows, `SELECT s.application_id, a.title AS application_title, o.name AS organisation_name,
			s.juror_id, u.name AS juror_name, k.code AS criterion_code, s.value, s.strengths, s.opportunities,
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
	ApplicationTitle string `db:"application_title"`
	CriterionCode    string `db:"criterion_code"`
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
	err := db.conn().sel(ctx, &rows, `SELECT c.*, a.title AS application_title, k.code AS criterion_code
		FROM consensus c JOIN applications a ON a.id = c.application_id JOIN criteria k ON k.id = c.criterion_id
		WHERE a.cycle_id = $1 ORDER BY c.application_id, k.position`, cycleID)
	return rows, err
}
