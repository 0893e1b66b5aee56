package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// execute runs document in-process through the env's handler.
func (e *env) execute(c graph.Caller, document string, vars map[string]any) *graph.Result {
	e.t.Helper()
	return e.h.(*graph.Handler).Execute(context.Background(), c, document, vars)
}

// TestExecuteAnswersAsPostGraphQL runs the same documents, as the same
// callers, through Execute and POST /graphql: the data, the error codes,
// their fields and the statuses must be the same.
func TestExecuteAnswersAsPostGraphQL(t *testing.T) {
	e := newDemoEnv(t)
	malmo := e.login(store.DemoMalmoEmail, store.DemoPassword)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	var sodertalje string
	for _, a := range e.gql(admin, `{ applications(first: 50) { nodes { id organisation { name } } } }`, nil).ok().get("applications.nodes").([]any) {
		a := a.(map[string]any)
		if strings.HasPrefix(a["organisation"].(map[string]any)["name"].(string), "Södertälje") {
			sodertalje = a["id"].(string)
		}
	}
	if sodertalje == "" {
		t.Fatal("the demo has no Södertälje application")
	}
	cases := []struct {
		name, token, doc string
		vars             map[string]any
	}{
		{"anonymous reads the awards", "", `{ awards { nodes { id name cycles { id year phase } } } }`, nil},
		{"an applicant is who the token says", malmo, `{ me { name role } }`, nil},
		{"an applicant cannot read another organisation's application", malmo,
			`query($id: ID!) { application(id: $id) { title } }`, map[string]any{"id": sodertalje}},
		{"an applicant cannot withdraw another's application", malmo,
			`mutation($id: ID!) { withdrawApplication(id: $id, version: 1, reason: "x") { status } }`, map[string]any{"id": sodertalje}},
		{"a bad input names its field", "", `mutation($in: SignUpInput!) { signUp(input: $in) { token } }`,
			map[string]any{"in": map[string]any{"email": "not an address", "name": "N", "password": "short",
				"organisation": map[string]any{"name": "O", "kind": "MUNICIPALITY", "sector": "PUBLIC"}}}},
		{"a revoked or made-up token is refused", "not-a-token", `{ me { name } }`, nil},
		{"a document with an unknown field is refused", "", `{ awards { nodes { nope } } }`, nil},
		{"cyclic fragments are refused before they are run", "",
			`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, nil},
	}
	for _, c := range cases {
		post := e.gql(c.token, c.doc, c.vars)
		got := e.execute(graph.Caller{Token: c.token, Addr: "192.0.2.1:1"}, c.doc, c.vars)
		t.Run(c.name, func(t *testing.T) {
			if got.Status != post.Status {
				t.Errorf("Execute status = %d, POST /graphql answered %d", got.Status, post.Status)
			}
			var data map[string]any
			if err := got.Decode(&data); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(normalise(data), normalise(post.Data)) {
				t.Errorf("Execute data = %v, POST /graphql answered %v", data, post.Data)
			}
			if len(got.Errors) != len(post.Errors) {
				t.Fatalf("Execute errors = %v, POST /graphql answered %v", got.Errors, post.Errors)
			}
			for i, pe := range post.Errors {
				if string(got.Errors[i].Code) != pe.Extensions["code"] || got.Errors[i].Field != str(pe.Extensions["field"]) {
					t.Errorf("Execute error %d = %s at %q, POST /graphql answered %v at %v", i, got.Errors[i].Code,
						got.Errors[i].Field, pe.Extensions["code"], pe.Extensions["field"])
				}
			}
		})
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// normalise makes a nil map and an absent one alike, through JSON.
func normalise(v map[string]any) any {
	if len(v) == 0 {
		return nil
	}
	b, _ := json.Marshal(v)
	var out any
	json.Unmarshal(b, &out)
	return out
}

// TestExecuteLogsInUnderTheLoginLimit: a login through Execute counts
// against the same per-address limit as one over HTTP.
func TestExecuteLogsInUnderTheLoginLimit(t *testing.T) {
	e := newEnvWith(t, graph.Options{LoginLimit: 2})
	e.signUp("limit@example.se", "Org")
	doc := `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { role } } }`
	c := graph.Caller{Addr: "198.51.100.7:5000"}
	ok := e.execute(c, doc, map[string]any{"e": "limit@example.se", "p": "applicant password"})
	var out struct {
		Login struct {
			Token string
			User  struct{ Role string }
		}
	}
	if err := ok.Decode(&out); err != nil || len(ok.Errors) > 0 || out.Login.Token == "" || out.Login.User.Role != "APPLICANT" {
		t.Fatalf("login = %+v, %v, %v; want a token for an applicant", out, ok.Errors, err)
	}
	me := e.execute(graph.Caller{Token: out.Login.Token}, `{ me { role } }`, nil)
	if string(me.Data) != `{"me":{"role":"APPLICANT"}}` {
		t.Errorf("me with the new token = %s", me.Data)
	}
	var last *graph.Result
	for range 3 {
		last = e.execute(c, doc, map[string]any{"e": "limit@example.se", "p": "wrong password!"})
	}
	if len(last.Errors) != 1 || last.Errors[0].Code != store.RateLimited || last.Errors[0].RetryAfter <= 0 {
		t.Errorf("third failed login errors = %+v, want RATE_LIMITED with a retry time", last.Errors)
	}
	other := e.execute(graph.Caller{Addr: "198.51.100.8:5000"}, doc, map[string]any{"e": "limit@example.se", "p": "applicant password"})
	if len(other.Errors) != 0 {
		t.Errorf("login from another address = %+v, want it let through", other.Errors)
	}
}

// TestCheckValidatesWithoutRunning: Check refuses what POST /graphql
// refuses and runs nothing.
func TestCheckValidatesWithoutRunning(t *testing.T) {
	e := newEnv(t)
	h := e.h.(*graph.Handler)
	if errs := h.Check(`mutation { logout }`); errs != nil {
		t.Errorf("Check(logout) = %v, want none", errs)
	}
	for _, doc := range []string{`{ awards { nodes { nope } } }`, `query($x: Nope) { me { id } }`, `{`,
		`query { ...A } fragment A on Query { ...A }`} {
		errs := h.Check(doc)
		if len(errs) == 0 || errs[0].Code != store.Invalid {
			t.Errorf("Check(%q) = %v, want INVALID", doc, errs)
		}
	}
	if r := e.execute(graph.Caller{}, `{ me { id } }`, map[string]any{"bad": make(chan int)}); r.Status != http.StatusBadRequest {
		t.Errorf("Execute with variables that are not JSON: status %d, want 400", r.Status)
	}
}
