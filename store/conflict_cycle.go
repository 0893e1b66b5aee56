package store

import (
	"context"

	"github.com/lib/pq"
)

// The kinds of a CycleConflict: a declared (or recorded) conflict with the
// application's organisation or its municipality, or the juror's own
// affiliation in the cycle naming either.
const (
	ConflictDeclaredOrganisation = "DECLARED_ORGANISATION"
	ConflictDeclaredMunicipality = "DECLARED_MUNICIPALITY"
	ConflictOwnOrganisation      = "OWN_ORGANISATION"
	ConflictOwnMunicipality      = "OWN_MUNICIPALITY"
)

// CycleConflict is one reason a juror of a cycle may not see one of its
// submitted applications: the pairs the SQL function conflicted() finds,
// each with why.
type CycleConflict struct {
	JurorID       int64  `db:"juror_id"`
	ApplicationID int64  `db:"application_id"`
	Kind          string `db:"kind"`
	// Reason is the declared reason, or the affiliation's text.
	Reason     string `db:"reason"`
	ConflictID *int64 `db:"conflict_id"`
}

// FindCycleConflicts lists every conflict between a juror of the cycle
// and one of its submitted applications, by juror and application; only
// admins may. It mirrors conflicted() in 002_jury.sql, one row per reason.
func (db *DB) FindCycleConflicts(ctx context.Context, cycleID int64) ([]*CycleConflict, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins read the jury's conflicts")
	}
	rows := []*CycleConflict{}
	err := db.conn().sel(ctx, &rows, `WITH pairs AS (
			SELECT j.user_id, j.organisation_id AS j_org, j.municipality_code AS j_mun, j.affiliation,
				a.id AS app, a.organisation_id AS a_org, o.municipality_code AS a_mun
			FROM jurors j JOIN applications a ON a.cycle_id = j.cycle_id JOIN organisations o ON o.id = a.organisation_id
			WHERE j.cycle_id = $1 AND a.status = 'SUBMITTED')
		SELECT p.user_id AS juror_id, p.app AS application_id,
			CASE WHEN c.organisation_id = p.a_org THEN 'DECLARED_ORGANISATION' ELSE 'DECLARED_MUNICIPALITY' END AS kind,
			c.reason, c.id AS conflict_id
		FROM pairs p JOIN conflicts c ON c.juror_id = p.user_id
			AND (c.organisation_id = p.a_org OR c.municipality_code = p.a_mun)
		UNION ALL
		SELECT user_id, app, 'OWN_ORGANISATION', affiliation, NULL FROM pairs WHERE j_org = a_org
		UNION ALL
		SELECT user_id, app, 'OWN_MUNICIPALITY', affiliation, NULL FROM pairs WHERE j_mun = a_mun
		ORDER BY 1, 2, 3, 5`, cycleID)
	return rows, err
}

// ConflictCandidate is an organisation with a submitted application in a
// cycle: one a juror of the cycle can name in a declaration without being
// assigned to it.
type ConflictCandidate struct {
	CycleID          int64   `db:"cycle_id"`
	OrganisationID   int64   `db:"organisation_id"`
	Name             string  `db:"name"`
	MunicipalityCode *string `db:"municipality_code"`
}

// FindConflictCandidatesByCycleIDs returns, per cycle, the organisations
// with a submitted application, by name: admins see them all, a juror of
// the cycle those not already in conflict with them (declared or by
// affiliation, as conflicted() decides, so a conflicted juror learns
// nothing new of the application), anyone else none.
func (db *DB) FindConflictCandidatesByCycleIDs(ctx context.Context, ids []int64) (map[int64][]*ConflictCandidate, error) {
	a := ActorFrom(ctx)
	var rows []*ConflictCandidate
	err := db.conn().sel(ctx, &rows, `SELECT DISTINCT a.cycle_id, o.id AS organisation_id, o.name, o.municipality_code
		FROM applications a JOIN organisations o ON o.id = a.organisation_id
		WHERE a.cycle_id = ANY($3) AND a.status = 'SUBMITTED' AND ($1 = 'ADMIN' OR ($1 = 'JUROR'
			AND EXISTS (SELECT 1 FROM jurors me WHERE me.cycle_id = a.cycle_id AND me.user_id = $2)
			AND NOT conflicted($2, a.id)))
		ORDER BY a.cycle_id, o.name, o.id`, a.role(), actorID(a), pq.Array(ids))
	out := make(map[int64][]*ConflictCandidate)
	for _, c := range rows {
		out[c.CycleID] = append(out[c.CycleID], c)
	}
	return out, err
}
