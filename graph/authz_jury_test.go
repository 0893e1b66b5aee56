package graph_test

import (
	"net/http/httptest"
	"testing"
)

// TestJuryAuthorisationMatrix runs testdata/authz_jury.csv, and the
// exports and reports for the same roles, through the real handler.
func TestJuryAuthorisationMatrix(t *testing.T) {
	roles, rows := readMatrix(t, "testdata/authz_jury.csv")
	f := newJuryAuthz(t)
	cells := 0
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			for i, role := range roles {
				cells++
				doc := placeholder.ReplaceAllStringFunc(row.document, func(p string) string {
					v, ok := f.ids[p[1:len(p)-1]]
					if !ok {
						t.Fatalf("unknown placeholder %s", p)
					}
					return v
				})
				r := f.e.gql(f.tokens[role], doc, nil)
				if got, why := judge(r, row.probe); got != row.want[i] {
					t.Errorf("%s as %s: %s, want %s (%s)\n%s", row.name, role, got, row.want[i], why, doc)
				}
			}
		})
	}
	endpoints := []struct {
		path   string
		status map[string]int // by role; 403 when absent
	}{
		{"/exports/cycles/<cycle>/scores.csv", map[string]int{"anonymous": 403, "admin": 200}},
		{"/exports/cycles/<cycle>/audit.csv", map[string]int{"admin": 200}},
		{"/reports/cycles/<cycle>/ranking.pdf", map[string]int{"assigned": 200, "conflicted": 200, "unassigned": 200, "lead": 200, "admin": 200}},
		{"/reports/applications/<app>/feedback.pdf", map[string]int{"anonymous": 404, "other": 404, "conflicted": 404,
			"unassigned": 404, "lead": 200, "admin": 200}},
	}
	for _, ep := range endpoints {
		path := placeholder.ReplaceAllStringFunc(ep.path, func(p string) string { return f.ids[p[1:len(p)-1]] })
		for _, role := range roles {
			cells++
			want, ok := ep.status[role]
			if !ok {
				want = 403
			}
			req := httptest.NewRequest("GET", path, nil)
			if tok := f.tokens[role]; tok != "" {
				req.Header.Set("Authorization", "Bearer "+tok)
			}
			rec := httptest.NewRecorder()
			f.e.h.ServeHTTP(rec, req)
			if rec.Code != want {
				t.Errorf("GET %s as %s = %d, want %d: %.200s", ep.path, role, rec.Code, want, rec.Body)
			}
		}
	}
	if cells < 150 {
		t.Errorf("the jury matrix has %d cells, want at least 150", cells)
	}
}

// juryAuthz is the jury matrix's world.
type juryAuthz struct {
	e      *env
	tokens map[string]string
	ids    map[string]string
}

func newJuryAuthz(t *testing.T) *juryAuthz {
	e := newEnv(t)
	j := newJury(t, e, 2, 4, "") // jurors: 0 lead, 1 and 2 plain, 3 affiliated with apps[0]'s municipality
	closedApp := closedApplication(t, e, j)
	j.assign(0, 1).ok()
	j.assign(1, 1).ok()
	j.advance("SCORING")
	j.score(1, 0, 60)
	j.score(1, 1, 40)
	j.advance("CONSENSUS")
	e.gql(j.admin, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
		value: 60, rationale: "Enades", participants: $p}) { value } }`,
		map[string]any{"a": j.apps[0], "k": j.cycle.criteria[0], "p": j.jurors[1:2]}).ok()
	f := &juryAuthz{e: e,
		tokens: map[string]string{"anonymous": "", "owner": j.applicant[0], "other": j.applicant[1], "lead": j.tokens[0],
			"assigned": j.tokens[1], "unassigned": j.tokens[2], "conflicted": j.tokens[3], "admin": j.admin},
		ids: map[string]string{"cycle": j.cycle.id, "app": j.apps[0], "otherApp": j.apps[1], "criterion": j.cycle.criteria[0],
			"assignedUser": j.jurors[1], "unassignedUser": j.jurors[2], "closedApp": closedApp}}
	return f
}

// closedApplication is a submitted, eligible application of another,
// CLOSED cycle whose jury has j's juror 2.
func closedApplication(t *testing.T, e *env, j *jury) string {
	t.Helper()
	c := e.openCycle(j.admin, 2030)
	tok, org := e.signUpIn("closed@example.se", "Kommun i annan cykel", "0998")
	r := e.gql(tok, createApp, map[string]any{"c": c.id, "o": org, "t": "Annan"}).ok()
	id := r.str("createApplication.id")
	v := e.gql(tok, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
		"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")
	v = e.gql(tok, submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")
	e.gql(j.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: true) { id } }`,
		map[string]any{"id": id, "v": v}).ok()
	e.advance(j.admin, c.id, c.version, "CLOSED")
	e.gql(j.admin, `mutation($c: ID!, $u: ID!) { addJuror(cycleId: $c, input: {userId: $u}) { userId } }`,
		map[string]any{"c": c.id, "u": j.jurors[2]}).ok()
	return id
}
