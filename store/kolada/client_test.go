package kolada_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leanforum/awards/store/kolada"
)

// fakeKolada speaks enough of the v3 API for the client: pages of
// per_page rows linked by next_url, a number of 429 answers before the
// real one, and a check that no path segment names more than 25 ids.
type fakeKolada struct {
	t        *testing.T
	srv      *httptest.Server
	perPage  int
	throttle int    // 429 answers still to give
	after    string // their Retry-After header
	mu       sync.Mutex
	requests []string
}

func newFake(t *testing.T, perPage int) *fakeKolada {
	f := &fakeKolada{t: t, perPage: perPage}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeKolada) client() *kolada.Client {
	return &kolada.Client{BaseURL: f.srv.URL + "/v3", Backoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond}
}

func (f *fakeKolada) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests = append(f.requests, r.URL.Path)
	throttled := f.throttle > 0
	f.throttle--
	f.mu.Unlock()
	if throttled {
		if f.after != "" {
			w.Header().Set("Retry-After", f.after)
		}
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	var rows []any
	switch parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/v3/"), "/"); parts[0] {
	case "kpi":
		for i := 0; i < 7; i++ {
			rows = append(rows, map[string]any{"id": fmt.Sprintf("N%05d", i), "title": "KPI", "municipality_type": "K"})
		}
	case "data":
		rows = f.data(parts[1:])
	default:
		http.NotFound(w, r)
		return
	}
	f.page(w, r, rows)
}

// data answers /data/kpi/{ids}/municipality/{ids}/year/{ids}.
func (f *fakeKolada) data(segs []string) []any {
	ids := map[string][]string{"year": {"2020"}}
	for i := 0; i+1 < len(segs); i += 2 {
		ids[segs[i]] = strings.Split(segs[i+1], ",")
		if n := len(ids[segs[i]]); n > kolada.MaxIDsPerSegment {
			f.t.Errorf("segment %s names %d ids, more than %d", segs[i], n, kolada.MaxIDsPerSegment)
		}
	}
	var rows []any
	for _, k := range ids["kpi"] {
		for _, m := range ids["municipality"] {
			for _, y := range ids["year"] {
				year, _ := strconv.Atoi(y)
				rows = append(rows, map[string]any{"kpi": k, "municipality": m, "period": year,
					"values": []any{map[string]any{"gender": "T", "count": 1, "status": "", "value": 1.5}}})
			}
		}
	}
	return rows
}

// page answers one page of rows; the last page has no next_url.
func (f *fakeKolada) page(w http.ResponseWriter, r *http.Request, rows []any) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	from, to := (page-1)*f.perPage, min(page*f.perPage, len(rows))
	body := map[string]any{"values": rows[min(from, len(rows)):to], "count": to - from}
	if to < len(rows) {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(page+1))
		body["next_url"] = f.srv.URL + r.URL.Path + "?" + q.Encode()
	} else if page%2 == 0 {
		body["next_url"] = "" // Kolada ends paging with "" or by leaving it out
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(body)
}

func TestClientFollowsNextURL(t *testing.T) {
	f := newFake(t, 3)
	got, bad, err := readAll[kolada.KPI](f.client().KPIs(context.Background()))
	if err != nil || len(bad) > 0 || len(got) != 7 {
		t.Fatalf("KPIs = %d, %v, %v; want 7", len(got), bad, err)
	}
	for i, k := range got {
		if want := fmt.Sprintf("N%05d", i); k.ID != want {
			t.Errorf("kpi %d = %s, want %s", i, k.ID, want)
		}
	}
	if len(f.requests) != 3 {
		t.Errorf("requests = %v, want 3 pages", f.requests)
	}
}

