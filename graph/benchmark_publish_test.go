package graph_test

import (
	"sync"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

// TestPublishingNothingNewMakesNoVersion: a publication of what the
// latest version already holds (a double click, a retry) returns that
// version; two at once make one.
func TestPublishingNothingNewMakesNoVersion(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	admin := e.admin()
	in := map[string]any{"title": "Utredningstider", "kpiIds": []string{"U33401"}, "years": []int{2021, 2022}, "focus": []string{"0100"}}
	r := e.gql(admin, createReport, map[string]any{"in": in}).ok()
	id, v := r.str("createBenchmarkReport.id"), r.num("createBenchmarkReport.version")
	const publish = `mutation($id: ID!, $v: Int!) { publishBenchmarkReport(id: $id, version: $v) { version } }`
	var wg sync.WaitGroup
	got := make([]any, 2)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if m, ok := e.gql(admin, publish, map[string]any{"id": id, "v": v}).Data["publishBenchmarkReport"].(map[string]any); ok {
				got[i] = m["version"]
			}
		}()
	}
	wg.Wait()
	if got[0] != 1.0 || got[1] != 1.0 {
		t.Errorf("two publications at once gave versions %v, want 1 and 1", got)
	}
	if again := e.gql(admin, publish, map[string]any{"id": id, "v": v}).ok(); again.num("publishBenchmarkReport.version") != 1 {
		t.Errorf("publishing again = %v, want version 1", again.Data)
	}
	read := e.gql("", `query($id: ID!) { benchmarkReport(id: $id) { versions { version } } }`, map[string]any{"id": id}).ok()
	if vs := read.get("benchmarkReport.versions").([]any); len(vs) != 1 {
		t.Errorf("versions = %v, want one", vs)
	}
}
