package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strings"

	"github.com/lib/pq"
)

// Band labels a range of scores, such as 30–45 "developing".
type Band struct {
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Label string  `json:"label"`
}

// Bands is a criterion's band descriptors, stored as JSON.
type Bands []Band

// Value implements driver.Valuer.
func (b Bands) Value() (driver.Value, error) {
	if b == nil {
		b = Bands{}
	}
	// A string, not []byte: with binary_parameters (see withDefaults)
	// []byte would be sent as binary jsonb, which has another format.
	data, err := json.Marshal(b)
	return string(data), err
}

// Scan implements sql.Scanner.
func (b *Bands) Scan(src any) error {
	data, ok := src.([]byte)
	if !ok {
		return errors.New("store: bands: not JSON")
	}
	v, err := decodeBands(data)
	*b = v
	return err
}

// Criterion is a node of a cycle's criteria tree: a category, or an item
// under one. Independent criteria are shown but not summed.
type Criterion struct {
	ID          int64   `db:"id"`
	CycleID     int64   `db:"cycle_id"`
	ParentID    *int64  `db:"parent_id"`
	Position    int     `db:"position"`
	Code        string  `db:"code"`
	Title       string  `db:"title"`
	Guidance    string  `db:"guidance"`
	Weight      float64 `db:"weight"`
	ScaleMin    float64 `db:"scale_min"`
	ScaleMax    float64 `db:"scale_max"`
	ScaleStep   float64 `db:"scale_step"`
	Bands       Bands   `db:"bands"`
	Independent bool    `db:"independent"`
}

// CriterionInput holds a criterion's editable fields.
type CriterionInput struct {
	ParentID    *int64
	Code        string
	Title       string
	Guidance    string
	Weight      float64
	ScaleMin    float64
	ScaleMax    float64
	ScaleStep   float64
	Bands       []Band
	Independent bool
}

var criterionCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$`)

func (in *CriterionInput) validate() error {
	in.Code, in.Title = strings.TrimSpace(in.Code), strings.TrimSpace(in.Title)
	if !criterionCode.MatchString(in.Code) {
		return InvalidField("code", "must be 1–20 letters, digits, '.', '_' or '-'")
	}
	if err := checkText("title", in.Title, 1, 200); err != nil {
		return err
	}
	if err := checkText("guidance", in.Guidance, 0, 10000); err != nil {
		return err
	}
	for _, v := range []float64{in.Weight, in.ScaleMin, in.ScaleMax, in.ScaleStep} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return InvalidField("weight", "numbers must be finite")
		}
	}
	if in.Weight <= 0 {
		return InvalidField("weight", "must be greater than 0")
	}
	if in.ScaleMax <= in.ScaleMin {
		return InvalidField("scaleMax", "must be greater than scaleMin")
	}
	steps := (in.ScaleMax - in.ScaleMin) / in.ScaleStep
	if in.ScaleStep <= 0 || math.Abs(steps-math.Round(steps)) > 1e-9 {
		return InvalidField("scaleStep", "must be positive and divide the scale into whole steps")
	}
	return validateBands(in.Bands, in.ScaleMin, in.ScaleMax)
}

func validateBands(bands []Band, min, max float64) error {
	if len(bands) > 20 {
		return InvalidField("bands", "at most 20 bands")
	}
	for i, b := range bands {
		if b.From > b.To || b.From < min || b.To > max {
			return InvalidField("bands", "band %d must lie within the scale with from ≤ to", i+1)
		}
		if i > 0 && b.From <= bands[i-1].To {
			return InvalidField("bands", "band %d overlaps or precedes band %d", i+1, i)
		}
		if err := checkText("bands", strings.TrimSpace(b.Label), 1, 100); err != nil {
			return err
		}
	}
	return nil
}

// CreateCriterion adds a criterion to a cycle that has not started scoring;
// only admins may.
func (db *DB) CreateCriterion(ctx context.Context, cycleID int64, in CriterionInput) (*Criterion, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() {
		return nil, errCriteriaForbidden
	}
	return createOnce(ctx, db, callerKey(a), "createCriterion", func(tx conn) (*Criterion, error) {
		k := &Criterion{}
		return k, db.lockCriteria(ctx, tx, cycleID, func() error {
			if err := in.validate(); err != nil {
				return err
			}
			if err := checkParent(ctx, tx, cycleID, in.ParentID, 0); err != nil {
				return err
			}
			return insertCriterion(ctx, tx, cycleID, in, k)
		})
	}, func(id int64) (*Criterion, error) { return db.findCriterion(ctx, id) })
}

func insertCriterion(ctx context.Context, tx conn, cycleID int64, in CriterionInput, k *Criterion) error {
	return tx.get(ctx, k, `INSERT INTO criteria (cycle_id, parent_id, position, code, title, guidance,
			weight, scale_min, scale_max, scale_step, bands, independent)
		VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM criteria WHERE cycle_id = $1),
			$3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
		cycleID, in.ParentID, in.Code, in.Title, in.Guidance, in.Weight,
		in.ScaleMin, in.ScaleMax, in.ScaleStep, Bands(in.Bands), in.Independent)
}

