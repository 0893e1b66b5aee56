package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// The value limit is per KPI: one KPI over it does not take another's
// values down with it.
func TestKPIValueLimitIsPerKPI(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	raw, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// 500 areas × 201 years: 100,500 values of A00001; 3 of B00001.
	if _, err := raw.Exec(`INSERT INTO kpi_records (kpi_id, municipality_id, period, value_t, status_t)
		SELECT 'A00001', lpad(n::text, 4, '0'), y, n, '' FROM generate_series(0, 499) n, generate_series(1900, 2100) y;
		INSERT INTO kpi_records (kpi_id, municipality_id, period, value_t, status_t)
		SELECT 'B00001', '0180', y, y, '' FROM generate_series(2020, 2022) y`); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	each, err := db.FindKPIValuesEach(ctx, store.KPIValueFilter{KPIIDs: []string{"A00001", "B00001"}})
	if err != nil || len(each["A00001"]) != store.MaxKPIValues+1 || len(each["B00001"]) != 3 {
		t.Fatalf("FindKPIValuesEach = %d and %d values, %v; want %d (one over the limit) and 3",
			len(each["A00001"]), len(each["B00001"]), err, store.MaxKPIValues+1)
	}
	if _, err := db.FindKPIValues(ctx, store.KPIValueFilter{KPIIDs: []string{"A00001"}}); store.ErrorCode(err) != store.Invalid {
		t.Errorf("FindKPIValues over the limit = %v, want INVALID", err)
	}
	if vs, err := db.FindKPIValues(ctx, store.KPIValueFilter{KPIIDs: []string{"B00001", "A00001"}, FromYear: 2021}); err != nil ||
		len(vs) != 500*80+2 || vs[0].KPIID != "A00001" || vs[len(vs)-1].KPIID != "B00001" {
		t.Errorf("FindKPIValues of both from 2021 = %d values, %v; want %d in KPI order", len(vs), err, 500*80+2)
	}
}

// A query of the kpi_values view for one gender reads one branch of it:
// the planner drops the other two.
func TestKPIValuesViewReadsOneGender(t *testing.T) {
	raw, err := sql.Open("postgres", storetest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	scans := func(where string) int {
		t.Helper()
		var plan string
		if err := raw.QueryRow(`EXPLAIN (FORMAT JSON) SELECT value FROM kpi_values WHERE ` + where).Scan(&plan); err != nil {
			t.Fatal(err)
		}
		return strings.Count(plan, `"Relation Name": "kpi_records"`)
	}
	if n := scans(`kpi_id = 'U33401' AND period = 2020 AND gender = 'T'`); n != 1 {
		t.Errorf("one gender scans kpi_records %d times, want 1", n)
	}
	if n := scans(`kpi_id = 'U33401' AND period = 2020`); n != 3 {
		t.Errorf("every gender scans kpi_records %d times, want 3", n)
	}
}
