package graph_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

// TestHugeValuesGiveAnswers: values as large as the import accepts (±1e15),
// and values near the float limit that reached the table another way
// (a restored dump, direct SQL), give finite group means, a JSON answer
// and a profile PDF: never an empty 200 or a 500 (issue 11, defect 15).
func TestHugeValuesGiveAnswers(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	admin := e.admin()
	var csv strings.Builder
	csv.WriteString("kpi,municipality,period,gender,value,status\n")
	for n := range 30 {
		csv.WriteString(fmt.Sprintf("N21006,%04d,2022,T,%s,\n", 100+n, []string{"1e15", "999999999999999"}[n%2]))
	}
	if status, out := e.postImport(admin, "/import", "text/csv", strings.NewReader(csv.String())); status != 200 {
		t.Fatalf("import of values at the limit = %d %v", status, out)
	}
	checkProfile(t, e, "N21006", 1e15)
	db := e.rawSQL()
	if _, err := db.ExecContext(context.Background(),
		`UPDATE kpi_records SET value_t = 1.7e308 WHERE kpi_id = 'U21468' AND period = 2022`); err != nil {
		t.Fatal(err)
	}
	checkProfile(t, e, "U21468", 1.7e308)
}

// checkProfile asks for municipality 0104's profile of kpi in 2022, by
// GraphQL and as a PDF, and checks that the group mean is finite and near
// want.
func checkProfile(t *testing.T, e *env, kpi string, want float64) {
	t.Helper()
	q := `query($k: [String!]) { municipality(code: "0104") { profile(year: 2022, kpiIds: $k) { groupMean kpi { id } } } }`
	r := e.gql("", q, map[string]any{"k": []string{kpi}}).ok()
	items, _ := r.get("municipality.profile").([]any)
	if len(items) != 1 {
		t.Fatalf("profile of %s = %v, want one item", kpi, items)
	}
	got, _ := items[0].(map[string]any)["groupMean"].(float64)
	if math.IsInf(got, 0) || math.Abs(got-want) > 1e-6*want {
		t.Errorf("%s groupMean = %v, want about %v", kpi, got, want)
	}
	rec := e.get("", "/reports/municipalities/0104/profile.pdf?year=2022&kpis="+kpi)
	if rec.Code != 200 || !strings.HasPrefix(rec.Body.String(), "%PDF") {
		t.Fatalf("profile PDF with %s near %v = %d %.200s", kpi, want, rec.Code, rec.Body)
	}
	if text := pdfText(t, rec.Body.Bytes()); strings.Contains(text, "Inf") || strings.Contains(text, "NaN") {
		t.Errorf("profile PDF prints a non-finite number:\n%s", text)
	}
}
