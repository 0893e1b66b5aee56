package store

import (
	"context"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Juror is a member of a cycle's jury, with the affiliation that makes
// their own organisation and municipality conflicts without declaring.
type Juror struct {
	CycleID          int64     `db:"cycle_id"`
	UserID           int64     `db:"user_id"`
	Name             string    `db:"name"`
	Email            string    `db:"email"`
	Lead             bool      `db:"lead"`
	OrganisationID   *int64    `db:"organisation_id"`
	Affiliation      string    `db:"affiliation"`
	MunicipalityCode *string   `db:"municipality_code"`
	CreatedAt        time.Time `db:"created_at"`
}

// JurorInput adds a juror user to a cycle's jury.
type JurorInput struct {
	UserID           int64
	Lead             bool
	OrganisationID   *int64
	Affiliation      string
	MunicipalityCode *string
}

// AddJuror puts a juror user on a cycle's jury, or updates their lead
// flag and affiliation; only admins may.
func (db *DB) AddJuror(ctx context.Context, cycleID int64, in JurorInput) (*Juror, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins change juries")
	}
	in.Affiliation = strings.TrimSpace(in.Affiliation)
	if err := checkText("affiliation", in.Affiliation, 0, 200); err != nil {
		return nil, err
	}
	if c := in.MunicipalityCode; c != nil && !municipalityCode.MatchString(*c) {
		return nil, InvalidField("municipalityCode", "must be four digits, such as 1280")
	}
	j := &Juror{}
	err := db.inTx(ctx, func(tx conn) error {
		if _, err := db.lockCycle(ctx, tx, cycleID); err != nil {
			return err
		}
		var role Role
		if err := tx.get(ctx, &role, `SELECT role FROM users WHERE id = $1`, in.UserID); isNoRows(err) {
			return notFound("user", in.UserID)
		} else if err != nil {
			return err
		}
		if role != RoleJuror {
			return InvalidField("userId", "user %d is not a juror", in.UserID)
		}
		_, err := tx.exec(ctx, `INSERT INTO jurors (cycle_id, user_id, lead, organisation_id, affiliation, municipality_code)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cycle_id, user_id) DO UPDATE SET lead = excluded.lead,
				organisation_id = excluded.organisation_id, affiliation = excluded.affiliation,
				municipality_code = excluded.municipality_code`,
			cycleID, in.UserID, in.Lead, in.OrganisationID, in.Affiliation, in.MunicipalityCode)
		if err != nil {
			return err
		}
		if err := findJuror(ctx, tx, cycleID, in.UserID, j); err != nil {
			return err
		}
		return db.audit(ctx, tx, cycleID, "juror.add", "juror", in.UserID, nil, j)
	})
	return j, err
}

// RemoveJuror takes a juror off a cycle's jury; only admins may, and not
// while the juror has assignments.
func (db *DB) RemoveJuror(ctx context.Context, cycleID, userID int64) error {
	if !ActorFrom(ctx).IsAdmin() {
		return Errorf(Forbidden, "only admins change juries")
	}
	return db.inTx(ctx, func(tx conn) error {
		var n int
		if err := tx.get(ctx, &n, `SELECT count(*) FROM assignments WHERE cycle_id = $1 AND juror_id = $2`, cycleID, userID); err != nil {
			return err
		}
		if n > 0 {
			return Errorf(Conflict, "juror %d has %d assignments in cycle %d; unassign them first", userID, n, cycleID)
		}
		deleted, err := tx.exec(ctx, `DELETE FROM jurors WHERE cycle_id = $1 AND user_id = $2`, cycleID, userID)
		if err == nil && deleted == 0 {
			return Errorf(NotFound, "user %d is not on the jury of cycle %d", userID, cycleID)
		}
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, cycleID, "juror.remove", "juror", userID, userID, nil)
	})
}

func findJuror(ctx context.Context, c conn, cycleID, userID int64, j *Juror) error {
	err := c.get(ctx, j, `SELECT j.*, u.name, u.email FROM jurors j JOIN users u ON u.id = j.user_id
		WHERE j.cycle_id = $1 AND j.user_id = $2`, cycleID, userID)
	if isNoRows(err) {
		return Errorf(NotFound, "user %d is not on the jury of cycle %d", userID, cycleID)
	}
	return err
}

// juryVisible is the predicate for the juries the caller may see: admins
// every jury, jurors the juries they sit on. $1 is the role, $2 the id.
const juryVisible = `($1 = 'ADMIN' OR ($1 = 'JUROR' AND EXISTS (
	SELECT 1 FROM jurors me WHERE me.cycle_id = j.cycle_id AND me.user_id = $2)))`

// FindJurorsByCycleIDs returns, per cycle whose jury the caller may see,
// its jurors by name.
func (db *DB) FindJurorsByCycleIDs(ctx context.Context, ids []int64) (map[int64][]*Juror, error) {
	a := ActorFrom(ctx)
	var rows []*Juror
	err := db.conn().sel(ctx, &rows, `SELECT j.*, u.name, u.email FROM jurors j JOIN users u ON u.id = j.user_id
		WHERE j.cycle_id = ANY($3) AND `+juryVisible+` ORDER BY u.name, u.id`, a.role(), actorID(a), pq.Array(ids))
	out := make(map[int64][]*Juror)
	for _, j := range rows {
		out[j.CycleID] = append(out[j.CycleID], j)
	}
	return out, err
}

// JuryRole is the caller's place on a cycle's jury.
type JuryRole struct {
	Member bool
	Lead   bool
}

func juryRole(ctx context.Context, c conn, cycleID, userID int64) (JuryRole, error) {
	var lead []bool
	err := c.sel(ctx, &lead, `SELECT lead FROM jurors WHERE cycle_id = $1 AND user_id = $2`, cycleID, userID)
	if err != nil || len(lead) == 0 {
		return JuryRole{}, err
	}
	return JuryRole{Member: true, Lead: lead[0]}, nil
}
