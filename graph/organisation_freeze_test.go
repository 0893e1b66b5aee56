package graph_test

import (
	"testing"
)

// TestOrganisationFrozenWhileSubmitted: an applicant could rename the
// organisation or move it to another municipality after submitting,
// which changed the live municipality conflicts and what the jury sees.
func TestOrganisationFrozenWhileSubmitted(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 1, 1, "") // one submitted application, in municipality 1280
	const update = `mutation($id: ID!, $v: Int!, $in: OrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $in) { name version municipalityCode } }`
	const org = `query($id: ID!) { organisation(id: $id) { name version municipalityCode } }`
	applicant, orgID := j.applicant[0], j.orgs[0]
	cur := e.gql(applicant, org, map[string]any{"id": orgID}).ok()
	v := cur.num("organisation.version")
	in := func(name, code string) map[string]any {
		return map[string]any{"name": name, "kind": "MUNICIPALITY", "sector": "PUBLIC", "municipalityCode": code}
	}
	t.Run("a member cannot move it to another municipality", func(t *testing.T) {
		r := e.gql(applicant, update, map[string]any{"id": orgID, "v": v, "in": in(cur.str("organisation.name"), "0180")})
		if r.code() != "WRONG_PHASE" {
			t.Errorf("errors = %v, want WRONG_PHASE", r.Errors)
		}
	})
	t.Run("a member cannot rename it", func(t *testing.T) {
		r := e.gql(applicant, update, map[string]any{"id": orgID, "v": v, "in": in("Annat namn", juryCode)})
		if r.code() != "WRONG_PHASE" {
			t.Errorf("errors = %v, want WRONG_PHASE", r.Errors)
		}
	})
	if got := e.gql(applicant, org, map[string]any{"id": orgID}).ok(); got.str("organisation.municipalityCode") != juryCode || got.num("organisation.version") != v {
		t.Errorf("after the refusals the organisation is %v", got.Data)
	}
	t.Run("an admin can correct it, and the cycle's audit log says so", func(t *testing.T) {
		if r := e.gql(j.admin, update, map[string]any{"id": orgID, "v": v, "in": in("Rättat namn", juryCode)}); len(r.Errors) != 0 {
			t.Fatalf("an admin's correction: %v", r.Errors)
		}
		log := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 50) { nodes { action entity } } } }`,
			map[string]any{"c": j.cycle.id})
		found := false
		for _, n := range log.get("cycle.auditLog.nodes").([]any) {
			found = found || n.(map[string]any)["action"] == "organisation.update"
		}
		if !found {
			t.Errorf("audit log = %v, want organisation.update", log.get("cycle.auditLog.nodes"))
		}
	})
}
