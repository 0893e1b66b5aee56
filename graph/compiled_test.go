package graph_test

import (
	"testing"
)

// TestCompiledExecutorAnswers checks that the compiled executor, not the
// fallback, answers the reads the benchmarks measure; newEnv compares
// every answer with graphql-go's (Options.CompareExecutors).
func TestCompiledExecutorAnswers(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	seedApplications(t, e, c, 3)
	tests := []struct {
		name, token, query string
		vars               map[string]any
		compiled           bool
	}{
		{"nested applications", admin, listApps, nil, true},
		{"awards, cycles, criteria", "", `{ awards(first: 20) { nodes { id name cycles { id year title criteria { id code title weight } } } } }`, nil, true},
		{"one award by a variable", "", `query($id: ID!) { award(id: $id) { id name description } }`, map[string]any{"id": c.awardID}, true},
		{"typename", "", `{__typename}`, nil, true},
		{"aliases and fragments", admin, `{ a: applications(first: 2) { nodes { ...A x: title } } b: awards { totalCount } }
			fragment A on Application { id title organisation { ... on Organisation { name } } }`, nil, true},
		{"@include and @skip given literally", "", `{ awards { nodes { id name @include(if: false) description @skip(if: false) } } }`, nil, true},
		{"@include by a variable falls back", "", `query($i: Boolean!) { awards { nodes { id name @include(if: $i) } } }`, map[string]any{"i": true}, false},
		{"introspection falls back", admin, `{ __type(name: "Award") { name } }`, nil, false},
		{"a mutation falls back", admin, `mutation { createAward(name: "Nytt pris") { id } }`, nil, false},
		{"an error falls back", "", `{ application(id: "x") { id } }`, nil, false},
	}
	for _, tt := range tests {
		e.gql(tt.token, tt.query, tt.vars)
		lines := e.logs.lines("graphql")
		if got := lines[len(lines)-1]["compiled"] == "true"; got != tt.compiled {
			t.Errorf("%s: compiled = %v, want %v", tt.name, got, tt.compiled)
		}
	}
}
