package store

import (
	"context"
	"database/sql"
	"maps"
	"slices"

	"github.com/lib/pq"
)

// KPIValue is one value of a KPI for a municipality (or a group, whose id
// Kolada puts where a municipality id goes), a year and a gender: T total,
// K women, M men.
type KPIValue struct {
	KPIID          string   `db:"kpi_id"`
	MunicipalityID string   `db:"municipality_id"`
	Period         int      `db:"period"`
	Gender         string   `db:"gender"`
	Value          *float64 `db:"value"`  // nil when Kolada has no value
	Status         string   `db:"status"` // as Kolada gives it
	Synthetic      bool     `db:"synthetic"`
}

// KPIValueFilter selects values: those of the given KPIs, optionally only
// for some municipalities or groups, years and genders.
type KPIValueFilter struct {
	KPIIDs          []string
	MunicipalityIDs []string // all when empty
	FromYear        int      // no lower bound when 0
	ToYear          int      // no upper bound when 0
	Genders         []string // all when empty
}

// MaxKPIValues is the most values of one KPI that FindKPIValues returns.
const MaxKPIValues = 100000

// FindKPIValues returns the values f selects, ordered by KPI,
// municipality, year and gender; more than MaxKPIValues of one KPI are
// INVALID. KPI values are public.
func (db *DB) FindKPIValues(ctx context.Context, f KPIValueFilter) ([]*KPIValue, error) {
	each, err := db.FindKPIValuesEach(ctx, f)
	if err != nil {
		return nil, err
	}
	var out []*KPIValue
	for _, id := range slices.Sorted(maps.Keys(each)) {
		if len(each[id]) > MaxKPIValues {
			return nil, TooManyKPIValues(id)
		}
		out = append(out, each[id]...)
	}
	return out, nil
}

// TooManyKPIValues is the INVALID answer for a KPI with more than
// MaxKPIValues values that match.
func TooManyKPIValues(kpiID string) error {
	return Errorf(Invalid, "%s has more than %d values that match: name fewer municipalities, years or genders",
		kpiID, MaxKPIValues)
}

// FindKPIValuesEach returns, per KPI of f, the values f selects in the
// order of FindKPIValues, at most MaxKPIValues+1 of each: a KPI with more
// has more than the caller may return. One statement for all the KPIs.
func (db *DB) FindKPIValuesEach(ctx context.Context, f KPIValueFilter) (map[string][]*KPIValue, error) {
	if len(f.KPIIDs) == 0 {
		return nil, InvalidField("kpiIds", "name at least one KPI")
	}
	out := map[string][]*KPIValue{}
	err := db.conn().each(ctx, func(rows *sql.Rows) error {
		v := &KPIValue{}
		err := rows.Scan(&v.KPIID, &v.MunicipalityID, &v.Period, &v.Gender, &v.Value, &v.Status, &v.Synthetic)
		out[v.KPIID] = append(out[v.KPIID], v)
		return err
	}, `SELECT kpi_id, municipality_id, period, gender, value, status, synthetic
		FROM (SELECT v.*, row_number() OVER (PARTITION BY kpi_id ORDER BY municipality_id, period, gender) AS n
			FROM kpi_values v WHERE kpi_id = ANY($1)
				AND (coalesce(cardinality($2::text[]), 0) = 0 OR municipality_id = ANY($2))
				AND ($3 = 0 OR period >= $3) AND ($4 = 0 OR period <= $4)
				AND (coalesce(cardinality($5::text[]), 0) = 0 OR gender = ANY($5))) v
		WHERE n <= $6 ORDER BY kpi_id, municipality_id, period, gender`,
		pq.Array(f.KPIIDs), pq.Array(f.MunicipalityIDs), f.FromYear, f.ToYear, pq.Array(f.Genders), MaxKPIValues+1)
	return out, err
}

// CountKPIValues counts the stored values, synthetic ones apart.
func (db *DB) CountKPIValues(ctx context.Context) (real, synthetic int, err error) {
	var n struct{ Real, Synthetic int }
	err = db.conn().get(ctx, &n, `SELECT count(*) FILTER (WHERE NOT synthetic) AS real,
		count(*) FILTER (WHERE synthetic) AS synthetic FROM kpi_values`)
	return n.Real, n.Synthetic, err
}
