package graph_test

import (
	"strings"
	"testing"
	"time"
)

const createApp = `mutation($c: ID!, $o: ID!, $t: String!) {
	createApplication(input: {cycleId: $c, organisationId: $o, title: $t}) { id version status } }`

const updateApp = `mutation($id: ID!, $v: Int!, $in: UpdateApplicationInput!) {
	updateApplication(id: $id, version: $v, input: $in) {
		version title answers { criterionId text }
		indicators { name unit direction baselineValue baselineDate currentValue currentDate legalLimit kpiId municipalityCode }
	} }`

const submitApp = `mutation($id: ID!, $v: Int!) { submitApplication(id: $id, version: $v) { status version submittedAt } }`

// malmoIndicator is the result Malmö's winning application claimed.
func malmoIndicator() map[string]any {
	return map[string]any{"name": "Utredningstid barn och unga", "unit": "dagar", "direction": "LOWER_IS_BETTER",
		"baselineValue": 140, "baselineDate": "2010-01-01", "currentValue": 105, "currentDate": "2012-06-01",
		"legalLimit": 120, "kpiId": "U33401", "municipalityCode": "1280"}
}

func answers(c cycle, text string) []map[string]any {
	var out []map[string]any
	for _, k := range c.criteria {
		out = append(out, map[string]any{"criterionId": k, "text": text})
	}
	return out
}

func TestApplicationLifecycle(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	token, org := e.signUp("anna@sodertalje.se", "Södertälje kommun")

	r := e.gql(token, createApp, map[string]any{"c": c.id, "o": org, "t": "Huset för fler i arbete"}).ok()
	id, v := r.str("createApplication.id"), r.num("createApplication.version")
	if r.str("createApplication.status") != "DRAFT" {
		t.Fatalf("status = %v", r.get("createApplication.status"))
	}
	t.Run("one application per organisation and cycle", func(t *testing.T) {
		e.gql(token, createApp, map[string]any{"c": c.id, "o": org, "t": "Again"}).wantCode("CONFLICT")
	})

	first := answers(c, "Vi arbetar med lean")[:1]
	r = e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{
		"answers": first, "indicators": []any{malmoIndicator()}}}).ok()
	v = r.num("updateApplication.version")
	ind := r.get("updateApplication.indicators").([]any)[0].(map[string]any)
	if ind["baselineValue"] != 140.0 || ind["currentDate"] != "2012-06-01" || ind["kpiId"] != "U33401" || ind["legalLimit"] != 120.0 {
		t.Errorf("indicator = %v", ind)
	}

	t.Run("submitting without every answer is incomplete", func(t *testing.T) {
		r := e.gql(token, submitApp, map[string]any{"id": id, "v": v}).wantCode("INCOMPLETE")
		if !strings.Contains(r.Errors[0].Message, "2, 3") {
			t.Errorf("message %q does not name criteria 2 and 3", r.Errors[0].Message)
		}
	})
	t.Run("a stale version is a conflict and changes nothing", func(t *testing.T) {
		e.gql(token, updateApp, map[string]any{"id": id, "v": v - 1, "in": map[string]any{"title": "Lost"}}).wantCode("CONFLICT")
		got := e.gql(token, `query($id: ID!) { application(id: $id) { title version } }`, map[string]any{"id": id}).ok()
		if got.str("application.title") != "Huset för fler i arbete" || got.num("application.version") != v {
			t.Errorf("application = %v", got.Data)
		}
	})
	t.Run("an answer that is too long is invalid", func(t *testing.T) {
		long := []map[string]any{{"criterionId": c.criteria[0], "text": strings.Repeat("å", 20001)}}
		r := e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{"answers": long}}).wantCode("INVALID")
		if r.Errors[0].Extensions["field"] != "answers.text" {
			t.Errorf("field = %v", r.Errors[0].Extensions["field"])
		}
	})
	t.Run("an answer to another cycle's criterion is invalid", func(t *testing.T) {
		other := e.openCycle(admin, 2027)
		bad := []map[string]any{{"criterionId": other.criteria[0], "text": "x"}}
		e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{"answers": bad}}).wantCode("INVALID")
	})

	v = e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{"answers": answers(c, "Svar")}}).
		ok().num("updateApplication.version")
	r = e.gql(token, submitApp, map[string]any{"id": id, "v": v}).ok()
	v = r.num("submitApplication.version")
	if r.str("submitApplication.status") != "SUBMITTED" || r.get("submitApplication.submittedAt") == nil {
		t.Fatalf("submit = %v", r.Data)
	}
	t.Run("a submitted application cannot be edited", func(t *testing.T) {
		e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{"title": "X"}}).wantCode("WRONG_PHASE")
	})

	const screen = `mutation($id: ID!, $v: Int!, $ok: Boolean!, $r: String) {
		screenApplication(id: $id, version: $v, eligible: $ok, reason: $r) { eligibility eligibilityReason version } }`
	t.Run("only admins screen", func(t *testing.T) {
		e.gql(token, screen, map[string]any{"id": id, "v": v, "ok": true}).wantCode("FORBIDDEN")
	})
	t.Run("not eligible needs a reason", func(t *testing.T) {
		e.gql(admin, screen, map[string]any{"id": id, "v": v, "ok": false}).wantCode("INVALID")
	})
	r = e.gql(admin, screen, map[string]any{"id": id, "v": v, "ok": true}).ok()
	v = r.num("screenApplication.version")
	if r.str("screenApplication.eligibility") != "ELIGIBLE" {
		t.Errorf("eligibility = %v", r.get("screenApplication.eligibility"))
	}

	const withdraw = `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v, reason: "Omorganisation") { status withdrawalReason } }`
	r = e.gql(token, withdraw, map[string]any{"id": id, "v": v}).ok()
	if r.str("withdrawApplication.status") != "WITHDRAWN" {
		t.Errorf("withdraw = %v", r.Data)
	}
	e.gql(token, withdraw, map[string]any{"id": id, "v": v + 1}).wantCode("WRONG_PHASE")
}

