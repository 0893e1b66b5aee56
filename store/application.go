package store

import (
	"context"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Application is an organisation's entry in a cycle.
type Application struct {
	ID                int64      `db:"id"`
	CycleID           int64      `db:"cycle_id"`
	OrganisationID    int64      `db:"organisation_id"`
	Title             string     `db:"title"`
	Summary           string     `db:"summary"`
	Status            string     `db:"status"`
	Eligibility       string     `db:"eligibility"`
	EligibilityReason string     `db:"eligibility_reason"`
	WithdrawalReason  string     `db:"withdrawal_reason"`
	Decision          *string    `db:"decision"`
	Citation          string     `db:"citation"`
	SubmittedAt       *time.Time `db:"submitted_at"`
	WithdrawnAt       *time.Time `db:"withdrawn_at"`
	CreatedBy         int64      `db:"created_by"`
	Version           int        `db:"version"`
	Demo              bool       `db:"demo"`
	CreatedAt         time.Time  `db:"created_at"`
	UpdatedAt         time.Time  `db:"updated_at"`
}

// Application statuses.
const (
	StatusDraft     = "DRAFT"
	StatusSubmitted = "SUBMITTED"
	StatusWithdrawn = "WITHDRAWN"
)

// Length limits of application texts, in characters.
const (
	MaxTitleLength   = 200
	MaxSummaryLength = 5000
	MaxAnswerLength  = 20000
)

// NewApplication describes a draft to create.
type NewApplication struct {
	CycleID        int64
	OrganisationID int64
	Title          string
	Summary        string
	Demo           bool
}

// applicationVisible is the predicate for applications the caller may
// see: admins all; applicants their organisations'; jurors the submitted
// applications they are assigned to and have not recused from, and lead
// jurors every submitted application of their cycle, but never one they
// have a conflict with. $1, $2 and $3 are the caller's role, organisations
// and id (see visibility).
const applicationVisible = `($1 = 'ADMIN' OR a.organisation_id = ANY($2)
	OR ($1 = 'JUROR' AND a.status = 'SUBMITTED' AND NOT conflicted($3, a.id) AND (
		EXISTS (SELECT 1 FROM assignments s WHERE s.application_id = a.id AND s.juror_id = $3 AND s.recused_at IS NULL)
		OR EXISTS (SELECT 1 FROM jurors j WHERE j.cycle_id = a.cycle_id AND j.user_id = $3 AND j.lead))))`

// applicationWritable is the predicate for applications the caller may
// change: admins all, applicants their organisations'. It is not
// applicationVisible: a juror reads the applications assigned to them, and
// a lead juror every submitted one of the cycle, but changes none (their
// mutations, scores, consensus and decisions, check their own predicates).
// $1 and $2 are the caller's role and organisations, as for
// applicationVisible; $3 is unused.
const applicationWritable = `($3::bigint IS NOT NULL AND ($1 = 'ADMIN' OR a.organisation_id = ANY($2)))`

// visibility is the arguments $1–$3 that applicationVisible reads,
// followed by more.
func visibility(a *Actor, more ...any) []any {
	return append([]any{a.role(), pq.Array(a.orgs()), actorID(a)}, more...)
}

// CreateApplication creates a draft for one of the caller's organisations
// in an open cycle; there is at most one per organisation and cycle.
func (db *DB) CreateApplication(ctx context.Context, in NewApplication) (*Application, error) {
	act := ActorFrom(ctx)
	if act == nil {
		return nil, Errorf(Unauthenticated, "log in to create an application")
	}
	if !act.IsAdmin() && !act.IsMember(in.OrganisationID) {
		return nil, Errorf(Forbidden, "you are not a member of organisation %d", in.OrganisationID)
	}
	in.Title = strings.TrimSpace(in.Title)
	if err := checkText("title", in.Title, 1, MaxTitleLength); err != nil {
		return nil, err
	}
	if err := checkText("summary", in.Summary, 0, MaxSummaryLength); err != nil {
		return nil, err
	}
	return createOnce(ctx, db, callerKey(act), "createApplication", func(tx conn) (*Application, error) {
		c, err := db.findVisibleCycle(ctx, tx, in.CycleID)
		if err == nil {
			err = db.checkOpen(c)
		}
		if err != nil {
			return nil, err
		}
		if err := checkFirstApplication(ctx, tx, in); err != nil {
			return nil, err
		}
		a := &Application{}
		err = tx.get(ctx, a, `INSERT INTO applications (cycle_id, organisation_id, title, summary, created_by, demo)
			SELECT $1, id, $3, $4, $5, $6 FROM organisations WHERE id = $2 RETURNING *`,
			in.CycleID, in.OrganisationID, in.Title, in.Summary, act.UserID, in.Demo)
		if isNoRows(err) {
			return nil, notFound("organisation", in.OrganisationID)
		}
		return a, err
	}, func(id int64) (*Application, error) {
		m, err := db.FindApplicationsByIDs(ctx, []int64{id})
		return foundOr(m, err, "application", id)
	})
}

// checkFirstApplication refuses a second application of an organisation
// in a cycle (CONFLICT), pointing at reopenApplication when the first was
// withdrawn. The unique key stays the guard against a race.
func checkFirstApplication(ctx context.Context, tx conn, in NewApplication) error {
	var prior []*Application
	err := tx.sel(ctx, &prior, `SELECT * FROM applications WHERE cycle_id = $1 AND organisation_id = $2`, in.CycleID, in.OrganisationID)
	switch {
	case err != nil || len(prior) == 0:
		return err
	case prior[0].Status == StatusWithdrawn:
		return Errorf(Conflict, "organisation %d withdrew application %d in cycle %d; reopen it (reopenApplication) instead of applying again",
			in.OrganisationID, prior[0].ID, in.CycleID)
	}
	return Errorf(Conflict, "organisation %d already has application %d in cycle %d", in.OrganisationID, prior[0].ID, in.CycleID)
}

// checkOpen checks that a cycle takes applications now.
func (db *DB) checkOpen(c *Cycle) error {
	if c.Phase != PhaseOpen {
		return Errorf(WrongPhase, "cycle %d is in phase %s, not OPEN", c.ID, c.Phase)
	}
	if !db.Now().Before(c.ClosesAt) {
		return Errorf(DeadlinePassed, "cycle %d closed for applications at %s", c.ID, c.ClosesAt.Format(time.RFC3339))
	}
	return nil
}

// FindApplicationsByIDs returns the visible applications among ids.
func (db *DB) FindApplicationsByIDs(ctx context.Context, ids []int64) (map[int64]*Application, error) {
	act := ActorFrom(ctx)
	var apps []*Application
	err := db.conn().sel(ctx, &apps, `SELECT a.* FROM applications a WHERE a.id = ANY($4) AND `+applicationVisible,
		visibility(act, pq.Array(ids))...)
	out := make(map[int64]*Application, len(apps))
	for _, a := range apps {
		out[a.ID] = a
	}
	return out, err
}

// ApplicationFilter narrows a list of applications; zero fields match all.
type ApplicationFilter struct {
	CycleID        int64
	OrganisationID int64
	Status         string
}

const applicationFilter = ` AND ($4 = 0 OR a.cycle_id = $4) AND ($5 = 0 OR a.organisation_id = $5)
	AND ($6 = '' OR a.status = $6)`

// FindApplications lists the visible applications matching f.
func (db *DB) FindApplications(ctx context.Context, f ApplicationFilter, p Page) ([]*Application, bool, error) {
	act := ActorFrom(ctx)
	var apps []*Application
	err := db.conn().sel(ctx, &apps, `SELECT a.* FROM applications a WHERE `+applicationVisible+applicationFilter+`
		AND a.id > $7 ORDER BY a.id LIMIT $8`,
		visibility(act, f.CycleID, f.OrganisationID, f.Status, p.After, p.First+1)...)
	apps, more := trimPage(apps, p)
	return apps, more, err
}

// CountApplications counts the visible applications matching f.
func (db *DB) CountApplications(ctx context.Context, f ApplicationFilter) (int, error) {
	act := ActorFrom(ctx)
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM applications a WHERE `+applicationVisible+applicationFilter,
		visibility(act, f.CycleID, f.OrganisationID, f.Status)...)
	return n, err
}
