package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
)

func TestDepthAndCostLimits(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	// Ten deep: applications nodes cycle award cycles award cycles award cycles id.
	const ten = `{ applications(first: 1) { nodes { cycle { award { cycles { award { cycles { award { cycles { id } } } } } } } } } }`
	eleven := strings.Replace(ten, "cycles { id }", "cycles { award { id } }", 1)
	// The same, eleven deep only once fragments are expanded.
	fragments := `{ applications(first: 1) { ...A } }
		fragment A on ApplicationConnection { nodes { cycle { ...C } } }
		fragment C on Cycle { award { cycles { ...D } } }
		fragment D on Cycle { award { cycles { award { cycles { award { id } } } } } }`
	// 100 applications × a cycle's criteria with their bands and items.
	heavy := func(args string) string {
		q := `{ applications` + args + ` { nodes { cycle { criteria {
			bands { from to label } children { bands { from to label } } } } } } }`
		if strings.Contains(args, "$n") {
			q = "query($n: Int) " + q
		}
		return q
	}
	// Each fragment spreads the next twice, which execution collects once.
	var twice strings.Builder
	twice.WriteString("{ me { ...F0 } }")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&twice, " fragment F%d on User { ...F%d ...F%d }", i, i+1, i+1)
	}
	twice.WriteString(" fragment F30 on User { id }")
	// Each fragment spreads the next under two fields: 2^30 fields.
	var bomb strings.Builder
	bomb.WriteString("{ me { ...F0 } }")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&bomb, " fragment F%d on User { organisations { members { ...F%d } } x: organisations { members { ...F%d } } }", i, i+1, i+1)
	}
	bomb.WriteString(" fragment F30 on User { id }")
	cases := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"ten deep", ten, nil, ""},
		{"eleven deep", eleven, nil, "QUERY_TOO_COMPLEX"},
		{"eleven deep through fragments", fragments, nil, "QUERY_TOO_COMPLEX"},
		{"a page of 10 with nested lists", heavy("(first: 10)"), nil, ""},
		{"a page of 100 with nested lists", heavy("(first: 100)"), nil, "QUERY_TOO_COMPLEX"},
		{"a page size in a variable counts as 100", heavy("(first: $n)"), map[string]any{"n": 10}, "QUERY_TOO_COMPLEX"},
		{"no first counts as 20", heavy(""), nil, ""},
		{"first over 100 is the resolver's to refuse", `{ applications(first: 1000) { nodes { id } } }`, nil, "INVALID"},
		{"a fragment spread twice in one selection counts once", twice.String(), nil, ""},
		{"a fragment that doubles 30 times", bomb.String(), nil, "QUERY_TOO_COMPLEX"},
		{"30 aliases of a full page", aliased(30, `applications(first: 100) { nodes { id title } }`), nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := e.gql(admin, c.query, c.vars)
			if r.code() != c.code {
				t.Fatalf("code = %q (%+v), want %q", r.code(), r.Errors, c.code)
			}
			if c.code == "QUERY_TOO_COMPLEX" && r.Status != 400 {
				t.Errorf("status = %d, want 400", r.Status)
			}
		})
	}
}

func aliased(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	return b.String() + " }"
}

func TestIntrospectionIsForAdmins(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	applicant, _ := e.signUp("anna@example.se", "Södertälje kommun")
	juror := e.juror(admin, "juror@example.se")
	queries := map[string]string{
		"__schema":               `{ __schema { queryType { name } } }`,
		"__type":                 `{ __type(name: "User") { name fields { name } } }`,
		"__schema in a fragment": `{ ...F } fragment F on Query { __schema { types { name } } }`,
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			e.gql(admin, q, nil).ok()
			for who, token := range map[string]string{"anonymous": "", "applicant": applicant, "juror": juror} {
				if r := e.gql(token, q, nil); r.code() != "FORBIDDEN" || r.Status != 403 || r.Data != nil {
					t.Errorf("%s: %d %+v %v, want 403 FORBIDDEN without data", who, r.Status, r.Errors, r.Data)
				}
			}
		})
	}
	t.Run("__typename is for everyone", func(t *testing.T) {
		if r := e.gql("", `{ __typename awards { __typename } }`, nil).ok(); r.str("__typename") != "Query" {
			t.Errorf("data = %v", r.Data)
		}
	})
	t.Run("GraphiQL's introspection query fits the limits", func(t *testing.T) {
		r := e.gql(admin, graphiQLIntrospection, nil).ok()
		if types := r.get("__schema.types").([]any); len(types) < 30 {
			t.Errorf("types = %d", len(types))
		}
	})
	t.Run("development allows introspection to everyone", func(t *testing.T) {
		dev := newEnvWith(t, graph.Options{Development: true})
		dev.gql("", graphiQLIntrospection, nil).ok()
	})
}

func TestSuggestionsOnlyInDevelopment(t *testing.T) {
	const typo = `{ awrds { totalCount } }`
	r := newEnv(t).gql("", typo, nil).wantCode("INVALID")
	if msg := r.Errors[0].Message; strings.Contains(msg, "Did you mean") || !strings.Contains(msg, `Cannot query field "awrds"`) {
		t.Errorf("message = %q, want it without suggestions", msg)
	}
	r = newEnvWith(t, graph.Options{Development: true}).gql("", typo, nil).wantCode("INVALID")
	if msg := r.Errors[0].Message; !strings.Contains(msg, `Did you mean "awards"`) {
		t.Errorf("development message = %q, want the suggestion", msg)
	}
}

func TestACachedDocumentIsStillCheckedPerCaller(t *testing.T) {
	e := newEnv(t)
	const q = `{ __schema { queryType { name } } }`
	e.gql(e.admin(), q, nil).ok()
	e.gql("", q, nil).wantCode("FORBIDDEN")
}

// graphiQLIntrospection is the query GraphiQL 3.8 sends
// (graphql-js getIntrospectionQuery with its defaults).
const graphiQLIntrospection = `
    query IntrospectionQuery {
      __schema {
        queryType { name }
        mutationType { name }
        subscriptionType { name }
        types { ...FullType }
        directives { name description locations args { ...InputValue } }
      }
    }
    fragment FullType on __Type {
      kind name description
      fields(includeDeprecated: true) {
        name description
        args { ...InputValue }
        type { ...TypeRef }
        isDeprecated deprecationReason
      }
      inputFields { ...InputValue }
      interfaces { ...TypeRef }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
      possibleTypes { ...TypeRef }
    }
    fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
    fragment TypeRef on __Type {
      kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
        kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
    }`
