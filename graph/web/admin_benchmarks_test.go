package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// postFile submits the upload form: fields, then the file named name.
func (b *browser) postFile(path string, fields url.Values, name, content string) *page {
	b.s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if fields.Get("csrf") == "" {
		fields.Set("csrf", b.csrf)
	}
	for _, k := range []string{"csrf", "kind", "skipInvalid"} {
		if v := fields.Get(k); v != "" {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.Close()
	req, _ := http.NewRequest("POST", b.s.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

// TestAdminBenchmarkPagesByRole: only the admin gets the upload form,
// the KPI settings and the report builder with its preview.
func TestAdminBenchmarkPagesByRole(t *testing.T) {
	s := newSite(t)
	checkAdminPages(t, s, []adminPage{
		{"/admin/benchmarks", []string{"Läs in en fil", `enctype="multipart/form-data"`, `href="/admin/benchmarks/1"`}, nil},
		{"/admin/kpis?q=utredningstid", []string{"U33401", `href="/admin/kpis/U33401"`}, nil},
		{"/admin/kpis/U33401", []string{`name="legalLimit" value="120"`, `<option value="LOWER_IS_BETTER" selected>`}, nil},
		{"/admin/benchmarks/new", []string{`action="/admin/benchmarks/new"`}, nil},
		{"/admin/benchmarks/1", []string{"Förhandsgranskning", "Publicera en ny version", "U33401"}, []string{"Rättvik"}},
	})
	b := s.browser()
	b.login(store.DemoAdminEmail, store.DemoPassword)
	for _, p := range []string{"/admin/kpis/u33401", "/admin/kpis/N99999", "/admin/benchmarks/999", "/admin/benchmarks/x"} {
		if got := b.get(p); got.Status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, got.Status)
		}
	}
}

// TestAdminUpload: a CSV of values is loaded with its counts; a bad line
// is named and nothing is written; skipping invalid rows lists them; a
// missing file, another role and a form without its CSRF token are
// refused.
func TestAdminUpload(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	admin.get("/admin/benchmarks")
	good := "kpi,municipality,period,gender,value\nU33401,1280,2012,T,105\nU33401,1280,2011,T,140\n"
	admin.postFile("/admin/benchmarks/import", url.Values{"kind": {"values"}}, "malmo.csv", good).wantStatus(http.StatusOK).
		has("Filen är inläst", "<dt>Lästa rader</dt><dd>2</dd>", "<dd>2 (2 nya, 0 ändrade)</dd>")
	bad := good + "U33401,1280,2013,X,1\n"
	p := admin.postFile("/admin/benchmarks/import", url.Values{"kind": {"values"}}, "bad.csv", strings.Replace(bad, "105", "99", 1))
	p.wantStatus(http.StatusUnprocessableEntity).has("Ingenting lästes in", "line 4: gender", `<option value="values" selected>`)
	if v := s.trendValue(t, "U33401", "1280", 2012); v != 105 {
		t.Errorf("after the refused file Malmö's 2012 value is %v, want 105 still", v)
	}
	p = admin.postFile("/admin/benchmarks/import", url.Values{"kind": {"values"}, "skipInvalid": {"on"}}, "bad.csv", bad)
	p.wantStatus(http.StatusOK).has("Överhoppade rader", `<th scope="row">4</th><td>gender</td>`, `id="f-skipInvalid" name="skipInvalid" checked`)
	admin.postFile("/admin/benchmarks/import", url.Values{"kind": {"values"}}, "values.txt", good).
		wantStatus(http.StatusUnprocessableEntity).has("Välj en .csv- eller .json-fil.")
	admin.postFile("/admin/benchmarks/import", url.Values{"kind": {"kpis"}}, "kpi.csv", good).
		wantStatus(http.StatusUnprocessableEntity).has("send kpis as Content-Type: application/json")
	admin.postFile("/admin/benchmarks/import", url.Values{"kind": {"values"}, "csrf": {"forged"}}, "malmo.csv", bad).
		wantStatus(http.StatusForbidden)
	for _, email := range []string{store.DemoMalmoEmail, store.DemoJurorEmail} {
		b := s.browser()
		b.login(email, store.DemoPassword)
		b.get("/")
		b.postFile("/admin/benchmarks/import", url.Values{"kind": {"values"}}, "malmo.csv", strings.Replace(good, "105", "1", 1)).
			wantStatus(http.StatusForbidden)
	}
	if v := s.trendValue(t, "U33401", "1280", 2012); v != 105 {
		t.Errorf("after the refused uploads Malmö's 2012 value is %v, want 105 still", v)
	}
}

// trendValue is a municipality's value of kpi in year through the API.
func (s *site) trendValue(t *testing.T, kpi, code string, year int) float64 {
	t.Helper()
	r := s.api.Execute(t.Context(), graphCaller(""), `query($k: String!, $m: String!) { trend(kpiId: $k, municipality: $m) { series { year value } } }`,
		map[string]any{"k": kpi, "m": code})
	var out struct {
		Trend struct {
			Series []struct {
				Year  int
				Value float64
			}
		}
	}
	if err := r.Decode(&out); err != nil || len(r.Errors) > 0 {
		t.Fatalf("trend: %v %v", r.Errors, err)
	}
	for _, p := range out.Trend.Series {
		if p.Year == year {
			return p.Value
		}
	}
	return 0
}

// TestAdminKPISettings: the admin sets a KPI's direction and legal
// limit; a limit that is not a number comes back at its field.
func TestAdminKPISettings(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	admin.get("/admin/kpis/N20900")
	p := admin.post("/admin/kpis/N20900", url.Values{"unit": {"kr/inv"}, "direction": {"HIGHER_IS_BETTER"}, "legalLimit": {"1 234,5"}})
	if p.Status != http.StatusSeeOther || p.location() != "/admin/kpis/N20900" {
		t.Fatalf("save = %d to %q\n%s", p.Status, p.location(), p.Body)
	}
	admin.get("/admin/kpis/N20900").has("Nyckeltalets inställningar är sparade.", `value="1234,5"`, `<option value="HIGHER_IS_BETTER" selected>`)
	admin.post("/admin/kpis/N20900", url.Values{"direction": {"LOWER_IS_BETTER"}, "legalLimit": {"tolv"}}).
		wantStatus(http.StatusUnprocessableEntity).has(`id="f-legalLimit-error"`, "Ange ett tal", `value="tolv"`, `<option value="LOWER_IS_BETTER" selected>`)
	juror := s.browser()
	juror.login(store.DemoJurorEmail, store.DemoPassword)
	juror.get("/")
	juror.post("/admin/kpis/N20900", url.Values{"direction": {"NEUTRAL"}}).wantStatus(http.StatusForbidden)
	admin.get("/admin/kpis/N20900").has(`<option value="HIGHER_IS_BETTER" selected>`)
}

// TestAdminReportBuilder: the admin defines a report, sees its preview,
// publishes it once however often the button is pressed, and a stale
// definition is refused with what to do.
func TestAdminReportBuilder(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	admin.get("/admin/benchmarks/new")
	def := url.Values{"title": {"Utredningstider i Skåne"}, "kpiIds": {"u33401"}, "years": {"2021–2022"}, "focus": {"1280, 1262"}}
	bad := cloneValues(def)
	bad.Set("years", "förra året")
	admin.post("/admin/benchmarks/new", bad).wantStatus(http.StatusUnprocessableEntity).
		has(`id="f-years-error"`, `value="Utredningstider i Skåne"`)
	unknown := cloneValues(def)
	unknown.Set("kpiIds", "U33401, X12345")
	admin.post("/admin/benchmarks/new", unknown).wantStatus(http.StatusUnprocessableEntity).has("X12345", `id="f-kpiIds-error"`)
	p := admin.post("/admin/benchmarks/new", def)
	if p.Status != http.StatusSeeOther || !regexp.MustCompile(`^/admin/benchmarks/\d+$`).MatchString(p.location()) {
		t.Fatalf("create = %d to %q\n%s", p.Status, p.location(), p.Body)
	}
	builder := p.location()
	page := admin.get(builder).has("Rapporten är sparad.", "Förhandsgranskning", "Lomma", "Malmö", `value="U33401"`, `value="2021, 2022"`)
	version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page.Body)[1]
	first := admin.post(builder+"/publish", url.Values{"version": {version}})
	if first.Status != http.StatusSeeOther || !strings.HasSuffix(first.location(), "/versions/1") {
		t.Fatalf("publish = %d to %q\n%s", first.Status, first.location(), first.Body)
	}
	again := admin.post(builder+"/publish", url.Values{"version": {version}})
	if again.location() != first.location() {
		t.Errorf("a second press went to %q, want the same version %q", again.location(), first.location())
	}
	admin.get(first.location()).wantStatus(http.StatusOK).has("Utredningstider i Skåne", "Rapporten är publicerad som en ny version.")
	// Saved in another tab in between: the first tab's publish is refused.
	admin.get(builder)
	changed := cloneValues(def)
	changed.Set("version", version)
	changed.Set("years", "2020-2022")
	admin.post(builder, changed).wantStatus(http.StatusSeeOther)
	admin.get(builder)
	admin.post(builder+"/publish", url.Values{"version": {version}}).wantStatus(http.StatusConflict).
		has("Definitionen har ändrats sedan du förhandsgranskade den.", `value="2020, 2021, 2022"`)
	admin.postRaw(builder+"/publish", url.Values{"version": {version}}).wantStatus(http.StatusForbidden)
}