// UpdateCriterion changes a criterion of a cycle that has not started
// scoring; only admins may.
func (db *DB) UpdateCriterion(ctx context.Context, id int64, in CriterionInput) (*Criterion, error) {
	old, err := db.findCriterion(ctx, id)
	if err != nil {
		return nil, err
	}
	k := &Criterion{}
	err = db.editCriteria(ctx, old.CycleID, func(tx conn) error {
		if err := in.validate(); err != nil {
			return err
		}
		if err := checkParent(ctx, tx, old.CycleID, in.ParentID, id); err != nil {
			return err
		}
		return tx.get(ctx, k, `UPDATE criteria SET parent_id = $2, code = $3, title = $4, guidance = $5,
				weight = $6, scale_min = $7, scale_max = $8, scale_step = $9, bands = $10, independent = $11
			WHERE id = $1 RETURNING *`, id, in.ParentID, in.Code, in.Title, in.Guidance, in.Weight,
			in.ScaleMin, in.ScaleMax, in.ScaleStep, Bands(in.Bands), in.Independent)
	})
	return k, err
}

// DeleteCriterion removes a criterion, with its items, from a cycle that
// has not started scoring; only admins may.
func (db *DB) DeleteCriterion(ctx context.Context, id int64) error {
	old, err := db.findCriterion(ctx, id)
	if err != nil {
		return err
	}
	return db.editCriteria(ctx, old.CycleID, func(tx conn) error {
		_, err := tx.exec(ctx, `DELETE FROM criteria WHERE id = $1`, id)
		return err
	})
}

var errCriteriaForbidden = Errorf(Forbidden, "only admins change criteria")

// editCriteria runs fn with the cycle locked, once the caller is known to
// be an admin and the cycle not yet scoring.
func (db *DB) editCriteria(ctx context.Context, cycleID int64, fn func(tx conn) error) error {
	if !ActorFrom(ctx).IsAdmin() {
		return errCriteriaForbidden
	}
	return db.inTx(ctx, func(tx conn) error {
		return db.lockCriteria(ctx, tx, cycleID, func() error { return fn(tx) })
	})
}

// lockCriteria runs fn in tx with the cycle locked, if it is not yet
// scoring.
func (db *DB) lockCriteria(ctx context.Context, tx conn, cycleID int64, fn func() error) error {
	c, err := db.lockCycle(ctx, tx, cycleID)
	if err != nil {
		return err
	}
	if !c.Phase.Before(PhaseScoring) {
		return Errorf(WrongPhase, "cycle %d is in phase %s; criteria cannot change once scoring has started", c.ID, c.Phase)
	}
	return fn()
}

// checkParent checks that parent is a top-level criterion of the same
// cycle, and not the criterion itself (self) or one with items of its own.
func checkParent(ctx context.Context, tx conn, cycleID int64, parent *int64, self int64) error {
	if parent == nil {
		return nil
	}
	var p struct {
		CycleID  int64  `db:"cycle_id"`
		ParentID *int64 `db:"parent_id"`
	}
	err := tx.get(ctx, &p, `SELECT cycle_id, parent_id FROM criteria WHERE id = $1`, *parent)
	if isNoRows(err) || (err == nil && p.CycleID != cycleID) {
		return InvalidField("parentId", "must be a criterion of the same cycle")
	}
	if err != nil {
		return err
	}
	if p.ParentID != nil || *parent == self {
		return InvalidField("parentId", "must be a top-level category; the tree has two levels")
	}
	if self != 0 {
		var items int
		if err := tx.get(ctx, &items, `SELECT count(*) FROM criteria WHERE parent_id = $1`, self); err != nil {
			return err
		}
		if items > 0 {
			return InvalidField("parentId", "a category with items cannot become an item")
		}
	}
	return nil
}

func (db *DB) findCriterion(ctx context.Context, id int64) (*Criterion, error) {
	k := &Criterion{}
	err := db.conn().get(ctx, k, `SELECT * FROM criteria WHERE id = $1`, id)
	if isNoRows(err) {
		return nil, notFound("criterion", id)
	}
	return k, err
}

// FindCriteriaByCycleIDs returns, per visible cycle, its criteria in order.
func (db *DB) FindCriteriaByCycleIDs(ctx context.Context, ids []int64) (map[int64][]*Criterion, error) {
	out := make(map[int64][]*Criterion)
	var sc criterionScanner
	err := db.conn().each(ctx, func(rows *sql.Rows) error {
		k, err := sc.scan(rows)
		out[k.CycleID] = append(out[k.CycleID], k)
		return err
	}, `SELECT `+criterionColumns+` FROM criteria k JOIN cycles c ON c.id = k.cycle_id
		WHERE k.cycle_id = ANY($2) AND `+cycleVisible+` ORDER BY k.position, k.id`,
		ActorFrom(ctx).role(), pq.Array(ids))
	return out, err
}

// BandFor returns the label of the band v falls in: the last band that
// starts at or below v ("" when there is none).
func (k *Criterion) BandFor(v float64) string {
	label := ""
	for _, b := range k.Bands {
		if b.From <= v+1e-9 {
			label = b.Label
		}
	}
	return label
}

// FindCriteriaByIDs returns the criteria among ids of cycles the caller
// may see.
func (db *DB) FindCriteriaByIDs(ctx context.Context, ids []int64) (map[int64]*Criterion, error) {
	var rows []*Criterion
	err := db.conn().sel(ctx, &rows, `SELECT k.* FROM criteria k JOIN cycles c ON c.id = k.cycle_id
		WHERE k.id = ANY($2) AND `+cycleVisible, ActorFrom(ctx).role(), pq.Array(ids))
	out := make(map[int64]*Criterion, len(rows))
	for _, k := range rows {
		out[k.ID] = k
	}
	return out, err
}
