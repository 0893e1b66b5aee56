package store

import (
	"context"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Cycle is one year of an award: its deadlines, phase and jury settings.
type Cycle struct {
	ID                   int64     `db:"id"`
	AwardID              int64     `db:"award_id"`
	Year                 int       `db:"year"`
	Title                string    `db:"title"`
	OpensAt              time.Time `db:"opens_at"`
	ClosesAt             time.Time `db:"closes_at"`
	ScoringClosesAt      time.Time `db:"scoring_closes_at"`
	Phase                Phase     `db:"phase"`
	ScoreVisibility      string    `db:"score_visibility"`
	Aggregation          string    `db:"aggregation"`
	JurorsPerApplication int       `db:"jurors_per_application"`
	Template             *string   `db:"template"`
	FlagRangeShare       float64   `db:"flag_range_share"`
	FlagSDShare          float64   `db:"flag_sd_share"`
	// ReliabilityMinApplications is the fewest applications ICC is
	// estimated on.
	ReliabilityMinApplications int `db:"reliability_min_applications"`
	// LockScoresAfterSeeing locks a juror's score values for an
	// application once they could see the other jurors' (under
	// AFTER_OWN_SUBMISSION, after submitting); otherwise changes are
	// only flagged.
	LockScoresAfterSeeing bool `db:"lock_scores_after_seeing"`
	// Historical: the cycle's results were recorded without scores (see
	// MarkCycleHistorical).
	Historical bool `db:"historical"`
	// NoAward: no award this cycle (see SetNoAward), with its reason.
	NoAward       bool      `db:"no_award"`
	NoAwardReason string    `db:"no_award_reason"`
	Version       int       `db:"version"`
	CreatedAt     time.Time `db:"created_at"`
}

// CycleSettings holds a cycle's editable fields. Empty strings and zero
// numbers take the defaults (AFTER_OWN_SUBMISSION, MEAN, 3 jurors).
type CycleSettings struct {
	Title                string
	OpensAt              time.Time
	ClosesAt             time.Time
	ScoringClosesAt      time.Time
	ScoreVisibility      string
	Aggregation          string
	JurorsPerApplication int
	// FlagRangeShare and FlagSDShare flag a cell for disagreement when its
	// range or standard deviation exceeds that share of the scale
	// (defaults 0.30 and 0.15).
	FlagRangeShare float64
	FlagSDShare    float64
	// ReliabilityMinApplications is the fewest applications the jury's
	// intraclass correlations are estimated on (default 5, 2 to 1000).
	ReliabilityMinApplications int
	// LockScoresAfterSeeing: see Cycle.
	LockScoresAfterSeeing bool
}

// CycleInput describes a cycle to create, optionally from a template.
type CycleInput struct {
	AwardID  int64
	Year     int
	Template string
	CycleSettings
}

func (s *CycleSettings) validate() error {
	s.Title = strings.TrimSpace(s.Title)
	if err := checkText("title", s.Title, 1, 200); err != nil {
		return err
	}
	if !s.OpensAt.Before(s.ClosesAt) {
		return InvalidField("closesAt", "must be after opensAt")
	}
	if s.ScoringClosesAt.Before(s.ClosesAt) {
		return InvalidField("scoringClosesAt", "must not be before closesAt")
	}
	if s.ScoreVisibility == "" {
		s.ScoreVisibility = "AFTER_OWN_SUBMISSION"
	}
	if !contains([]string{"NEVER", "AFTER_OWN_SUBMISSION", "ALWAYS"}, s.ScoreVisibility) {
		return InvalidField("scoreVisibility", "must be NEVER, AFTER_OWN_SUBMISSION or ALWAYS")
	}
	if s.Aggregation == "" {
		s.Aggregation = "MEAN"
	}
	if s.Aggregation != "MEAN" && s.Aggregation != "MEDIAN" {
		return InvalidField("aggregation", "must be MEAN or MEDIAN")
	}
	if s.JurorsPerApplication == 0 {
		s.JurorsPerApplication = 3
	}
	if s.JurorsPerApplication < 1 || s.JurorsPerApplication > 50 {
		return InvalidField("jurorsPerApplication", "must be between 1 and 50")
	}
	if s.FlagRangeShare == 0 {
		s.FlagRangeShare = 0.30
	}
	if s.FlagSDShare == 0 {
		s.FlagSDShare = 0.15
	}
	if s.FlagRangeShare <= 0 || s.FlagRangeShare > 1 || s.FlagSDShare <= 0 || s.FlagSDShare > 1 {
		return InvalidField("flagRangeShare", "disagreement shares must lie in (0, 1]")
	}
	if s.ReliabilityMinApplications == 0 {
		s.ReliabilityMinApplications = 5
	}
	if s.ReliabilityMinApplications < 2 || s.ReliabilityMinApplications > 1000 {
		return InvalidField("reliabilityMinApplications", "must be between 2 and 1000")
	}
	return nil
}

// CreateCycle creates a cycle in phase DRAFT, with the template's criteria
// when one is named; only admins may.
func (db *DB) CreateCycle(ctx context.Context, in CycleInput) (*Cycle, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() {
		return nil, Errorf(Forbidden, "only admins create cycles")
	}
	return createOnce(ctx, db, callerKey(a), "createCycle", func(tx conn) (*Cycle, error) {
		return createCycle(ctx, tx, in)
	}, func(id int64) (*Cycle, error) {
		m, err := db.FindCyclesByIDs(ctx, []int64{id})
		return foundOr(m, err, "cycle", id)
	})
}

func createCycle(ctx context.Context, tx conn, in CycleInput) (*Cycle, error) {
	if in.Year < 1900 || in.Year > 2999 {
		return nil, InvalidField("year", "must be a year such as 2012")
	}
	if err := in.CycleSettings.validate(); err != nil {
		return nil, err
	}
	tmpl, err := templateCriteria(in.Template)
	if err != nil {
		return nil, err
	}
	c := &Cycle{}
	err = tx.get(ctx, c, `INSERT INTO cycles (award_id, year, title, opens_at, closes_at, scoring_closes_at,
			score_visibility, aggregation, jurors_per_application, template, flag_range_share, flag_sd_share,
			reliability_min_applications, lock_scores_after_seeing)
		SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, nullif($10, ''), $11, $12, $13, $14 FROM awards WHERE id = $1 RETURNING *`,
		in.AwardID, in.Year, in.Title, in.OpensAt, in.ClosesAt, in.ScoringClosesAt,
		in.ScoreVisibility, in.Aggregation, in.JurorsPerApplication, in.Template, in.FlagRangeShare, in.FlagSDShare,
		in.ReliabilityMinApplications, in.LockScoresAfterSeeing)
	if isNoRows(err) {
		return nil, notFound("award", in.AwardID)
	}
	if err != nil {
		return nil, err
	}
	return c, insertTemplate(ctx, tx, c.ID, tmpl)
}

// UpdateCycle changes a cycle's settings if version is still current; only
// admins may, and not once the cycle is published.
func (db *DB) UpdateCycle(ctx context.Context, id int64, version int, s CycleSettings) (*Cycle, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins change cycles")
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	c := &Cycle{}
	err := db.conn().get(ctx, c, `UPDATE cycles SET title = $3, opens_at = $4, closes_at = $5,
			scoring_closes_at = $6, score_visibility = $7, aggregation = $8, jurors_per_application = $9,
			flag_range_share = $10, flag_sd_share = $11, reliability_min_applications = $12,
			lock_scores_after_seeing = $13, version = version + 1
		WHERE id = $1 AND version = $2 AND phase <> 'PUBLISHED' RETURNING *`,
		id, version, s.Title, s.OpensAt, s.ClosesAt, s.ScoringClosesAt, s.ScoreVisibility, s.Aggregation,
		s.JurorsPerApplication, s.FlagRangeShare, s.FlagSDShare, s.ReliabilityMinApplications, s.LockScoresAfterSeeing)
	if isNoRows(err) {
		if old, ferr := db.findCycle(ctx, db.conn(), id); ferr == nil && old.Phase == PhasePublished {
			return nil, Errorf(WrongPhase, "cycle %d is published and can no longer change", id)
		}
		return nil, db.staleOrMissing(ctx, "cycles", "cycle", id)
	}
	return c, err
}

// PhaseChecks carries what the caller computed for a transition: for
// DECIDED, the criteria of each application whose cells were flagged for
// disagreement, each of which needs an agreed score.
type PhaseChecks struct {
	Consensus map[int64][]int64
}

// AdvanceCycle moves a cycle to the next phase after checking that it may
// go there; only admins may.
func (db *DB) AdvanceCycle(ctx context.Context, id int64, version int, to Phase, checks PhaseChecks) (*Cycle, error) {
	return db.changeCycle(ctx, id, version, func(tx conn, old, c *Cycle) error {
		if err := old.Phase.checkTransition(to); err != nil {
			return err
		}
		if err := db.checkEntry(ctx, tx, old, to, checks); err != nil {
			return err
		}
		if err := tx.get(ctx, c, `UPDATE cycles SET phase = $2, version = version + 1 WHERE id = $1 RETURNING *`, id, to); err != nil {
			return err
		}
		if to == PhasePublished {
			if err := mailResults(ctx, tx, c); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, id, "cycle.advance", "cycle", id, old.Phase, to)
	})
}

// checkEntry checks what a phase needs before a cycle may enter it.
func (db *DB) checkEntry(ctx context.Context, tx conn, c *Cycle, to Phase, checks PhaseChecks) error {
	if to == PhaseDecided {
		return checkDecided(ctx, tx, c, checks)
	}
	if to != PhaseOpen {
		return nil
	}
	if !db.Now().Before(c.ClosesAt) {
		return Errorf(DeadlinePassed, "cycle %d closed at %s; move closesAt before opening it", c.ID, c.ClosesAt.Format(time.RFC3339))
	}
	var scored int
	err := tx.get(ctx, &scored, `SELECT count(*) FROM criteria k WHERE k.cycle_id = $1 AND NOT k.independent
		AND NOT EXISTS (SELECT 1 FROM criteria i WHERE i.parent_id = k.id)`, c.ID)
	if err == nil && scored == 0 {
		return Errorf(Invalid, "cycle %d has no scored criterion; add criteria before opening it", c.ID)
	}
	return err
}

func (db *DB) lockCycle(ctx context.Context, tx conn, id int64) (*Cycle, error) {
	c := &Cycle{}
	err := tx.get(ctx, c, `SELECT * FROM cycles WHERE id = $1 FOR UPDATE`, id)
	if isNoRows(err) {
		return nil, notFound("cycle", id)
	}
	return c, err
}

func (db *DB) findCycle(ctx context.Context, c conn, id int64) (*Cycle, error) {
	cy := &Cycle{}
	err := c.get(ctx, cy, `SELECT * FROM cycles WHERE id = $1`, id)
	if isNoRows(err) {
		return nil, notFound("cycle", id)
	}
	return cy, err
}

// findVisibleCycle is findCycle for a cycle the caller may see
// (cycleVisible): a hidden one is NOT_FOUND, as a missing one is.
func (db *DB) findVisibleCycle(ctx context.Context, c conn, id int64) (*Cycle, error) {
	cy := &Cycle{}
	err := c.get(ctx, cy, `SELECT c.* FROM cycles c WHERE c.id = $2 AND `+cycleVisible, ActorFrom(ctx).role(), id)
	if isNoRows(err) {
		return nil, notFound("cycle", id)
	}
	return cy, err
}

// cycleVisible is the predicate for cycles the caller may see: admins all,
// everyone else the cycles past DRAFT. $1 is the caller's role.
const cycleVisible = `($1 = 'ADMIN' OR c.phase <> 'DRAFT')`

// FindCyclesByIDs returns the visible cycles among ids.
func (db *DB) FindCyclesByIDs(ctx context.Context, ids []int64) (map[int64]*Cycle, error) {
	var cycles []*Cycle
	err := db.conn().sel(ctx, &cycles, `SELECT c.* FROM cycles c WHERE c.id = ANY($2) AND `+cycleVisible,
		ActorFrom(ctx).role(), pq.Array(ids))
	out := make(map[int64]*Cycle, len(cycles))
	for _, c := range cycles {
		out[c.ID] = c
	}
	return out, err
}

// FindCyclesByAwardIDs returns, per award, its visible cycles, newest first.
func (db *DB) FindCyclesByAwardIDs(ctx context.Context, ids []int64) (map[int64][]*Cycle, error) {
	var cycles []*Cycle
	err := db.conn().sel(ctx, &cycles, `SELECT c.* FROM cycles c WHERE c.award_id = ANY($2) AND `+cycleVisible+`
		ORDER BY c.year DESC, c.id`, ActorFrom(ctx).role(), pq.Array(ids))
	out := make(map[int64][]*Cycle)
	for _, c := range cycles {
		out[c.AwardID] = append(out[c.AwardID], c)
	}
	return out, err
}
