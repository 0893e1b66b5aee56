package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
	"github.com/leanforum/awards/store/storetest"
)

// fixtureDB is a fresh database with two KPIs, four municipalities and
// the Storstäder group, imported from small Kolada documents.
func fixtureDB(t *testing.T) *store.DB {
	t.Helper()
	db := storetest.MustOpenDB(t)
	loadFixture(t, db)
	return db
}

func loadFixture(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := asAdmin()
	docs := []struct {
		doc string
		run func(*kolada.Stream, store.ImportOptions) (*store.ImportSummary, error)
	}{
		{`{"values":[{"id":"U33401","title":"Utredningstid barn och unga","is_divided_by_gender":true,"municipality_type":"K"},
			{"id":"N01951","title":"Invånare totalt","municipality_type":"A"}]}`,
			func(s *kolada.Stream, o store.ImportOptions) (*store.ImportSummary, error) {
				return db.ImportKPIs(ctx, s, o)
			}},
		{`{"values":[{"id":"0180","title":"Stockholm","type":"K"},{"id":"1280","title":"Malmö","type":"K"},
			{"id":"1480","title":"Göteborg","type":"K"},{"id":"0181","title":"Södertälje","type":"K"}]}`,
			func(s *kolada.Stream, o store.ImportOptions) (*store.ImportSummary, error) {
				return db.ImportMunicipalities(ctx, s, o)
			}},
		{`{"values":[{"id":"G92787","title":"Storstäder (ovägt medel)","members":[{"member_id":"0180"},{"member_id":"1280"},{"member_id":"1480"}]}]}`,
			func(s *kolada.Stream, o store.ImportOptions) (*store.ImportSummary, error) {
				return db.ImportGroups(ctx, s, o)
			}},
	}
	for _, d := range docs {
		if _, err := d.run(kolada.NewStream(strings.NewReader(d.doc)), store.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

func importCSV(db *store.DB, csv string, skip bool) (*store.ImportSummary, error) {
	return db.ImportCSV(asAdmin(), strings.NewReader(csv), store.ImportOptions{SkipInvalid: skip})
}

func countValues(t *testing.T, db *store.DB) int {
	t.Helper()
	real, synthetic, err := db.CountKPIValues(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return real + synthetic
}

const goodCSV = "kpi,municipality,period,gender,value,status\n" +
	"U33401,1280,2012,T,105,\n" +
	"U33401,1280,2012,K,,Bortfall\n" +
	"U33401,G92787,2012,T,110.5,\n"

func TestImportCSVIsIdempotent(t *testing.T) {
	db := fixtureDB(t)
	first, err := importCSV(db, goodCSV, false)
	if err != nil || first.Read != 3 || first.Inserted != 3 || first.Written != 3 {
		t.Fatalf("first import = %+v, %v", first, err)
	}
	again, err := importCSV(db, goodCSV, false)
	if err != nil || again.Read != 3 || again.Written != 0 || again.Unchanged != 3 {
		t.Errorf("same file again = %+v, %v; want nothing written", again, err)
	}
	changed := strings.Replace(goodCSV, "1280,2012,T,105,", "1280,2012,T,104,Reviderad", 1)
	upd, err := importCSV(db, changed, false)
	if err != nil || upd.Updated != 1 || upd.Inserted != 0 || upd.Unchanged != 2 {
		t.Errorf("changed file = %+v, %v; want one value updated", upd, err)
	}
	if n := countValues(t, db); n != 3 {
		t.Errorf("%d values stored, want 3", n)
	}
	vs, err := db.FindKPIValues(context.Background(), store.KPIValueFilter{KPIIDs: []string{"U33401"}, MunicipalityIDs: []string{"1280"}})
	if err != nil || len(vs) != 2 || *vs[1].Value != 104 || vs[1].Status != "Reviderad" || vs[0].Value != nil || vs[0].Status != "Bortfall" {
		t.Errorf("values = %+v, %v", vs, err)
	}
}

func TestImportCSVRejectsBadInput(t *testing.T) {
	const header = "kpi,municipality,period,gender,value,status\n"
	const ok = "U33401,1280,2012,T,105,\n"
	cases := []struct{ name, csv, want string }{
		{"unknown KPI", header + ok + "U99999,1280,2012,T,1,\n", `line 3: kpi: unknown KPI "U99999"`},
		{"unknown municipality", header + ok + "U33401,9999,2012,T,1,\n", `line 3: municipality: unknown municipality or group "9999"`},
		{"period not a year", header + ok + "U33401,1280,2012-06,T,1,\n", `line 3: period: "2012-06" is not a year`},
		{"period out of range", header + ok + "U33401,1280,12,T,1,\n", `line 3: period: "12" is not a year`},
		{"gender", header + ok + "U33401,1280,2012,X,1,\n", `line 3: gender: "X" is not T (total), K (women) or M (men)`},
		{"value", header + ok + "U33401,1280,2012,T,12 dagar,\n", `line 3: value: "12 dagar" is not a number`},
		{"value NaN", header + ok + "U33401,1280,2012,T,NaN,\n", `line 3: value: "NaN" is not a number`},
		{"value in Go syntax with underscores", header + ok + "U33401,1280,2012,T,1_000,\n", `line 3: value: "1_000" is not a number`},
		{"value in Go's hexadecimal syntax", header + ok + "U33401,1280,2012,T,0x1p4,\n", `line 3: value: "0x1p4" is not a number`},
		{"value near the float limit", header + ok + "U33401,1280,2012,T,1e308,\n", `line 3: value: 1e308 lies outside ±1e15`},
		{"too few fields", header + ok + "U33401,1280,2012,T\n", "line 3: has 4 fields, want 6"},
		{"bare quote", header + ok + "U33401,1280,2012,T,\"1\"2,\n", "line 3: malformed CSV"},
		{"repeated key", header + ok + "U33401,0180,2012,T,1,\n" + ok, "line 4: repeats line 2 (kpi_id U33401, municipality_id 1280, period 2012, gender T)"},
		{"unknown column", "kpi,kommun,period,gender,value\n" + ok, `line 1: unknown column "kommun"`},
		{"missing column", "kpi,municipality,period,value\n", `line 1: no "gender" column`},
		{"empty", "", "the CSV is empty"},
	}
	db := fixtureDB(t) // shared: a failed import leaves nothing behind, which each case checks
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sum, err := importCSV(db, c.csv, false)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("ImportCSV = %+v, %v; want an error containing %q", sum, err, c.want)
			}
			if store.ErrorCode(err) != store.Invalid {
				t.Errorf("code = %s, want INVALID", store.ErrorCode(err))
			}
			if n := countValues(t, db); n != 0 {
				t.Errorf("%d values written by a failed import, want none", n)
			}
		})
	}
}

