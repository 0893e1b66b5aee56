package store_test

import (
	"context"
	"testing"

	"github.com/lib/pq"

	"github.com/leanforum/awards/store"
)

// Migration 013 marks historical the cycles already published with
// decisions and no score or agreed score, and no other.
func TestMigrationMarksUnscoredPublishedCyclesHistorical(t *testing.T) {
	dsn, raw := blankDatabase(t)
	applyMigrations(t, raw, migrationsBefore(t, "013"))
	if _, err := raw.Exec(`
		INSERT INTO users (id, email, name, password_hash, role) VALUES (1, 'a@example.se', 'A', 'x', 'ADMIN');
		INSERT INTO organisations (id, name, kind, sector) VALUES (1, 'Malmö stad', 'MUNICIPALITY', 'PUBLIC');
		INSERT INTO awards (id, name) VALUES (1, 'Svenska Leanpriset');
		INSERT INTO cycles (id, award_id, year, title, opens_at, closes_at, scoring_closes_at, phase) VALUES
			(1, 1, 2012, 'Utan poäng', '2012-03-01', '2012-06-01', '2012-09-01', 'PUBLISHED'),
			(2, 1, 2013, 'Med konsensus', '2013-03-01', '2013-06-01', '2013-09-01', 'PUBLISHED'),
			(3, 1, 2014, 'Utan beslut', '2014-03-01', '2014-06-01', '2014-09-01', 'PUBLISHED'),
			(4, 1, 2015, 'Pågår', '2015-03-01', '2015-06-01', '2015-09-01', 'CONSENSUS');
		INSERT INTO criteria (id, cycle_id, position, code, title, weight, scale_min, scale_max, scale_step)
			VALUES (1, 2, 1, '1', 'Resultat', 1, 0, 100, 5);
		INSERT INTO applications (id, cycle_id, organisation_id, title, status, eligibility, decision, created_by) VALUES
			(1, 1, 1, 'A', 'SUBMITTED', 'ELIGIBLE', 'WINNER', 1), (2, 2, 1, 'B', 'SUBMITTED', 'ELIGIBLE', 'WINNER', 1),
			(3, 3, 1, 'C', 'SUBMITTED', 'ELIGIBLE', NULL, 1), (4, 4, 1, 'D', 'SUBMITTED', 'ELIGIBLE', 'WINNER', 1);
		INSERT INTO consensus (application_id, criterion_id, value, rationale, participants, recorded_by)
			VALUES (2, 1, 80, 'Enades', '{1}', 1)`); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	var historical []int64
	if err := raw.QueryRow(`SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM cycles WHERE historical`).Scan(pq.Array(&historical)); err != nil {
		t.Fatal(err)
	}
	if len(historical) != 1 || historical[0] != 1 {
		t.Errorf("historical cycles = %v, want only 1 (published, decided, no scores)", historical)
	}
}
