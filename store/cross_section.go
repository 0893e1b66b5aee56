package store

import (
	"context"
	"slices"

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
	return db.panel(ctx, kpiIDs, years)
}

// panel is the total values of kpiIDs for every municipality (type K) that
// has one, in years, or in every year when years is empty, by KPI,
// municipality and year.
func (db *DB) panel(ctx context.Context, kpiIDs []string, years []int) ([]PanelValue, error) {
	var out []PanelValue
	err := db.conn().sel(ctx, &out, `SELECT v.kpi_id, v.municipality_id, v.period, v.value, v.synthetic
		FROM kpi_values v JOIN municipalities m ON m.code = v.municipality_id AND m.type = 'K'
		WHERE v.kpi_id = ANY($1) AND (coalesce(cardinality($2::int[]), 0) = 0 OR v.period = ANY($2))
			AND v.gender = 'T' AND v.value IS NOT NULL
		ORDER BY v.kpi_id, v.municipality_id, v.period`, pq.Array(kpiIDs), pq.Array(years))
	return out, err
}

// FindKPIIDsWithValue lists (up to limit) the KPIs that have a total value
// for municipality code in year, by id.
func (db *DB) FindKPIIDsWithValue(ctx context.Context, code string, year, limit int) ([]string, error) {
	m, err := db.FindKPIIDsWithValueFor(ctx, []CodeYear{{code, year}}, limit)
	return m[CodeYear{code, year}], err
}

// CodeYear is a municipality (or group) and a year.
type CodeYear struct {
	Code string `db:"municipality_id"`
	Year int    `db:"period"`
}

// FindKPIIDsWithValueFor lists, for each municipality and year of pairs,
// up to limit KPIs that have a total value there, by id, in one statement.
func (db *DB) FindKPIIDsWithValueFor(ctx context.Context, pairs []CodeYear, limit int) (map[CodeYear][]string, error) {
	codes, years := make([]string, len(pairs)), make([]int64, len(pairs))
	for i, p := range pairs {
		codes[i], years[i] = p.Code, int64(p.Year)
	}
	var rows []struct {
		CodeYear
		KPIID string `db:"kpi_id"`
	}
	// kpi_records itself, not the kpi_values view: the planner cannot take
	// the join's values into the view to use kpi_records_municipality_idx.
	err := db.conn().sel(ctx, &rows, `SELECT municipality_id, period, kpi_id FROM (
			SELECT r.municipality_id, r.period, r.kpi_id,
				row_number() OVER (PARTITION BY r.municipality_id, r.period ORDER BY r.kpi_id) AS n
			FROM unnest($1::text[], $2::int[]) AS q (code, year)
			JOIN kpi_records r ON r.municipality_id = q.code COLLATE "C" AND r.period = q.year
			WHERE r.value_t IS NOT NULL) x
		WHERE n <= $3 ORDER BY municipality_id, period, kpi_id`, pq.Array(codes), pq.Array(years), limit)
	out := map[CodeYear][]string{}
	for _, r := range rows {
		out[r.CodeYear] = append(out[r.CodeYear], r.KPIID)
	}
	return out, err
}

// FindSeriesByKPI returns, per KPI, every municipality's (type K) total
// values over all years, in one statement; they are public.
func (db *DB) FindSeriesByKPI(ctx context.Context, kpiIDs []string) (map[string][]PanelValue, error) {
	rows, err := db.panel(ctx, kpiIDs, nil)
	out := map[string][]PanelValue{}
	for _, r := range rows {
		out[r.KPIID] = append(out[r.KPIID], r)
	}
	return out, err
}

// FindKPIsByIDs returns the KPIs among ids; they are public.
func (db *DB) FindKPIsByIDs(ctx context.Context, ids []string) (map[string]*KPI, error) {
	out := make(map[string]*KPI, len(ids))
	for chunk := range slices.Chunk(ids, maxKPILimit) { // one statement up to FindKPIs' limit
		ks, err := db.FindKPIs(ctx, KPIFilter{IDs: chunk, Limit: len(chunk)})
		if err != nil {
			return nil, err
		}
		for _, k := range ks {
			out[k.ID] = k
		}
	}
	return out, nil
}

// FindMunicipalitiesByCodes returns the municipalities among codes.
func (db *DB) FindMunicipalitiesByCodes(ctx context.Context, codes []string) (map[string]*Municipality, error) {
	if len(codes) == 0 { // no codes, not every municipality
		return map[string]*Municipality{}, nil
	}
	ms, err := db.FindMunicipalities(ctx, MunicipalityFilter{Codes: codes})
	out := make(map[string]*Municipality, len(ms))
	for _, m := range ms {
		out[m.Code] = m
	}
	return out, err
}

// FindGroupsByIDs returns the groups among ids with their members.
func (db *DB) FindGroupsByIDs(ctx context.Context, ids []string) (map[string]*Group, error) {
	if len(ids) == 0 { // no ids, not every group
		return map[string]*Group{}, nil
	}
	gs, err := db.FindGroups(ctx, GroupFilter{IDs: ids})
	out := make(map[string]*Group, len(gs))
	for _, g := range gs {
		out[g.ID] = g
	}
	return out, err
}
