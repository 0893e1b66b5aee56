package graph_test

import (
	"encoding/csv"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestExports(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(1, 0).ok()
	j.assign(1, 1).ok()
	j.advance("SCORING")
	j.score(0, 1, 55)
	j.score(1, 1, 65)
	get := func(token, path string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		return rec
	}
	want := map[string]struct {
		header string
		rows   int
	}{
		"scores":     {"application_id,application,organisation,juror_id,juror,criterion,value", 6},
		"normalised": {"application_id,criterion_id,n,mean,median,sd,range,raw,z_score_view,severity_view,flagged", 3},
		"consensus":  {"application_id,application,criterion,value,rationale,participants", 0},
		"audit":      {"id,at,actor_id,action,entity,entity_id,old_value,new_value", 0},
	}
	for kind, w := range want {
		t.Run(kind, func(t *testing.T) {
			path := fmt.Sprintf("/exports/cycles/%s/%s.csv", j.cycle.id, kind)
			rec := get(j.admin, path)
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
				t.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body)
			}
			rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(strings.Join(rows[0], ","), w.header) {
				t.Errorf("header = %v, want %s…", rows[0], w.header)
			}
			if kind != "audit" && len(rows)-1 != w.rows {
				t.Errorf("%d rows, want %d", len(rows)-1, w.rows)
			}
			if kind == "audit" && len(rows) < 10 {
				t.Errorf("audit export has %d rows", len(rows))
			}
			if rec := get(j.tokens[0], path); rec.Code != 403 {
				t.Errorf("a juror gets %d, want 403", rec.Code)
			}
			if rec := get(j.applicant[0], path); rec.Code != 403 {
				t.Errorf("an applicant gets %d, want 403", rec.Code)
			}
		})
	}
	if rec := get(j.admin, "/exports/cycles/"+j.cycle.id+"/secrets.csv"); rec.Code != 404 {
		t.Errorf("unknown export = %d, want 404", rec.Code)
	}
	for _, kind := range []string{"scores", "normalised", "consensus", "audit"} {
		if rec := get(j.admin, "/exports/cycles/99999/"+kind+".csv"); rec.Code != 404 || !strings.Contains(rec.Body.String(), "NOT_FOUND") {
			t.Errorf("%s export of an unknown cycle = %d %q, want 404 NOT_FOUND", kind, rec.Code, rec.Body.String())
		}
	}
	if !strings.Contains(get(j.admin, fmt.Sprintf("/exports/cycles/%s/scores.csv", j.cycle.id)).Body.String(), "Kommun 1") {
		t.Error("scores export lacks the organisation name")
	}
}

func TestJuryFieldsAreBatched(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 4, 3, "")
	for app := 1; app < 4; app++ {
		j.assign(app, 0).ok()
	}
	j.advance("SCORING")
	for app := 1; app < 4; app++ {
		j.score(0, app, 50)
		e.gql(j.admin, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
			value: 50, rationale: "r", participants: $p}) { value } }`, map[string]any{"a": j.apps[app], "k": j.cycle.criteria[0], "p": j.jurors[:1]}).ok()
	}
	const q = `query($n: Int) { applications(first: $n) { nodes { title scores { value } consensus { value band } cycle { jury { name } assignments { jurorId } } } } }`
	counts := map[int]int64{}
	for _, n := range []int{2, 4} {
		e.gql(j.admin, q, map[string]any{"n": n}).ok()
		counts[n] = e.logs.lastStatements()
	}
	if counts[2] != counts[4] {
		t.Errorf("statements for 2 and 4 applications = %d and %d, want the same", counts[2], counts[4])
	}
}
