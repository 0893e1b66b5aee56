package store

import (
	"context"
	"net/url"
	"os"
	"testing"
	"time"
)

// openServer opens the store on DATABASE_URL's own database, read only
// here, with extra URL parameters.
func openServer(t *testing.T, params url.Values) *DB {
	t.Helper()
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		t.Skip("DATABASE_URL is not set; run the tests with `make test`")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	for k, v := range params {
		q[k] = v
	}
	u.RawQuery = q.Encode()
	db, err := Open(context.Background(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestEveryConnectionHasAStatementTimeout(t *testing.T) {
	cases := []struct {
		params url.Values
		want   string
	}{
		{nil, "30s"},
		{url.Values{"statement_timeout": {"1500"}}, "1500ms"},
	}
	for _, c := range cases {
		db := openServer(t, c.params)
		ctx := context.Background()
		// Hold three connections at once, so each is a new one.
		for i := 0; i < 3; i++ {
			conn, err := db.db.Connx(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			var got string
			if err := conn.GetContext(ctx, &got, `SHOW statement_timeout`); err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("connection %d with %v: statement_timeout = %s, want %s", i, c.params, got, c.want)
			}
		}
	}
}

func TestLongStatementsAreStopped(t *testing.T) {
	db := openServer(t, url.Values{"statement_timeout": {"200"}})
	cases := []struct {
		name     string
		deadline time.Duration
	}{
		{"by statement_timeout", time.Minute},
		{"by the context's deadline", 100 * time.Millisecond},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), c.deadline)
			defer cancel()
			start := time.Now()
			_, err := db.conn().exec(ctx, `SELECT pg_sleep(30) /* stopped */`)
			if ErrorCode(err) != Timeout || time.Since(start) > 5*time.Second {
				t.Errorf("after %v: %v, want a TIMEOUT within seconds", time.Since(start), err)
			}
			var running int
			err = db.conn().get(context.Background(), &running, `SELECT count(*) FROM pg_stat_activity
				WHERE query LIKE 'SELECT pg_sleep(30) /* stopped */%' AND state = 'active'`)
			if err != nil || running != 0 {
				t.Errorf("statements still running = %d, %v; want 0", running, err)
			}
		})
	}
}
