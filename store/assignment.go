package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Assignment gives a juror an application to score.
type Assignment struct {
	ApplicationID int64      `db:"application_id"`
	JurorID       int64      `db:"juror_id"`
	CycleID       int64      `db:"cycle_id"`
	AssignedBy    int64      `db:"assigned_by"`
	AssignedAt    time.Time  `db:"assigned_at"`
	RecusedAt     *time.Time `db:"recused_at"`
	RecusalReason string     `db:"recusal_reason"`
	SubmittedAt   *time.Time `db:"submitted_at"`
}

func assignmentKey(app, juror int64) string { return fmt.Sprintf("%d/%d", app, juror) }

// Pair is one juror with one application.
type Pair struct {
	ApplicationID int64
	JurorID       int64
}

// Assign gives juror the application by hand; only admins may.
func (db *DB) Assign(ctx context.Context, p Pair) (*Assignment, error) {
	out, err := db.AssignAll(ctx, 0, []Pair{p})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// AssignAll makes every assignment in pairs or none. cycleID, when not 0,
// is checked against each application's cycle. Only admins may; each
// application must be submitted and eligible, its cycle CLOSED or SCORING,
// the juror on its jury and without a conflict.
func (db *DB) AssignAll(ctx context.Context, cycleID int64, pairs []Pair) ([]*Assignment, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins assign jurors")
	}
	var out []*Assignment
	err := db.inTx(ctx, func(tx conn) error {
		for _, p := range pairs {
			a, err := db.assign(ctx, tx, cycleID, p)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return mailAssignments(ctx, tx, out)
	})
	return out, err
}

func (db *DB) assign(ctx context.Context, tx conn, cycleID int64, p Pair) (*Assignment, error) {
	var chk struct {
		CycleID     int64  `db:"cycle_id"`
		Status      string `db:"status"`
		Eligibility string `db:"eligibility"`
		Phase       Phase  `db:"phase"`
		OnJury      bool   `db:"on_jury"`
		Conflicted  bool   `db:"conflicted"`
	}
	err := tx.get(ctx, &chk, `SELECT a.cycle_id, a.status, a.eligibility, c.phase,
			EXISTS (SELECT 1 FROM jurors j WHERE j.cycle_id = a.cycle_id AND j.user_id = $2) AS on_jury,
			conflicted($2, a.id) AS conflicted
		FROM applications a JOIN cycles c ON c.id = a.cycle_id WHERE a.id = $1`, p.ApplicationID, p.JurorID)
	switch {
	case isNoRows(err) || (err == nil && cycleID != 0 && chk.CycleID != cycleID):
		return nil, notFound("application", p.ApplicationID)
	case err != nil:
		return nil, err
	case chk.Phase != PhaseClosed && chk.Phase != PhaseScoring:
		return nil, Errorf(WrongPhase, "cycle %d is %s; jurors are assigned while it is CLOSED or SCORING", chk.CycleID, chk.Phase)
	case chk.Status != StatusSubmitted || chk.Eligibility != "ELIGIBLE":
		return nil, Errorf(WrongPhase, "application %d is %s and %s; only submitted, eligible applications are assigned",
			p.ApplicationID, chk.Status, chk.Eligibility)
	case !chk.OnJury:
		return nil, InvalidField("jurorId", "user %d is not on the jury of cycle %d", p.JurorID, chk.CycleID)
	case chk.Conflicted:
		return nil, Errorf(ConflictOfInterest, "juror %d has a conflict of interest with application %d", p.JurorID, p.ApplicationID)
	}
	a := &Assignment{}
	err = tx.get(ctx, a, `INSERT INTO assignments (application_id, juror_id, cycle_id, assigned_by, assigned_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING *`, p.ApplicationID, p.JurorID, chk.CycleID, actorID(ActorFrom(ctx)), db.Now())
	if ErrorCode(err) == Conflict {
		return nil, Errorf(Conflict, "juror %d is already assigned application %d", p.JurorID, p.ApplicationID)
	}
	if err != nil {
		return nil, err
	}
	return a, db.audit(ctx, tx, chk.CycleID, "assignment.add", "assignment", assignmentKey(p.ApplicationID, p.JurorID), nil, a)
}

// Unassign removes an assignment and its draft scores; only admins may,
// and not once the juror has submitted the evaluation.
func (db *DB) Unassign(ctx context.Context, p Pair) error {
	if !ActorFrom(ctx).IsAdmin() {
		return Errorf(Forbidden, "only admins unassign jurors")
	}
	return db.inTx(ctx, func(tx conn) error {
		old, err := lockAssignment(ctx, tx, p)
		if err != nil {
			return err
		}
		if old.SubmittedAt != nil {
			return Errorf(WrongPhase, "juror %d has submitted the evaluation of application %d", p.JurorID, p.ApplicationID)
		}
		if _, err := tx.exec(ctx, `DELETE FROM assignments WHERE application_id = $1 AND juror_id = $2`, p.ApplicationID, p.JurorID); err != nil {
			return err
		}
		return db.audit(ctx, tx, old.CycleID, "assignment.remove", "assignment", assignmentKey(p.ApplicationID, p.JurorID), old, nil)
	})
}

// Recuse withdraws the calling juror from an assignment, with a reason;
// the juror's scores leave every aggregate.
func (db *DB) Recuse(ctx context.Context, applicationID int64, reason string) (*Assignment, error) {
	reason = strings.TrimSpace(reason)
	if err := checkText("reason", reason, 1, 2000); err != nil {
		return nil, err
	}
	p := Pair{ApplicationID: applicationID, JurorID: actorID(ActorFrom(ctx))}
	a := &Assignment{}
	err := db.inTx(ctx, func(tx conn) error {
		old, err := lockAssignment(ctx, tx, p)
		if err != nil {
			return err
		}
		if old.RecusedAt != nil {
			return Errorf(Recused, "you have already recused from application %d", applicationID)
		}
		err = tx.get(ctx, a, `UPDATE assignments SET recused_at = $3, recusal_reason = $4
			WHERE application_id = $1 AND juror_id = $2 RETURNING *`, p.ApplicationID, p.JurorID, db.Now(), reason)
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, a.CycleID, "assignment.recuse", "assignment", assignmentKey(p.ApplicationID, p.JurorID), old, a)
	})
	return a, err
}

