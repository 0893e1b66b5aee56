package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestImportKoladaFiles(t *testing.T) {
	dir := filepath.Dir(storetest.SharedData(t, "kolada/kpi.json"))
	counties := storetest.SharedData(t, "municipality_county.csv")
	dsn := storetest.NewDatabase(t)
	for run, want := range []string{"written 6099 (6099 new", "written 0 (0 new, 0 updated), unchanged 6099"} {
		m, out := newMain(dsn, "")
		if err := m.Run(context.Background(), []string{"import", "kolada", "-dir", dir, "-counties", counties}); err != nil {
			t.Fatalf("run %d: %v\n%s", run+1, err, out)
		}
		for _, line := range []string{"kpi.json: kpis read 6099, " + want, "municipality.json: municipalities read 312",
			"municipality_county.csv: counties read 290", "municipality_groups.json: groups read 3630",
			"data_samples.json: data read 303"} {
			if !strings.Contains(out.String(), line) {
				t.Errorf("run %d printed\n%s\nwant a line containing %q", run+1, out, line)
			}
		}
	}
}

func TestImportCSVCommand(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	m, out := newMain(dsn, "")
	ref := `{"values":[{"id":"U33401","title":"Utredningstid","municipality_type":"K"}]}`
	munis := `{"values":[{"id":"1280","title":"Malmö","type":"K"}]}`
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := m.Run(context.Background(), []string{"import", "kolada", "-kpi", write("k.json", ref),
		"-municipality", write("m.json", munis)}); err != nil {
		t.Fatalf("reference: %v\n%s", err, out)
	}
	csv := write("values.csv", "kpi,municipality,period,gender,value,status\nU33401,1280,2012,T,105,\nU33401,1280,2012,X,1,\n")
	m, out = newMain(dsn, "")
	err := m.Run(context.Background(), []string{"import", "csv", "-in", csv})
	if err == nil || !strings.Contains(err.Error(), `line 3: gender: "X" is not T`) {
		t.Errorf("a bad line: %v, want it named", err)
	}
	m, out = newMain(dsn, "")
	if err := m.Run(context.Background(), []string{"import", "csv", "-in", csv, "-skip-invalid"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "values read 2, written 1 (1 new, 0 updated), unchanged 0, skipped 1") ||
		!strings.Contains(out.String(), `skipped line 3: gender: "X"`) {
		t.Errorf("-skip-invalid printed %q", out)
	}
	m, out = newMain(dsn, "kpi,municipality,period,gender,value\nU33401,1280,2013,T,99\n")
	if err := m.Run(context.Background(), []string{"import", "csv", "-in", "-"}); err != nil || !strings.Contains(out.String(), "1 new") {
		t.Errorf("from standard input: %v, %s", err, out)
	}
	t.Run("refusals", func(t *testing.T) {
		for _, args := range [][]string{{"import"}, {"import", "excel"}, {"import", "csv"}, {"import", "kolada"},
			{"import", "csv", "-in", filepath.Join(dir, "missing.csv")}, {"import", "kolada", "-url", "http://x", "-data-only"},
			{"import", "kolada", "-url", "http://x", "-kpis", "U33401"}} {
			m, _ := newMain(dsn, "")
			if err := m.Run(context.Background(), args); err == nil {
				t.Errorf("awardd %v succeeded, want an error", args)
			}
		}
	})
}

// TestImportKoladaURL reads a local server that speaks Kolada v3: pages
// of two rows linked by next_url, and a 429 before the first answer.
func TestImportKoladaURL(t *testing.T) {
	var throttled atomic.Bool
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if throttled.CompareAndSwap(false, true) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		rows := map[string][]string{
			"/v3/kpi": {`{"id":"U33401","title":"Utredningstid","municipality_type":"K"}`,
				`{"id":"N01951","title":"Invånare","municipality_type":"A"}`, `{"id":"U23401","title":"Väntetid","municipality_type":"K"}`},
			"/v3/municipality":        {`{"id":"1280","title":"Malmö","type":"K"}`, `{"id":"0180","title":"Stockholm","type":"K"}`},
			"/v3/municipality_groups": {`{"id":"G92787","title":"Storstäder","members":[{"member_id":"1280"},{"member_id":"0180"}]}`},
			"/v3/data/kpi/U33401,N01951/municipality/1280,G92787/year/2012": {
				`{"kpi":"U33401","municipality":"1280","period":2012,"values":[{"gender":"T","value":105},{"gender":"K","value":null,"status":"Bortfall"}]}`,
				`{"kpi":"N01951","municipality":"G92787","period":2012,"values":[{"gender":"T","value":612000}]}`,
				`{"kpi":"N01951","municipality":"1280","period":2012,"values":[{"gender":"T","value":303000}]}`},
		}[r.URL.Path]
		page := 0
		fmt.Sscan(r.URL.Query().Get("page"), &page)
		end := min(2*page+2, len(rows))
		next := ""
		if end < len(rows) {
			next = fmt.Sprintf(`,"next_url":"%s%s?page=%d"`, srv.URL, r.URL.Path, page+1)
		}
		fmt.Fprintf(w, `{"values":[%s]%s}`, strings.Join(rows[min(2*page, end):end], ","), next)
	}))
	defer srv.Close()
	m, out := newMain(storetest.NewDatabase(t), "")
	err := m.Run(context.Background(), []string{"import", "kolada", "-url", srv.URL + "/v3",
		"-kpis", "U33401,N01951", "-municipalities", "1280,G92787", "-years", "2012"})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"/kpi: kpis read 3, written 3", "/municipality: municipalities read 2",
		"/municipality_groups: groups read 1", "/data: data read 3, written 4 (4 new"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("printed\n%s\nwant %q", out, want)
		}
	}
}
