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

// TestUserJuriesAndAssignments: me.juries lists the cycles whose jury I
// sit on; me.assignments my assignments in every cycle with how many
// criteria I have scored; an admin reads them for any user.
func TestUserJuriesAndAssignments(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(0, 1).ok()
	j.assign(1, 1).ok()
	j.advance("SCORING")
	e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[0], "k": j.cycle.criteria[0], "v": 50, "s": "Bra"}).ok()
	const q = `{ me { juries { id } assignments { applicationId cycleId scored } } }`
	r := e.gql(j.tokens[1], q, nil).ok()
	juries := r.get("me.juries").([]any)
	if len(juries) != 1 || juries[0].(map[string]any)["id"] != j.cycle.id {
		t.Errorf("me.juries = %v, want the one cycle %s", juries, j.cycle.id)
	}
	scored := map[string]float64{}
	for _, a := range r.get("me.assignments").([]any) {
		m := a.(map[string]any)
		if m["cycleId"] != j.cycle.id {
			t.Errorf("assignment %v: cycleId = %v, want %s", m["applicationId"], m["cycleId"], j.cycle.id)
		}
		scored[m["applicationId"].(string)] = m["scored"].(float64)
	}
	if len(scored) != 2 || scored[j.apps[0]] != 1 || scored[j.apps[1]] != 0 {
		t.Errorf("scored by assignment = %v, want 1 for application 0 and 0 for application 1", scored)
	}
	if r := e.gql(j.tokens[2], q, nil).ok(); len(r.get("me.assignments").([]any)) != 0 || len(r.get("me.juries").([]any)) != 1 {
		t.Errorf("an unassigned juror: %v, want one jury and no assignments", r.Data)
	}
	r = e.gql(j.admin, `query($u: ID!) { user(id: $u) { juries { id } assignments { applicationId scored } } }`,
		map[string]any{"u": j.jurors[1]}).ok()
	if n := len(r.get("user.assignments").([]any)); n != 2 {
		t.Errorf("the admin reads %d of the juror's assignments, want 2", n)
	}
	applicant := j.applicant[0]
	if r := e.gql(applicant, `{ me { juries { id } assignments { applicationId } } }`, nil).ok(); len(r.get("me.juries").([]any)) != 0 {
		t.Errorf("an applicant's juries = %v, want none", r.get("me.juries"))
	}
}

// TestConflictOrganisationName: a juror reads the name of the
// organisation of their own conflict, even once they can no longer read
// its application.
func TestConflictOrganisationName(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(1, 1).ok()
	e.gql(j.tokens[1], `mutation($o: ID!) { declareConflict(input: {organisationId: $o, reason: "Anställd"}) { id } }`,
		map[string]any{"o": j.orgs[1]}).ok()
	e.gql(j.tokens[1], `mutation { declareConflict(input: {municipalityCode: "2480", reason: "Bor där"}) { id } }`, nil).ok()
	got := e.gql(j.tokens[1], `{ conflicts { organisationName municipalityCode } }`, nil).ok().get("conflicts").([]any)
	if len(got) != 2 || got[0].(map[string]any)["organisationName"] != "Kommun 1" || got[1].(map[string]any)["organisationName"] != nil {
		t.Errorf("conflicts = %v, want Kommun 1's name, then none for the municipality", got)
	}
}
