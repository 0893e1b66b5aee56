package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
	"github.com/leanforum/awards/store/storetest"
)

// storedValues lists the stored values of U33401 as
// "municipality period gender value status", in key order.
func storedValues(t *testing.T, db *store.DB) []string {
	t.Helper()
	vs, err := db.FindKPIValues(context.Background(), store.KPIValueFilter{KPIIDs: []string{"U33401"}})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		value := "null"
		if v.Value != nil {
			value = fmt.Sprint(*v.Value)
		}
		out[i] = fmt.Sprintf("%s %d %s %s %q", v.MunicipalityID, v.Period, v.Gender, value, v.Status)
		if v.Synthetic {
			out[i] += " synthetic"
		}
	}
	return out
}

func checkStored(t *testing.T, db *store.DB, want ...string) {
	t.Helper()
	if got := storedValues(t, db); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stored:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A record's genders may come on lines next to each other, which the
// importer gathers as it reads, or far apart, which it gathers in the
// database; either way each gender is stored once and a repeat is found.
func TestImportGathersRecords(t *testing.T) {
	const header = "kpi,municipality,period,gender,value,status\n"
	body := header +
		"U33401,1280,2012,T,105,\n" + // 2
		"U33401,1280,2012,K,98,\n" + // 3: next to line 2
		"U33401,0180,2012,T,120,\n" + // 4
		"U33401,1280,2012,M,111,\n" + // 5: apart from lines 2 and 3
		"U33401,0180,2011,T,130,\n" // 6: out of key order
	db := fixtureDB(t)
	sum, err := importCSV(db, body, false)
	if err != nil || sum.Read != 5 || sum.Inserted != 5 || sum.Unchanged != 0 {
		t.Fatalf("ImportCSV = %+v, %v; want 5 inserted", sum, err)
	}
	checkStored(t, db,
		`0180 2011 T 130 ""`, `0180 2012 T 120 ""`,
		`1280 2012 K 98 ""`, `1280 2012 M 111 ""`, `1280 2012 T 105 ""`)

	again, err := importCSV(db, body, false)
	if err != nil || again.Unchanged != 5 || again.Written != 0 {
		t.Errorf("the same file again = %+v, %v; want 5 unchanged", again, err)
	}

	cases := []struct{ name, csv, want string }{
		{"repeat next to it", header + "U33401,1480,2012,T,1,\nU33401,1480,2012,T,2,\n",
			"line 3: repeats line 2 (kpi_id U33401, municipality_id 1480, period 2012, gender T)"},
		{"repeat after a gathered gender", header + "U33401,1480,2012,T,1,\nU33401,1480,2012,K,2,\nU33401,1480,2012,K,3,\n",
			"line 4: repeats line 3 (kpi_id U33401, municipality_id 1480, period 2012, gender K)"},
		{"repeat far apart", header + "U33401,1480,2012,K,1,\nU33401,0181,2012,T,2,\nU33401,1480,2012,T,3,\nU33401,1480,2012,K,4,\n",
			"line 5: repeats line 2 (kpi_id U33401, municipality_id 1480, period 2012, gender K)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := storedValues(t, db)
			_, err := importCSV(db, c.csv, false)
			if err == nil || !strings.Contains(err.Error(), c.want) || store.ErrorCode(err) != store.Invalid {
				t.Fatalf("ImportCSV = %v; want INVALID containing %q", err, c.want)
			}
			checkStored(t, db, before...)
		})
	}

	t.Run("skip the repeats", func(t *testing.T) {
		// Line 6 repeats line 4, which the importer sees as it reads; line 5
		// repeats line 2, which the database finds. Both are listed in order.
		sum, err := importCSV(db, cases[2].csv+"U33401,1480,2012,T,5,\n", true)
		if err != nil || sum.Read != 5 || sum.Inserted != 3 || sum.Skipped != 2 {
			t.Fatalf("ImportCSV = %+v, %v; want 3 inserted and 2 skipped", sum, err)
		}
		var skipped []string
		for _, r := range sum.SkippedRows {
			skipped = append(skipped, r.Error())
		}
		if got, want := strings.Join(skipped, "; "), "line 5: repeats line 2 (kpi_id U33401, municipality_id 1480, period 2012, gender K); "+
			"line 6: repeats line 4 (kpi_id U33401, municipality_id 1480, period 2012, gender T)"; got != want {
			t.Errorf("skipped %s\nwant %s", got, want)
		}
		checkStored(t, db,
			`0180 2011 T 130 ""`, `0180 2012 T 120 ""`, `0181 2012 T 2 ""`,
			`1280 2012 K 98 ""`, `1280 2012 M 111 ""`, `1280 2012 T 105 ""`,
			`1480 2012 K 1 ""`, `1480 2012 T 3 ""`)
	})
}

