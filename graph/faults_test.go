package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
)

func TestDriverErrorsAreMasked(t *testing.T) {
	cases := []struct {
		name, breakSQL, token, query string
		status                       int
		secret                       string // driver text that must stay in the log
	}{
		{"a failing read", `ALTER TABLE awards RENAME TO awards_gone`, "", `{ awards { nodes { name } } }`, 200,
			`relation "awards" does not exist`},
		{"a failing write", `ALTER TABLE organisations RENAME COLUMN sector TO sector_gone`, "",
			`mutation { signUp(input: {email: "anna@example.se", name: "Anna", password: "applicant password",
				organisation: {name: "Org", kind: MUNICIPALITY, sector: PUBLIC}}) { token } }`, 200,
			`column "sector" of relation "organisations" does not exist`},
		{"a failing authentication", `ALTER TABLE sessions RENAME TO sessions_gone`, "some-token", `{ me { id } }`, 500,
			`relation "sessions" does not exist`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t)
			if _, err := e.rawSQL().Exec(c.breakSQL); err != nil {
				t.Fatal(err)
			}
			r := e.gql(c.token, c.query, nil).wantCode("INTERNAL")
			body, _ := json.Marshal(r)
			for _, leak := range []string{"pq:", "store:", "relation", "column", "does not exist", "sessions", "SQL"} {
				if strings.Contains(string(body), leak) {
					t.Errorf("answer %s contains %q", body, leak)
				}
			}
			if r.Status != c.status || r.Errors[0].Message != "internal error" {
				t.Errorf("answer = %d %s, want %d and just \"internal error\"", r.Status, body, c.status)
			}
			rid, _ := r.Errors[0].Extensions["requestId"].(string)
			if rid == "" {
				t.Fatalf("no requestId in %s", body)
			}
			logged := e.logs.lines("internal error")
			if len(logged) != 1 || logged[0]["request_id"] != rid || logged[0]["level"] != "ERROR" ||
				!strings.Contains(logged[0]["err"], c.secret) {
				t.Errorf("logged %v, want one error with request_id %s and %q", logged, rid, c.secret)
			}
			if req := e.logs.lines("graphql"); len(req) != 1 || req[0]["request_id"] != rid {
				t.Errorf("request log = %v, want request_id %s", req, rid)
			}
		})
	}
}

func TestNULInTextIsInvalid(t *testing.T) {
	e := newEnv(t)
	e.gql(e.admin(), `mutation($n: String!) { createAward(name: $n) { id } }`, map[string]any{"n": "Lean\x00priset"}).
		wantCode("INVALID")
}

func TestRequestDeadlineReachesTheDatabase(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	// A second is long enough to reach the lock on a loaded machine, and
	// the lock is held until release, so the deadline ends the wait.
	hurried := e.with(graph.Options{RequestTimeout: time.Second})
	raw := e.rawSQL()
	// Another session holds the cycle's row, so advancing it waits.
	release := e.holdCycleRow(c.id)
	const advance = `mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: CLOSED) { phase } }`
	vars := map[string]any{"id": c.id, "v": c.version}
	start := time.Now()
	r := hurried.gql(admin, advance, vars).wantCode("TIMEOUT")
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the request took %v with a 1 s deadline", took)
	}
	if msg := r.Errors[0].Message; strings.Contains(msg, "pq") || strings.Contains(msg, "context") {
		t.Errorf("message = %q", msg)
	}
	rid, _ := r.Errors[0].Extensions["requestId"].(string)
	if logged := hurried.logs.lines("request stopped by its deadline"); rid == "" || len(logged) == 0 || logged[0]["request_id"] != rid {
		t.Errorf("requestId %q, logged %v", rid, logged)
	}
	t.Run("the waiting statement was cancelled in the database", func(t *testing.T) {
		var waiting int
		for i := 0; i < 50; i++ {
			err := raw.QueryRow(`SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting)
			if err != nil {
				t.Fatal(err)
			}
			if waiting == 0 {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Errorf("%d statements still wait for the lock", waiting)
	})
	t.Run("nothing was written and the handler goes on", func(t *testing.T) {
		release()
		hurried.gql(admin, `{ __typename }`, nil).ok()
		// The cycle's version is the one the refused request named.
		if r := e.gql(admin, advance, vars).ok(); r.str("advanceCycle.phase") != "CLOSED" {
			t.Errorf("phase = %v", r.Data)
		}
	})
}
