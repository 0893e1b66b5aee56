package graph_test

import (
	"context"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

const createReport = `mutation($in: BenchmarkReportInput!) { createBenchmarkReport(input: $in) { id version } }`

func TestBenchmarkReports(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	admin := e.admin()
	in := map[string]any{"title": "Utredningstider 2021–2022", "kpiIds": []string{"U33401", "U21468"},
		"years": []int{2021, 2022}, "groupId": "G1", "focus": []string{"0100", "0104"}}
	r := e.gql(admin, createReport, map[string]any{"in": in}).ok()
	id, v := r.str("createBenchmarkReport.id"), r.num("createBenchmarkReport.version")

	t.Run("unpublished reports are the admin's", func(t *testing.T) {
		if r := e.gql("", `{ benchmarkReports { nodes { id } } }`, nil).ok(); len(r.get("benchmarkReports.nodes").([]any)) != 0 {
			t.Errorf("anonymous sees %v", r.get("benchmarkReports.nodes"))
		}
		applicant, _ := e.signUp("a@example.se", "A")
		e.gql(applicant, createReport, map[string]any{"in": in}).wantCode("FORBIDDEN")
		e.gql(applicant, `mutation($id: ID!) { previewBenchmarkReport(id: $id) { title } }`, map[string]any{"id": id}).wantCode("FORBIDDEN")
	})
	t.Run("bad definitions", func(t *testing.T) {
		bad := map[string]any{"title": "x", "kpiIds": []string{"U33401", "X12345"}, "years": []int{2022}}
		e.gql(admin, createReport, map[string]any{"in": bad}).wantCode("INVALID")
		bad = map[string]any{"title": "x", "kpiIds": []string{"U33401"}, "years": []int{22}}
		e.gql(admin, createReport, map[string]any{"in": bad}).wantCode("INVALID")
	})
	preview := e.gql(admin, `mutation($id: ID!) { previewBenchmarkReport(id: $id) { title sections { kpi { id } year rows { code value } } trends { code change } } }`,
		map[string]any{"id": id}).ok()
	if n := len(preview.get("previewBenchmarkReport.sections").([]any)); n != 4 {
		t.Fatalf("sections = %d, want 2 KPIs × 2 years", n)
	}
	const publish = `mutation($id: ID!, $v: Int!) { publishBenchmarkReport(id: $id, version: $v) { version dataDate pdf } }`
	p1 := e.gql(admin, publish, map[string]any{"id": id, "v": v}).ok()
	if p1.num("publishBenchmarkReport.version") != 1 {
		t.Fatalf("first publication = %v", p1.Data)
	}
	const read = `query($id: ID!) { benchmarkReport(id: $id) { title versions { version content { sections { year rows { code value } } } } } }`
	firstValue := func() any {
		r := e.gql("", read, map[string]any{"id": id}).ok()
		vs := r.get("benchmarkReport.versions").([]any)
		oldest := vs[len(vs)-1].(map[string]any)
		return oldest["content"].(map[string]any)["sections"].([]any)[0].(map[string]any)["rows"].([]any)[0].(map[string]any)["value"]
	}
	before := firstValue()
	oneVersion := e.logs.lastStatements()

	// A later import changes the values: the published version must not.
	db := e.rawSQL()
	if _, err := db.ExecContext(context.Background(), `UPDATE kpi_records SET value_t = value_t + 1000, updated_at = now() WHERE kpi_id = 'U33401'`); err != nil {
		t.Fatal(err)
	}
	if after := firstValue(); after != before {
		t.Errorf("the published version changed from %v to %v after an import", before, after)
	}
	if _, err := db.ExecContext(context.Background(), `UPDATE benchmark_report_versions SET title = 'forged'`); err == nil {
		t.Error("a published version could be updated")
	}
	p2 := e.gql(admin, publish, map[string]any{"id": id, "v": v}).ok()
	if p2.num("publishBenchmarkReport.version") != 2 {
		t.Errorf("second publication = %v, want version 2", p2.Data)
	}
	r = e.gql("", read, map[string]any{"id": id}).ok()
	if vs := r.get("benchmarkReport.versions").([]any); len(vs) != 2 || vs[0].(map[string]any)["version"] != 2.0 {
		t.Errorf("versions = %v, want 2 then 1", vs)
	}
	if two := e.logs.lastStatements(); two != oneVersion {
		t.Errorf("reading 2 versions' content took %d statements, 1 version %d; want the same", two, oneVersion)
	}
	t.Run("a stale definition version is refused", func(t *testing.T) {
		e.gql(admin, `mutation($id: ID!, $v: Int!, $in: BenchmarkReportInput!) { updateBenchmarkReport(id: $id, version: $v, input: $in) { version } }`,
			map[string]any{"id": id, "v": v, "in": in}).ok()
		e.gql(admin, publish, map[string]any{"id": id, "v": v}).wantCode("CONFLICT")
	})
}
