package graph_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const createCycle = `mutation($in: CreateCycleInput!) { createCycle(input: $in) {
	id version phase scoreVisibility aggregation jurorsPerApplication
	criteria { id code weight parentId scaleMin scaleMax scaleStep bands { from to label } children { code weight } } } }`

func cycleInput(award string, year int, template string) map[string]any {
	now := time.Now().UTC()
	in := map[string]any{"awardId": award, "year": year, "title": "Cykel",
		"opensAt": now.Format(time.RFC3339), "closesAt": now.Add(24 * time.Hour).Format(time.RFC3339),
		"scoringClosesAt": now.Add(48 * time.Hour).Format(time.RFC3339)}
	if template != "" {
		in["template"] = template
	}
	return in
}

func TestCycleTemplates(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	award := e.gql(admin, `mutation { createAward(name: "Kvalitetspriset") { id } }`, nil).ok().str("createAward.id")
	cases := []struct {
		template string
		year     int
		top      []float64
		bands    int
	}{
		{"LEAN_PRIZE", 2024, []float64{1, 1, 1}, 6},
		{"EFQM_2020", 2025, []float64{100, 100, 100, 200, 100, 200, 200}, 6},
		{"BALDRIGE", 2026, []float64{120, 85, 85, 90, 85, 85, 450}, 6},
	}
	for _, c := range cases {
		t.Run(c.template, func(t *testing.T) {
			r := e.gql(admin, createCycle, map[string]any{"in": cycleInput(award, c.year, c.template)}).ok()
			if r.str("createCycle.phase") != "DRAFT" || r.str("createCycle.scoreVisibility") != "AFTER_OWN_SUBMISSION" ||
				r.str("createCycle.aggregation") != "MEAN" || r.num("createCycle.jurorsPerApplication") != 3 {
				t.Errorf("defaults = %v", r.Data)
			}
			var top []float64
			for _, k := range r.get("createCycle.criteria").([]any) {
				k := k.(map[string]any)
				if k["parentId"] != nil {
					continue
				}
				top = append(top, k["weight"].(float64))
				if len(k["bands"].([]any)) != c.bands || k["scaleMax"] != 100.0 || k["scaleStep"] != 5.0 {
					t.Errorf("criterion %v", k)
				}
				if children := k["children"].([]any); len(children) > 0 {
					sum := 0.0
					for _, ch := range children {
						sum += ch.(map[string]any)["weight"].(float64)
					}
					if sum != k["weight"] {
						t.Errorf("items of %v sum to %v, want %v", k["code"], sum, k["weight"])
					}
				}
			}
			if len(top) != len(c.top) {
				t.Fatalf("categories = %v, want %v", top, c.top)
			}
			for i := range top {
				if top[i] != c.top[i] {
					t.Errorf("weights = %v, want %v", top, c.top)
					break
				}
			}
		})
	}
	t.Run("one cycle per award and year", func(t *testing.T) {
		e.gql(admin, createCycle, map[string]any{"in": cycleInput(award, 2024, "")}).wantCode("CONFLICT")
	})
	t.Run("closing before opening is invalid", func(t *testing.T) {
		in := cycleInput(award, 2030, "")
		in["closesAt"] = in["opensAt"]
		e.gql(admin, createCycle, map[string]any{"in": in}).wantCode("INVALID")
	})
	t.Run("a malformed time is invalid", func(t *testing.T) {
		in := cycleInput(award, 2031, "")
		in["opensAt"] = "yesterday"
		e.gql(admin, createCycle, map[string]any{"in": in}).wantCode("INVALID")
	})
}

const createCriterion = `mutation($c: ID!, $in: CriterionInput!) { createCriterion(cycleId: $c, input: $in) { id code } }`

