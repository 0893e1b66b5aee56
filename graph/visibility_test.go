package graph_test

import (
	"fmt"
	"testing"
	"time"
)

func TestWhoSeesWhat(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	annaToken, annaOrg := e.signUp("anna@example.se", "Södertälje kommun")
	bertToken, bertOrg := e.signUp("bert@example.se", "Vara kommun")
	juror := e.juror(admin, "juror@example.se")
	annaApp := e.gql(annaToken, createApp, map[string]any{"c": c.id, "o": annaOrg, "t": "Anna"}).ok().str("createApplication.id")
	e.gql(bertToken, createApp, map[string]any{"c": c.id, "o": bertOrg, "t": "Bert"}).ok()

	// A draft cycle of another award, visible to admins only.
	award := e.gql(admin, `mutation { createAward(name: "Hidden") { id } }`, nil).ok().str("createAward.id")
	now := time.Now().UTC()
	draft := e.gql(admin, `mutation($in: CreateCycleInput!) { createCycle(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"awardId": award, "year": 2026, "title": "Draft",
			"opensAt": now.Format(time.RFC3339), "closesAt": now.Add(time.Hour).Format(time.RFC3339),
			"scoringClosesAt": now.Add(time.Hour).Format(time.RFC3339)}}).ok().str("createCycle.id")

	count := func(token, q, path string) int { return e.gql(token, q, nil).ok().num(path) }
	apps := `{ applications { totalCount } }`
	cases := []struct {
		who, token string
		apps       int
	}{
		{"admin", admin, 2}, {"anna", annaToken, 1}, {"bert", bertToken, 1}, {"juror", juror, 0}, {"anonymous", "", 0},
	}
	for _, c := range cases {
		t.Run(c.who+" lists applications", func(t *testing.T) {
			if n := count(c.token, apps, "applications.totalCount"); n != c.apps {
				t.Errorf("applications = %d, want %d", n, c.apps)
			}
		})
	}
	read := fmt.Sprintf(`{ a: application(id: "%s") { title answers { text } indicators { name } organisation { name } } }`, annaApp)
	for who, token := range map[string]string{"bert": bertToken, "juror": juror, "anonymous": ""} {
		t.Run(who+" cannot read anna's application", func(t *testing.T) {
			if r := e.gql(token, read, nil).ok(); r.get("a") != nil {
				t.Errorf("application = %v, want null", r.get("a"))
			}
		})
	}
	t.Run("bert cannot reach anna's organisation through aliases or nesting", func(t *testing.T) {
		r := e.gql(bertToken, fmt.Sprintf(`{ x: organisation(id: "%s") { name } y: organisation(id: "%s") { name members { email } } }`,
			annaOrg, bertOrg), nil).ok()
		if r.get("x") != nil || r.str("y.name") != "Vara kommun" {
			t.Errorf("organisations = %v", r.Data)
		}
	})
	t.Run("bert cannot change anna's application", func(t *testing.T) {
		e.gql(bertToken, updateApp, map[string]any{"id": annaApp, "v": 1, "in": map[string]any{"title": "Mine"}}).wantCode("NOT_FOUND")
		e.gql(bertToken, submitApp, map[string]any{"id": annaApp, "v": 1}).wantCode("NOT_FOUND")
	})
	t.Run("draft cycles are hidden from all but admins", func(t *testing.T) {
		q := fmt.Sprintf(`{ cycle(id: "%s") { title } award(id: "%s") { cycles { id } } }`, draft, award)
		for who, token := range map[string]string{"anna": annaToken, "juror": juror, "anonymous": ""} {
			r := e.gql(token, q, nil).ok()
			if r.get("cycle") != nil || len(r.get("award.cycles").([]any)) != 0 {
				t.Errorf("%s sees %v", who, r.Data)
			}
		}
		if r := e.gql(admin, q, nil).ok(); r.str("cycle.title") != "Draft" {
			t.Errorf("admin sees %v", r.Data)
		}
	})
	t.Run("anonymous callers see awards, open cycles and criteria", func(t *testing.T) {
		r := e.gql("", fmt.Sprintf(`{ cycle(id: "%s") { phase criteria { code } } awards { totalCount } }`, c.id), nil).ok()
		if r.str("cycle.phase") != "OPEN" || len(r.get("cycle.criteria").([]any)) != 3 || r.num("awards.totalCount") != 2 {
			t.Errorf("anonymous sees %v", r.Data)
		}
	})
	t.Run("only admins list users", func(t *testing.T) {
		e.gql(annaToken, `{ users { totalCount } }`, nil).wantCode("FORBIDDEN")
		if n := count(admin, `{ users { totalCount } }`, "users.totalCount"); n != 4 {
			t.Errorf("users = %d, want 4", n)
		}
		// role filters both the page and the count.
		r := e.gql(admin, `{ users(role: JUROR, first: 1) { totalCount nodes { role } pageInfo { hasNextPage } } }`, nil).ok()
		nodes := r.get("users.nodes").([]any)
		if r.num("users.totalCount") != 1 || len(nodes) != 1 || nodes[0].(map[string]any)["role"] != "JUROR" || r.get("users.pageInfo.hasNextPage") != false {
			t.Errorf("users(role: JUROR) = %v, want the one juror", r.Data)
		}
		if n := count(admin, `{ users(role: APPLICANT) { totalCount } }`, "users.totalCount"); n != 2 {
			t.Errorf("users(role: APPLICANT) = %d, want 2", n)
		}
		e.gql(annaToken, `{ users(role: JUROR) { totalCount } }`, nil).wantCode("FORBIDDEN")
	})
}
