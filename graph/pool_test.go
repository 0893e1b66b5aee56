package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// burst sends n requests for q at once and fails the test on any
// answer but a clean 200.
func burst(t *testing.T, e *env, n int, q string) {
	t.Helper()
	var wg sync.WaitGroup
	codes := make(chan int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); codes <- e.serve("", q, nil) }()
	}
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != 200 {
			t.Fatalf("status %d", c)
		}
	}
}

func TestBurstReusesConnections(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	for y := 2020; y < 2024; y++ {
		e.openCycle(admin, y)
	}
	const q = `{ awards(first: 10) { edges { node { id name cycles { year criteria { code } } } } } }`
	e.gql("", q, nil).ok()
	for _, tc := range []struct {
		name            string
		maxOpen, idle   int
		wantIdleClosing bool
	}{
		// The measure can fail: an idle pool smaller than the open one
		// closes connections after every burst.
		{"idle pool smaller than the open pool", 8, 2, true},
		{"idle pool as large as the open pool", 8, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.db.SetPool(tc.maxOpen, tc.idle)
			burst(t, e, 48, q) // warms the pool
			before := e.db.Stats()
			for i := 0; i < 3; i++ {
				burst(t, e, 48, q)
			}
			after := e.db.Stats()
			closed := after.MaxIdleClosed - before.MaxIdleClosed
			if tc.wantIdleClosing {
				if closed == 0 {
					t.Errorf("no connection closed for the idle limit (in use at most %d)", after.MaxOpenConnections)
				}
				return
			}
			// Every connection opened is still open or was closed for one
			// of the pool's limits.
			opened := int64(after.OpenConnections) + after.MaxIdleClosed + after.MaxIdleTimeClosed + after.MaxLifetimeClosed
			if closed != 0 || after.OpenConnections > tc.maxOpen {
				t.Errorf("after 3 bursts of 48: %d closed for the idle limit, %d open, want 0 and ≤ %d (opened in all %d)",
					closed, after.OpenConnections, tc.maxOpen, opened)
			}
		})
	}
}

func TestCancelledRequestIsNoInternalError(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	// Another session holds the cycle's row, so advancing it waits until
	// the client goes away.
	e.holdCycleRow(c.id)
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: CLOSED) { phase } }`,
		"variables": map[string]any{"id": c.id, "v": c.version},
	})
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+admin)
	time.AfterFunc(300*time.Millisecond, cancel)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var r result
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || len(r.Errors) != 1 {
		t.Fatalf("answer %s (%v)", rec.Body.String(), err)
	}
	if code := r.Errors[0].Extensions["code"]; code != "CANCELLED" {
		t.Errorf("code = %v, want CANCELLED", code)
	}
	if n := len(e.logs.lines("internal error")); n != 0 {
		t.Errorf("%d internal errors logged for a cancelled request", n)
	}
	logged := e.logs.lines("graphql request cancelled by the client")
	if len(logged) != 1 || logged[0]["level"] != "INFO" || logged[0]["request_id"] == "" {
		t.Errorf("logged %v, want one info line with the request id", logged)
	}
}