func TestCriteriaAndPhases(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	award := e.gql(admin, `mutation { createAward(name: "Priset") { id } }`, nil).ok().str("createAward.id")
	r := e.gql(admin, createCycle, map[string]any{"in": cycleInput(award, 2026, "")}).ok()
	id, v := r.str("createCycle.id"), r.num("createCycle.version")
	crit := func(code string, weight, min, max, step float64) map[string]any {
		return map[string]any{"code": code, "title": "Resultat", "weight": weight, "scaleMin": min, "scaleMax": max, "scaleStep": step,
			"bands": []any{map[string]any{"from": min, "to": max, "label": "alla"}}}
	}
	t.Run("an empty cycle cannot open", func(t *testing.T) {
		e.gql(admin, `mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: OPEN) { id } }`,
			map[string]any{"id": id, "v": v}).wantCode("INVALID")
	})
	bad := []struct {
		name  string
		in    map[string]any
		field string
	}{
		{"weight zero", crit("A", 0, 0, 10, 1), "weight"},
		{"max not above min", crit("A", 1, 10, 10, 1), "scaleMax"},
		{"step not dividing the scale", crit("A", 1, 0, 10, 3), "scaleStep"},
		{"band outside the scale", map[string]any{"code": "A", "title": "T", "weight": 1.0, "scaleMin": 0, "scaleMax": 10, "scaleStep": 1,
			"bands": []any{map[string]any{"from": 0, "to": 11, "label": "x"}}}, "bands"},
		{"empty title", map[string]any{"code": "A", "title": "", "weight": 1.0, "scaleMin": 0, "scaleMax": 10, "scaleStep": 1}, "title"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			r := e.gql(admin, createCriterion, map[string]any{"c": id, "in": c.in}).wantCode("INVALID")
			if r.Errors[0].Extensions["field"] != c.field {
				t.Errorf("field = %v, want %s", r.Errors[0].Extensions["field"], c.field)
			}
		})
	}
	cat := e.gql(admin, createCriterion, map[string]any{"c": id, "in": crit("1", 2, 0, 10, 1)}).ok().str("createCriterion.id")
	item := crit("1.1", 1, 0, 10, 1)
	item["parentId"] = cat
	itemID := e.gql(admin, createCriterion, map[string]any{"c": id, "in": item}).ok().str("createCriterion.id")
	t.Run("the tree has two levels", func(t *testing.T) {
		deeper := crit("1.1.1", 1, 0, 10, 1)
		deeper["parentId"] = itemID
		e.gql(admin, createCriterion, map[string]any{"c": id, "in": deeper}).wantCode("INVALID")
	})
	t.Run("codes are unique in a cycle", func(t *testing.T) {
		e.gql(admin, createCriterion, map[string]any{"c": id, "in": crit("1", 1, 0, 10, 1)}).wantCode("CONFLICT")
	})
	t.Run("applicants cannot change criteria", func(t *testing.T) {
		token, _ := e.signUp("a@example.se", "A")
		e.gql(token, createCriterion, map[string]any{"c": id, "in": crit("9", 1, 0, 10, 1)}).wantCode("FORBIDDEN")
	})
	const advance = `mutation($id: ID!, $v: Int!, $to: Phase!) { advanceCycle(id: $id, version: $v, to: $to) { version phase } }`
	t.Run("phases cannot be skipped", func(t *testing.T) {
		e.gql(admin, advance, map[string]any{"id": id, "v": v, "to": "SCORING"}).wantCode("WRONG_PHASE")
	})
	t.Run("a stale version cannot advance", func(t *testing.T) {
		e.gql(admin, advance, map[string]any{"id": id, "v": v - 1, "to": "OPEN"}).wantCode("CONFLICT")
	})
	for _, to := range []string{"OPEN", "CLOSED", "SCORING"} {
		v = e.advance(admin, id, v, to)
	}
	t.Run("criteria cannot change once scoring has started", func(t *testing.T) {
		e.gql(admin, createCriterion, map[string]any{"c": id, "in": crit("2", 1, 0, 10, 1)}).wantCode("WRONG_PHASE")
		e.gql(admin, `mutation($id: ID!, $in: CriterionInput!) { updateCriterion(id: $id, input: $in) { id } }`,
			map[string]any{"id": cat, "in": crit("1", 5, 0, 10, 1)}).wantCode("WRONG_PHASE")
		e.gql(admin, `mutation($id: ID!) { deleteCriterion(id: $id) }`, map[string]any{"id": itemID}).wantCode("WRONG_PHASE")
	})
	t.Run("phases never go back", func(t *testing.T) {
		e.gql(admin, advance, map[string]any{"id": id, "v": v, "to": "OPEN"}).wantCode("WRONG_PHASE")
	})
	v = e.advance(admin, id, v, "CONSENSUS")
	t.Run("a cycle without decisions is not DECIDED", func(t *testing.T) {
		r := e.gql(admin, advance, map[string]any{"id": id, "v": v, "to": "DECIDED"}).wantCode("INCOMPLETE")
		if r.Errors[0].Extensions["rule"] != "WINNER_OR_NO_AWARD" || !strings.Contains(r.Errors[0].Message, "setNoAward") {
			t.Errorf("refusal = %v %v, want rule WINNER_OR_NO_AWARD pointing at setNoAward", r.Errors[0].Message, r.Errors[0].Extensions)
		}
	})
	const noAward = `mutation($id: ID!, $v: Int!, $no: Boolean!, $r: String) { setNoAward(id: $id, version: $v, noAward: $no, reason: $r) {
		version noAward noAwardReason } }`
	t.Run("no award needs a reason", func(t *testing.T) {
		e.gql(admin, noAward, map[string]any{"id": id, "v": v, "no": true, "r": " "}).wantCode("INVALID")
	})
	v = e.gql(admin, noAward, map[string]any{"id": id, "v": v, "no": true, "r": "Ingen ansökan nådde nivån"}).ok().num("setNoAward.version")
	v = e.advance(admin, id, v, "DECIDED")
	const reopen = `mutation($id: ID!, $v: Int!, $to: Phase!, $r: String!) { reopenPhase(id: $id, version: $v, to: $to, reason: $r) { version phase } }`
	t.Run("an admin reopens a phase with a reason", func(t *testing.T) {
		e.gql(admin, reopen, map[string]any{"id": id, "v": v, "to": "DECIDED", "r": "Samma fas"}).wantCode("WRONG_PHASE")
		e.gql(admin, reopen, map[string]any{"id": id, "v": v, "to": "CONSENSUS", "r": ""}).wantCode("INVALID")
		token, _ := e.signUp("b@example.se", "B")
		e.gql(token, reopen, map[string]any{"id": id, "v": v, "to": "CONSENSUS", "r": "Fel"}).wantCode("FORBIDDEN")
	})
	reopened := e.gql(admin, reopen, map[string]any{"id": id, "v": v, "to": "CONSENSUS", "r": "Juryn vill se över beslutet"}).ok()
	if reopened.str("reopenPhase.phase") != "CONSENSUS" {
		t.Errorf("reopened phase = %v", reopened.get("reopenPhase.phase"))
	}
	v = reopened.num("reopenPhase.version")
	v = e.gql(admin, noAward, map[string]any{"id": id, "v": v, "no": false}).ok().num("setNoAward.version")
	t.Run("taking no award back makes DECIDED need a winner again", func(t *testing.T) {
		e.gql(admin, advance, map[string]any{"id": id, "v": v, "to": "DECIDED"}).wantCode("INCOMPLETE")
	})
	v = e.gql(admin, noAward, map[string]any{"id": id, "v": v, "no": true, "r": "Ingen ansökan nådde nivån"}).ok().num("setNoAward.version")
	for _, to := range []string{"DECIDED", "PUBLISHED"} {
		v = e.advance(admin, id, v, to)
	}
	t.Run("the public reads that no award was given, and why", func(t *testing.T) {
		r := e.gql("", `query($id: ID!) { cycle(id: $id) { noAward noAwardReason results { decision } } }`, map[string]any{"id": id}).ok()
		if r.get("cycle.noAward") != true || r.str("cycle.noAwardReason") != "Ingen ansökan nådde nivån" {
			t.Errorf("published cycle = %v", r.Data)
		}
	})
	t.Run("the audit log has the reopening and no award", func(t *testing.T) {
		r := e.gql(admin, `query($id: ID!) { cycle(id: $id) { auditLog(first: 100) { nodes { action newValue } } } }`, map[string]any{"id": id}).ok()
		seen := map[string]int{}
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			n := n.(map[string]any)
			seen[n["action"].(string)]++
			if n["action"] == "cycle.reopen" && !strings.Contains(fmt.Sprint(n["newValue"]), "Juryn vill se över beslutet") {
				t.Errorf("cycle.reopen = %v, want the reason", n["newValue"])
			}
		}
		if seen["cycle.reopen"] != 1 || seen["cycle.no_award"] != 3 {
			t.Errorf("audit actions = %v, want one cycle.reopen and three cycle.no_award", seen)
		}
	})
	t.Run("a published cycle is not reopened", func(t *testing.T) {
		e.gql(admin, reopen, map[string]any{"id": id, "v": v, "to": "DECIDED", "r": "För sent"}).wantCode("WRONG_PHASE")
		e.gql(admin, noAward, map[string]any{"id": id, "v": v, "no": false}).wantCode("WRONG_PHASE")
	})
	t.Run("a published cycle is final", func(t *testing.T) {
		e.gql(admin, advance, map[string]any{"id": id, "v": v, "to": "PUBLISHED"}).wantCode("WRONG_PHASE")
		e.gql(admin, `mutation($id: ID!, $v: Int!, $in: CycleSettingsInput!) { updateCycle(id: $id, version: $v, input: $in) { id } }`,
			map[string]any{"id": id, "v": v, "in": map[string]any{"title": "X", "opensAt": "2026-01-01T00:00:00Z",
				"closesAt": "2026-02-01T00:00:00Z", "scoringClosesAt": "2026-03-01T00:00:00Z"}}).wantCode("WRONG_PHASE")
	})
}
