package web_test

import (
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/leanforum/awards/graph/web"
	"github.com/leanforum/awards/store"
)

// TestBrowserAdminBenchmarks: the admin loads the real Kolada files of
// ../shared/data/kolada (catalogue, municipalities, groups, values)
// through the upload page and is shown a bad CSV's line with nothing
// written. With JavaScript on; axe-core on every page.
func TestBrowserAdminBenchmarks(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "kolada")
	if _, err := os.Stat(filepath.Join(dir, "kpi.json")); err != nil {
		t.Skipf("no Kolada files: %v", err)
	}
	s := newSiteWith(t, web.Options{Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))})
	c := newChrome(t, s, true)
	c.staffLogin(store.DemoAdminEmail)
	c.visit("/admin/benchmarks", "admin-benchmarks")
	for _, f := range []struct{ kind, file, shot string }{
		{"kpis", "kpi.json", "admin-import-kpis"},
		{"municipalities", "municipality.json", ""},
		{"groups", "municipality_groups.json", ""},
		{"values", "data_samples.json", "admin-import-values"},
	} {
		abs, _ := filepath.Abs(filepath.Join(dir, f.file))
		c.choose("#f-kind", f.kind)
		c.run(chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{abs}))
		c.submit(`form[data-upload] button[type=submit]`, f.shot)
		c.wantText("Filen är inläst")
	}
	c.wantText("303")
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("kpi,municipality,period,gender,value\nN00945,1280,2024,T,30\nN00945,1280,2025,X,31\n"), 0o644)
	c.choose("#f-kind", "values")
	c.run(chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{bad}))
	c.submit(`form[data-upload] button[type=submit]`, "admin-import-error")
	c.wantText("Ingenting lästes in", "line 3")
}

// TestBrowserAdminReport: the admin sets a KPI's direction, builds a
// report on the demo's values, previews and publishes it; the public
// page shows it. axe-core on every page.
func TestBrowserAdminReport(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.staffLogin(store.DemoAdminEmail)
	c.visit("/admin/kpis?q=utredningstid", "admin-kpis")
	c.wantText("U33401")
	c.visit("/admin/kpis/N20900", "admin-kpi")
	c.choose("#f-direction", "HIGHER_IS_BETTER")
	c.submit(`main form button[type=submit]`, "")
	c.wantText("Nyckeltalets inställningar är sparade.")
	c.visit("/admin/benchmarks/new", "admin-report-new")
	c.fill(map[string]string{"#f-title": "Utredningstider i Malmö och Lomma", "#f-kpiIds": "U33401", "#f-years": "2021-2023", "#f-focus": "1280, 1262"})
	c.submit(`main form button[type=submit]`, "admin-report-preview")
	c.wantText("Förhandsgranskning", "Malmö", "Lomma")
	c.submit(`form[action$="/publish"] button[type=submit]`, "admin-report-published")
	c.wantText("Rapporten är publicerad som en ny version.", "Utredningstider i Malmö och Lomma")
}
