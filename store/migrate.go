package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/leanforum/awards/migrations"
)

// migrateLock is the advisory-lock key that serialises migrations.
const migrateLock = 7301201201

// Migrate applies every migration not yet recorded, in order, each in its
// own transaction, under an advisory lock so that two processes starting
// together cannot both migrate. It returns the names it applied.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	c, err := db.db.Connx(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return nil, fmt.Errorf("store: migrate lock: %w", err)
	}
	defer c.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
	if _, err := c.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	var done []string
	if err := c.SelectContext(ctx, &done, `SELECT name FROM schema_migrations`); err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	names, err := migrationNames()
	if err != nil {
		return nil, err
	}
	var applied []string
	for _, name := range names {
		if contains(done, name) {
			continue
		}
		if err := applyMigration(ctx, c, name); err != nil {
			return applied, err
		}
		applied = append(applied, name)
	}
	return applied, nil
}

func applyMigration(ctx context.Context, c *sqlx.Conn, name string) error {
	body, err := fs.ReadFile(migrations.FS, name)
	if err != nil {
		return fmt.Errorf("store: migration %s: %w", name, err)
	}
	tx, err := c.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %s: %w", name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("store: migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, name); err != nil {
		return fmt.Errorf("store: migration %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s: %w", name, err)
	}
	return nil
}

// migrationNames lists the embedded .sql files in order.
func migrationNames() ([]string, error) {
	entries, err := fs.ReadDir(migrations.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// MigrationsDigest identifies the embedded migration set; test helpers key
// their template database by it.
func MigrationsDigest() (string, error) {
	names, err := migrationNames()
	if err != nil {
		return "", err
	}
	h := fnv.New64a()
	for _, n := range names {
		b, _ := fs.ReadFile(migrations.FS, n)
		h.Write([]byte(n))
		h.Write(b)
	}
	return fmt.Sprintf("%016x", h.Sum64()), nil
}

func contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
