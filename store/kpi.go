package store

import (
	"context"
	"math"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/leanforum/awards/store/kolada"
)

// Direction says which way a KPI is better. Kolada does not publish it;
// admins set it.
type Direction string

// The directions.
const (
	HigherIsBetter Direction = "HIGHER_IS_BETTER"
	LowerIsBetter  Direction = "LOWER_IS_BETTER"
	Neutral        Direction = "NEUTRAL"
)

// Valid reports whether d is a known direction.
func (d Direction) Valid() bool {
	return d == HigherIsBetter || d == LowerIsBetter || d == Neutral
}

// KPI is a Kolada key performance indicator with Kolada's v3 fields as
// given, and the settings the project keeps: unit, direction and an
// optional legal limit.
type KPI struct {
	ID                  string     `db:"id"`
	Title               string     `db:"title"`
	Description         string     `db:"description"`
	IsDividedByGender   bool       `db:"is_divided_by_gender"`
	MunicipalityType    string     `db:"municipality_type"` // K, L or A (both)
	Auspice             *string    `db:"auspice"`
	OperatingArea       string     `db:"operating_area"`
	Perspective         *string    `db:"perspective"`
	PrelPublicationDate *time.Time `db:"prel_publication_date"`
	PublicationDate     *time.Time `db:"publication_date"`
	PublPeriod          *string    `db:"publ_period"`
	HasOUData           bool       `db:"has_ou_data"`
	KPISettings
	Demo      bool      `db:"demo"`
	UpdatedAt time.Time `db:"updated_at"`
}

// KPISettings are what the project keeps about a KPI beyond Kolada's
// catalogue.
type KPISettings struct {
	Unit       string    `db:"unit"`
	Direction  Direction `db:"direction"`
	LegalLimit *float64  `db:"legal_limit"`
}

func (s *KPISettings) validate() error {
	if err := checkText("unit", s.Unit, 0, 50); err != nil {
		return err
	}
	if !s.Direction.Valid() {
		return InvalidField("direction", "must be HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL")
	}
	if l := s.LegalLimit; l != nil && (math.IsNaN(*l) || math.IsInf(*l, 0)) {
		return InvalidField("legalLimit", "must be a finite number")
	}
	return nil
}

// DefaultKPISettings are the settings a KPI gets when it is first stored:
// those of the KPIs the award material uses, or NEUTRAL without a unit.
func DefaultKPISettings(id string) KPISettings {
	days, limit := "dagar", 120.0
	switch id {
	case "U33401": // child and youth investigation time; legal limit four months
		return KPISettings{Unit: days, Direction: LowerIsBetter, LegalLimit: &limit}
	case "U23401", "U31402": // waiting days for special housing, for income support
		return KPISettings{Unit: days, Direction: LowerIsBetter}
	case "N21006":
		return KPISettings{Unit: "kr/hemtjänsttagare", Direction: LowerIsBetter}
	case "N23009":
		return KPISettings{Unit: "kr/brukare", Direction: LowerIsBetter}
	case "N20016": // SKR's reference cost: what structure predicts, neither good nor bad
		return KPISettings{Unit: "kr/inv", Direction: Neutral}
	case "N20900": // net cost deviation from the reference cost
		return KPISettings{Unit: "%", Direction: LowerIsBetter}
	case "U21468", "U23471": // user satisfaction
		return KPISettings{Unit: "%", Direction: HigherIsBetter}
	case "N01951":
		return KPISettings{Unit: "antal", Direction: Neutral}
	}
	return KPISettings{Direction: Neutral}
}

// FindKPIByID returns the KPI with id; KPIs are public.
func (db *DB) FindKPIByID(ctx context.Context, id string) (*KPI, error) {
	k := &KPI{}
	err := db.conn().get(ctx, k, `SELECT * FROM kpis WHERE id = $1`, id)
	if isNoRows(err) {
		return nil, Errorf(NotFound, "KPI %s not found", id)
	}
	return k, err
}

// KPIFilter selects KPIs: those with the given ids, or whose title
// contains Search, in an operating area; at most Limit (100 when 0) after
// the id After.
type KPIFilter struct {
	IDs           []string
	Search        string
	OperatingArea string
	After         string
	Limit         int
}

// maxKPILimit is the most KPIs one FindKPIs returns.
const maxKPILimit = 1000

