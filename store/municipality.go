package store

import (
	"context"
	"time"

	"github.com/lib/pq"

	"github.com/leanforum/awards/store/kolada"
)

// Municipality is a Swedish municipality (type K) or region (type L; 0000
// is Riket), by its four-digit code, with its county and its SKR
// kommungrupp (a KOMMUNGRUPP group) when known.
type Municipality struct {
	Code             string    `db:"code"`
	Name             string    `db:"name"`
	Type             string    `db:"type"`
	CountyCode       *string   `db:"county_code"`
	CountyName       *string   `db:"county_name"`
	KommungruppID    *string   `db:"kommungrupp_id"`
	KommungruppTitle *string   `db:"kommungrupp_title"`
	Demo             bool      `db:"demo"`
	UpdatedAt        time.Time `db:"updated_at"`
}

// municipalitySelect reads municipalities with their kommungrupp.
// Each municipality's kommungrupp comes from one join over every
// kommungrupp's members, not a lateral lookup per municipality (which
// made the list of 290 five times slower).
const municipalitySelect = `SELECT m.*, kg.id AS kommungrupp_id, kg.title AS kommungrupp_title
	FROM municipalities m LEFT JOIN (
		SELECT DISTINCT ON (gm.municipality_code) gm.municipality_code, g.id, g.title
		FROM municipality_group_members gm JOIN municipality_groups g ON g.id = gm.group_id
		WHERE g.kind = 'KOMMUNGRUPP' ORDER BY gm.municipality_code, g.id) kg ON kg.municipality_code = m.code`

// MunicipalityFilter selects municipalities: with the given codes, of a
// type (K or L), in a county or members of a group; all when empty.
type MunicipalityFilter struct {
	Codes      []string
	Type       string
	CountyCode string
	GroupID    string
}

// FindMunicipalities returns the municipalities f selects, ordered by
// code. Reference data are public.
func (db *DB) FindMunicipalities(ctx context.Context, f MunicipalityFilter) ([]*Municipality, error) {
	var out []*Municipality
	err := db.conn().sel(ctx, &out, municipalitySelect+`
		WHERE (coalesce(cardinality($1::text[]), 0) = 0 OR m.code = ANY($1)) AND ($2 = '' OR m.type = $2)
			AND ($3 = '' OR m.county_code = $3)
			AND ($4 = '' OR EXISTS (SELECT 1 FROM municipality_group_members x WHERE x.group_id = $4 AND x.municipality_code = m.code))
		ORDER BY m.code`, pq.Array(f.Codes), f.Type, f.CountyCode, f.GroupID)
	return out, err
}

// FindMunicipalityByCode returns the municipality or region with code.
func (db *DB) FindMunicipalityByCode(ctx context.Context, code string) (*Municipality, error) {
	m := &Municipality{}
	err := db.conn().get(ctx, m, municipalitySelect+` WHERE m.code = $1`, code)
	if isNoRows(err) {
		return nil, Errorf(NotFound, "municipality %s not found", code)
	}
	return m, err
}

// municipalityUpsert merges staged municipalities. A municipality's county
// is the first two digits of its code; the county's name, which Kolada
// does not give, is kept (ImportCounties sets it).
var municipalityUpsert = mergeCounts(`INSERT INTO municipalities AS m (code, name, type, county_code)
	SELECT code, name, type, CASE WHEN type = 'K' THEN left(code, 2) END FROM municipalities_in
	ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type,
		county_code = coalesce(excluded.county_code, m.county_code), demo = false, updated_at = now()
	WHERE (m.name, m.type, m.demo) IS DISTINCT FROM (excluded.name, excluded.type, false)
		OR m.county_code IS DISTINCT FROM coalesce(excluded.county_code, m.county_code)`)

// ImportMunicipalities imports Kolada's municipalities and regions
// (/municipality). Only admins may.
func (db *DB) ImportMunicipalities(ctx context.Context, s *kolada.Stream, opts ImportOptions) (*ImportSummary, error) {
	return db.runImport(ctx, "municipalities", opts, func(run *importRun) error {
		cp, err := run.tx.stage(ctx, "municipalities_in", `pos integer, code text, name text, type text`,
			"pos", "code", "name", "type")
		if err != nil {
			return err
		}
		defer cp.stmt.Close()
		var m kolada.Municipality
		err = run.eachRecord(s, &m, func(i int) error { return cp.add(ctx, i, m.ID, m.Title, m.Type) })
		if err != nil {
			return err
		}
		if err := cp.flush(ctx); err != nil {
			return err
		}
		return run.merge(ctx, cp.rows, dupes{table: "municipalities_in", key: []string{"code"}}, municipalityUpsert)
	})
}