func TestImportCSVSkipInvalid(t *testing.T) {
	db := fixtureDB(t)
	csv := "kpi,municipality,period,gender,value,status\n" +
		"U33401,1280,2012,T,105,\n" + // 2
		"U33401,1280,2012,Q,105,\n" + // 3: gender
		"U33401,1280,2013,T,99,\n" + // 4
		"U99999,1280,2012,T,1,\n" + // 5: KPI
		"U33401,1280,2012,T,106,\n" + // 6: repeats line 2
		"U33401,0181,2012,T,abc,\n" // 7: value
	sum, err := importCSV(db, csv, true)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 6 || sum.Inserted != 2 || sum.Skipped != 4 {
		t.Errorf("summary = %+v; want 6 read, 2 inserted, 4 skipped", sum)
	}
	var lines []string
	for _, r := range sum.SkippedRows {
		lines = append(lines, fmt.Sprintf("%d %s", r.Line, r.Field))
	}
	if got, want := strings.Join(lines, ", "), "3 gender, 5 kpi, 6 , 7 value"; got != want {
		t.Errorf("skipped = %s, want %s", got, want)
	}
	if n := countValues(t, db); n != 2 {
		t.Errorf("%d values stored, want 2", n)
	}
}

func TestImportKoladaDataRejectsBadInput(t *testing.T) {
	rec := func(kpi, muni, period, gender, value string) string {
		return fmt.Sprintf(`{"kpi":%q,"municipality":%q,"period":%s,"values":[{"gender":%q,"count":1,"status":"","value":%s}]}`,
			kpi, muni, period, gender, value)
	}
	ok := rec("U33401", "1280", "2012", "T", "105")
	doc := func(bad string) string { return `{"values":[` + ok + `,` + bad + `]}` }
	cases := []struct{ name, doc, want string }{
		{"unknown KPI", doc(rec("U99999", "1280", "2012", "T", "1")), `values[1].kpi: unknown KPI "U99999"`},
		{"unknown municipality", doc(rec("U33401", "9999", "2012", "T", "1")), `values[1].municipality: unknown municipality or group "9999"`},
		{"period", doc(rec("U33401", "1280", `"2012"`, "T", "1")), `values[1].period: "2012" is not a year`},
		{"gender", doc(rec("U33401", "1280", "2012", "X", "1")), `values[1].values[0].gender: "X" is not T, K or M`},
		{"value", doc(rec("U33401", "1280", "2012", "T", `"1,5"`)), `values[1].values[0].value: "1,5" is not a number`},
		{"repeated record", doc(ok), "values[1]: repeats values[0]"},
		{"truncated", `{"values":[` + ok + `,{"kpi":"U33`, "truncated JSON in values[1]"},
		{"malformed", `{"values":[` + ok + `,{"kpi" "U33401"}]}`, "malformed JSON"},
		{"not an envelope", `[` + ok + `]`, "expected {"},
		{"value near the float limit", doc(rec("U33401", "1280", "2012", "T", "1e308")), `values[1].values[0].value: 1e308 lies outside ±1e15`},
		{"status not UTF-8", `{"values":[` + ok + `,{"kpi":"U33401","municipality":"1280","period":2013,"values":[{"gender":"T","count":1,"status":"` + "\xff" + `","value":1}]}]}`, `values[1].values[0].status: is not valid UTF-8 text`},
		{"data after the document", `{"values":[` + ok + `]}{"values":[]}`, "data after the document"},
	}
	db := fixtureDB(t) // shared: a failed import leaves nothing behind, which each case checks
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sum, err := db.ImportKoladaData(asAdmin(), kolada.NewStream(strings.NewReader(c.doc)), store.ImportOptions{})
			if err == nil || !strings.Contains(err.Error(), c.want) || store.ErrorCode(err) != store.Invalid {
				t.Fatalf("ImportKoladaData = %+v, %v; want INVALID containing %q", sum, err, c.want)
			}
			if n := countValues(t, db); n != 0 {
				t.Errorf("%d values written by a failed import, want none", n)
			}
		})
	}
	t.Run("skip invalid records", func(t *testing.T) {
		s := kolada.NewStream(strings.NewReader(`{"values":[` + ok + `,` + rec("U99999", "1280", "2012", "T", "1") + `,` +
			rec("N01951", "G92787", "2020", "T", "null") + `]}`))
		sum, err := db.ImportKoladaData(asAdmin(), s, store.ImportOptions{SkipInvalid: true})
		if err != nil || sum.Read != 3 || sum.Inserted != 2 || sum.Skipped != 1 ||
			sum.SkippedRows[0].Record == nil || *sum.SkippedRows[0].Record != 1 {
			t.Errorf("summary = %+v, %v; want record 1 skipped", sum, err)
		}
	})
}

