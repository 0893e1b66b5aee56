// Package storetest gives each test its own fresh, migrated PostgreSQL
// database, cloned from a template that is built once per migration set.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/lib/pq" // PostgreSQL driver
	"golang.org/x/crypto/bcrypt"

	"github.com/leanforum/awards/store"
)

// templateLock is the advisory-lock key under which test processes build
// the template database.
const templateLock = 7301201202

var seq atomic.Int64

// ServerURL returns DATABASE_URL or skips the test when it is not set;
// `make test` sets it after finding or starting PostgreSQL.
func ServerURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("DATABASE_URL")
	if u == "" {
		tb.Skip("DATABASE_URL is not set; run the tests with `make test`, which finds or starts PostgreSQL")
	}
	return u
}

// NewDatabase creates a fresh migrated database for tb, dropped when tb
// ends, and returns its URL.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	return newDatabase(tb, true)
}

// NewBlankDatabase creates an empty database, not yet migrated.
func NewBlankDatabase(tb testing.TB) string {
	tb.Helper()
	return newDatabase(tb, false)
}

func newDatabase(tb testing.TB, migrated bool) string {
	tb.Helper()
	server := ServerURL(tb)
	ctx := context.Background()
	admin, err := sql.Open("postgres", server)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	tmpl := "template0"
	if migrated {
		if tmpl, err = ensureTemplate(ctx, admin, server); err != nil {
			tb.Fatalf("storetest: template: %v", err)
		}
	}
	name := fmt.Sprintf("awards_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, seq.Add(1))
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE `+tmpl); err != nil {
		tb.Fatalf("storetest: create database: %v", err)
	}
	tb.Cleanup(func() { dropDatabase(tb, server, name) })
	return withDatabase(server, name)
}

// MustOpenDB returns a store over a fresh migrated database, with cheap
// password hashing; it is closed and dropped when tb ends.
func MustOpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), NewDatabase(tb))
	if err != nil {
		tb.Fatal(err)
	}
	db.BcryptCost = bcrypt.MinCost
	tb.Cleanup(func() { db.Close() })
	return db
}

func dropDatabase(tb testing.TB, server, name string) {
	admin, err := sql.Open("postgres", server)
	if err != nil {
		tb.Error(err)
		return
	}
	defer admin.Close()
	if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
		tb.Errorf("storetest: drop database: %v", err)
	}
}

// ensureTemplate builds the migrated template database for the current
// migrations once, under an advisory lock shared by all test processes.
func ensureTemplate(ctx context.Context, admin *sql.DB, server string) (string, error) {
	digest, err := store.MigrationsDigest()
	if err != nil {
		return "", err
	}
	name := "awards_template_" + digest
	c, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, templateLock); err != nil {
		return "", err
	}
	defer c.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, templateLock)
	var exists bool
	err = c.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists)
	if err != nil || exists {
		return name, err
	}
	return name, buildTemplate(ctx, c, server, name)
}

func buildTemplate(ctx context.Context, c *sql.Conn, server, name string) error {
	building := name + "_building"
	c.ExecContext(ctx, `DROP DATABASE IF EXISTS `+building+` WITH (FORCE)`)
	if _, err := c.ExecContext(ctx, `CREATE DATABASE `+building); err != nil {
		return err
	}
	db, err := store.Open(ctx, withDatabase(server, building))
	if err != nil {
		return err
	}
	_, err = db.Migrate(ctx)
	db.Close()
	if err != nil {
		return err
	}
	// The closed pool's server sessions may take a moment to end.
	for i := 0; ; i++ {
		_, err = c.ExecContext(ctx, `ALTER DATABASE `+building+` RENAME TO `+name)
		if err == nil || i == 50 {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// withDatabase returns server's URL pointing at database name.
func withDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server
	}
	u.Path = "/" + strings.TrimPrefix(name, "/")
	return u.String()
}
