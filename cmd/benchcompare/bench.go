package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	_ "github.com/lib/pq"
)

const (
	adminEmail    = "bench-admin@example.se"
	adminPassword = "a long benchmark password"
)

// bench is the prepared comparison: the database, both servers and the
// queries.
type bench struct {
	load       load
	ours, pg   *server
	oursToken  string
	postmaster int
	queries    []pair
	db         *sql.DB
}

// newBench makes the database, loads the data set and starts both servers.
func newBench(ctx context.Context, c config, work string) (*bench, error) {
	dsn, db, err := freshDatabase(ctx, os.Getenv("DATABASE_URL"), c.database)
	if err != nil {
		return nil, err
	}
	b := &bench{load: c.load, db: db}
	if b.postmaster, err = postmasterPID(ctx, db); err != nil {
		b.close()
		return nil, err
	}
	if err := b.prepare(ctx, c, dsn, work); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

func (b *bench) prepare(ctx context.Context, c config, dsn, work string) error {
	env := []string{"DATABASE_URL=" + dsn, "ADMIN_PASSWORD=" + adminPassword}
	values := filepath.Join(work, "values.csv")
	if err := writeKPIValues(filepath.Join(c.shared, "municipality_county.csv"), values); err != nil {
		return err
	}
	for _, args := range [][]string{{"migrate"}, {"create-admin", "-email", adminEmail, "-name", "Bench"},
		{"import", "kolada", "-dir", filepath.Join(c.shared, "kolada"), "-counties", filepath.Join(c.shared, "municipality_county.csv")},
		{"import", "csv", "-in", values}} {
		if out, err := runEnv(ctx, env, c.awardd, args...); err != nil {
			return fmt.Errorf("awardd %s: %w\n%s", strings.Join(args, " "), err, out)
		}
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	if b.ours, err = start(ctx, "awardd", "http://"+addr+"/graphql", append(env, c.oursEnv...), filepath.Join(work, "awardd.log"),
		c.awardd, append([]string{"serve", "-addr", addr}, c.oursArgs...)...); err != nil {
		return err
	}
	api := newClient(b.ours.url)
	fmt.Println("loading the data set through the API …")
	if err := seed(api, adminEmail, adminPassword); err != nil {
		return err
	}
	b.oursToken = api.token
	ranking, err := seedRanking(ctx, b.db)
	if err != nil {
		return err
	}
	if _, err := b.db.ExecContext(ctx, "ANALYZE"); err != nil {
		return err
	}
	d, err := api.do(`{ awards(first: 1) { nodes { id } } }`, nil)
	if err != nil {
		return err
	}
	for _, q := range pairs(str(path(d, "awards", "nodes").([]any)[0].(map[string]any)["id"]), ranking) {
		if strings.Contains(q.name, c.only) {
			b.queries = append(b.queries, q)
		}
	}
	b.pg, err = startPostGraphile(ctx, c.postgraphle, dsn, filepath.Join(work, "postgraphile.log"))
	return err
}

func (b *bench) close() {
	for _, s := range []*server{b.ours, b.pg} {
		if s != nil {
			s.stop()
		}
	}
	if b.db != nil {
		b.db.Close()
	}
}

// startPostGraphile installs PostGraphile v4 into dir unless it is there,
// and serves the database's public schema with it.
func startPostGraphile(ctx context.Context, dir, dsn, log string) (*server, error) {
	bin := filepath.Join(dir, "node_modules", ".bin", "postgraphile")
	if _, err := os.Stat(bin); err != nil {
		fmt.Println("installing PostGraphile v4 with npm into", dir, "…")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		if out, err := runEnv(ctx, nil, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
			"--prefix", dir, "postgraphile@4"); err != nil {
			return nil, fmt.Errorf("npm install postgraphile@4 (is nodejs/npm installed?): %w\n%s", err, out)
		}
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	host, port, _ := strings.Cut(addr, ":")
	return start(ctx, "PostGraphile", "http://"+addr+"/graphql", []string{"NODE_ENV=production"}, log,
		bin, "-c", dsn, "--host", host, "--port", port, "--schema", "public", "--disable-query-log")
}

func runEnv(ctx context.Context, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	return cmd.CombinedOutput()
}

// freshDatabase drops and creates database name on the server of base,
// returning its URL and a handle on it.
func freshDatabase(ctx context.Context, base, name string) (string, *sql.DB, error) {
	if base == "" {
		return "", nil, fmt.Errorf("DATABASE_URL is not set (make bench-compare sets it from .ci/postgres.sh)")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		return "", nil, err
	}
	defer admin.Close()
	for _, q := range []string{`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`, `CREATE DATABASE "` + name + `"`} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			return "", nil, fmt.Errorf("%s: %w", q, err)
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name
	db, err := sql.Open("postgres", u.String())
	return u.String(), db, err
}

// postmasterPID finds the cluster's postmaster from its data directory,
// for its CPU time: the server must run on this machine.
func postmasterPID(ctx context.Context, db *sql.DB) (int, error) {
	var dir string
	if err := db.QueryRowContext(ctx, "SHOW data_directory").Scan(&dir); err != nil {
		return 0, fmt.Errorf("the PostgreSQL data directory (needed for its CPU time): %w", err)
	}
	pidFile, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return 0, fmt.Errorf("the postmaster of %s (PostgreSQL must run on this machine): %w", dir, err)
	}
	first, _, _ := strings.Cut(string(pidFile), "\n")
	return strconv.Atoi(strings.TrimSpace(first))
}

func numCPU() int { return runtime.NumCPU() }