// A record brings only its genders: the others keep their values.
func TestImportKeepsOtherGenders(t *testing.T) {
	db := fixtureDB(t)
	if _, err := importCSV(db, goodCSV, false); err != nil {
		t.Fatal(err)
	}
	sum, err := importCSV(db, "kpi,municipality,period,gender,value\nU33401,1280,2012,K,97\n", false)
	if err != nil || sum.Updated != 1 || sum.Inserted != 0 || sum.Unchanged != 0 {
		t.Fatalf("ImportCSV = %+v, %v; want one value updated", sum, err)
	}
	checkStored(t, db, `1280 2012 K 97 ""`, `1280 2012 T 105 ""`, `G92787 2012 T 110.5 ""`)
}

// Statuses reach the database as written, whatever COPY would read as
// syntax; text that is not UTF-8 is refused before anything is written.
func TestImportStatusText(t *testing.T) {
	db := fixtureDB(t)
	status := "tab\there, line\nbreak, back\\slash \\N, \"quoted\", \r, åäö"
	csv := "kpi,municipality,period,gender,value,status\n" +
		"U33401,1280,2012,T,," + `"` + strings.ReplaceAll(status, `"`, `""`) + `"` + "\n" +
		"U33401,1280,2013,T,1e-7,\\N\n"
	if _, err := importCSV(db, csv, false); err != nil {
		t.Fatal(err)
	}
	checkStored(t, db, fmt.Sprintf("1280 2012 T null %q", status), `1280 2013 T 1e-07 "\\N"`)

	_, err := importCSV(db, "kpi,municipality,period,gender,value,status\nU33401,0180,2012,T,1,\xff\xfe\n", false)
	if err == nil || !strings.Contains(err.Error(), "line 2: status:") || store.ErrorCode(err) != store.Invalid {
		t.Errorf("ImportCSV with a Latin-1 status = %v; want INVALID naming line 2", err)
	}
	_, err = importCSV(db, "kpi,municipality,period,gender,value,status\nU33401,0180,2012,T,1,a\x00b\n", false)
	if err == nil || !strings.Contains(err.Error(), "line 2: status:") {
		t.Errorf("ImportCSV with a NUL in the status = %v; want INVALID naming line 2", err)
	}
}

// Kolada records that share a key merge by gender, in either order.
func TestImportKoladaRecordsApart(t *testing.T) {
	db := fixtureDB(t)
	doc := `{"values":[
		{"kpi":"U33401","municipality":"1280","period":2012,"values":[{"gender":"K","status":"","value":98}]},
		{"kpi":"U33401","municipality":"0180","period":2012,"values":[{"gender":"T","status":"","value":120}]},
		{"kpi":"U33401","municipality":"1280","period":2012,"values":[{"gender":"T","status":"","value":105},{"gender":"M","status":"B","value":null}]}]}`
	sum, err := db.ImportKoladaData(asAdmin(), kolada.NewStream(strings.NewReader(doc)), store.ImportOptions{})
	if err != nil || sum.Read != 3 || sum.Inserted != 4 {
		t.Fatalf("ImportKoladaData = %+v, %v; want 4 values inserted", sum, err)
	}
	checkStored(t, db, `0180 2012 T 120 ""`, `1280 2012 K 98 ""`, `1280 2012 M null "B"`, `1280 2012 T 105 ""`)

	repeat := strings.Replace(doc, `"gender":"M"`, `"gender":"K"`, 1)
	_, err = db.ImportKoladaData(asAdmin(), kolada.NewStream(strings.NewReader(repeat)), store.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "values[2]: repeats values[0] (kpi_id U33401, municipality_id 1280, period 2012, gender K)") {
		t.Errorf("ImportKoladaData with a repeated gender = %v", err)
	}
}

