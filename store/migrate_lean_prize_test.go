package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/leanforum/awards/store"
)

// Migration 020 translates the criteria made from the old English
// LEAN_PRIZE template into the template's Swedish, and leaves any other
// criterion (an edited one, an EFQM one with the same bands) as it was.
func TestMigrationTranslatesLeanPrizeCriteria(t *testing.T) {
	dsn, raw := blankDatabase(t)
	applyMigrations(t, raw, migrationsBefore(t, "020"))
	english := `[{"from":0,"to":5,"label":"no systematic approach"},{"from":10,"to":25,"label":"early"},` +
		`{"from":30,"to":45,"label":"developing"},{"from":50,"to":65,"label":"effective"},` +
		`{"from":70,"to":85,"label":"refined"},{"from":90,"to":100,"label":"role model"}]`
	if _, err := raw.Exec(`INSERT INTO awards (id, name) VALUES (1, 'Svenska Leanpriset');
		INSERT INTO cycles (id, award_id, year, title, opens_at, closes_at, scoring_closes_at, phase) VALUES
			(1, 1, 2012, 'Leanpriset', '2012-03-01', '2012-06-01', '2012-09-01', 'PUBLISHED')`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO criteria (id, cycle_id, position, code, title, guidance, weight, scale_min, scale_max, scale_step, bands) VALUES
			(1, 1, 1, '1', 'How the organisation works with lean', '', 1, 0, 100, 5, $1),
			(2, 1, 2, '2', 'What results lean has given', '', 1, 0, 100, 5, $1),
			(3, 1, 3, '3', 'What others can learn from it', 'Edited guidance', 1, 0, 100, 5, $1),
			(4, 1, 4, '4', 'Purpose, Vision & Strategy', '', 1, 0, 100, 5, $1)`, english); err != nil {
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
	want := map[int]string{1: "Hur organisationen arbetar med lean", 2: "Vilka resultat lean har gett",
		3: "What others can learn from it", 4: "Purpose, Vision & Strategy"}
	rows, err := raw.Query(`SELECT id, title, guidance, bands FROM criteria ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var title, guidance, bands string
		if err := rows.Scan(&id, &title, &guidance, &bands); err != nil {
			t.Fatal(err)
		}
		var b []store.Band
		if err := json.Unmarshal([]byte(bands), &b); err != nil {
			t.Fatal(err)
		}
		translated := id <= 2
		if title != want[id] || (guidance == "" || guidance == "Edited guidance") == translated || (b[5].Label == "föredöme") != translated {
			t.Errorf("criterion %d after 020 = %q, %q, top band %q; want title %q, translated %v", id, title, guidance, b[5].Label, want[id], translated)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