// FindKPIs returns the KPIs f selects, ordered by id.
func (db *DB) FindKPIs(ctx context.Context, f KPIFilter) ([]*KPI, error) {
	if f.Limit <= 0 || f.Limit > maxKPILimit {
		f.Limit = 100
	}
	var out []*KPI
	err := db.conn().sel(ctx, &out, `SELECT * FROM kpis
		WHERE (coalesce(cardinality($1::text[]), 0) = 0 OR id = ANY($1)) AND title ILIKE '%' || $2 || '%'
			AND ($3 = '' OR operating_area = $3) AND id > $4
		ORDER BY id LIMIT $5`, pq.Array(f.IDs), escapeLike(f.Search), f.OperatingArea, f.After, f.Limit)
	return out, err
}

// UpdateKPISettings sets a KPI's unit, direction and legal limit; only
// admins may. Imports keep them.
func (db *DB) UpdateKPISettings(ctx context.Context, id string, s KPISettings) (*KPI, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins change KPI settings")
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	k := &KPI{}
	err := db.conn().get(ctx, k, `UPDATE kpis SET unit = $2, direction = $3, legal_limit = $4, updated_at = now()
		WHERE id = $1 RETURNING *`, id, s.Unit, s.Direction, s.LegalLimit)
	if isNoRows(err) {
		return nil, Errorf(NotFound, "KPI %s not found", id)
	}
	return k, err
}

const kpiColumns = `id, title, description, is_divided_by_gender, municipality_type, auspice, operating_area,
	perspective, prel_publication_date, publication_date, publ_period, has_ou_data`

// kpiUpsert merges staged KPIs: Kolada's fields are replaced, the
// project's settings are set only for a new KPI.
var kpiUpsert = mergeCounts(`INSERT INTO kpis AS k (` + kpiColumns + `, unit, direction, legal_limit)
	SELECT ` + kpiColumns + `, unit, direction, legal_limit FROM kpis_in
	ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
		is_divided_by_gender = excluded.is_divided_by_gender, municipality_type = excluded.municipality_type,
		auspice = excluded.auspice, operating_area = excluded.operating_area, perspective = excluded.perspective,
		prel_publication_date = excluded.prel_publication_date, publication_date = excluded.publication_date,
		publ_period = excluded.publ_period, has_ou_data = excluded.has_ou_data, demo = false, updated_at = now()
	WHERE (k.title, k.description, k.is_divided_by_gender, k.municipality_type, k.auspice, k.operating_area,
			k.perspective, k.prel_publication_date, k.publication_date, k.publ_period, k.has_ou_data, k.demo)
		IS DISTINCT FROM (excluded.title, excluded.description, excluded.is_divided_by_gender,
			excluded.municipality_type, excluded.auspice, excluded.operating_area, excluded.perspective,
			excluded.prel_publication_date, excluded.publication_date, excluded.publ_period, excluded.has_ou_data, false)`)

// ImportKPIs imports Kolada's KPI catalogue (/kpi). Only admins may.
func (db *DB) ImportKPIs(ctx context.Context, s *kolada.Stream, opts ImportOptions) (*ImportSummary, error) {
	return db.runImport(ctx, "kpis", opts, func(run *importRun) error {
		cp, err := run.tx.stage(ctx, "kpis_in", `pos integer, id text, title text, description text,
			is_divided_by_gender boolean, municipality_type text, auspice text, operating_area text, perspective text,
			prel_publication_date date, publication_date date, publ_period text, has_ou_data boolean,
			unit text, direction text, legal_limit double precision`,
			"pos", "id", "title", "description", "is_divided_by_gender", "municipality_type", "auspice",
			"operating_area", "perspective", "prel_publication_date", "publication_date", "publ_period",
			"has_ou_data", "unit", "direction", "legal_limit")
		if err != nil {
			return err
		}
		defer cp.stmt.Close()
		var k kolada.KPI
		err = run.eachRecord(s, &k, func(i int) error {
			set := DefaultKPISettings(k.ID)
			return cp.add(ctx, i, k.ID, k.Title, k.Description, k.IsDividedByGender, k.MunicipalityType,
				k.Auspice, k.OperatingArea, k.Perspective, blankNull(k.PrelPublicationDate), blankNull(k.PublicationDate),
				k.PublPeriod, k.HasOUData, set.Unit, string(set.Direction), set.LegalLimit)
		})
		if err != nil {
			return err
		}
		if err := cp.flush(ctx); err != nil {
			return err
		}
		return run.merge(ctx, cp.rows, dupes{table: "kpis_in", key: []string{"id"}}, kpiUpsert)
	})
}

// blankNull is nil for a missing or empty string.
func blankNull(s *string) any {
	if s == nil || *s == "" {
		return nil
	}
	return *s
}

// escapeLike makes s match itself literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
