package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// restartVar must be set for TestDatabaseRestart to run: restarting the
// cluster would break the tests that other packages run at the same time,
// so `make test` runs this one alone, after the others.
const restartVar = "AWARDS_RESTART_DB"

// cluster is the private PostgreSQL cluster the tests run on.
type cluster struct {
	dir, bin string
	opts     string // the server's options, as pg_ctl restart reuses them
}

// privateCluster finds the cluster behind DATABASE_URL in .data/cluster,
// or skips the test when DATABASE_URL is a server it does not control.
func privateCluster(t *testing.T) *cluster {
	t.Helper()
	if os.Getenv(restartVar) == "" {
		t.Skipf("set %s=1 to restart the database (make test does, alone, after the other tests)", restartVar)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.EvalSymlinks(filepath.Join(root, ".data", "cluster"))
	if err != nil {
		t.Skipf("no private cluster at .data/cluster (%v): DATABASE_URL is a server this test does not control", err)
	}
	pid, err1 := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	opts, err2 := os.ReadFile(filepath.Join(dir, "postmaster.opts"))
	lines := strings.Split(string(pid), "\n")
	if err1 != nil || err2 != nil || len(lines) < 4 {
		t.Skipf("the private cluster in %s is not running", dir)
	}
	u, err := url.Parse(os.Getenv("DATABASE_URL"))
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost") || u.Port() != strings.TrimSpace(lines[3]) {
		t.Skipf("DATABASE_URL is not the private cluster in %s (port %s): not a server this test controls",
			dir, strings.TrimSpace(lines[3]))
	}
	exe, rest, _ := strings.Cut(strings.TrimSpace(string(opts)), " ")
	return &cluster{dir: dir, bin: filepath.Dir(strings.Trim(exe, `"`)), opts: rest}
}

// pgctl runs pg_ctl on the cluster, as the postgres user when root.
func (c *cluster) pgctl(t *testing.T, args ...string) {
	t.Helper()
	cmd := append([]string{filepath.Join(c.bin, "pg_ctl"), "-D", c.dir}, args...)
	if os.Geteuid() == 0 {
		cmd = append([]string{"runuser", "-u", "postgres", "--"}, cmd...)
	}
	if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd, " "), err, out)
	}
}

// load sends reads and writes through a handler until stopped. Each write
// creates an organisation named by its idempotency key.
type load struct {
	e     *env
	token string

	mu         sync.Mutex
	acked      map[string]string // key → id the API answered
	failed     map[string]bool   // keys of writes that got an error
	lastRead   time.Time         // when a read last succeeded
	readErrors int
}

const loadWrite = `mutation($k: String!) { createOrganisation(input: {name: $k, kind: OTHER, sector: PUBLIC}, idempotencyKey: $k) { id } }`

func (l *load) write(key string) bool {
	r := l.e.gql(l.token, loadWrite, map[string]any{"k": key})
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(r.Errors) > 0 {
		l.failed[key] = true
		return false
	}
	l.acked[key] = r.str("createOrganisation.id")
	delete(l.failed, key)
	return true
}

func (l *load) read() {
	r := l.e.gql(l.token, `{ awards { totalCount } organisations(first: 5) { totalCount nodes { id name } } }`, nil)
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(r.Errors) == 0 {
		l.lastRead = time.Now()
	} else {
		l.readErrors++
	}
}

// run loops writers and readers until ctx ends.
func (l *load) run(ctx context.Context, writers, readers int) *sync.WaitGroup {
	var wg sync.WaitGroup
	loop := func(step func(i int)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				step(i)
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}
	for w := 0; w < writers; w++ {
		loop(func(i int) { l.write(fmt.Sprintf("load-%d-%d", w, i)) })
	}
	for r := 0; r < readers; r++ {
		loop(func(int) { l.read() })
	}
	return &wg
}

func (l *load) readSince(t time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastRead.After(t)
}

func ready(h http.Handler) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	return rec.Code
}

// waitFor polls cond for up to d.
func waitFor(d time.Duration, cond func() bool) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

func TestDatabaseRestart(t *testing.T) {
	c := privateCluster(t)
	// Writers run while it reads: the executors are not compared, since a
	// second execution would see other rows.
	e := newEnvComparing(t, storetest.NewDatabase(t), graph.Options{RequestTimeout: 3 * time.Second}, false)
	l := &load{e: e, token: e.admin(), acked: map[string]string{}, failed: map[string]bool{}}
	ctx, stop := context.WithCancel(context.Background())
	wg := l.run(ctx, 3, 2)
	defer func() { stop(); wg.Wait() }()
	if !waitFor(5*time.Second, func() bool { return l.readSince(time.Time{}) && len(l.acked) > 0 }) {
		t.Fatal("the load did not get going")
	}

	c.pgctl(t, "stop", "-m", "fast", "-w")
	down := time.Now()
	t.Run("readyz reports not ready while the database is down", func(t *testing.T) {
		if got := ready(e.h); got != http.StatusServiceUnavailable {
			t.Errorf("readyz = %d, want 503", got)
		}
	})
	time.Sleep(500 * time.Millisecond) // the load keeps knocking
	if l.readSince(down.Add(100 * time.Millisecond)) {
		t.Error("a read succeeded while the database was down")
	}
	// Start it again with the options it had, as pg_ctl restart does.
	c.pgctl(t, "start", "-w", "-t", "60", "-l", filepath.Join(c.dir, "server.log"), "-o", c.opts)
	up := time.Now()

	t.Run("reads resume on their own", func(t *testing.T) {
		if !waitFor(10*time.Second, func() bool { return l.readSince(up) }) {
			t.Fatal("no read succeeded within 10 s of the restart")
		}
		if got := ready(e.h); got != http.StatusOK {
			t.Errorf("readyz = %d after the restart, want 200", got)
		}
	})
	time.Sleep(300 * time.Millisecond)
	stop()
	wg.Wait()

	t.Run("every acknowledged write is there exactly once", func(t *testing.T) {
		// A client retries its failed writes with the same keys.
		var failed []string
		for key := range l.failed {
			failed = append(failed, key)
		}
		for _, key := range failed {
			if !waitFor(5*time.Second, func() bool { return l.write(key) }) {
				t.Fatalf("retrying %s kept failing", key)
			}
		}
		// And some whose answers it never saw.
		n := 0
		for key, id := range l.acked {
			if n++; n > 20 {
				break
			}
			if l.write(key); l.acked[key] != id {
				t.Errorf("write %s made %s, its retry %s", key, id, l.acked[key])
			}
		}
		names := organisationNames(t, e.db)
		t.Logf("%d writes acknowledged, %d of them on a retry after an error; %d reads failed",
			len(l.acked), len(failed), l.readErrors)
		for key, id := range l.acked {
			if ids := names[key]; len(ids) != 1 || ids[0] != id {
				t.Errorf("write %s was acknowledged as %s; the database has %v", key, id, ids)
			}
		}
		if len(names) != len(l.acked) {
			t.Errorf("the database has %d organisations, %d were acknowledged", len(names), len(l.acked))
		}
	})
}

// organisationNames maps each organisation's name to its ids.
func organisationNames(t *testing.T, db *store.DB) map[string][]string {
	t.Helper()
	ctx := store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})
	out := map[string][]string{}
	for p := (store.Page{First: store.MaxPageSize}); ; {
		orgs, more, err := db.FindOrganisations(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range orgs {
			out[o.Name] = append(out[o.Name], fmt.Sprint(o.ID))
			p.After = o.ID
		}
		if !more {
			return out
		}
	}
}