func TestApplicationDeadline(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	token, org := e.signUp("a@example.se", "A")
	r := e.gql(token, createApp, map[string]any{"c": c.id, "o": org, "t": "T"}).ok()
	id := r.str("createApplication.id")
	v := e.gql(token, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
		"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")

	// The secretariat moves the closing time into the past.
	now := time.Now().UTC()
	e.gql(admin, `mutation($id: ID!, $v: Int!, $in: CycleSettingsInput!) { updateCycle(id: $id, version: $v, input: $in) { id } }`,
		map[string]any{"id": c.id, "v": c.version, "in": map[string]any{"title": "Leanpriset",
			"opensAt": now.Add(-48 * time.Hour).Format(time.RFC3339), "closesAt": now.Add(-time.Minute).Format(time.RFC3339),
			"scoringClosesAt": now.Add(time.Hour).Format(time.RFC3339)}}).ok()

	e.gql(token, submitApp, map[string]any{"id": id, "v": v}).wantCode("DEADLINE_PASSED")
	e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{"title": "Late"}}).wantCode("DEADLINE_PASSED")
	other, org2 := e.signUp("b@example.se", "B")
	e.gql(other, createApp, map[string]any{"c": c.id, "o": org2, "t": "Late"}).wantCode("DEADLINE_PASSED")
}

func TestApplicationNeedsOpenCycleAndMembership(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	token, _ := e.signUp("a@example.se", "A")
	_, otherOrg := e.signUp("b@example.se", "B")
	e.gql(token, createApp, map[string]any{"c": c.id, "o": otherOrg, "t": "T"}).wantCode("FORBIDDEN")
	e.gql("", createApp, map[string]any{"c": c.id, "o": otherOrg, "t": "T"}).wantCode("UNAUTHENTICATED")
	e.gql(token, createApp, map[string]any{"c": "999999", "o": otherOrg, "t": "T"}).wantCode("FORBIDDEN")
	e.gql(admin, createApp, map[string]any{"c": "999999", "o": otherOrg, "t": "T"}).wantCode("NOT_FOUND")
	e.gql(admin, createApp, map[string]any{"c": "abc", "o": otherOrg, "t": "T"}).wantCode("INVALID")
	e.gql(admin, createApp, map[string]any{"c": c.id, "o": otherOrg, "t": " "}).wantCode("INVALID")
	e.advance(admin, c.id, c.version, "CLOSED")
	e.gql(admin, createApp, map[string]any{"c": c.id, "o": otherOrg, "t": "T"}).wantCode("WRONG_PHASE")
}
