package graph_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestCreatesAreIdempotent(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	otherAdmin := e.admin()
	applicant, org := e.signUp("anna@example.se", "Södertälje kommun")
	c := e.openCycle(admin, 2026)
	second := e.openCycle(admin, 2027)
	cases := []struct {
		name, mutation string
		vars           map[string]any
		token          string
		count          string // a query counting what the mutation makes, as admin
	}{
		{"signUp", `mutation($k: String) { signUp(input: {email: "bert@example.se", name: "Bert", password: "bert's password",
			organisation: {name: "Vara kommun", kind: MUNICIPALITY, sector: PUBLIC}}, idempotencyKey: $k) { user { id } } }`,
			nil, "", `{ users { totalCount } }`},
		{"createUser", `mutation($k: String) { createUser(input: {email: "juror@example.se", name: "J", password: "juror password 12",
			role: JUROR}, idempotencyKey: $k) { id } }`, nil, admin, `{ users { totalCount } }`},
		{"createOrganisation", `mutation($k: String) { createOrganisation(input: {name: "Malmö stad", kind: MUNICIPALITY, sector: PUBLIC},
			idempotencyKey: $k) { id } }`, nil, admin, `{ organisations { totalCount } }`},
		{"createAward", `mutation($k: String) { createAward(name: "Kvalitetspriset", idempotencyKey: $k) { id } }`, nil, admin,
			`{ awards { totalCount } }`},
		{"createCycle", `mutation($k: String, $in: CreateCycleInput!) { createCycle(input: $in, idempotencyKey: $k) { id } }`,
			map[string]any{"in": cycleInput(c.awardID, 2030, "")}, admin, `{ awards { nodes { cycles { id } } } }`},
		{"createCriterion", `mutation($k: String, $c: ID!) { createCriterion(cycleId: $c, idempotencyKey: $k, input: {code: "4",
			title: "Hållbarhet", weight: 1, scaleMin: 0, scaleMax: 100, scaleStep: 5}) { id } }`,
			map[string]any{"c": c.id}, admin, `{ cycles: awards { nodes { cycles { criteria { id } } } } }`},
		{"createApplication", `mutation($k: String, $in: CreateApplicationInput!) { createApplication(input: $in, idempotencyKey: $k) { id } }`,
			map[string]any{"in": map[string]any{"cycleId": second.id, "organisationId": org, "title": "Huset"}}, applicant,
			`{ applications { totalCount } }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]any{"k": "key-" + c.name}
			for k, v := range c.vars {
				vars[k] = v
			}
			first := e.gql(c.token, c.mutation, vars).ok()
			before := e.gql(admin, c.count, nil).ok()
			retried := e.gql(c.token, c.mutation, vars).ok()
			after := e.gql(admin, c.count, nil).ok()
			if fmt.Sprint(first.Data) != fmt.Sprint(retried.Data) {
				t.Errorf("retry answered %v, the first attempt %v", retried.Data, first.Data)
			}
			if fmt.Sprint(before.Data) != fmt.Sprint(after.Data) {
				t.Errorf("the retry made something: %v, then %v", before.Data, after.Data)
			}
		})
	}
	t.Run("the key is the caller's own", func(t *testing.T) {
		const create = `mutation($k: String, $n: String!) { createOrganisation(input: {name: $n, kind: COMPANY, sector: PRIVATE},
			idempotencyKey: $k) { id } }`
		a := e.gql(admin, create, map[string]any{"k": "shared", "n": "DeLaval"}).ok().str("createOrganisation.id")
		b := e.gql(otherAdmin, create, map[string]any{"k": "shared", "n": "DeLaval"}).ok().str("createOrganisation.id")
		again := e.gql(admin, create, map[string]any{"k": "shared", "n": "DeLaval"}).ok().str("createOrganisation.id")
		if a == b || again != a {
			t.Errorf("ids %s, %s (another admin), %s (first admin again); want the first and last equal", a, b, again)
		}
	})
	t.Run("a key reused with other input is refused", func(t *testing.T) {
		const create = `mutation($k: String, $n: String!) { createOrganisation(input: {name: $n, kind: COMPANY, sector: PRIVATE},
			idempotencyKey: $k) { id } }`
		e.gql(admin, create, map[string]any{"k": "reused", "n": "Scania"}).ok()
		r := e.gql(admin, create, map[string]any{"k": "reused", "n": "Another name"})
		if r.wantCode("CONFLICT"); r.Errors[0].Extensions["field"] != "idempotencyKey" {
			t.Errorf("reuse with another name: %+v", r.Errors)
		}
	})
	t.Run("a key is forgotten after a day", func(t *testing.T) {
		const create = `mutation($k: String) { createOrganisation(input: {name: "Dagens bolag", kind: COMPANY, sector: PRIVATE},
			idempotencyKey: $k) { id } }`
		first := e.gql(admin, create, map[string]any{"k": "daily"}).ok().str("createOrganisation.id")
		if again := e.gql(admin, create, map[string]any{"k": "daily"}).ok().str("createOrganisation.id"); again != first {
			t.Fatalf("a retry within the day made %s, want %s", again, first)
		}
		if _, err := e.rawSQL().Exec(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'daily'`); err != nil {
			t.Fatal(err)
		}
		if later := e.gql(admin, create, map[string]any{"k": "daily"}).ok().str("createOrganisation.id"); later == first {
			t.Errorf("a retry after the day answered %s again, want a new organisation", first)
		}
	})
	t.Run("a retried sign-up logs in only with the password", func(t *testing.T) {
		const signUp = `mutation($k: String, $p: String!) { signUp(input: {email: "cia@example.se", name: "Cia", password: $p,
			organisation: {name: "Linköping", kind: MUNICIPALITY, sector: PUBLIC}}, idempotencyKey: $k) { token user { id } } }`
		first := e.gql("", signUp, map[string]any{"k": "s", "p": "cia's password 1"}).ok()
		retried := e.gql("", signUp, map[string]any{"k": "s", "p": "cia's password 1"}).ok()
		if first.str("signUp.user.id") != retried.str("signUp.user.id") || first.str("signUp.token") == retried.str("signUp.token") {
			t.Errorf("first %v, retried %v: want the same user with a new token", first.Data, retried.Data)
		}
		e.gql("", signUp, map[string]any{"k": "s", "p": "someone else's"}).wantCode("UNAUTHENTICATED")
	})
	t.Run("a password counts as input without being stored", func(t *testing.T) {
		// The fingerprint leaves passwords out; the replay checks the
		// password against the bcrypt hash of the user it made.
		const create = `mutation($k: String, $p: String!) { createUser(input: {email: "dag@example.se", name: "Dag", password: $p,
			role: JUROR}, idempotencyKey: $k) { id } }`
		e.gql(admin, create, map[string]any{"k": "pw", "p": "dag's first password"}).ok()
		e.gql(admin, create, map[string]any{"k": "pw", "p": "dag's first password"}).ok()
		e.gql(admin, create, map[string]any{"k": "pw", "p": "another password!"}).wantCode("CONFLICT")
		var fp string
		if err := e.rawSQL().QueryRow(`SELECT fingerprint FROM idempotency_keys WHERE key = 'pw'`).Scan(&fp); err != nil || len(fp) != 64 {
			t.Errorf("fingerprint %q, %v; want a SHA-256", fp, err)
		}
	})
	t.Run("a failed create leaves no key behind", func(t *testing.T) {
		draft := e.gql(admin, createCycle, map[string]any{"in": cycleInput(c.awardID, 2031, "LEAN_PRIZE")}).ok()
		vars := map[string]any{"k": "after-opening", "in": map[string]any{"cycleId": draft.str("createCycle.id"), "organisationId": org, "title": "T"}}
		const create = `mutation($k: String, $in: CreateApplicationInput!) { createApplication(input: $in, idempotencyKey: $k) { id } }`
		e.gql(applicant, create, vars).wantCode("NOT_FOUND") // a DRAFT cycle is hidden from applicants
		e.advance(admin, draft.str("createCycle.id"), draft.num("createCycle.version"), "OPEN")
		e.gql(applicant, create, vars).ok()
	})
	t.Run("bad keys", func(t *testing.T) {
		for _, k := range []string{"", strings.Repeat("k", 201)} {
			r := e.gql(admin, `mutation($k: String) { createAward(name: "X", idempotencyKey: $k) { id } }`, map[string]any{"k": k})
			if r.wantCode("INVALID"); r.Errors[0].Extensions["field"] != "idempotencyKey" {
				t.Errorf("key of %d characters: %+v", len(k), r.Errors)
			}
		}
	})
}

func TestConcurrentRetriesMakeOneThing(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	const create = `mutation { createOrganisation(input: {name: "Vara kommun", kind: MUNICIPALITY, sector: PUBLIC},
		idempotencyKey: "once") { id } }`
	ids := make([]string, 8)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := e.gql(admin, create, nil)
			if len(r.Errors) == 0 {
				ids[i] = r.str("createOrganisation.id")
			}
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if id == "" || id != ids[0] {
			t.Fatalf("ids = %v, want one id", ids)
		}
	}
	if n := e.gql(admin, `{ organisations { totalCount } }`, nil).ok().num("organisations.totalCount"); n != 1 {
		t.Errorf("organisations = %d, want 1", n)
	}
}
