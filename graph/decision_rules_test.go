package graph_test

import (
	"fmt"
	"strings"
	"testing"
)

const decideAs = `mutation($a: ID!, $d: Decision!) { recordDecision(applicationId: $a, decision: $d, citation: "Motivering") { decision } }`

// refusedDecision wants recording d on app refused with code and rule.
func (j *jury) refusedDecision(t *testing.T, app, d, code, rule string) gqlError {
	t.Helper()
	r := j.e.gql(j.tokens[0], decideAs, map[string]any{"a": app, "d": d}).wantCode(code)
	if r.Errors[0].Extensions["rule"] != rule {
		t.Errorf("%s on %s refused by %v, want rule %s (%s)", d, app, r.Errors[0].Extensions["rule"], rule, r.Errors[0].Message)
	}
	return r.Errors[0]
}

func (j *jury) decideAs(app, d string) {
	j.e.gql(j.tokens[0], decideAs, map[string]any{"a": app, "d": d}).ok()
}

// TestDecisionRules: a decision other than NOT_SELECTED needs a submitted
// application screened eligible with a score or agreed score on every
// scored criterion; a refusal names its rule and writes nothing, and the
// rules hold again when the cycle becomes DECIDED.
func TestDecisionRules(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 4, 2, "")
	pending := j.lateEntrant(t)
	v := e.gql(j.admin, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": j.apps[1]}).ok().num("application.version")
	e.gql(j.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: false, reason: "Utanför Sverige") { id } }`,
		map[string]any{"id": j.apps[1], "v": v}).ok()
	j.assign(2, 0).ok()
	j.scoredBy(3, 0, 70)
	e.gql(j.tokens[0], saveScore, map[string]any{"a": j.apps[2], "k": j.cycle.criteria[0], "v": 50.0, "s": "Utkast"}).ok()
	j.advance("CONSENSUS")

	t.Run("an application screened not eligible gets only NOT_SELECTED", func(t *testing.T) {
		err := j.refusedDecision(t, j.apps[1], "FINALIST", "INVALID", "SCREENED_ELIGIBLE")
		if !strings.Contains(err.Message, "Utanför Sverige") {
			t.Errorf("message %q does not give the screening's reason", err.Message)
		}
	})
	t.Run("an unscreened application is not decided on", func(t *testing.T) {
		err := j.refusedDecision(t, pending, "WINNER", "INVALID", "SCREENED_ELIGIBLE")
		if !strings.Contains(err.Message, "not been screened") {
			t.Errorf("message %q does not say it is unscreened", err.Message)
		}
	})
	t.Run("a never scored application is not decided on, naming the criteria", func(t *testing.T) {
		err := j.refusedDecision(t, j.apps[0], "HONOURABLE_MENTION", "INCOMPLETE", "SCORED")
		if n := len(err.Extensions["missing"].([]any)); n != len(j.cycle.criteria) {
			t.Errorf("missing = %v, want all %d criteria", err.Extensions["missing"], len(j.cycle.criteria))
		}
	})
	t.Run("a draft evaluation is no score", func(t *testing.T) {
		j.refusedDecision(t, j.apps[2], "WINNER", "INCOMPLETE", "SCORED")
	})
	t.Run("a refused decision writes nothing", func(t *testing.T) {
		for _, app := range []string{j.apps[0], j.apps[1], j.apps[2], pending} {
			r := e.gql(j.admin, `query($id: ID!) { application(id: $id) { decision } }`, map[string]any{"id": app}).ok()
			if r.get("application.decision") != nil {
				t.Errorf("application %s has decision %v", app, r.get("application.decision"))
			}
		}
	})
	t.Run("a scored cycle is not marked historical to skip its scores", func(t *testing.T) {
		r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { markCycleHistorical(id: $id, version: $v, historical: true, reason: "Inga poäng") { id } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version}).wantCode("INVALID")
		if r.Errors[0].Extensions["rule"] != "HISTORICAL_UNSCORED" {
			t.Errorf("refusal = %v", r.Errors[0])
		}
	})

	t.Run("the lead juror neither declares no award nor reopens a phase", func(t *testing.T) {
		e.gql(j.tokens[0], `mutation($id: ID!, $v: Int!) { setNoAward(id: $id, version: $v, noAward: true, reason: "R") { id } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version}).wantCode("FORBIDDEN")
		e.gql(j.tokens[0], `mutation($id: ID!, $v: Int!) { reopenPhase(id: $id, version: $v, to: SCORING, reason: "R") { id } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version}).wantCode("FORBIDDEN")
	})
	for _, k := range j.cycle.criteria { // agreed scores stand in for the jurors'
		e.gql(j.tokens[0], `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
			value: 80, rationale: "Enades", participants: $p}) { value } }`, map[string]any{"a": j.apps[2], "k": k, "p": j.jurors[:1]}).ok()
	}
	j.decideAs(j.apps[2], "WINNER")
	j.decideAs(j.apps[3], "FINALIST")
	for _, app := range []string{j.apps[0], j.apps[1], pending} {
		j.decideAs(app, "NOT_SELECTED")
	}
	t.Run("a finalist stays eligible", func(t *testing.T) {
		v := e.gql(j.admin, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": j.apps[3]}).ok().num("application.version")
		r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: false, reason: "Sent funnet fel") { id } }`,
			map[string]any{"id": j.apps[3], "v": v}).wantCode("INVALID")
		if r.Errors[0].Extensions["rule"] != "SCREENED_ELIGIBLE" {
			t.Errorf("refusal = %v", r.Errors[0])
		}
	})
	e.gql(j.tokens[0], `mutation($a: ID!) { recuse(applicationId: $a, reason: "Jävig") { recusedAt } }`, map[string]any{"a": j.apps[3]}).ok()
	t.Run("DECIDED checks every decision again: the finalist's only juror recused", func(t *testing.T) {
		r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: DECIDED) { phase } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version}).wantCode("INCOMPLETE")
		if r.Errors[0].Extensions["rule"] != "SCORED" || !strings.Contains(r.Errors[0].Message, "application "+j.apps[3]) {
			t.Errorf("refusal = %v", r.Errors[0])
		}
	})
	for _, k := range j.cycle.criteria {
		e.gql(j.admin, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
			value: 65, rationale: "Enades utan den jävige", participants: $p}) { value } }`, map[string]any{"a": j.apps[3], "k": k, "p": j.jurors[1:2]}).ok()
	}
	j.advance("DECIDED")
	j.advance("PUBLISHED")

	t.Run("the public sees the winner and the finalist, nothing of the rest", func(t *testing.T) {
		r := e.gql("", `query($c: ID!) { cycle(id: $c) { results { applicationId decision } } }`, map[string]any{"c": j.cycle.id}).ok()
		if got, want := fmt.Sprint(r.get("cycle.results")), fmt.Sprintf("[map[applicationId:%s decision:WINNER] map[applicationId:%s decision:FINALIST]]", j.apps[2], j.apps[3]); got != want {
			t.Errorf("results = %s, want %s", got, want)
		}
	})
	t.Run("every decision and screening is in the audit log", func(t *testing.T) {
		r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 100) { nodes { action entityId newValue } pageInfo { hasNextPage } } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		if r.get("cycle.auditLog.pageInfo.hasNextPage") != false {
			t.Fatal("the audit log has more than a page")
		}
		decisions, screenings := map[string]string{}, map[string]string{}
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			n := n.(map[string]any)
			switch n["action"] {
			case "decision.record":
				decisions[n["entityId"].(string)] = n["newValue"].(string)
			case "application.screen":
				screenings[n["entityId"].(string)] = n["newValue"].(string)
			}
		}
		if len(decisions) != 5 || !strings.Contains(decisions[j.apps[2]], "WINNER") || !strings.Contains(decisions[pending], "NOT_SELECTED") {
			t.Errorf("decisions audited = %v, want the five recorded", decisions)
		}
		if len(screenings) != 4 || !strings.Contains(screenings[j.apps[1]], "NOT_ELIGIBLE") {
			t.Errorf("screenings audited = %v, want the four apps, %s not eligible", screenings, j.apps[1])
		}
	})
}

// lateEntrant reopens the CLOSED cycle for applications, has a new
// organisation submit one (left unscreened) and closes the cycle again.
func (j *jury) lateEntrant(t *testing.T) string {
	t.Helper()
	e := j.e
	r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { reopenPhase(id: $id, version: $v, to: OPEN, reason: "Förlängd ansökningstid") { phase version } }`,
		map[string]any{"id": j.cycle.id, "v": j.cycle.version}).ok()
	if r.str("reopenPhase.phase") != "OPEN" {
		t.Fatalf("reopened = %v", r.Data)
	}
	j.cycle.version = r.num("reopenPhase.version")
	tok, org := e.signUpIn("late@example.se", "Sena kommunen", "2000")
	a := e.gql(tok, createApp, map[string]any{"c": j.cycle.id, "o": org, "t": "Sen ansökan"}).ok()
	id := a.str("createApplication.id")
	v := e.gql(tok, updateApp, map[string]any{"id": id, "v": a.num("createApplication.version"),
		"in": map[string]any{"answers": answers(j.cycle, "Svar")}}).ok().num("updateApplication.version")
	e.gql(tok, submitApp, map[string]any{"id": id, "v": v}).ok()
	j.advance("CLOSED")
	return id
}