func TestClientChunksIDs(t *testing.T) {
	f := newFake(t, 500)
	q := kolada.DataQuery{Years: []int{2019, 2020}}
	for i := 0; i < 60; i++ {
		q.KPIs = append(q.KPIs, fmt.Sprintf("U%05d", i))
	}
	for i := 0; i < 30; i++ {
		q.Municipalities = append(q.Municipalities, fmt.Sprintf("%04d", 100+i))
	}
	paths, err := q.Paths()
	if err != nil || len(paths) != 6 {
		t.Fatalf("Paths = %d paths, %v; want 3 KPI chunks × 2 municipality chunks", len(paths), err)
	}
	s, err := f.client().Data(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	got, bad, err := readAll[kolada.Data](s)
	if err != nil || len(bad) > 0 || len(got) != 60*30*2 {
		t.Fatalf("Data = %d records, %v, %v; want %d", len(got), bad, err, 60*30*2)
	}
	seen := map[string]bool{}
	for _, d := range got {
		key := fmt.Sprint(d.KPI, d.Municipality, d.Period)
		if seen[key] {
			t.Fatalf("record %s read twice", key)
		}
		seen[key] = true
	}
	// Two queries of 25 KPIs × 25 municipalities × 2 years give 1,250 rows,
	// three pages of 500 each; the other four fit in one page.
	if len(f.requests) != 2*3+4 {
		t.Errorf("%d requests, want 10", len(f.requests))
	}
	for _, bad := range []kolada.DataQuery{{KPIs: q.KPIs}, {KPIs: []string{"U33401/x"}, Years: []int{2020}},
		{KPIs: q.KPIs, Municipalities: []string{"1280?"}}, {KPIs: q.KPIs, Years: []int{20}}} {
		if _, err := bad.Paths(); err == nil {
			t.Errorf("query %v is accepted", bad)
		}
	}
}

func TestClientBacksOff(t *testing.T) {
	t.Run("honours Retry-After, then doubles", func(t *testing.T) {
		f := newFake(t, 10)
		f.throttle, f.after = 1, "2"
		c := f.client()
		var waits []time.Duration
		c.Sleep = func(_ context.Context, d time.Duration) error {
			waits = append(waits, d)
			if len(waits) == 1 {
				f.mu.Lock()
				f.after, f.throttle = "", 2 // two more 429s, without Retry-After
				f.mu.Unlock()
			}
			return nil
		}
		c.MaxBackoff = 5 * time.Second
		got, _, err := readAll[kolada.KPI](c.KPIs(context.Background()))
		if err != nil || len(got) != 7 {
			t.Fatalf("KPIs = %d, %v", len(got), err)
		}
		want := []time.Duration{2 * time.Second, 2 * time.Millisecond, 4 * time.Millisecond}
		if fmt.Sprint(waits) != fmt.Sprint(want) {
			t.Errorf("waits = %v, want %v", waits, want)
		}
	})
	t.Run("gives up after MaxRetries", func(t *testing.T) {
		f := newFake(t, 10)
		f.throttle = 100
		c := f.client()
		c.MaxRetries = 3
		_, _, err := readAll[kolada.KPI](c.KPIs(context.Background()))
		if err == nil || !strings.Contains(err.Error(), "429") || len(f.requests) != 4 {
			t.Errorf("err = %v after %d requests; want a 429 error after 4", err, len(f.requests))
		}
	})
	t.Run("refuses a Retry-After beyond MaxBackoff", func(t *testing.T) {
		f := newFake(t, 10)
		f.throttle, f.after = 1, "3600"
		_, _, err := readAll[kolada.KPI](f.client().KPIs(context.Background()))
		if err == nil || !strings.Contains(err.Error(), "asks to wait 1h0m0s") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("stops waiting when the context ends", func(t *testing.T) {
		f := newFake(t, 10)
		f.throttle = 100
		c := f.client()
		c.Backoff, c.MaxBackoff = time.Hour, time.Hour
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, _, err := readAll[kolada.KPI](c.KPIs(ctx))
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
			t.Errorf("err = %v after %s", err, time.Since(start))
		}
	})
}

func TestClientStaysOnHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"values":[],"next_url":"http://attacker.example/v3/kpi?page=2"}`)
	}))
	defer srv.Close()
	c := &kolada.Client{BaseURL: srv.URL + "/v3"}
	_, _, err := readAll[kolada.KPI](c.KPIs(context.Background()))
	if err == nil || !strings.Contains(err.Error(), "leaves") {
		t.Errorf("err = %v, want a refusal to follow next_url elsewhere", err)
	}
}
