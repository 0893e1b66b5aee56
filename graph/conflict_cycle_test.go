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
