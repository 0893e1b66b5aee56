package store

import (
	"context"

	"github.com/lib/pq"
)

// CrossValue is one municipality's value of a KPI in a year (total, not
// by gender); Value is nil when there is none.
type CrossValue struct {
	Code      string   `db:"code"`
	Name      string   `db:"name"`
	Value     *float64 `db:"value"`
	Synthetic bool     `db:"synthetic"`
}

// FindCrossSection returns every municipality (type K) with its value of
// kpiID in year, by code, in one statement. KPI values are public.
func (db *DB) FindCrossSection(ctx context.Context, kpiID string, year int) ([]CrossValue, error) {
	var out []CrossValue
	err := db.conn().sel(ctx, &out, `SELECT m.code, m.name, v.value, coalesce(v.synthetic, false) AS synthetic
		FROM municipalities m
		LEFT JOIN kpi_values v ON v.kpi_id = $1 AND v.municipality_id = m.code AND v.period = $2 AND v.gender = 'T'
		WHERE m.type = 'K' ORDER BY m.code`, kpiID, year)
	return out, err
}

// PanelValue is one value of a panel: a KPI for a municipality in a year.
type PanelValue struct {
	KPIID     string  `db:"kpi_id"`
	Code      string  `db:"municipality_id"`
	Year      int     `db:"period"`
	Value     float64 `db:"value"`
	Synthetic bool    `db:"synthetic"`
}

// FindPanel returns the total values of kpiIDs in years for every
// municipality (type K) that has one, in one statement.
func (db *DB) FindPanel(ctx context.Context, kpiIDs []string, years []int) ([]PanelValue, error) {
	if len(kpiIDs) == 0 || len(years) == 0 {
		return nil, InvalidField("kpiIds", "name at least one KPI and one year")
	}
	var out []PanelValue
	err := db.conn().sel(ctx, &out, `SELECT v.kpi_id, v.municipality_id, v.period, v.value, v.synthetic
		FROM kpi_values v JOIN municipalities m ON m.code = v.municipality_id AND m.type = 'K'
		WHERE v.kpi_id = ANY($1) AND v.period = ANY($2) AND v.gender = 'T' AND v.value IS NOT NULL
		ORDER BY v.kpi_id, v.municipality_id, v.period`, pq.Array(kpiIDs), pq.Array(years))
	return out, err
}

// FindKPIIDsWithValue lists (up to limit) the KPIs that have a total value
// for municipality code in year, by id.
func (db *DB) FindKPIIDsWithValue(ctx context.Context, code string, year, limit int) ([]string, error) {
	var ids []string
	err := db.conn().sel(ctx, &ids, `SELECT kpi_id FROM kpi_values WHERE municipality_id = $1 AND period = $2
		AND gender = 'T' AND value IS NOT NULL ORDER BY kpi_id LIMIT $3`, code, year, limit)
	return ids, err
}

// FindSeriesByKPI returns, per KPI, every municipality's (type K) total
// values over all years, in one statement; they are public.
func (db *DB) FindSeriesByKPI(ctx context.Context, kpiIDs []string) (map[string][]PanelValue, error) {
	var rows []PanelValue
	err := db.conn().sel(ctx, &rows, `SELECT v.kpi_id, v.municipality_id, v.period, v.value, v.synthetic
		FROM kpi_values v JOIN municipalities m ON m.code = v.municipality_id AND m.type = 'K'
		WHERE v.kpi_id = ANY($1) AND v.gender = 'T' AND v.value IS NOT NULL
		ORDER BY v.kpi_id, v.municipality_id, v.period`, pq.Array(kpiIDs))
	out := map[string][]PanelValue{}
	for _, r := range rows {
		out[r.KPIID] = append(out[r.KPIID], r)
	}
	return out, err
}

// FindKPIsByIDs returns the KPIs among ids; they are public.
func (db *DB) FindKPIsByIDs(ctx context.Context, ids []string) (map[string]*KPI, error) {
	ks, err := db.FindKPIs(ctx, KPIFilter{IDs: ids, Limit: len(ids)})
	out := make(map[string]*KPI, len(ks))
	for _, k := range ks {
		out[k.ID] = k
	}
	return out, err
}

// FindMunicipalitiesByCodes returns the municipalities among codes.
func (db *DB) FindMunicipalitiesByCodes(ctx context.Context, codes []string) (map[string]*Municipality, error) {
	ms, err := db.FindMunicipalities(ctx, MunicipalityFilter{Codes: codes})
	out := make(map[string]*Municipality, len(ms))
	for _, m := range ms {
		out[m.Code] = m
	}
	return out, err
}

// FindGroupsByIDs returns the groups among ids with their members.
func (db *DB) FindGroupsByIDs(ctx context.Context, ids []string) (map[string]*Group, error) {
	gs, err := db.FindGroups(ctx, GroupFilter{IDs: ids})
	out := make(map[string]*Group, len(gs))
	for _, g := range gs {
		out[g.ID] = g
	}
	return out, err
}
