package graph_test

import "testing"

// TestAssignmentApplication: Assignment.application gives a juror the
// application of each assignment, and null once they have recused; an
// admin reads every one. (Juror 0 leads and reads every application, so
// the juror here is juror 1.)
func TestAssignmentApplication(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(0, 1).ok()
	j.assign(1, 1).ok()
	const q = `query($c: ID!) { cycle(id: $c) { assignments { applicationId application { id title } } } }`
	titles := func(token string) map[string]any {
		out := map[string]any{}
		for _, a := range e.gql(token, q, map[string]any{"c": j.cycle.id}).ok().get("cycle.assignments").([]any) {
			m := a.(map[string]any)
			out[m["applicationId"].(string)] = m["application"]
		}
		return out
	}
	got := titles(j.tokens[1])
	if len(got) != 2 || got[j.apps[0]] == nil || got[j.apps[1]] == nil {
		t.Fatalf("the juror's assignments' applications = %v, want both", got)
	}
	if a := got[j.apps[1]].(map[string]any); a["title"] != "Ansökan 1" {
		t.Errorf("application title = %v, want Ansökan 1", a["title"])
	}
	e.gql(j.tokens[1], `mutation($a: ID!) { recuse(applicationId: $a, reason: "Jäv") { recusedAt } }`,
		map[string]any{"a": j.apps[1]}).ok()
	got = titles(j.tokens[1])
	if got[j.apps[0]] == nil || got[j.apps[1]] != nil {
		t.Errorf("after recusing from application 1 the juror reads %v, want only application 0", got)
	}
	if got := titles(j.admin); got[j.apps[1]] == nil {
		t.Errorf("the admin reads %v, want the recused assignment's application too", got)
	}
	if got := titles(j.tokens[2]); len(got) != 0 {
		t.Errorf("an unassigned juror reads %v, want no assignments", got)
	}
}
