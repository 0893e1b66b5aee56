package store

import (
	"context"
	"strings"
	"time"
)

// InterestConflict is a conflict of interest between a juror and an organisation
// or a whole municipality.
type InterestConflict struct {
	ID               int64     `db:"id"`
	JurorID          int64     `db:"juror_id"`
	OrganisationID   *int64    `db:"organisation_id"`
	MunicipalityCode *string   `db:"municipality_code"`
	Reason           string    `db:"reason"`
	DeclaredBy       int64     `db:"declared_by"`
	CreatedAt        time.Time `db:"created_at"`
	// OrganisationName is the organisation's name, for FindConflicts.
	OrganisationName *string `db:"organisation_name" json:"-"`
}

// ConflictInput declares a conflict with exactly one of an organisation
// or a municipality. JurorID 0 means the caller.
type ConflictInput struct {
	JurorID          int64
	OrganisationID   *int64
	MunicipalityCode *string
	Reason           string
}

// DeclareConflict records a conflict: jurors declare their own, admins
// record one for any juror. Assignments the conflict now covers are
// recused, so their scores leave every aggregate.
func (db *DB) DeclareConflict(ctx context.Context, in ConflictInput) (*InterestConflict, error) {
	a := ActorFrom(ctx)
	if in.JurorID == 0 {
		in.JurorID = actorID(a)
	}
	if !a.IsAdmin() && !(a != nil && a.Role == RoleJuror && in.JurorID == a.UserID) {
		return nil, Errorf(Forbidden, "jurors declare their own conflicts; admins record them for others")
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if err := checkText("reason", in.Reason, 1, 2000); err != nil {
		return nil, err
	}
	if (in.OrganisationID == nil) == (in.MunicipalityCode == nil) {
		return nil, InvalidField("organisationId", "name exactly one of an organisation or a municipality")
	}
	if c := in.MunicipalityCode; c != nil && !municipalityCode.MatchString(*c) {
		return nil, InvalidField("municipalityCode", "must be four digits, such as 1280")
	}
	c := &InterestConflict{}
	err := db.inTx(ctx, func(tx conn) error {
		err := tx.get(ctx, c, `INSERT INTO conflicts (juror_id, organisation_id, municipality_code, reason, declared_by)
			SELECT id, $2, $3, $4, $5 FROM users WHERE id = $1 AND role = 'JUROR' RETURNING *`,
			in.JurorID, in.OrganisationID, in.MunicipalityCode, in.Reason, actorID(a))
		if isNoRows(err) {
			return Errorf(NotFound, "juror %d not found", in.JurorID)
		}
		if err != nil {
			return err
		}
		if err := db.auditConflict(ctx, tx, c); err != nil {
			return err
		}
		return db.recuseConflicted(ctx, tx, in.JurorID, "conflict of interest: "+in.Reason)
	})
	return c, err
}

// recuseConflicted recuses juror from every active assignment to an
// application they now have a conflict with.
func (db *DB) recuseConflicted(ctx context.Context, tx conn, juror int64, reason string) error {
	var hit []Assignment
	err := tx.sel(ctx, &hit, `UPDATE assignments SET recused_at = $2, recusal_reason = $3
		WHERE juror_id = $1 AND recused_at IS NULL AND conflicted($1, application_id) RETURNING *`,
		juror, db.Now(), reason)
	if err != nil {
		return err
	}
	for _, h := range hit {
		if err := db.audit(ctx, tx, h.CycleID, "assignment.recuse", "assignment",
			assignmentKey(h.ApplicationID, juror), nil, h); err != nil {
			return err
		}
	}
	return nil
}

// FindConflicts lists a juror's declared and recorded conflicts: admins
// any juror's, jurors their own. jurorID 0 means the caller.
func (db *DB) FindConflicts(ctx context.Context, jurorID int64) ([]*InterestConflict, error) {
	a := ActorFrom(ctx)
	if jurorID == 0 {
		jurorID = actorID(a)
	}
	if !a.IsAdmin() && actorID(a) != jurorID {
		return nil, Errorf(Forbidden, "jurors see their own conflicts only")
	}
	var rows []*InterestConflict
	err := db.conn().sel(ctx, &rows, `SELECT c.*, o.name AS organisation_name FROM conflicts c
		LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.juror_id = $1 ORDER BY c.id`, jurorID)
	return rows, err
}

// auditConflict logs a conflict in the audit log of every cycle whose
// jury the juror sits on, so each cycle's log and export show it, and
// once without a cycle when the juror sits on none yet.
func (db *DB) auditConflict(ctx context.Context, tx conn, c *InterestConflict) error {
	var cycles []int64
	if err := tx.sel(ctx, &cycles, `SELECT cycle_id FROM jurors WHERE user_id = $1 ORDER BY cycle_id`, c.JurorID); err != nil {
		return err
	}
	if len(cycles) == 0 {
		cycles = []int64{0}
	}
	for _, cy := range cycles {
		if err := db.audit(ctx, tx, cy, "conflict.declare", "conflict", c.ID, nil, c); err != nil {
			return err
		}
	}
	return nil
}
