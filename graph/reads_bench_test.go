package graph_test

import (
	"context"
	"database/sql"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/leanforum/awards/store/storetest"
)

// BenchmarkReads asks through the HTTP handler the reads cmd/benchcompare
// measures against PostGraphile, on its data set: 20 awards with 3
// EFQM_2020 cycles each, one award by id, and one KPI over 290
// municipalities. Run:
//
//	go test -run '^$' -bench Reads -benchtime 200x ./graph/
func BenchmarkReads(b *testing.B) {
	dsn := storetest.NewDatabase(b)
	e := newEnvAt(b, dsn)
	admin := e.admin()
	award := seedAwards(b, e, admin, 20, 3)
	seedKPIValues(b, dsn)
	for _, q := range []struct{ name, doc string }{
		{"awards", `{ awards(first: 20) { nodes { id name cycles { id year title criteria { id code title weight } } } } }`},
		{"award", fmt.Sprintf(`{ award(id: "%s") { id name description } }`, award)},
		{"kpi", `{ kpi(id: "U33401") { values(fromYear: 2022, toYear: 2022, genders: ["T"]) { municipality year value } } }`},
	} {
		b.Run(q.name, func(b *testing.B) {
			e.gql("", q.doc, nil).ok()
			b.ReportAllocs()
			b.ResetTimer()
			cpu := processCPU()
			for i := 0; i < b.N; i++ {
				if status := e.serve("", q.doc, nil); status != 200 {
					b.Fatalf("status %d", status)
				}
			}
			b.StopTimer()
			b.ReportMetric((processCPU()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(e.logs.lastStatements()), "statements/op")
		})
	}
}

// processCPU is the CPU time this process has used, user and system:
// steadier than wall time on a shared machine.
func processCPU() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// seedAwards creates awards awards with cycles EFQM_2020 cycles each
// through the API, as cmd/benchcompare does, and returns the first
// award's id.
func seedAwards(tb testing.TB, e *env, admin string, awards, cycles int) string {
	tb.Helper()
	now := time.Now().UTC()
	var first string
	for i := 1; i <= awards; i++ {
		id := e.gql(admin, `mutation($n: String!) { createAward(name: $n, description: "Ett pris för ständiga förbättringar.") { id } }`,
			map[string]any{"n": fmt.Sprintf("Pris %02d", i)}).ok().str("createAward.id")
		if first == "" {
			first = id
		}
		for y := 0; y < cycles; y++ {
			r := e.gql(admin, `mutation($in: CreateCycleInput!) { createCycle(input: $in) { id version } }`,
				map[string]any{"in": map[string]any{"awardId": id, "year": 2026 + y, "title": fmt.Sprintf("Omgång %d", 2026+y),
					"template": "EFQM_2020", "opensAt": now.Add(-24 * time.Hour).Format(time.RFC3339),
					"closesAt": now.AddDate(0, 1, 0).Format(time.RFC3339), "scoringClosesAt": now.AddDate(0, 2, 0).Format(time.RFC3339)}}).ok()
			e.advance(admin, r.str("createCycle.id"), r.num("createCycle.version"), "OPEN")
		}
	}
	return first
}

// seedKPIValues writes 290 municipalities and U33401's values for
// 2010–2022 in SQL.
func seedKPIValues(tb testing.TB, dsn string) {
	tb.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	_, err = db.ExecContext(context.Background(), `
		INSERT INTO municipalities (code, name, type) SELECT lpad((100 + n)::text, 4, '0'), 'Kommun ' || n, 'K' FROM generate_series(0, 289) n;
		INSERT INTO kpis (id, title, municipality_type, unit, direction, legal_limit)
			VALUES ('U33401', 'Utredningstid', 'K', 'dagar', 'LOWER_IS_BETTER', 120);
		INSERT INTO kpi_records (kpi_id, municipality_id, period, value_t, status_t, value_k, status_k, value_m, status_m)
			SELECT 'U33401', lpad((100 + n)::text, 4, '0'), y, v, '', v, '', v, ''
			FROM generate_series(0, 289) n, generate_series(2010, 2022) y, LATERAL (SELECT 80 + (n * 37 % 90) AS v) v;
		ANALYZE;`)
	if err != nil {
		tb.Fatal(err)
	}
}
