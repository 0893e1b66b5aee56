package graph_test

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestREADMEListsEveryEnumValue: the README's enum table names every enum
// of the schema with exactly its values, so that a newcomer reading it
// knows what to send.
func TestREADMEListsEveryEnumValue(t *testing.T) {
	e := newEnv(t)
	r := e.gql(e.admin(), `{ __schema { types { name kind enumValues { name } } } }`, nil).ok()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	row := regexp.MustCompile("(?m)^\\| `([A-Za-z]+)` \\| ([^|]+) \\|")
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		rows[m[1]] = regexp.MustCompile("`([A-Za-z0-9_]+)`").FindAllString(m[2], -1)
	}
	for _, ty := range r.get("__schema.types").([]any) {
		ty := ty.(map[string]any)
		name := ty["name"].(string)
		if ty["kind"] != "ENUM" || strings.HasPrefix(name, "__") {
			continue
		}
		var want []string
		for _, v := range ty["enumValues"].([]any) {
			want = append(want, "`"+v.(map[string]any)["name"].(string)+"`")
		}
		sort.Strings(want)
		got := slices.Clone(rows[name])
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("README enum row for %s lists %v, want %v:\n| `%s` | %s |", name, got, want, name, strings.Join(want, ", "))
		}
	}
}
