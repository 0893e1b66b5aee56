package graph_test

import (
	"fmt"
	"testing"
	"time"
)

// TestAuditLogFilters: Cycle.auditLog narrows by actor, action, entity
// and time, counts what it lists, names each actor, refuses a range that
// ends before it starts, and stays for admins only.
func TestAuditLogFilters(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	j.assign(0, 0).ok()
	e.gql(j.tokens[0], `mutation($o: ID!) { declareConflict(input: {organisationId: $o, reason: "Konsult"}) { id } }`,
		map[string]any{"o": j.orgs[1]}).ok()
	admin := e.gql(j.admin, `{ me { id } }`, nil).ok().str("me.id")
	const q = `query($c: ID!, $a: ID, $act: String, $ent: String, $from: DateTime, $to: DateTime) { cycle(id: $c) {
		auditLog(first: 100, actorId: $a, action: $act, entity: $ent, from: $from, to: $to) {
			totalCount nodes { action entity actorId actorName } } } }`
	list := func(vars map[string]any) (int, []string) {
		t.Helper()
		vars["c"] = j.cycle.id
		r := e.gql(j.admin, q, vars).ok()
		var out []string
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			m := n.(map[string]any)
			out = append(out, fmt.Sprintf("%v %v %v", m["action"], m["actorId"], m["actorName"]))
		}
		return int(r.num("cycle.auditLog.totalCount")), out
	}
	all, _ := list(map[string]any{})
	n, got := list(map[string]any{"act": "assignment.add"})
	if n != 1 || len(got) != 1 || got[0] != "assignment.add "+admin+" Admin" {
		t.Errorf("action assignment.add: %d, %v", n, got)
	}
	if n, got = list(map[string]any{"a": j.jurors[0]}); n != 1 || len(got) != 1 || got[0][:17] != "conflict.declare " {
		t.Errorf("actor juror 0: %d, %v", n, got)
	}
	if n, _ = list(map[string]any{"ent": "juror"}); n != 2 {
		t.Errorf("entity juror: %d entries, want the 2 juror.add", n)
	}
	future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	if n, _ = list(map[string]any{"from": future}); n != 0 {
		t.Errorf("from an hour ahead: %d entries, want 0", n)
	}
	if n, _ = list(map[string]any{"to": future}); n != all || all < 5 {
		t.Errorf("to an hour ahead: %d entries, want all %d", n, all)
	}
	e.gql(j.admin, q, map[string]any{"c": j.cycle.id, "from": future, "to": "2020-01-01T00:00:00Z"}).wantCode("INVALID")
	e.gql(j.tokens[0], q, map[string]any{"c": j.cycle.id}).wantCode("FORBIDDEN")
}

// TestAuditActors: Cycle.auditActors names everyone with entries in the
// cycle's log, by name, with as many entries as auditLog(actorId:) lists
// for them, leaves out those without, and is for admins only.
func TestAuditActors(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	j.assign(0, 0).ok()
	e.gql(j.tokens[0], `mutation($o: ID!) { declareConflict(input: {organisationId: $o, reason: "Konsult"}) { id } }`,
		map[string]any{"o": j.orgs[1]}).ok()
	e.openCycle(j.admin, 2027) // the admin's entries in another cycle's log
	const q = `query($c: ID!) { cycle(id: $c) { auditActors { id name entries } } }`
	r := e.gql(j.admin, q, map[string]any{"c": j.cycle.id}).ok()
	var got []string
	for _, a := range r.get("cycle.auditActors").([]any) {
		m := a.(map[string]any)
		n := e.gql(j.admin, `query($c: ID!, $a: ID) { cycle(id: $c) { auditLog(actorId: $a) { totalCount } } }`,
			map[string]any{"c": j.cycle.id, "a": m["id"]}).ok().num("cycle.auditLog.totalCount")
		if m["entries"] != float64(n) || n == 0 {
			t.Errorf("%v has %v entries, auditLog lists %v", m["name"], m["entries"], n)
		}
		got = append(got, fmt.Sprint(m["id"]))
	}
	me := func(tok string) string { return e.gql(tok, `{ me { id } }`, nil).ok().str("me.id") }
	// By name (Admin, Applicant, Applicant, Juror), then id; juror 1 did nothing.
	if want := []string{me(j.admin), me(j.applicant[0]), me(j.applicant[1]), j.jurors[0]}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("auditActors = %v, want the admin, the two applicants and juror 0: %v", got, want)
	}
	e.gql(j.tokens[0], q, map[string]any{"c": j.cycle.id}).wantCode("FORBIDDEN")
}
