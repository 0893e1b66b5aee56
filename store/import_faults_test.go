package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// manyValues is a valid values CSV of about 150 KB: every year of two
// KPIs for the fixture's areas, by key.
func manyValues() string {
	var b strings.Builder
	b.WriteString(store.CSVHeader + "\n")
	for _, kpi := range []string{"N01951", "U33401"} {
		for _, area := range []string{"0180", "0181", "1280", "1480", "G92787"} {
			for year := 1900; year <= 2100; year++ {
				for _, g := range []string{"K", "M", "T"} {
					fmt.Fprintf(&b, "%s,%s,%d,%s,%d,\n", kpi, area, year, g, year%97)
				}
			}
		}
	}
	return b.String()
}

// hookReader reads r and calls hook once, when at least at bytes have
// been read.
type hookReader struct {
	r    *strings.Reader
	at   int
	read int
	hook func()
}

func (h *hookReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p[:min(len(p), 4096)])
	h.read += n
	if h.hook != nil && h.read >= h.at {
		h.hook()
		h.hook = nil
	}
	return n, err
}

func fixtureAt(t *testing.T) (*store.DB, *sql.DB) {
	dsn := storetest.NewDatabase(t)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	loadFixture(t, db)
	raw, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return db, raw
}

// A connection that dies in the middle of the COPY fails the import, which
// returns by itself (it used to wait forever for its own transaction), and
// the store goes on working.
func TestImportSurvivesALostConnection(t *testing.T) {
	db, raw := fixtureAt(t)
	body := manyValues()
	r := &hookReader{r: strings.NewReader(body), at: 100 << 10, hook: func() {
		var n int
		err := raw.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE datname = current_database() AND query LIKE 'COPY kpi_records_in%'`).Scan(&n)
		if err != nil || n != 1 {
			t.Errorf("terminated %d COPY backends, %v; want 1", n, err)
		}
		// Let the server close the socket, so that the next rows sent
		// find it closed (driver.ErrBadConn) rather than an error message.
		time.Sleep(300 * time.Millisecond)
	}}
	// The deadline only keeps a regression from hanging the test run; the
	// import must end before it.
	ctx, cancel := context.WithTimeout(asAdmin(), 30*time.Second)
	defer cancel()
	_, err := db.ImportCSV(ctx, r, store.ImportOptions{})
	if err == nil || ctx.Err() != nil {
		t.Fatalf("ImportCSV with its connection killed = %v, context %v; want it to fail by itself", err, ctx.Err())
	}
	if n := countValues(t, db); n != 0 {
		t.Errorf("%d values written, want none", n)
	}
	if sum, err := db.ImportCSV(asAdmin(), strings.NewReader(body), store.ImportOptions{}); err != nil || sum.Inserted != strings.Count(body, "\n")-1 {
		t.Errorf("the next import = %+v, %v", sum, err)
	}
}

// Cancelling an import stops it reading and says why, whether its rows
// are being copied or skipped.
func TestImportStopsWhenCancelled(t *testing.T) {
	db, _ := fixtureAt(t)
	invalid := store.CSVHeader + "\n" + strings.Repeat("U33401,1280,2012,X,1,\n", 100_000)
	for name, body := range map[string]string{"copied": manyValues(), "skipped": invalid} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(asAdmin())
			defer cancel()
			r := &hookReader{r: strings.NewReader(body), at: 20 << 10, hook: cancel}
			_, err := db.ImportCSV(ctx, r, store.ImportOptions{SkipInvalid: true})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("ImportCSV cancelled = %v, want context.Canceled", err)
			}
			if r.read > 100<<10 {
				t.Errorf("read %d of %d bytes after the cancel at 20 KiB; want it to stop within a chunk", r.read, len(body))
			}
		})
	}
}

// panicReader panics once it has given at bytes.
type panicReader struct {
	r  *strings.Reader
	at int
}

func (p *panicReader) Read(b []byte) (int, error) {
	if p.at -= min(len(b), 4096); p.at < 0 {
		panic("the reader broke")
	}
	return p.r.Read(b[:min(len(b), 4096)])
}

// A panic while the rows are copied fails the import with an error and
// leaves the store working.
func TestImportSurvivesAPanic(t *testing.T) {
	db, _ := fixtureAt(t)
	body := manyValues()
	_, err := db.ImportCSV(asAdmin(), &panicReader{strings.NewReader(body), 100 << 10}, store.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "panic: the reader broke") {
		t.Fatalf("ImportCSV with a panicking reader = %v", err)
	}
	if sum, err := db.ImportCSV(asAdmin(), strings.NewReader(body), store.ImportOptions{}); err != nil || sum.Inserted != strings.Count(body, "\n")-1 {
		t.Errorf("the next import = %+v, %v", sum, err)
	}
}
