package graph_test

import (
	"strings"
	"testing"
	"time"
)

const reopenApp = `mutation($id: ID!, $v: Int!) { reopenApplication(id: $id, version: $v) {
	status version withdrawnAt withdrawalReason submittedAt eligibility decision } }`

// TestReopenWithdrawnApplication: a withdrawn application ends the
// organisation's part in the cycle unless its members reopen it as a
// draft while the cycle is OPEN; it must then be submitted again.
func TestReopenWithdrawnApplication(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	token, org := e.signUp("a@example.se", "A")
	otherToken, _ := e.signUp("b@example.se", "B")
	r := e.gql(token, createApp, map[string]any{"c": c.id, "o": org, "t": "Huset för fler i arbete"}).ok()
	id := r.str("createApplication.id")
	v := e.gql(token, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
		"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")
	v = e.gql(token, submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")
	v = e.gql(admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: true) { version } }`,
		map[string]any{"id": id, "v": v}).ok().num("screenApplication.version")
	t.Run("only a withdrawn application is reopened", func(t *testing.T) {
		e.gql(token, reopenApp, map[string]any{"id": id, "v": v}).wantCode("WRONG_PHASE")
	})
	v = e.gql(token, `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v, reason: "Omorganisation") { version } }`,
		map[string]any{"id": id, "v": v}).ok().num("withdrawApplication.version")

	t.Run("the organisation cannot apply again, and is told to reopen", func(t *testing.T) {
		r := e.gql(token, createApp, map[string]any{"c": c.id, "o": org, "t": "Ny ansökan"}).wantCode("CONFLICT")
		if !strings.Contains(r.Errors[0].Message, "reopenApplication") || !strings.Contains(r.Errors[0].Message, id) {
			t.Errorf("message %q does not point at reopening application %s", r.Errors[0].Message, id)
		}
	})
	t.Run("another organisation's member cannot reopen it", func(t *testing.T) {
		e.gql(otherToken, reopenApp, map[string]any{"id": id, "v": v}).wantCode("NOT_FOUND")
	})
	t.Run("a stale version is a conflict", func(t *testing.T) {
		e.gql(token, reopenApp, map[string]any{"id": id, "v": v - 1}).wantCode("CONFLICT")
	})
	r = e.gql(token, reopenApp, map[string]any{"id": id, "v": v}).ok()
	t.Run("reopened, it is a draft to screen afresh", func(t *testing.T) {
		got := r.get("reopenApplication").(map[string]any)
		if got["status"] != "DRAFT" || got["withdrawnAt"] != nil || got["withdrawalReason"] != "" ||
			got["submittedAt"] != nil || got["eligibility"] != "PENDING" || got["decision"] != nil {
			t.Errorf("reopened application = %v", got)
		}
	})
	v = r.num("reopenApplication.version")
	v = e.gql(token, submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")
	t.Run("the reopening is audited with the state before and after", func(t *testing.T) {
		r := e.gql(admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 100) { nodes { action entityId oldValue newValue } } } }`,
			map[string]any{"c": c.id}).ok()
		var found bool
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			n := n.(map[string]any)
			if n["action"] != "application.reopen" {
				continue
			}
			found = n["entityId"] == id && strings.Contains(n["oldValue"].(string), `"status": "WITHDRAWN"`) &&
				strings.Contains(n["oldValue"].(string), "Omorganisation") && strings.Contains(n["newValue"].(string), `"status": "DRAFT"`)
			if !found {
				t.Errorf("application.reopen = %v", n)
			}
		}
		if !found {
			t.Error("the audit log has no application.reopen")
		}
	})
	v = e.gql(token, `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v) { version } }`,
		map[string]any{"id": id, "v": v}).ok().num("withdrawApplication.version")
	c.version = e.advance(admin, c.id, c.version, "CLOSED")
	t.Run("once the cycle has closed, a withdrawal is final", func(t *testing.T) {
		e.gql(token, reopenApp, map[string]any{"id": id, "v": v}).wantCode("WRONG_PHASE")
		e.gql(admin, reopenApp, map[string]any{"id": id, "v": v}).wantCode("WRONG_PHASE")
	})
	const reopenPhase = `mutation($id: ID!, $v: Int!, $to: Phase!) { reopenPhase(id: $id, version: $v, to: $to, reason: "Förlängt") { version } }`
	t.Run("a cycle with applications does not go back to DRAFT", func(t *testing.T) {
		e.gql(admin, reopenPhase, map[string]any{"id": c.id, "v": c.version, "to": "DRAFT"}).wantCode("WRONG_PHASE")
	})
	now := time.Now().UTC()
	c.version = e.gql(admin, `mutation($id: ID!, $v: Int!, $in: CycleSettingsInput!) { updateCycle(id: $id, version: $v, input: $in) { version } }`,
		map[string]any{"id": c.id, "v": c.version, "in": map[string]any{"title": "Leanpriset",
			"opensAt": now.Add(-48 * time.Hour).Format(time.RFC3339), "closesAt": now.Add(-time.Minute).Format(time.RFC3339),
			"scoringClosesAt": now.Add(time.Hour).Format(time.RFC3339)}}).ok().num("updateCycle.version")
	t.Run("a cycle goes back to OPEN only before closesAt", func(t *testing.T) {
		e.gql(admin, reopenPhase, map[string]any{"id": c.id, "v": c.version, "to": "OPEN"}).wantCode("DEADLINE_PASSED")
	})
}
