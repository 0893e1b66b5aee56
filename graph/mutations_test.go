package graph_test

import "testing"

func TestOrganisationUpdates(t *testing.T) {
	e := newEnv(t)
	token, org := e.signUp("anna@example.se", "Sodertalje")
	_, other := e.signUp("bert@example.se", "Vara kommun")
	const update = `mutation($id: ID!, $v: Int!, $in: OrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $in) { name version municipalityCode } }`
	in := map[string]any{"name": "Södertälje kommun", "kind": "MUNICIPALITY", "sector": "PUBLIC", "municipalityCode": "0181"}
	r := e.gql(token, update, map[string]any{"id": org, "v": 1, "in": in}).ok()
	if r.str("updateOrganisation.name") != "Södertälje kommun" || r.num("updateOrganisation.version") != 2 {
		t.Errorf("update = %v", r.Data)
	}
	e.gql(token, update, map[string]any{"id": org, "v": 1, "in": in}).wantCode("CONFLICT")
	e.gql(token, update, map[string]any{"id": other, "v": 1, "in": in}).wantCode("NOT_FOUND")
	in["municipalityCode"] = "18"
	e.gql(token, update, map[string]any{"id": org, "v": 2, "in": in}).wantCode("INVALID")
}

func TestAwardRefusals(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	applicant, _ := e.signUp("a@example.se", "A")
	const create = `mutation($n: String!) { createAward(name: $n) { id name } }`
	e.gql(applicant, create, map[string]any{"n": "Mitt pris"}).wantCode("FORBIDDEN")
	e.gql("", create, map[string]any{"n": "Mitt pris"}).wantCode("FORBIDDEN")
	e.gql(admin, create, map[string]any{"n": "Svenska Leanpriset"}).ok()
	e.gql(admin, create, map[string]any{"n": "Svenska Leanpriset"}).wantCode("CONFLICT")
	e.gql(admin, create, map[string]any{"n": ""}).wantCode("INVALID")
	e.gql(admin, createCycle, map[string]any{"in": cycleInput("424242", 2026, "")}).wantCode("NOT_FOUND")
	e.gql(admin, createCycle, map[string]any{"in": cycleInput("1", 2026, "")}).ok()
	e.gql(applicant, createCycle, map[string]any{"in": cycleInput("1", 2027, "")}).wantCode("FORBIDDEN")
	t.Run("logout without a token is a no-op", func(t *testing.T) {
		if r := e.gql("", `mutation { logout }`, nil).ok(); r.get("logout") != false {
			t.Errorf("logout = %v", r.get("logout"))
		}
	})
}

func TestCriterionEdits(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	award := e.gql(admin, `mutation { createAward(name: "Priset") { id } }`, nil).ok().str("createAward.id")
	r := e.gql(admin, createCycle, map[string]any{"in": cycleInput(award, 2026, "LEAN_PRIZE")}).ok()
	crits := r.get("createCycle.criteria").([]any)
	first := crits[0].(map[string]any)["id"]
	upd := e.gql(admin, `mutation($id: ID!, $in: CriterionInput!) { updateCriterion(id: $id, input: $in) { code title weight independent } }`,
		map[string]any{"id": first, "in": map[string]any{"code": "1", "title": "Hur organisationen arbetar med lean",
			"weight": 2, "scaleMin": 0, "scaleMax": 100, "scaleStep": 5, "independent": true}}).ok()
	if upd.str("updateCriterion.title") != "Hur organisationen arbetar med lean" || upd.get("updateCriterion.independent") != true {
		t.Errorf("update = %v", upd.Data)
	}
	e.gql(admin, `mutation($id: ID!) { deleteCriterion(id: $id) }`, map[string]any{"id": first}).ok()
	e.gql(admin, `mutation($id: ID!) { deleteCriterion(id: $id) }`, map[string]any{"id": first}).wantCode("NOT_FOUND")
	cycleID := r.str("createCycle.id")
	left := e.gql(admin, `query($id: ID!) { cycle(id: $id) { criteria { code } } }`, map[string]any{"id": cycleID}).ok()
	if n := len(left.get("cycle.criteria").([]any)); n != 2 {
		t.Errorf("criteria left = %d, want 2", n)
	}
}
