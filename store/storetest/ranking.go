package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
)

// SeedRanking writes a cycle titled Benchmark in CONSENSUS with apps
// applications, each scored by every one of jurors jurors (users
// bench-juror-N@example.se) on crits criteria, directly in SQL, for the
// ranking benchmarks of graph and graph/web; other cycles (the demo's)
// are left alone. It returns the cycle's id.
func SeedRanking(tb testing.TB, dsn string, apps, jurors, crits int) string {
	tb.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	script := fmt.Sprintf(`
		INSERT INTO awards (name) VALUES ('Benchmark');
		INSERT INTO cycles (award_id, year, title, opens_at, closes_at, scoring_closes_at, phase)
			SELECT id, 2026, 'Benchmark', now() - interval '30 days', now() - interval '1 day', now() + interval '30 days', 'CONSENSUS'
			FROM awards WHERE name = 'Benchmark';
		INSERT INTO criteria (cycle_id, position, code, title, weight, scale_min, scale_max, scale_step)
			SELECT c.id, g, 'C' || g, 'Criterion ' || g, 1 + g %% 3, 0, 100, 5 FROM cycles c, generate_series(1, %[3]d) g
			WHERE c.title = 'Benchmark';
		INSERT INTO users (email, name, password_hash, role)
			SELECT 'bench-juror-' || g || '@example.se', 'Juror ' || g, 'x', 'JUROR' FROM generate_series(1, %[2]d) g;
		INSERT INTO jurors (cycle_id, user_id, lead)
			SELECT c.id, u.id, false FROM cycles c, users u WHERE c.title = 'Benchmark' AND u.email LIKE 'bench-juror-%%';
		INSERT INTO organisations (name, kind, sector) SELECT 'Kommun ' || g, 'MUNICIPALITY', 'PUBLIC' FROM generate_series(1, %[1]d) g;
		INSERT INTO applications (cycle_id, organisation_id, title, status, eligibility, created_by)
			SELECT c.id, o.id, 'Ansökan ' || o.id, 'SUBMITTED', 'ELIGIBLE', (SELECT min(id) FROM users)
			FROM cycles c, organisations o WHERE c.title = 'Benchmark' AND o.name LIKE 'Kommun %%' AND NOT o.demo;
		INSERT INTO assignments (application_id, juror_id, cycle_id, assigned_by, submitted_at)
			SELECT a.id, j.user_id, a.cycle_id, j.user_id, now() FROM applications a JOIN jurors j ON j.cycle_id = a.cycle_id
			JOIN cycles c ON c.id = a.cycle_id AND c.title = 'Benchmark';
		-- Each application has a quality, each juror a severity, each score a
		-- little noise, and about one cell in a hundred an outlier.
		INSERT INTO scores (application_id, juror_id, criterion_id, value)
			SELECT g.application_id, g.juror_id, k.id, least(100, greatest(0, 5 * round((30 + g.application_id %% 50
				+ (g.juror_id %% 5) * 2 - 4 + ((g.application_id * 7 + g.juror_id * 3 + k.id * 11) %% 5 - 2) * 2.5
				+ CASE WHEN (g.application_id * 13 + k.id * 7 + g.juror_id) %% 97 = 0 THEN 40 ELSE 0 END) / 5)))
			FROM assignments g JOIN criteria k ON k.cycle_id = g.cycle_id JOIN cycles c ON c.id = g.cycle_id AND c.title = 'Benchmark';
		ANALYZE;`, apps, jurors, crits)
	if _, err := db.ExecContext(context.Background(), script); err != nil {
		tb.Fatal(err)
	}
	var id int64
	if err := db.QueryRow(`SELECT id FROM cycles WHERE title = 'Benchmark'`).Scan(&id); err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprint(id)
}
