package graph_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

const loginAs = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`

func TestLoginAttemptsAreLimited(t *testing.T) {
	const limit = 3
	fresh := func(t *testing.T, opts graph.Options) *env {
		opts.LoginLimit, opts.LoginWindow = limit, time.Minute
		e := newEnvWith(t, opts)
		e.signUp("anna@example.se", "Södertälje kommun")
		e.signUp("bert@example.se", "Vara kommun")
		return e
	}
	attempt := func(e *env, addr string, header http.Header, email, password string) *result {
		return e.gqlFrom(addr, header, "", loginAs, map[string]any{"e": email, "p": password})
	}
	wantLimited := func(t *testing.T, r *result) {
		t.Helper()
		r.wantCode("RATE_LIMITED")
		if s, _ := r.Errors[0].Extensions["retryAfter"].(float64); s < 1 || s > 60 {
			t.Errorf("retryAfter = %v, want 1–60 seconds", r.Errors[0].Extensions["retryAfter"])
		}
	}
	t.Run("per account and address together, whatever the case", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		for i := 0; i < limit; i++ {
			attempt(e, "198.51.100.1:1", nil, "Anna@Example.se", "applicant password").ok()
		}
		wantLimited(t, attempt(e, "198.51.100.1:2", nil, "anna@example.se", "applicant password"))
		attempt(e, "198.51.100.1:3", nil, "bert@example.se", "applicant password").ok()
	})
	t.Run("failing someone's logins does not lock them out elsewhere", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		for i := 0; i < limit; i++ {
			attempt(e, "203.0.113.1:1", nil, "anna@example.se", "wrong password!").wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, attempt(e, "203.0.113.1:2", nil, "anna@example.se", "applicant password"))
		attempt(e, "198.51.100.9:1", nil, "anna@example.se", "applicant password").ok()
	})
	t.Run("per client address, whatever the account", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		for i := 0; i < limit; i++ {
			attempt(e, "203.0.113.7:1000", nil, fmt.Sprintf("nobody%d@example.se", i), "wrong password!").wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, attempt(e, "203.0.113.7:2000", nil, "bert@example.se", "applicant password"))
		attempt(e, "203.0.113.8:1000", nil, "bert@example.se", "applicant password").ok()
	})
	t.Run("successful logins count against the account there, not the address", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		for i := 0; i < limit; i++ {
			attempt(e, "198.51.100.20:1", nil, "anna@example.se", "applicant password").ok()
		}
		wantLimited(t, attempt(e, "198.51.100.20:5", nil, "anna@example.se", "applicant password"))
		// Colleagues behind the same address still log in, and may still fail
		// up to the limit.
		attempt(e, "198.51.100.20:2", nil, "bert@example.se", "applicant password").ok()
		for i := 0; i < limit; i++ {
			attempt(e, "198.51.100.20:3", nil, fmt.Sprintf("nobody%d@example.se", i), "wrong password!").wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, attempt(e, "198.51.100.20:4", nil, "bert@example.se", "applicant password"))
	})
	t.Run("every server over the database counts the same attempts", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		other := newEnvAtWith(t, e.dsn, graph.Options{LoginLimit: limit, LoginWindow: time.Minute})
		for i := 0; i < limit; i++ {
			server := e
			if i%2 == 1 {
				server = other
			}
			attempt(server, "198.51.100.30:1", nil, "anna@example.se", "wrong password!").wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, attempt(other, "198.51.100.30:2", nil, "anna@example.se", "applicant password"))
		wantLimited(t, attempt(e, "198.51.100.30:3", nil, "anna@example.se", "applicant password"))
	})
	t.Run("a retried signUp tries its password through the limiter", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		const signUp = `mutation($p: String!) { signUp(idempotencyKey: "k1", input: {email: "carl@example.se", name: "Carl",
			password: $p, organisation: {name: "Lerums kommun", kind: MUNICIPALITY, sector: PUBLIC}}) { token } }`
		e.gqlFrom("198.51.100.40:1", nil, "", signUp, map[string]any{"p": "carl's password"}).ok() // logs in: 1 attempt
		for i := 1; i < limit; i++ {
			e.gqlFrom("198.51.100.40:1", nil, "", signUp, map[string]any{"p": fmt.Sprintf("guess number %d", i)}).wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, e.gqlFrom("198.51.100.40:1", nil, "", signUp, map[string]any{"p": "carl's password"}))
		wantLimited(t, attempt(e, "198.51.100.40:1", nil, "carl@example.se", "carl's password"))
	})
	t.Run("a retried createUser tries its password through the limiter", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		admin := e.admin()
		const create = `mutation($p: String!) { createUser(idempotencyKey: "u1", input: {email: "dora@example.se", name: "Dora",
			password: $p, role: JUROR}) { id } }`
		const addr = "198.51.100.50:1"
		e.gqlFrom(addr, nil, admin, create, map[string]any{"p": "dora's password"}).ok() // creates: no check
		for i := 0; i < limit; i++ {
			e.gqlFrom(addr, nil, admin, create, map[string]any{"p": fmt.Sprintf("guess number %d", i)}).wantCode("CONFLICT")
		}
		wantLimited(t, e.gqlFrom(addr, nil, admin, create, map[string]any{"p": "dora's password"}))
		wantLimited(t, attempt(e, addr, nil, "dora@example.se", "dora's password"))
		attempt(e, "198.51.100.51:1", nil, "dora@example.se", "dora's password").ok()
	})
	t.Run("aliases in one request count one by one", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		// Mutations run in order; the first refused login ends the request.
		// Anna's sign-up logged her in from the same address: one attempt.
		r := e.gql("", "mutation "+aliased(limit+2, `login(email: "anna@example.se", password: "applicant password") { token }`), nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "RATE_LIMITED" || fmt.Sprint(r.Errors[0].Path) != fmt.Sprintf("[a%d]", limit-1) {
			t.Errorf("errors = %+v, want RATE_LIMITED at a%d", r.Errors, limit-1)
		}
	})
	t.Run("a forwarded-for header is ignored unless configured", func(t *testing.T) {
		e := fresh(t, graph.Options{})
		for i := 0; i < limit; i++ {
			h := http.Header{"X-Forwarded-For": {fmt.Sprintf("192.0.2.%d", 100+i)}}
			attempt(e, "", h, fmt.Sprintf("nobody%d@example.se", i), "wrong password!").wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, attempt(e, "", http.Header{"X-Forwarded-For": {"192.0.2.200"}}, "bert@example.se", "applicant password"))
	})
	t.Run("a configured header names the client", func(t *testing.T) {
		e := fresh(t, graph.Options{ClientIPHeader: "X-Forwarded-For"})
		for i := 0; i < limit; i++ {
			h := http.Header{"X-Forwarded-For": {"192.0.2.1, 198.51.100.1"}}
			attempt(e, "", h, fmt.Sprintf("nobody%d@example.se", i), "wrong password!").wantCode("UNAUTHENTICATED")
		}
		wantLimited(t, attempt(e, "", http.Header{"X-Forwarded-For": {"192.0.2.9, 198.51.100.1"}}, "bert@example.se", "applicant password"))
		attempt(e, "", http.Header{"X-Forwarded-For": {"198.51.100.1, 198.51.100.2"}}, "bert@example.se", "applicant password").ok()
	})
}

// TestSignUpsAreLimitedPerClient: sign-ups, which tell whether an e-mail
// is registered, are limited per client address.
func TestSignUpsAreLimitedPerClient(t *testing.T) {
	e := newEnvWith(t, graph.Options{SignUpLimit: 3, SignUpWindow: time.Minute})
	signUp := func(addr string, i int) *result {
		return e.gqlFrom(addr, nil, "", `mutation($e: String!) { signUp(input: {email: $e, name: "N", password: "a long enough password",
			organisation: {name: "Org", kind: COMPANY, sector: PRIVATE}}) { token } }`, map[string]any{"e": fmt.Sprintf("u%d@example.se", i)})
	}
	signUp("198.51.100.1:1", 0).ok()
	signUp("198.51.100.1:1", 0).wantCode("CONFLICT") // already registered: counts too
	signUp("198.51.100.1:1", 1).ok()
	r := signUp("198.51.100.1:1", 2).wantCode("RATE_LIMITED")
	if s, _ := r.Errors[0].Extensions["retryAfter"].(float64); s < 1 || s > 60 {
		t.Errorf("retryAfter = %v, want 1–60 seconds", r.Errors[0].Extensions["retryAfter"])
	}
	signUp("198.51.100.2:1", 2).ok()
}

func TestPasswordsNeedTwelveCharacters(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	signUp := func(email, password string) *result {
		return e.gql("", `mutation($in: SignUpInput!) { signUp(input: $in) { token } }`,
			map[string]any{"in": map[string]any{"email": email, "name": "N", "password": password,
				"organisation": map[string]any{"name": "Org", "kind": "MUNICIPALITY", "sector": "PUBLIC"}}})
	}
	createUser := func(email, password string) *result {
		return e.gql(admin, `mutation($in: CreateUserInput!) { createUser(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"email": email, "name": "N", "password": password, "role": "JUROR"}})
	}
	cases := []struct {
		name, password string
		ok             bool
	}{
		{"11 characters", "elevenchars", false},
		{"12 characters", "twelve chars", true},
		{"11 characters of two bytes each", "åäöåäöåäöåä", false},
		{"12 characters of two bytes each", "åäöåäöåäöåäö", true},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for via, create := range map[string]func(string, string) *result{"signUp": signUp, "createUser": createUser} {
				r := create(fmt.Sprintf("%s%d@example.se", via, i), c.password)
				if c.ok {
					r.ok()
					continue
				}
				r.wantCode("INVALID")
				if r.Errors[0].Extensions["field"] != "password" {
					t.Errorf("%s: field = %v, want password", via, r.Errors[0].Extensions["field"])
				}
			}
		})
	}
	if store.MinPasswordLength != 12 {
		t.Errorf("MinPasswordLength = %d, want 12", store.MinPasswordLength)
	}
}

func TestExpiredAndRevokedTokensAreRefused(t *testing.T) {
	e := newEnv(t)
	token, _ := e.signUp("anna@example.se", "Södertälje kommun")
	other := e.login("anna@example.se", "applicant password")
	e.gql(token, `{ me { id } }`, nil).ok()
	refused := func(t *testing.T, token string) {
		t.Helper()
		r := e.gql(token, `{ me { id } }`, nil).wantCode("UNAUTHENTICATED")
		if r.Status != http.StatusUnauthorized {
			t.Errorf("status = %d, want 401", r.Status)
		}
	}
	t.Run("revoked", func(t *testing.T) {
		e.gql(token, `mutation { logout }`, nil).ok()
		refused(t, token)
		e.gql(other, `{ me { id } }`, nil).ok() // another session of the same user lives on
	})
	t.Run("expired", func(t *testing.T) {
		now := time.Now()
		e.db.Now = func() time.Time { return now.Add(e.db.TokenTTL - time.Minute) }
		e.gql(other, `{ me { id } }`, nil).ok()
		e.db.Now = func() time.Time { return now.Add(e.db.TokenTTL + time.Minute) }
		refused(t, other)
	})
}
