package store

import (
	"context"

	"github.com/lib/pq"
)

// FeedbackData is what an application's feedback report is made from.
type FeedbackData struct {
	Application  *Application
	Organisation *Organisation
	Cycle        *Cycle
	AwardName    string
	Criteria     []*Criterion
	Consensus    []*Consensus
	// Cells are the submitted, non-recused jurors' values and comments per
	// criterion, without juror names.
	Cells      map[int64]*FeedbackCell
	Indicators []*Indicator
}

// FeedbackCell is the jurors' values and comments on one criterion.
type FeedbackCell struct {
	Values        []float64
	Strengths     []string
	Opportunities []string
}

// FindFeedbackData reads an application's feedback: admins and lead jurors
// without a conflict may at any time, the applicant's members once the
// cycle is published.
func (db *DB) FindFeedbackData(ctx context.Context, appID int64) (*FeedbackData, error) {
	c := db.conn()
	apps, err := db.FindApplicationsByIDs(ctx, []int64{appID})
	if err != nil {
		return nil, err
	}
	app := apps[appID]
	if app == nil {
		return nil, notFound("application", appID)
	}
	d := &FeedbackData{Application: app}
	if d.Cycle, err = db.findCycle(ctx, c, app.CycleID); err != nil {
		return nil, err
	}
	if err := db.checkFeedbackAccess(ctx, d); err != nil {
		return nil, err
	}
	d.Organisation = &Organisation{}
	if err := c.get(ctx, d.Organisation, `SELECT * FROM organisations WHERE id = $1`, app.OrganisationID); err != nil {
		return nil, err
	}
	if err := c.get(ctx, &d.AwardName, `SELECT name FROM awards WHERE id = $1`, d.Cycle.AwardID); err != nil {
		return nil, err
	}
	if err := c.sel(ctx, &d.Criteria, `SELECT * FROM criteria WHERE cycle_id = $1 ORDER BY position, id`, app.CycleID); err != nil {
		return nil, err
	}
	if err := c.sel(ctx, &d.Consensus, `SELECT * FROM consensus WHERE application_id = $1`, appID); err != nil {
		return nil, err
	}
	if err := c.sel(ctx, &d.Indicators, `SELECT * FROM indicators WHERE application_id = $1 ORDER BY position`, appID); err != nil {
		return nil, err
	}
	d.Cells, err = feedbackCells(ctx, c, appID)
	return d, err
}

func (db *DB) checkFeedbackAccess(ctx context.Context, d *FeedbackData) error {
	a := ActorFrom(ctx)
	switch {
	case a.IsAdmin():
		return nil
	case a != nil && a.Role == RoleApplicant:
		if d.Cycle.Phase != PhasePublished {
			return Errorf(Forbidden, "the feedback report is yours once cycle %d is published", d.Cycle.ID)
		}
		return nil
	case a != nil && a.Role == RoleJuror:
		role, err := juryRole(ctx, db.conn(), d.Cycle.ID, a.UserID)
		if err != nil {
			return err
		}
		if !role.Lead {
			return Errorf(Forbidden, "feedback reports are for lead jurors, admins and, after publication, the applicant")
		}
		return nil
	}
	return Errorf(Unauthenticated, "log in to read a feedback report")
}

func feedbackCells(ctx context.Context, c conn, appID int64) (map[int64]*FeedbackCell, error) {
	var rows []struct {
		CriterionID   int64           `db:"criterion_id"`
		Values        pq.Float64Array `db:"vals"`
		Strengths     pq.StringArray  `db:"strengths"`
		Opportunities pq.StringArray  `db:"opportunities"`
	}
	err := c.sel(ctx, &rows, `SELECT s.criterion_id,
			coalesce(array_agg(s.value ORDER BY s.juror_id) FILTER (WHERE s.value IS NOT NULL), '{}') AS vals,
			array_agg(s.strengths ORDER BY s.juror_id) AS strengths,
			array_agg(s.opportunities ORDER BY s.juror_id) AS opportunities
		FROM scores s JOIN assignments g ON g.application_id = s.application_id AND g.juror_id = s.juror_id
		WHERE s.application_id = $1 AND g.recused_at IS NULL AND g.submitted_at IS NOT NULL
		GROUP BY s.criterion_id`, appID)
	out := make(map[int64]*FeedbackCell, len(rows))
	for _, r := range rows {
		out[r.CriterionID] = &FeedbackCell{Values: r.Values, Strengths: r.Strengths, Opportunities: r.Opportunities}
	}
	return out, err
}
