package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
)

// withReference imports a KPI and two municipalities.
func (e *env) withReference() {
	e.t.Helper()
	ctx := store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})
	kpis := `{"values":[{"id":"U33401","title":"Utredningstid","municipality_type":"K"}]}`
	munis := `{"values":[{"id":"1280","title":"Malmö","type":"K"},{"id":"0181","title":"Södertälje","type":"K"}]}`
	if _, err := e.db.ImportKPIs(ctx, kolada.NewStream(strings.NewReader(kpis)), store.ImportOptions{}); err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.db.ImportMunicipalities(ctx, kolada.NewStream(strings.NewReader(munis)), store.ImportOptions{}); err != nil {
		e.t.Fatal(err)
	}
}

// postImport sends body to POST /import and decodes the answer.
func (e *env) postImport(token, path, ctype string, body io.Reader) (int, map[string]any) {
	e.t.Helper()
	req := httptest.NewRequest("POST", path, body)
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		e.t.Fatalf("answer is not JSON: %v: %s", err, rec.Body)
	}
	return rec.Code, out
}

// errorCode is the first error's extensions.code and message.
func errorCode(out map[string]any) (string, string) {
	errs, _ := out["errors"].([]any)
	if len(errs) == 0 {
		return "", ""
	}
	first := errs[0].(map[string]any)
	code, _ := first["extensions"].(map[string]any)["code"].(string)
	msg, _ := first["message"].(string)
	return code, msg
}

const importCSV = "kpi,municipality,period,gender,value,status\nU33401,1280,2012,T,105,\nU33401,0181,2012,T,131,\n"

func TestImportEndpoint(t *testing.T) {
	e := newEnv(t)
	e.withReference()
	admin := e.admin()
	applicant, _ := e.signUp("anna@sodertalje.se", "Södertälje kommun")

	status, out := e.postImport(admin, "/import", "text/csv; charset=utf-8", strings.NewReader(importCSV))
	if status != 200 || out["read"] != 2.0 || out["written"] != 2.0 || out["skipped"] != 0.0 {
		t.Fatalf("CSV as admin = %d %v", status, out)
	}
	data := `{"values":[{"kpi":"U33401","municipality":"1280","period":2013,"values":[{"gender":"T","status":"","value":99}]},
		{"kpi":"U33401","municipality":"9999","period":2013,"values":[]}]}`
	status, out = e.postImport(admin, "/import?skipInvalid=true", "application/json", strings.NewReader(data))
	skipped, _ := out["skippedRows"].([]any)
	if status != 200 || out["written"] != 1.0 || len(skipped) != 1 || skipped[0].(map[string]any)["record"] != 1.0 {
		t.Errorf("Kolada JSON with skipInvalid = %d %v", status, out)
	}

	cases := []struct {
		name, token, ctype string
		body               io.Reader
		status             int
		code, message      string
	}{
		{"an applicant", applicant, "text/csv", strings.NewReader(importCSV), 403, "FORBIDDEN", "only admins"},
		{"anonymous", "", "text/csv", strings.NewReader(importCSV), 401, "UNAUTHENTICATED", "log in"},
		{"a bad token", "nonsense", "text/csv", strings.NewReader(importCSV), 401, "UNAUTHENTICATED", ""},
		{"another content type", admin, "application/vnd.ms-excel", strings.NewReader(importCSV), 415, "INVALID", "text/csv"},
		{"an invalid line", admin, "text/csv", strings.NewReader(importCSV + "U33401,1280,2014,X,1,\n"), 400, "INVALID",
			`line 4: gender: "X" is not T`},
		{"truncated JSON", admin, "application/json", strings.NewReader(`{"values":[{"kpi":"U334`), 400, "INVALID",
			"truncated JSON in values[0]"},
		{"over 32 MiB, announced", admin, "text/csv", strings.NewReader(strings.Repeat("x", graph.MaxImportBytes+1)), 413, "INVALID", "32 MiB"},
		{"over 32 MiB, streamed", admin, "text/csv", io.MultiReader(strings.NewReader(importCSV),
			strings.NewReader(strings.Repeat("U33401,1280,2015,T,1,\nU33401,1280,2016,T,1,\n", graph.MaxImportBytes/40))), 413, "INVALID", "32 MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, out := e.postImport(c.token, "/import", c.ctype, c.body)
			code, msg := errorCode(out)
			if status != c.status || code != c.code || !strings.Contains(msg, c.message) {
				t.Errorf("status %d, %s %q; want %d, %s %q", status, code, msg, c.status, c.code, c.message)
			}
		})
	}
	real, _, err := e.db.CountKPIValues(context.Background())
	if err != nil || real != 3 {
		t.Errorf("%d values stored, %v; want the 3 imported by the admin only", real, err)
	}
}

// TestImportKinds: ?kind= imports Kolada's catalogues through POST
// /import, each with its media type; an unknown kind or the wrong media
// type is refused and writes nothing.
func TestImportKinds(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	ok := []struct{ kind, ctype, body string }{
		{"kpis", "application/json", `{"values":[{"id":"N00945","title":"Invånare","municipality_type":"K"}]}`},
		{"municipalities", "application/json", `{"values":[{"id":"1280","title":"Malmö","type":"K"},{"id":"0180","title":"Stockholm","type":"K"}]}`},
		{"groups", "application/json", `{"values":[{"id":"G1","title":"Två städer","members":[{"member_id":"1280","member_title":"Malmö"},{"member_id":"0180","member_title":"Stockholm"}]}]}`},
		{"counties", "text/csv", "municipality_code,municipality_name,municipality_name_short,county_code,county_name\n1280,Malmö kommun,Malmö,12,Skåne län\n"},
		{"values", "text/csv", "kpi,municipality,period,gender,value\nN00945,1280,2020,T,1\n"},
	}
	for _, c := range ok {
		status, out := e.postImport(admin, "/import?kind="+c.kind, c.ctype, strings.NewReader(c.body))
		if status != 200 || out["written"] != 1.0 && out["written"] != 2.0 {
			t.Errorf("kind %s = %d %v", c.kind, status, out)
		}
	}
	bad := []struct {
		path, ctype string
		status      int
		message     string
	}{
		{"/import?kind=people", "application/json", 400, "kind must be one of values, kpis"},
		{"/import?kind=kpis", "text/csv", 415, "send kpis as Content-Type: application/json"},
		{"/import?kind=counties", "application/json", 415, "send counties as Content-Type: text/csv"},
	}
	for _, c := range bad {
		status, out := e.postImport(admin, c.path, c.ctype, strings.NewReader(`{"values":[{"id":"N99999","title":"x"}]}`))
		code, msg := errorCode(out)
		if status != c.status || code != "INVALID" || !strings.Contains(msg, c.message) {
			t.Errorf("POST %s as %s = %d %s %q; want %d INVALID %q", c.path, c.ctype, status, code, msg, c.status, c.message)
		}
	}
	if m, err := e.db.FindKPIsByIDs(context.Background(), []string{"N99999", "N00945"}); err != nil || m["N99999"] != nil || m["N00945"] == nil {
		t.Errorf("after the refused imports the KPIs are %v (%v); want N00945 only", m, err)
	}
}
