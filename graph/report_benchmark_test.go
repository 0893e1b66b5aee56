package graph_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestBenchmarkAndProfilePDFs(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	admin := e.admin()
	id := e.gql(admin, createReport, map[string]any{"in": map[string]any{"title": "Jämförelse för Kommun 4 å",
		"kpiIds": []string{"U33401", "U21468"}, "years": []int{2020, 2021, 2022}, "groupId": "G1", "focus": []string{"0104"}}}).
		ok().str("createBenchmarkReport.id")
	preview := "/reports/benchmarks/" + id + "/preview.pdf"
	t.Run("previews are for admins", func(t *testing.T) {
		if rec := e.get(admin, preview); rec.Code != 200 {
			t.Errorf("admin preview = %d %s", rec.Code, rec.Body)
		}
		if rec := e.get("", preview); rec.Code != 403 {
			t.Errorf("anonymous preview = %d, want 403", rec.Code)
		}
	})
	e.gql(admin, `mutation($id: ID!) { publishBenchmarkReport(id: $id, version: 1) { version } }`, map[string]any{"id": id}).ok()
	path := "/reports/benchmarks/" + id + "/versions/1.pdf"
	a, b := e.get("", path), e.get("", path)
	if a.Code != 200 || !bytes.Equal(a.Body.Bytes(), b.Body.Bytes()) {
		t.Fatalf("published PDF = %d, same bytes %v", a.Code, bytes.Equal(a.Body.Bytes(), b.Body.Bytes()))
	}
	text := pdfText(t, a.Body.Bytes())
	for _, want := range []string{"Jämförelse för Kommun 4 å", "Utredningstid", "Nöjdhet", "Kommun 29 å", "Jämna kommuner", "Sida 1 av", "Riket", "30 av 30"} {
		if !strings.Contains(text, want) {
			t.Errorf("the benchmark report lacks %q", want)
		}
	}
	if en := pdfText(t, e.get("", path+"?lang=en").Body.Bytes()); !strings.Contains(en, "Sweden") || strings.Contains(en, "Riket") {
		t.Errorf("the English benchmark report names the country in Swedish:\n%s", en)
	}
	if rec := e.get("", "/reports/benchmarks/"+id+"/versions/9.pdf"); rec.Code != 404 {
		t.Errorf("an unpublished version = %d, want 404", rec.Code)
	}
	t.Run("a municipality profile", func(t *testing.T) {
		rec := e.get("", "/reports/municipalities/0104/profile.pdf?year=2022&kpis=U33401,U21468&similar=N00001,U21468&lang=en")
		if rec.Code != 200 {
			t.Fatalf("profile = %d %s", rec.Code, rec.Body)
		}
		txt := pdfText(t, rec.Body.Bytes())
		for _, want := range []string{"Kommun 4 å", "Jämna kommuner", "Utredningstid", "Page 1 of", "Other"} {
			if !strings.Contains(txt, want) {
				t.Errorf("the profile lacks %q", want)
			}
		}
		if strings.Contains(txt, "Övrigt") {
			t.Error("the English profile names an operating area in Swedish")
		}
		if rec := e.get("", "/reports/municipalities/0104/profile.pdf"); rec.Code != 400 {
			t.Errorf("a profile without a year = %d, want 400", rec.Code)
		}
		if rec := e.get("", "/reports/municipalities/9999/profile.pdf?year=2022"); rec.Code != 404 {
			t.Errorf("an unknown municipality = %d, want 404", rec.Code)
		}
	})
}
