package graph_test

import (
	"fmt"
	"testing"
)

// TestCycleConflicts: Cycle.conflicts lists each juror × submitted
// application pair that conflicted() finds, with its kind and reason, to
// admins only; INFEASIBLE says in its extensions which application lacks
// jurors and why.
func TestCycleConflicts(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	// Juror 1 sits for Malmö (apps[0]'s municipality); juror 0 declares
	// a conflict with apps[1]'s organisation.
	e.gql(j.tokens[0], `mutation($o: ID!) { declareConflict(input: {organisationId: $o, reason: "Tidigare konsult"}) { id } }`,
		map[string]any{"o": j.orgs[1]}).ok()
	const q = `query($c: ID!) { cycle(id: $c) { conflicts { jurorId applicationId kind reason conflictId } } }`
	got := e.gql(j.admin, q, map[string]any{"c": j.cycle.id}).ok().get("cycle.conflicts").([]any)
	var rows []string
	for _, c := range got {
		m := c.(map[string]any)
		rows = append(rows, fmt.Sprintf("%v/%v %v %v %v", m["jurorId"], m["applicationId"], m["kind"], m["reason"], m["conflictId"] != nil))
	}
	want := []string{
		fmt.Sprintf("%s/%s DECLARED_ORGANISATION Tidigare konsult true", j.jurors[0], j.apps[1]),
		fmt.Sprintf("%s/%s OWN_MUNICIPALITY Malmö stad false", j.jurors[1], j.apps[0]),
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("conflicts = %v, want %v", rows, want)
	}
	e.gql(j.tokens[0], q, map[string]any{"c": j.cycle.id}).wantCode("FORBIDDEN")

	r := e.gql(j.admin, `mutation($c: ID!) { autoAssign(cycleId: $c, jurorsPerApplication: 2) { jurorId } }`,
		map[string]any{"c": j.cycle.id}).wantCode("INFEASIBLE")
	ext := r.Errors[0].Extensions
	if ext["rule"] != "too_few_candidates" || fmt.Sprint(ext["missing"]) != fmt.Sprint([]any{j.apps[0]}) {
		t.Errorf("INFEASIBLE extensions = %v, want rule too_few_candidates and missing [%s]", ext, j.apps[0])
	}
}

// TestConflictCandidates: Cycle.conflictCandidates lists the cycle's
// applicant organisations by name to admins, and to each juror of the
// cycle those they are not yet in conflict with (so a declaration can name
// an organisation the juror is not assigned, and a conflicted application
// stays unseen); applicants, anonymous callers and jurors of no jury of
// the cycle get none. Declaring takes the organisation off the juror's list.
func TestConflictCandidates(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 3, 2, "") // no assignments; juror 1 sits for Malmö, apps[0]'s municipality
	const q = `query($c: ID!) { cycle(id: $c) { conflictCandidates { organisationId name municipalityCode } } }`
	list := func(token string) string {
		t.Helper()
		r := e.gql(token, q, map[string]any{"c": j.cycle.id})
		if len(r.Errors) > 0 {
			return "error " + r.code()
		}
		c, _ := r.get("cycle").(map[string]any)
		var out []string
		if c != nil {
			for _, o := range c["conflictCandidates"].([]any) {
				m := o.(map[string]any)
				out = append(out, fmt.Sprintf("%v %v %v", m["organisationId"], m["name"], m["municipalityCode"]))
			}
		}
		return fmt.Sprint(out)
	}
	org := func(i int) string {
		return fmt.Sprintf("%s Kommun %d %s", j.orgs[i], i, map[int]string{0: juryCode, 1: "1001", 2: "1002"}[i])
	}
	outsider := e.juror(j.admin, "outsider@example.se")
	for _, c := range []struct{ who, token, want string }{
		{"admin", j.admin, fmt.Sprint([]string{org(0), org(1), org(2)})},
		{"juror 0", j.tokens[0], fmt.Sprint([]string{org(0), org(1), org(2)})},
		{"juror 1 (Malmö)", j.tokens[1], fmt.Sprint([]string{org(1), org(2)})},
		{"applicant", j.applicant[0], "[]"},
		{"anonymous", "", "[]"},
		{"juror on no jury of the cycle", outsider, "[]"},
	} {
		if got := list(c.token); got != c.want {
			t.Errorf("%s: conflictCandidates = %s, want %s", c.who, got, c.want)
		}
	}
	e.gql(j.tokens[0], `mutation($o: ID!) { declareConflict(input: {organisationId: $o, reason: "Styrelseledamot"}) { id } }`,
		map[string]any{"o": j.orgs[2]}).ok()
	if got, want := list(j.tokens[0]), fmt.Sprint([]string{org(0), org(1)}); got != want {
		t.Errorf("after declaring: conflictCandidates = %s, want %s", got, want)
	}
	if got, want := list(j.admin), fmt.Sprint([]string{org(0), org(1), org(2)}); got != want {
		t.Errorf("admin after the declaration: %s, want %s", got, want)
	}
}
