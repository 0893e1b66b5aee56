package store_test

import (
	"context"
	"database/sql"
	"io/fs"
	"strings"
	"testing"

	"github.com/leanforum/awards/migrations"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// blankDatabase is a new, unmigrated database and a connection to it,
// closed when the test ends.
func blankDatabase(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := storetest.NewBlankDatabase(t)
	raw, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return dsn, raw
}

// migrationsBefore are the migrations whose names sort before prefix,
// such as "013", in order.
func migrationsBefore(t *testing.T, prefix string) []string {
	t.Helper()
	all, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var before []string
	for _, n := range all {
		if n < prefix {
			before = append(before, n)
		}
	}
	return before
}

// applyMigrations applies the named migrations to a blank database by
// hand, recording them as Migrate does, so that a test can put rows in a
// schema of the past before Migrate applies the rest.
func applyMigrations(t *testing.T, raw *sql.DB, names []string) {
	t.Helper()
	for _, name := range append([]string{""}, names...) {
		body := `CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`
		if name != "" {
			b, err := fs.ReadFile(migrations.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			body = string(b) + ";\nINSERT INTO schema_migrations (name) VALUES ('" + name + "')"
		}
		if _, err := raw.Exec(body); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// A database that stored one row per value (before 006) keeps every value,
// status and synthetic flag when its values become records, except a
// synthetic value in a record with real ones, which real data replaces.
func TestMigrationToRecordsKeepsValues(t *testing.T) {
	dsn, raw := blankDatabase(t)
	names, err := fs.Glob(migrations.FS, "00[1-5]_*.sql")
	if err != nil || len(names) != 5 {
		t.Fatalf("migrations before 006: %v, %v", names, err)
	}
	applyMigrations(t, raw, names)
	if _, err := raw.Exec(`INSERT INTO kpi_values (kpi_id, municipality_id, period, gender, value, status, synthetic) VALUES
		('U33401', '1280', 2012, 'T', 105, '', false), ('U33401', '1280', 2012, 'K', NULL, 'Bortfall', false),
		('U33401', '1280', 2012, 'M', 1, 'syntetisk', true), ('U33401', '0181', 2012, 'M', 99.5, 'syntetisk', true)`); err != nil {
		t.Fatal(err)
	}

	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	applied, err := db.Migrate(context.Background())
	if err != nil || len(applied) == 0 || !strings.HasPrefix(applied[0], "006_") {
		t.Fatalf("Migrate = %v, %v; want 006 and later applied", applied, err)
	}
	checkStored(t, db, `0181 2012 M 99.5 "syntetisk" synthetic`, `1280 2012 K null "Bortfall"`, `1280 2012 T 105 ""`)
	var records int
	if err := raw.QueryRow(`SELECT count(*) FROM kpi_records`).Scan(&records); err != nil || records != 2 {
		t.Errorf("%d records, %v; want 2", records, err)
	}
}