// A Kolada record that repeats part of the one before loses only the
// repeated value, as when the two are apart.
func TestImportKoladaPartialRepeat(t *testing.T) {
	rec := func(genders ...string) string {
		var vs []string
		for i, g := range genders {
			vs = append(vs, fmt.Sprintf(`{"gender":%q,"status":"","value":%d}`, g, i+1))
		}
		return `{"kpi":"U33401","municipality":"1280","period":2012,"values":[` + strings.Join(vs, ",") + `]}`
	}
	other := `{"kpi":"U33401","municipality":"0180","period":2012,"values":[{"gender":"T","status":"","value":9}]}`
	for name, doc := range map[string]string{
		"next to each other": `{"values":[` + rec("T", "K") + `,` + rec("K", "M") + `]}`,
		"apart":              `{"values":[` + rec("T", "K") + `,` + other + `,` + rec("K", "M") + `]}`,
	} {
		t.Run(name, func(t *testing.T) {
			db := fixtureDB(t)
			sum, err := db.ImportKoladaData(asAdmin(), kolada.NewStream(strings.NewReader(doc)), store.ImportOptions{SkipInvalid: true})
			if err != nil || sum.Skipped != 1 || len(sum.SkippedRows) != 1 || !strings.Contains(sum.SkippedRows[0].Error(), "gender K") {
				t.Fatalf("ImportKoladaData = %+v, %v; want the second K skipped", sum, err)
			}
			vs := storedValues(t, db)
			if got := strings.Join(vs, "; "); !strings.Contains(got, `1280 2012 K 2 ""; 1280 2012 M 2 ""; 1280 2012 T 1 ""`) {
				t.Errorf("stored %s; want T and K of the first record and M of the second", got)
			}
		})
	}
}

// The summary lists the first skipped rows of the input, whichever way
// they were found.
func TestImportListsTheFirstSkippedRows(t *testing.T) {
	db := fixtureDB(t)
	var b strings.Builder
	b.WriteString(store.CSVHeader + "\n")
	// Line 3 repeats line 2, which the database finds after the import has
	// read the n lines after it, all refused as they are read.
	b.WriteString("U33401,1280,2012,T,1,\nU33401,1280,2012,T,2,\n")
	n := store.MaxListedSkips + 500
	for i := 0; i < n; i++ {
		b.WriteString("U33401,1280,2012,X,1,\n")
	}
	sum, err := importCSV(db, b.String(), true)
	if err != nil || sum.Skipped != n+1 || len(sum.SkippedRows) != store.MaxListedSkips {
		t.Fatalf("ImportCSV = %d skipped, %d listed, %v", sum.Skipped, len(sum.SkippedRows), err)
	}
	if first, last := sum.SkippedRows[0].Line, sum.SkippedRows[len(sum.SkippedRows)-1].Line; first != 3 || last != 2+store.MaxListedSkips {
		t.Errorf("listed lines %d to %d, want 3 to %d", first, last, 2+store.MaxListedSkips)
	}
}

// Real data replaces a synthetic record whole, so a record never mixes
// real and made-up values.
func TestImportReplacesSyntheticRecords(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	loadFixture(t, db)
	raw, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO kpi_records (kpi_id, municipality_id, period, value_t, status_t, value_k, status_k, synthetic)
		VALUES ('U33401', '1280', 2012, 100, 'Syntetisk', 90, 'Syntetisk', true)`); err != nil {
		t.Fatal(err)
	}
	checkStored(t, db, `1280 2012 K 90 "Syntetisk" synthetic`, `1280 2012 T 100 "Syntetisk" synthetic`)
	sum, err := importCSV(db, "kpi,municipality,period,gender,value\nU33401,1280,2012,T,100\n", false)
	if err != nil || sum.Updated != 1 || sum.Inserted != 0 {
		t.Fatalf("ImportCSV = %+v, %v; want the synthetic value updated", sum, err)
	}
	checkStored(t, db, `1280 2012 T 100 ""`)
}
