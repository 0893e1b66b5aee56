package graph_test

import (
	"fmt"
	"testing"
	"time"
)

func TestScoringRefusals(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 3, 3, "")
	j.assign(1, 0).ok()
	j.assign(1, 1).ok()
	j.assign(2, 2).ok()
	crit := j.cycle.criteria[0]
	save := func(juror, app int, v any) *result {
		return e.gql(j.tokens[juror], saveScore, map[string]any{"a": j.apps[app], "k": crit, "v": v})
	}
	t.Run("scoring before the SCORING phase", func(t *testing.T) {
		save(0, 1, 50).wantCode("WRONG_PHASE")
	})
	j.advance("SCORING")
	cases := []struct {
		name       string
		juror, app int
		value      any
		code       string
	}{
		{"above the scale", 0, 1, 105, "SCORE_OUT_OF_RANGE"},
		{"below the scale", 0, 1, -5, "SCORE_OUT_OF_RANGE"},
		{"off the step of 5", 0, 1, 52, "SCORE_OFF_STEP"},
		{"an unassigned application", 0, 2, 50, "NOT_ASSIGNED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			save(c.juror, c.app, c.value).wantCode(c.code)
		})
	}
	t.Run("a criterion of another cycle", func(t *testing.T) {
		other := e.openCycle(j.admin, 2030)
		e.gql(j.tokens[0], saveScore, map[string]any{"a": j.apps[1], "k": other.criteria[0], "v": 50}).wantCode("INVALID")
	})
	t.Run("an incomplete evaluation", func(t *testing.T) {
		save(0, 1, 50).ok()
		r := e.gql(j.tokens[0], `mutation($a: ID!) { submitEvaluation(applicationId: $a) { submittedAt } }`,
			map[string]any{"a": j.apps[1]}).wantCode("INCOMPLETE")
		if r.Errors[0].Extensions["field"] != "scores" {
			t.Errorf("error = %+v", r.Errors[0])
		}
	})
	t.Run("a conflict declared after assignment recuses the juror", func(t *testing.T) {
		e.gql(j.tokens[1], `mutation($o: ID!) { declareConflict(input: {organisationId: $o, reason: "Tidigare anställd"}) { id } }`,
			map[string]any{"o": j.orgs[1]}).ok()
		save(1, 1, 50).wantCode("CONFLICT_OF_INTEREST")
		r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { assignments { applicationId jurorId recusedAt recusalReason } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		found := false
		for _, a := range r.get("cycle.assignments").([]any) {
			a := a.(map[string]any)
			if a["jurorId"] == j.jurors[1] && a["applicationId"] == j.apps[1] {
				found = a["recusedAt"] != nil
			}
		}
		if !found {
			t.Errorf("assignment not recused: %v", r.get("cycle.assignments"))
		}
		log := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 100) { nodes { action } } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		seen := map[string]bool{}
		for _, n := range log.get("cycle.auditLog.nodes").([]any) {
			seen[n.(map[string]any)["action"].(string)] = true
		}
		if !seen["conflict.declare"] || !seen["assignment.recuse"] {
			t.Errorf("the cycle's audit log lacks the conflict or the recusal: %v", seen)
		}
	})
	t.Run("recusing twice", func(t *testing.T) {
		const recuse = `mutation($a: ID!) { recuse(applicationId: $a, reason: "Jäv") { recusedAt } }`
		e.gql(j.tokens[2], recuse, map[string]any{"a": j.apps[2]}).ok()
		e.gql(j.tokens[2], recuse, map[string]any{"a": j.apps[2]}).wantCode("RECUSED")
		save(2, 2, 50).wantCode("RECUSED")
	})
	t.Run("jurors declare only their own conflicts", func(t *testing.T) {
		e.gql(j.tokens[0], `mutation($j: ID!, $o: ID!) { declareConflict(input: {jurorId: $j, organisationId: $o, reason: "x"}) { id } }`,
			map[string]any{"j": j.jurors[1], "o": j.orgs[0]}).wantCode("FORBIDDEN")
		e.gql(j.tokens[0], `mutation { declareConflict(input: {municipalityCode: "0181", organisationId: "1", reason: "x"}) { id } }`, nil).
			wantCode("INVALID")
	})
	t.Run("after scoring closes", func(t *testing.T) {
		later := time.Now().Add(100 * time.Hour) // scoring closes 96 h after the cycle was made
		e.db.Now = func() time.Time { return later }
		defer func() { e.db.Now = time.Now }()
		save(0, 1, 50).wantCode("DEADLINE_PASSED")
	})
	t.Run("nothing refused was written", func(t *testing.T) {
		r := e.gql(j.admin, fmt.Sprintf(`{ application(id: "%s") { scores { jurorId value } } }`, j.apps[1]), nil).ok()
		if s := r.get("application.scores").([]any); len(s) != 1 || s[0].(map[string]any)["value"] != 50.0 {
			t.Errorf("scores = %v, want only the one accepted score of 50", s)
		}
	})
	t.Run("after the phase has passed", func(t *testing.T) {
		j.advance("CONSENSUS")
		save(0, 1, 50).wantCode("WRONG_PHASE")
		j.assign(0, 0).wantCode("WRONG_PHASE")
	})
}