// failingReader gives its text, then fails as a body over its size limit does.
type failingReader struct {
	r   *strings.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.r.Len() == 0 {
		return 0, f.err
	}
	return f.r.Read(p)
}

func TestImportStopsOnAReadError(t *testing.T) {
	db := fixtureDB(t)
	tooBig := errors.New("body too large")
	body := goodCSV + "U33401,0180,2012,T,1,\n" // the failure comes after valid rows
	_, err := db.ImportCSV(asAdmin(), &failingReader{strings.NewReader(body), tooBig}, store.ImportOptions{SkipInvalid: true})
	if !errors.Is(err, tooBig) {
		t.Errorf("ImportCSV = %v, want the reader's error", err)
	}
	if n := countValues(t, db); n != 0 {
		t.Errorf("%d values written, want none", n)
	}
	ctx, cancel := context.WithCancel(asAdmin())
	cancel()
	if _, err := db.ImportCSV(ctx, strings.NewReader(goodCSV), store.ImportOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("ImportCSV with a cancelled context = %v", err)
	}
}

func TestImportNeedsAnAdmin(t *testing.T) {
	db := fixtureDB(t)
	for _, ctx := range []context.Context{context.Background(),
		store.WithActor(context.Background(), &store.Actor{UserID: 2, Role: store.RoleApplicant})} {
		_, err := db.ImportCSV(ctx, strings.NewReader(goodCSV), store.ImportOptions{})
		if store.ErrorCode(err) != store.Forbidden {
			t.Errorf("ImportCSV as %+v = %v, want FORBIDDEN", store.ActorFrom(ctx), err)
		}
		_, err = db.ImportKPIs(ctx, kolada.NewStream(strings.NewReader(`{"values":[]}`)), store.ImportOptions{})
		var se *store.Error
		if !errors.As(err, &se) || se.Code != store.Forbidden {
			t.Errorf("ImportKPIs as %+v = %v, want FORBIDDEN", store.ActorFrom(ctx), err)
		}
	}
}
