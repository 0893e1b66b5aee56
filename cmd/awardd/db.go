package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// openDB opens DATABASE_URL.
func (m *Main) openDB(ctx context.Context) (*store.DB, error) {
	dsn := m.Getenv("DATABASE_URL")
	if dsn == "" {
		return nil, errors.New("DATABASE_URL is not set (make run and make test find or start PostgreSQL and set it)")
	}
	return store.Open(ctx, dsn)
}

func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := db.Migrate(ctx)
	for _, name := range applied {
		fmt.Fprintln(m.Stdout, "applied", name)
	}
	if err == nil && len(applied) == 0 {
		fmt.Fprintln(m.Stdout, "database is up to date")
	}
	return err
}

// openMigrated opens DATABASE_URL and applies any pending migration.
func (m *Main) openMigrated(ctx context.Context) (*store.DB, error) {
	db, err := m.openDB(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (m *Main) seedDemo(ctx context.Context, args []string) error {
	db, err := m.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	loaded, err := db.SeedDemo(ctx)
	switch {
	case err != nil:
		return err
	case loaded:
		v, err := graph.PublishDemoReport(ctx, db)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "demo data loaded; benchmark report %d version %d published\n", v.ReportID, v.Version)
	default:
		fmt.Fprintln(m.Stdout, "demo data already present")
	}
	return nil
}

func (m *Main) createAdmin(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("create-admin", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	email := fs.String("email", "", "the admin's e-mail address")
	name := fs.String("name", "Administrator", "the admin's name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	password := m.Getenv("ADMIN_PASSWORD")
	if password == "" {
		line, err := bufio.NewReader(m.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return errors.New("give the password on standard input or in ADMIN_PASSWORD")
		}
		password = strings.TrimRight(line, "\r\n")
	}
	db, err := m.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.CreateAdmin(ctx, *email, *name, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "created admin %d <%s>\n", u.ID, u.Email)
	return nil
}
