package graph_test

import (
	"context"
	"database/sql"
	"testing"
)

// seedKPIs writes a small, hand-checkable benchmark data set in SQL: 30
// municipalities 0100–0129 in two kommungrupper (even and odd codes), and
// four KPIs over 2018–2022, each value a formula of code and year.
//
// U33401 (investigation days, LOWER, limit 120) = 100 + (n*7 % 50) − (year−2018)·2
// N21006 (cost per user, LOWER) = 1000 + 20n + 5·(share of elderly)
// N00001 (elderly share, NEUTRAL) = 10 + n % 9
// U21468 (satisfaction %, HIGHER) = 60 + (n*13 % 30)
func seedKPIs(tb testing.TB, dsn string) {
	tb.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	_, err = db.ExecContext(context.Background(), `
		INSERT INTO municipalities (code, name, type) SELECT lpad((100 + n)::text, 4, '0'), 'Kommun ' || n || ' å', 'K' FROM generate_series(0, 29) n;
		INSERT INTO municipality_groups (id, title, kind) VALUES ('G1', 'Jämna kommuner', 'KOMMUNGRUPP'), ('G2', 'Udda kommuner', 'KOMMUNGRUPP');
		INSERT INTO municipality_group_members (group_id, municipality_code)
			SELECT CASE WHEN n % 2 = 0 THEN 'G1' ELSE 'G2' END, lpad((100 + n)::text, 4, '0') FROM generate_series(0, 29) n;
		INSERT INTO kpis (id, title, municipality_type, unit, direction, legal_limit) VALUES
			('U33401', 'Utredningstid', 'K', 'dagar', 'LOWER_IS_BETTER', 120),
			('N21006', 'Kostnad per brukare', 'K', 'kr', 'LOWER_IS_BETTER', NULL),
			('N00001', 'Andel äldre', 'K', '%', 'NEUTRAL', NULL),
			('U21468', 'Nöjdhet', 'K', '%', 'HIGHER_IS_BETTER', NULL);
		INSERT INTO kpi_records (kpi_id, municipality_id, period, status_t, value_t)
			SELECT k, lpad((100 + n)::text, 4, '0'), y, '', CASE k
				WHEN 'U33401' THEN 100 + (n * 7 % 50) - (y - 2018) * 2
				WHEN 'N21006' THEN 1000 + 20 * n + 5 * (10 + n % 9)
				WHEN 'N00001' THEN 10 + n % 9
				ELSE 60 + (n * 13 % 30) END
			FROM generate_series(0, 29) n, generate_series(2018, 2022) y, unnest(ARRAY['U33401', 'N21006', 'N00001', 'U21468']) k;
		ANALYZE;`)
	if err != nil {
		tb.Fatal(err)
	}
}