// TestHistoricalCycle: a cycle marked historical (results recorded
// without scores) takes decisions on eligible, submitted applications
// without scores, each audited as recorded without them.
func TestHistoricalCycle(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	const mark = `mutation($id: ID!, $v: Int!, $h: Boolean!, $r: String!) { markCycleHistorical(id: $id, version: $v, historical: $h, reason: $r) {
		historical version } }`
	t.Run("marking needs a reason and an admin", func(t *testing.T) {
		e.gql(j.admin, mark, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "h": true, "r": ""}).wantCode("INVALID")
		e.gql(j.tokens[0], mark, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "h": true, "r": "R"}).wantCode("FORBIDDEN")
	})
	r := e.gql(j.admin, mark, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "h": true, "r": "Förs in från 2012 års protokoll"}).ok()
	if r.get("markCycleHistorical.historical") != true {
		t.Fatalf("marked = %v", r.Data)
	}
	j.cycle.version = r.num("markCycleHistorical.version")
	j.advance("SCORING")
	j.advance("CONSENSUS")
	const noAward = `mutation($id: ID!, $v: Int!, $no: Boolean!) { setNoAward(id: $id, version: $v, noAward: $no, reason: "Ingen vinnare") { version } }`
	t.Run("no award and a winner exclude each other", func(t *testing.T) {
		j.cycle.version = e.gql(j.admin, noAward, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "no": true}).ok().num("setNoAward.version")
		j.refusedDecision(t, j.apps[0], "WINNER", "INVALID", "NO_AWARD")
		j.decideAs(j.apps[0], "FINALIST")
		j.cycle.version = e.gql(j.admin, noAward, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "no": false}).ok().num("setNoAward.version")
		j.decideAs(j.apps[0], "WINNER")
		r := e.gql(j.admin, noAward, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "no": true}).wantCode("INVALID")
		if ext := r.Errors[0].Extensions; ext["rule"] != "NO_AWARD" || fmt.Sprint(ext["missing"]) != "["+j.apps[0]+"]" {
			t.Errorf("refusal = %v", r.Errors[0])
		}
	})
	j.decideAs(j.apps[0], "WINNER")
	j.decideAs(j.apps[1], "WINNER") // shared, as in 2012
	j.advance("DECIDED")
	j.advance("PUBLISHED")
	t.Run("the decisions are audited as recorded without scores", func(t *testing.T) {
		r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { historical auditLog(first: 100) { nodes { action newValue } } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		var without, marked int
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			n := n.(map[string]any)
			if n["action"] == "decision.record" && strings.Contains(n["newValue"].(string), `"withoutScores": true`) {
				without++
			}
			if n["action"] == "cycle.historical" && strings.Contains(n["newValue"].(string), "2012 års protokoll") {
				marked++
			}
		}
		if without < 2 || marked != 1 || r.get("cycle.historical") != true {
			t.Errorf("%d decisions audited without scores, %d markings (want 2, 1): %v", without, marked, r.Data)
		}
	})
	t.Run("a published cycle keeps its mark", func(t *testing.T) {
		e.gql(j.admin, mark, map[string]any{"id": j.cycle.id, "v": j.cycle.version, "h": false, "r": "Ångrat"}).wantCode("WRONG_PHASE")
	})
}