func lockAssignment(ctx context.Context, tx conn, p Pair) (*Assignment, error) {
	a := &Assignment{}
	err := tx.get(ctx, a, `SELECT * FROM assignments WHERE application_id = $1 AND juror_id = $2 FOR UPDATE`, p.ApplicationID, p.JurorID)
	if isNoRows(err) {
		return nil, Errorf(NotAssigned, "juror %d is not assigned application %d", p.JurorID, p.ApplicationID)
	}
	return a, err
}

// FindAssignmentsByCycleIDs returns, per cycle, the assignments the caller
// may see: admins all, jurors their own.
func (db *DB) FindAssignmentsByCycleIDs(ctx context.Context, ids []int64) (map[int64][]*Assignment, error) {
	a := ActorFrom(ctx)
	var rows []*Assignment
	err := db.conn().sel(ctx, &rows, `SELECT * FROM assignments WHERE cycle_id = ANY($3)
		AND ($1 = 'ADMIN' OR ($1 = 'JUROR' AND juror_id = $2)) ORDER BY application_id, juror_id`,
		a.role(), actorID(a), pq.Array(ids))
	out := make(map[int64][]*Assignment)
	for _, r := range rows {
		out[r.CycleID] = append(out[r.CycleID], r)
	}
	return out, err
}

// AssignmentProblem is what automatic assignment starts from: a cycle's
// submitted, eligible applications, its jurors, the pairs that may not be
// assigned (conflicts and recusals) and the assignments already made.
type AssignmentProblem struct {
	Applications []int64
	Jurors       []int64
	Excluded     []Pair
	Fixed        []Pair
}

// FindAssignmentProblem gathers a cycle's assignment problem; only admins
// may.
func (db *DB) FindAssignmentProblem(ctx context.Context, cycleID int64) (*AssignmentProblem, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins assign jurors")
	}
	p := &AssignmentProblem{}
	c := db.conn()
	if _, err := db.findCycle(ctx, c, cycleID); err != nil {
		return nil, err
	}
	err := c.sel(ctx, &p.Applications, `SELECT id FROM applications WHERE cycle_id = $1
		AND status = 'SUBMITTED' AND eligibility = 'ELIGIBLE' ORDER BY id`, cycleID)
	if err == nil {
		err = c.sel(ctx, &p.Jurors, `SELECT user_id FROM jurors WHERE cycle_id = $1 ORDER BY user_id`, cycleID)
	}
	if err != nil {
		return nil, err
	}
	var rows []struct {
		App   int64 `db:"application_id"`
		Juror int64 `db:"juror_id"`
		Fixed bool  `db:"fixed"`
	}
	err = c.sel(ctx, &rows, `SELECT a.id AS application_id, j.user_id AS juror_id, false AS fixed
			FROM jurors j JOIN applications a ON a.cycle_id = j.cycle_id
			WHERE j.cycle_id = $1 AND a.status = 'SUBMITTED' AND conflicted(j.user_id, a.id)
		UNION ALL
		SELECT application_id, juror_id, recused_at IS NULL FROM assignments WHERE cycle_id = $1`, cycleID)
	for _, r := range rows {
		if r.Fixed {
			p.Fixed = append(p.Fixed, Pair{r.App, r.Juror})
		} else {
			p.Excluded = append(p.Excluded, Pair{r.App, r.Juror})
		}
	}
	return p, err
}
