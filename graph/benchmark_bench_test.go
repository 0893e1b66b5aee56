package graph_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

// BenchmarkBenchmarkTable asks for one KPI's table over 290 municipalities,
// with a comparison group and compliance, through the HTTP handler.
func BenchmarkBenchmarkTable(b *testing.B) {
	dsn := storetest.NewDatabase(b)
	e := newEnvAt(b, dsn)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		b.Fatal(err)
	}
	_, err = db.ExecContext(context.Background(), `
		INSERT INTO municipalities (code, name, type) SELECT lpad((100 + n)::text, 4, '0'), 'Kommun ' || n, 'K' FROM generate_series(0, 289) n;
		INSERT INTO municipality_groups (id, title, kind) SELECT 'G' || g, 'Grupp ' || g, 'KOMMUNGRUPP' FROM generate_series(1, 9) g;
		INSERT INTO municipality_group_members (group_id, municipality_code)
			SELECT 'G' || (1 + n % 9), lpad((100 + n)::text, 4, '0') FROM generate_series(0, 289) n;
		INSERT INTO kpis (id, title, municipality_type, unit, direction, legal_limit)
			VALUES ('U33401', 'Utredningstid', 'K', 'dagar', 'LOWER_IS_BETTER', 120);
		INSERT INTO kpi_records (kpi_id, municipality_id, period, value_t, status_t, value_k, status_k, value_m, status_m)
			SELECT 'U33401', lpad((100 + n)::text, 4, '0'), y, v, '', v, '', v, ''
			FROM generate_series(0, 289) n, generate_series(2010, 2022) y, LATERAL (SELECT 80 + (n * 37 % 90) AS v) v;
		ANALYZE;`)
	db.Close()
	if err != nil {
		b.Fatal(err)
	}
	const q = `{ benchmarkTable(kpiId: "U33401", year: 2022, groupId: "G3", focus: ["0180"]) {
		kpi { id direction } rows { code name value rank percentile colour inGroup focus }
		national { mean median count } group { mean median count } compliance { within count share } } }`
	r := e.gql("", q, nil).ok()
	if n := len(r.get("benchmarkTable.rows").([]any)); n != 290 {
		b.Fatalf("rows = %d", n)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if status := e.serve("", q, nil); status != 200 {
			b.Fatalf("status %d", status)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(e.logs.lastStatements()), "statements/op")
}
