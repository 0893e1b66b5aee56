package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
)

// TestEveryListIsBounded: every list field of the schema is paginated,
// the items of a page, bounded by the rows it can really return
// (listBounds), or named short (shortLists), so that a new list is costed
// on purpose.
func TestEveryListIsBounded(t *testing.T) {
	s, err := newSchema(nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, typ := range s.TypeMap() {
		o, ok := typ.(*graphql.Object)
		if !ok || strings.HasPrefix(name, "__") {
			continue
		}
		for fname, f := range o.Fields() {
			if _, ok := graphql.GetNullable(f.Type).(*graphql.List); !ok {
				continue
			}
			key := name + "." + fname
			_, bounded := listBounds[key]
			paged := slices.ContainsFunc(f.Args, func(a *graphql.Argument) bool { return a.Name() == "first" })
			if !paged && !bounded && !slices.Contains(shortLists, key) && !strings.HasSuffix(name, "Connection") {
				t.Errorf("%s is a list that is neither paginated, nor in listBounds, nor in shortLists", key)
			}
		}
	}
	for key := range listBounds {
		if slices.Contains(shortLists, key) {
			t.Errorf("%s is both bounded and short", key)
		}
	}
}
