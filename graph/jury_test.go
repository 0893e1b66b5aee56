package graph_test

import (
	"fmt"
	"strings"
	"testing"
)

func TestJuryWorkflow(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 4, 4, "")
	conflicted := len(j.tokens) - 1 // affiliated with apps[0]'s municipality

	t.Run("a conflicted juror cannot be assigned", func(t *testing.T) {
		j.assign(0, conflicted).wantCode("CONFLICT_OF_INTEREST")
	})
	r := e.gql(j.admin, `mutation($c: ID!) { autoAssign(cycleId: $c, jurorsPerApplication: 2) { applicationId jurorId } }`,
		map[string]any{"c": j.cycle.id}).ok()
	loads := map[string]int{}
	for _, a := range r.get("autoAssign").([]any) {
		a := a.(map[string]any)
		loads[a["jurorId"].(string)]++
		if a["applicationId"] == j.apps[0] && a["jurorId"] == j.jurors[conflicted] {
			t.Errorf("autoAssign gave the conflicted juror application %s", j.apps[0])
		}
	}
	if len(loads) != 4 {
		t.Errorf("loads = %v, want all four jurors used", loads)
	}
	for _, n := range loads {
		if n != 2 {
			t.Errorf("loads = %v, want 2 each (8 assignments over 4 jurors)", loads)
			break
		}
	}
	j.advance("SCORING")

	// Every juror scores what they were given; juror 1 is harsh on criterion 1.
	asg := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { assignments { applicationId jurorId } } }`,
		map[string]any{"c": j.cycle.id}).ok().get("cycle.assignments").([]any)
	index := func(ids []string, id string) int {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		t.Fatalf("unknown id %s", id)
		return -1
	}
	for _, a := range asg {
		a := a.(map[string]any)
		app, juror := index(j.apps, a["applicationId"].(string)), index(j.jurors, a["jurorId"].(string))
		base := float64(80 - 10*app)
		if juror == 1 {
			j.score(juror, app, base-60, base, base)
		} else {
			j.score(juror, app, base, base, base+5)
		}
	}

	t.Run("the jury sees no ranking while scoring, the lead does", func(t *testing.T) {
		e.gql(j.tokens[1], rankingQuery, map[string]any{"c": j.cycle.id}).wantCode("FORBIDDEN")
		lead := e.gql(j.tokens[0], rankingQuery, map[string]any{"c": j.cycle.id}).ok()
		if n := len(lead.get("cycle.ranking.applications").([]any)); n != 4 {
			t.Errorf("lead sees %d applications, want 4", n)
		}
	})
	e.gql(j.applicant[0], rankingQuery, map[string]any{"c": j.cycle.id}).wantCode("FORBIDDEN")

	rank := e.gql(j.admin, rankingQuery, map[string]any{"c": j.cycle.id}).ok()
	apps := rank.get("cycle.ranking.applications").([]any)
	for i := 1; i < len(apps); i++ {
		prev, cur := apps[i-1].(map[string]any)["raw"].(map[string]any), apps[i].(map[string]any)["raw"].(map[string]any)
		if prev["percent"].(float64) < cur["percent"].(float64) || prev["rank"].(float64) > cur["rank"].(float64) {
			t.Errorf("raw ranking out of order at %d: %v then %v", i, prev, cur)
		}
	}
	for _, a := range apps {
		a := a.(map[string]any)
		raw, sev := a["raw"].(map[string]any)["rank"].(float64), a["severity"].(map[string]any)
		if sev["rankChange"].(float64) != raw-sev["rank"].(float64) {
			t.Errorf("severity rankChange = %v, want raw %v minus %v", sev["rankChange"], raw, sev["rank"])
		}
	}
	flags := rank.get("cycle.ranking.flags").([]any)
	if len(flags) == 0 {
		t.Fatal("no disagreement flagged although juror 1 scored 60 points lower on criterion 1")
	}
	rel := rank.get("cycle.ranking.reliability.cycle").(map[string]any)
	if len(rel["alpha"].([]any)) != 4 {
		t.Errorf("reliability = %v, want alpha at four levels", rel)
	}

	j.advance("CONSENSUS")
	t.Run("a conflicted juror's ranking leaves the application out", func(t *testing.T) {
		r := e.gql(j.tokens[conflicted], rankingQuery, map[string]any{"c": j.cycle.id}).ok()
		for _, a := range r.get("cycle.ranking.applications").([]any) {
			if a.(map[string]any)["applicationId"] == j.apps[0] {
				t.Errorf("the conflicted juror's ranking includes application %s", j.apps[0])
			}
		}
		if n := len(r.get("cycle.ranking.applications").([]any)); n != 3 {
			t.Errorf("conflicted juror sees %d applications, want 3", n)
		}
		q := fmt.Sprintf(`{ application(id: "%s") { title scores { value } } }`, j.apps[0])
		if got := e.gql(j.tokens[conflicted], q, nil).ok(); got.get("application") != nil {
			t.Errorf("conflicted juror reads the application: %v", got.Data)
		}
	})

	flagged := flags[0].(map[string]any)
	app := flagged["applicationId"].(string)
	decide := `mutation($a: ID!) { recordDecision(applicationId: $a, decision: WINNER, citation: "För mätbara resultat") { decision } }`
	t.Run("deciding before consensus on a flagged cell is refused", func(t *testing.T) {
		r := e.gql(j.tokens[0], decide, map[string]any{"a": app}).wantCode("CONSENSUS_REQUIRED")
		if !strings.Contains(r.Errors[0].Message, "criteria") {
			t.Errorf("message %q does not name the criteria", r.Errors[0].Message)
		}
		e.gql(j.admin, `mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: DECIDED) { phase } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version}).wantCode("CONSENSUS_REQUIRED")
	})
	const consensus = `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
		value: 60, rationale: "Enades efter diskussion", participants: $p, strengths: "Tydliga mål", opportunities: "Sprid arbetssättet"}) { value band } }`
	t.Run("only lead jurors and admins record consensus", func(t *testing.T) {
		e.gql(j.tokens[1], consensus, map[string]any{"a": app, "k": flagged["criterionId"], "p": j.jurors[:2]}).wantCode("FORBIDDEN")
	})
	for _, f := range flags {
		f := f.(map[string]any)
		c := e.gql(j.tokens[0], consensus, map[string]any{"a": f["applicationId"], "k": f["criterionId"], "p": j.jurors[:2]}).ok()
		if c.str("recordConsensus.band") != "väl fungerande" {
			t.Errorf("band of 60 = %v, want väl fungerande", c.get("recordConsensus.band"))
		}
	}
	t.Run("recording the last consensus leaves the phase as it was", func(t *testing.T) {
		r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { phase version } }`, map[string]any{"c": j.cycle.id}).ok()
		if r.str("cycle.phase") != "CONSENSUS" || r.num("cycle.version") != j.cycle.version {
			t.Errorf("after the last consensus the cycle is %v at version %v, want CONSENSUS at %d",
				r.get("cycle.phase"), r.get("cycle.version"), j.cycle.version)
		}
	})
	e.gql(j.tokens[0], decide, map[string]any{"a": app}).ok()
	e.gql(j.admin, decide, map[string]any{"a": j.apps[3]}).ok() // a shared win
	var undecided []string
	for _, a := range j.apps {
		if a != app && a != j.apps[3] {
			undecided = append(undecided, a)
		}
	}
	t.Run("DECIDED is refused while applications lack a decision, naming them", func(t *testing.T) {
		r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: DECIDED) { phase } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version}).wantCode("INCOMPLETE")
		ext := r.Errors[0].Extensions
		if ext["rule"] != "DECISIONS_COMPLETE" || fmt.Sprint(ext["missing"]) != fmt.Sprint(undecided) {
			t.Errorf("refusal = %v, want rule DECISIONS_COMPLETE missing %v", ext, undecided)
		}
		for _, a := range undecided {
			if !strings.Contains(r.Errors[0].Message, a) {
				t.Errorf("message %q does not name application %s", r.Errors[0].Message, a)
			}
		}
	})
	for _, a := range undecided {
		e.gql(j.tokens[0], `mutation($a: ID!) { recordDecision(applicationId: $a, decision: NOT_SELECTED) { decision } }`,
			map[string]any{"a": a}).ok()
	}
	j.advance("DECIDED")
	j.advance("PUBLISHED")

	t.Run("after publication the public sees the winners", func(t *testing.T) {
		r := e.gql("", `query($c: ID!) { cycle(id: $c) { results { applicationId decision citation } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		if n := len(r.get("cycle.results").([]any)); n != 2 {
			t.Errorf("results = %v, want two shared winners", r.get("cycle.results"))
		}
	})
	t.Run("applicants see consensus and feedback, never scores or jurors", func(t *testing.T) {
		owner := j.applicant[index(j.apps, app)]
		r := e.gql(owner, fmt.Sprintf(`{ application(id: "%s") { decision scores { value } consensus { value band strengths rationale participants } } }`, app), nil).ok()
		if len(r.get("application.scores").([]any)) != 0 {
			t.Errorf("applicant sees scores: %v", r.get("application.scores"))
		}
		cs := r.get("application.consensus").([]any)
		if len(cs) == 0 || cs[0].(map[string]any)["participants"] != nil || cs[0].(map[string]any)["rationale"] != nil {
			t.Errorf("applicant's consensus = %v, want values without jurors or rationale", cs)
		}
		if r.str("application.decision") != "WINNER" {
			t.Errorf("decision = %v", r.get("application.decision"))
		}
	})
	t.Run("the audit log has every step", func(t *testing.T) {
		r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 100) { nodes { action } pageInfo { hasNextPage } } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		seen := map[string]bool{}
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			seen[n.(map[string]any)["action"].(string)] = true
		}
		for _, a := range []string{"juror.add", "assignment.add", "score.save", "evaluation.submit", "consensus.record", "decision.record", "cycle.advance"} {
			if !seen[a] {
				t.Errorf("audit log lacks %s (has %v)", a, seen)
			}
		}
	})
}
