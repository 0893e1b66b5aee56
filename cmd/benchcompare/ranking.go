package main

import (
	"context"
	"database/sql"
	"fmt"
)

// seedRanking writes a cycle in CONSENSUS with 200 applications, each
// scored by 7 jurors on 10 criteria, in SQL (as graph's BenchmarkRanking
// does): scoring through the API would need a login per juror and 14,000
// score mutations, and the ranking is measured for ours alone. It returns
// the cycle's id.
func seedRanking(ctx context.Context, db *sql.DB) (string, error) {
	const script = `
		INSERT INTO awards (name) VALUES ('Rankning');
		INSERT INTO cycles (award_id, year, title, opens_at, closes_at, scoring_closes_at, phase)
			SELECT id, 2026, 'Rankning', now() - interval '30 days', now() - interval '1 day', now() + interval '30 days', 'CONSENSUS'
			FROM awards WHERE name = 'Rankning';
		INSERT INTO criteria (cycle_id, position, code, title, weight, scale_min, scale_max, scale_step)
			SELECT c.id, g, 'C' || g, 'Criterion ' || g, 1 + g % 3, 0, 100, 5 FROM cycles c, generate_series(1, 10) g
			WHERE c.title = 'Rankning';
		INSERT INTO users (email, name, password_hash, role)
			SELECT 'rank-juror-' || g || '@example.se', 'Juror ' || g, 'x', 'JUROR' FROM generate_series(1, 7) g;
		INSERT INTO jurors (cycle_id, user_id, lead)
			SELECT c.id, u.id, false FROM cycles c, users u WHERE c.title = 'Rankning' AND u.email LIKE 'rank-juror-%';
		INSERT INTO organisations (name, kind, sector) SELECT 'Rankad ' || g, 'MUNICIPALITY', 'PUBLIC' FROM generate_series(1, 200) g;
		INSERT INTO applications (cycle_id, organisation_id, title, status, eligibility, created_by)
			SELECT c.id, o.id, 'Ansökan ' || o.id, 'SUBMITTED', 'ELIGIBLE', (SELECT min(id) FROM users)
			FROM cycles c, organisations o WHERE c.title = 'Rankning' AND o.name LIKE 'Rankad %';
		INSERT INTO assignments (application_id, juror_id, cycle_id, assigned_by, submitted_at)
			SELECT a.id, j.user_id, a.cycle_id, j.user_id, now() FROM applications a JOIN jurors j ON j.cycle_id = a.cycle_id
			JOIN cycles c ON c.id = a.cycle_id WHERE c.title = 'Rankning';
		INSERT INTO scores (application_id, juror_id, criterion_id, value)
			SELECT g.application_id, g.juror_id, k.id, least(100, greatest(0, 5 * round((30 + g.application_id % 50
				+ (g.juror_id % 5) * 2 - 4 + ((g.application_id * 7 + g.juror_id * 3 + k.id * 11) % 5 - 2) * 2.5
				+ CASE WHEN (g.application_id * 13 + k.id * 7 + g.juror_id) % 97 = 0 THEN 40 ELSE 0 END) / 5)))
			FROM assignments g JOIN criteria k ON k.cycle_id = g.cycle_id
			JOIN cycles c ON c.id = g.cycle_id WHERE c.title = 'Rankning';`
	if _, err := db.ExecContext(ctx, script); err != nil {
		return "", fmt.Errorf("seed the ranking: %w", err)
	}
	var id int64
	err := db.QueryRowContext(ctx, `SELECT id FROM cycles WHERE title = 'Rankning'`).Scan(&id)
	return fmt.Sprint(id), err
}