func TestScoreVisibility(t *testing.T) {
	for _, c := range []struct {
		setting             string
		beforeOwn, afterOwn int // scores juror 1 sees before and after submitting
	}{
		{"NEVER", 0, 3}, {"AFTER_OWN_SUBMISSION", 0, 6}, {"ALWAYS", 3, 6},
	} {
		t.Run(c.setting, func(t *testing.T) {
			e := newEnv(t)
			j := newJury(t, e, 2, 4, c.setting)
			j.assign(1, 1).ok()
			j.assign(1, 2).ok()
			j.advance("SCORING")
			j.score(2, 1, 40)
			q := fmt.Sprintf(`{ application(id: "%s") { scores { jurorId } } }`, j.apps[1])
			count := func(juror int) int { return len(e.gql(j.tokens[juror], q, nil).ok().get("application.scores").([]any)) }
			if n := count(1); n != c.beforeOwn {
				t.Errorf("before submitting, juror 1 sees %d scores, want %d", n, c.beforeOwn)
			}
			j.score(1, 1, 60)
			if n := count(1); n != c.afterOwn {
				t.Errorf("after submitting, juror 1 sees %d scores, want %d", n, c.afterOwn)
			}
			if n := count(0); n != 6 {
				t.Errorf("the lead juror sees %d scores, want all 6", n)
			}
			if r := e.gql(j.tokens[3], q, nil).ok(); r.get("application") != nil {
				t.Errorf("an unassigned juror reads the application: %v", r.Data)
			}
		})
	}
}

func TestAutoAssignInfeasible(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	// Juror 1 is affiliated with apps[0]'s municipality, so apps[0] has one free juror.
	r := e.gql(j.admin, `mutation($c: ID!) { autoAssign(cycleId: $c, jurorsPerApplication: 2) { jurorId } }`,
		map[string]any{"c": j.cycle.id}).wantCode("INFEASIBLE")
	if msg := r.Errors[0].Message; !containsAll(msg, j.apps[0]) {
		t.Errorf("message %q does not name application %s", msg, j.apps[0])
	}
	n := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { assignments { jurorId } } }`, map[string]any{"c": j.cycle.id}).
		ok().get("cycle.assignments").([]any)
	if len(n) != 0 {
		t.Errorf("assignments = %v, want none", n)
	}
	e.gql(j.tokens[0], `mutation($c: ID!) { autoAssign(cycleId: $c) { jurorId } }`, map[string]any{"c": j.cycle.id}).wantCode("FORBIDDEN")
}

func TestOnlySubmittedEvaluationsCount(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	j.assign(1, 0).ok()
	j.advance("SCORING")
	const q = `query($c: ID!) { cycle(id: $c) { ranking { applications { applicationId cells { n mean } } } } }`
	cellsOf := func() []any {
		for _, a := range e.gql(j.admin, q, map[string]any{"c": j.cycle.id}).ok().get("cycle.ranking.applications").([]any) {
			if a.(map[string]any)["applicationId"] == j.apps[1] {
				return a.(map[string]any)["cells"].([]any)
			}
		}
		return nil
	}
	for _, k := range j.cycle.criteria {
		e.gql(j.tokens[0], saveScore, map[string]any{"a": j.apps[1], "k": k, "v": 40}).ok()
	}
	if cells := cellsOf(); len(cells) != 0 {
		t.Errorf("draft scores reach the ranking: %v", cells)
	}
	e.gql(j.tokens[0], `mutation($a: ID!) { submitEvaluation(applicationId: $a) { submittedAt } }`, map[string]any{"a": j.apps[1]}).ok()
	if cells := cellsOf(); len(cells) != 3 || cells[0].(map[string]any)["mean"] != 40.0 {
		t.Errorf("after submission the cells are %v, want three with mean 40", cells)
	}
	e.gql(j.tokens[0], saveScore, map[string]any{"a": j.apps[1], "k": j.cycle.criteria[0], "v": 70}).ok()
	if cells := cellsOf(); cells[0].(map[string]any)["mean"] != 70.0 {
		t.Errorf("an edit after submission did not count: %v", cells[0])
	}
	t.Run("a submitted evaluation cannot lose a value", func(t *testing.T) {
		r := e.gql(j.tokens[0], saveScore, map[string]any{"a": j.apps[1], "k": j.cycle.criteria[0], "v": nil, "s": "Bara kommentar"})
		if r.code() != "INVALID" || r.Errors[0].Extensions["field"] != "value" {
			t.Errorf("errors = %v, want INVALID at value", r.Errors)
		}
		if cells := cellsOf(); len(cells) != 3 || cells[0].(map[string]any)["mean"] != 70.0 {
			t.Errorf("after the refused removal the cells are %v, want three, the first 70", cells)
		}
	})
}
