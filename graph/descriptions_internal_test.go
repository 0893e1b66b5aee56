package graph

import (
	"sort"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
)

// TestEveryTypeAndFieldIsDescribed fails for each type, field, input field
// and argument of the schema without a description, so that GraphiQL's
// documentation pane explains the whole API, fields added later included.
func TestEveryTypeAndFieldIsDescribed(t *testing.T) {
	for _, m := range undescribed(t) {
		t.Errorf("%s has no description", m)
	}
}

// undescribed lists what lacks a description, sorted.
func undescribed(t *testing.T) []string {
	t.Helper()
	s, err := newSchema(nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for name, typ := range s.TypeMap() {
		if strings.HasPrefix(name, "__") || builtinScalar(name) {
			continue
		}
		if typ.Description() == "" {
			missing = append(missing, name)
		}
		switch typ := typ.(type) {
		case *graphql.Object:
			for fname, f := range typ.Fields() {
				if f.Description == "" {
					missing = append(missing, name+"."+fname)
				}
				for _, a := range f.Args {
					if a.Description() == "" {
						missing = append(missing, name+"."+fname+"("+a.Name()+")")
					}
				}
			}
		case *graphql.InputObject:
			for fname, f := range typ.Fields() {
				if f.Description() == "" {
					missing = append(missing, name+"."+fname)
				}
			}
		}
	}
	sort.Strings(missing)
	return missing
}

// builtinScalar reports whether name is a scalar graphql-go defines.
func builtinScalar(name string) bool {
	switch name {
	case "String", "Int", "Float", "Boolean", "ID", "DateTime":
		return true
	}
	return false
}
