package graph_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
)

// TestNoValueLooksLikeAPointer walks the whole schema over the demo, as
// an admin, a lead juror and an applicant: every query field, every
// field below it three levels deep, with the ids the walk has seen for
// required id arguments. No value anywhere may look like a Go pointer
// (graphql-go writes a *int64 in an ID field as "0x16b0…"). The walk must
// also reach the optional ids that once leaked, non-null, so that it
// cannot pass by not looking.
func TestNoValueLooksLikeAPointer(t *testing.T) {
	e := newDemoEnv(t)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	// The demo has no criteria tree with categories and no juror who
	// works at an organisation: add both, so that those ids are walked too.
	award := e.gql(admin, `{ awards { nodes { id } } }`, nil).ok().get("awards.nodes").([]any)[0].(map[string]any)["id"]
	now := time.Now().UTC()
	cycle := e.gql(admin, `mutation($in: CreateCycleInput!) { createCycle(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"awardId": award, "year": 2030, "title": "Baldrige", "template": "BALDRIGE",
			"opensAt": now.Format(time.RFC3339), "closesAt": now.Add(48 * time.Hour).Format(time.RFC3339),
			"scoringClosesAt": now.Add(96 * time.Hour).Format(time.RFC3339)}}).ok().str("createCycle.id")
	org := e.gql(admin, `{ organisations { nodes { id } } }`, nil).ok().get("organisations.nodes").([]any)[0].(map[string]any)["id"]
	juror := e.gql(admin, `{ users(first: 50) { nodes { id email } } }`, nil).ok()
	var sara any
	for _, u := range juror.get("users.nodes").([]any) {
		if u.(map[string]any)["email"] == "sara@demo.jury.se" {
			sara = u.(map[string]any)["id"]
		}
	}
	e.gql(admin, `mutation($c: ID!, $u: ID!, $o: ID) { addJuror(cycleId: $c, input: {userId: $u, organisationId: $o, affiliation: "Konsult"}) { userId } }`,
		map[string]any{"c": cycle, "u": sara, "o": org}).ok()
	w := &walker{e: e, types: introspect(e, admin), ids: map[string][]string{}, reached: map[string]bool{}}
	for _, token := range []string{admin, e.login(store.DemoJurorEmail, store.DemoPassword), e.login(store.DemoMalmoEmail, store.DemoPassword)} {
		for round := 0; round < 2; round++ { // the second round has the ids the first one saw
			w.walkRoot(t, token)
		}
	}
	for _, f := range []string{"Conflict.organisationId", "Criterion.parentId", "AuditEntry.actorId", "Juror.organisationId"} {
		if !w.reached[f] {
			t.Errorf("the walk never reached a non-null %s", f)
		}
	}
	if len(w.reached) < 100 {
		t.Errorf("the walk reached %d fields with values, want a whole schema's worth", len(w.reached))
	}
}

var pointerShaped = regexp.MustCompile(`^(0x|0X)[0-9a-fA-F]{4,}$|^&\{|^\{0x`)

type typeRef struct {
	Kind   string   `json:"kind"`
	Name   string   `json:"name"`
	OfType *typeRef `json:"ofType"`
}

func (r *typeRef) named() *typeRef {
	for r.OfType != nil {
		r = r.OfType
	}
	return r
}

type fieldDef struct {
	Name string `json:"name"`
	Args []struct {
		Name string   `json:"name"`
		Type *typeRef `json:"type"`
	} `json:"args"`
	Type *typeRef `json:"type"`
}

type walker struct {
	e       *env
	types   map[string][]fieldDef
	ids     map[string][]string // type name → ids seen
	reached map[string]bool     // Type.field → a non-null value was seen
}

func introspect(e *env, admin string) map[string][]fieldDef {
	const ref = `kind name ofType { kind name ofType { kind name ofType { kind name } } }`
	r := e.gql(admin, `{ __schema { types { name kind fields { name args { name type { `+ref+` } } type { `+ref+` } } } } }`, nil).ok()
	types := map[string][]fieldDef{}
	for _, raw := range r.get("__schema.types").([]any) {
		t := raw.(map[string]any)
		if t["kind"] != "OBJECT" || strings.HasPrefix(t["name"].(string), "__") {
			continue
		}
		var fields []fieldDef
		b, _ := json.Marshal(t["fields"])
		if err := json.Unmarshal(b, &fields); err != nil {
			e.t.Fatal(err)
		}
		types[t["name"].(string)] = fields
	}
	return types
}

// walkRoot queries each Query field on its own, so that one refused or
// failing field does not hide the others.
func (w *walker) walkRoot(t *testing.T, token string) {
	t.Helper()
	for _, f := range w.types["Query"] {
		for _, args := range w.argSets(f) {
			w.walkField(t, token, f, args)
		}
	}
}

// walkField asks for one Query field as deep as the cost limit allows.
// A field that fails nulls its parents, so the walk leaves out each
// failing field (by the errors' paths) and asks again.
func (w *walker) walkField(t *testing.T, token string, f fieldDef, args string) {
	t.Helper()
	for depth := 4; depth > 0; depth-- {
		skip := map[string]bool{}
		for try := 0; try < 30; try++ {
			doc := fmt.Sprintf("{ %s%s %s }", f.Name, args, w.selection(f.Type.named().Name, depth, f.Name, skip))
			r := w.e.gql(token, doc, nil)
			if r.Status != 200 {
				break // too costly at this depth
			}
			if len(r.Errors) == 0 || try == 29 {
				w.scan(t, "Query", f.Name, r.Data[f.Name], doc)
				return
			}
			for _, e := range r.Errors {
				skip[errorPath(e.Path)] = true
			}
		}
	}
}

// errorPath is an error's path without list indices.
func errorPath(path []any) string {
	var parts []string
	for _, p := range path {
		if s, ok := p.(string); ok {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ".")
}

// argSets gives the argument lists to ask a field with: its ID
// arguments filled with ids the walk has seen (an argument xId takes an
// X's id, id the field's own type's), one list per id seen, at most a
// dozen. A field with a required argument of another type, or one with
// no id seen yet, is left out.
func (w *walker) argSets(f fieldDef) []string {
	sets := []string{""}
	for _, a := range f.Args {
		if a.Type.named().Name != "ID" {
			if a.Type.Kind == "NON_NULL" {
				return nil
			}
			continue
		}
		typ := f.Type.named().Name
		if a.Name != "id" {
			typ = idOwner(a.Name)
		}
		ids := w.ids[typ]
		if len(ids) == 0 {
			if a.Type.Kind == "NON_NULL" {
				return nil
			}
			continue
		}
		if len(ids) > 12 {
			ids = ids[len(ids)-12:]
		}
		var next []string
		for _, prefix := range sets {
			for _, id := range ids {
				next = append(next, fmt.Sprintf("%s%s: %q, ", prefix, a.Name, id))
			}
		}
		sets = next
	}
	for i, set := range sets {
		if set != "" {
			sets[i] = "(" + strings.TrimSuffix(set, ", ") + ")"
		}
	}
	return sets
}

// idOwner names the type an id field or argument refers to.
func idOwner(name string) string {
	switch name {
	case "jurorId", "userId", "actorId", "declaredBy":
		return "User"
	}
	return strings.ToUpper(name[:1]) + strings.TrimSuffix(name[1:], "Id")
}

// selection selects every field of the type without required arguments,
// objects depth levels down.
func (w *walker) selection(typ string, depth int, path string, skip map[string]bool) string {
	fields, ok := w.types[typ]
	if !ok {
		return ""
	}
	var parts []string
	for _, f := range fields {
		if required(f) || skip[path+"."+f.Name] {
			continue
		}
		if _, obj := w.types[f.Type.named().Name]; obj {
			if depth > 1 {
				parts = append(parts, f.Name+" "+w.selection(f.Type.named().Name, depth-1, path+"."+f.Name, skip))
			}
			continue
		}
		parts = append(parts, f.Name)
	}
	if len(parts) == 0 {
		parts = append(parts, "__typename")
	}
	return "{ " + strings.Join(parts, " ") + " }"
}

func required(f fieldDef) bool {
	for _, a := range f.Args {
		if a.Type.Kind == "NON_NULL" {
			return true
		}
	}
	return false
}

// scan looks at every value below v, which is field of typ.
func (w *walker) scan(t *testing.T, typ, field string, v any, doc string) {
	t.Helper()
	switch x := v.(type) {
	case nil:
		return
	case []any:
		for _, el := range x {
			w.scan(t, typ, field, el, doc)
		}
		return
	}
	w.reached[typ+"."+field] = true
	def := w.field(typ, field)
	switch x := v.(type) {
	case map[string]any:
		named := ""
		if def != nil {
			named = def.Type.named().Name
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			owner := named
			if k != "id" {
				owner = idOwner(k)
			}
			if kd := w.field(named, k); kd != nil && kd.Type.named().Name == "ID" && owner != "" {
				if id, ok := x[k].(string); ok && !slices.Contains(w.ids[owner], id) {
					w.ids[owner] = append(w.ids[owner], id)
				}
			}
			w.scan(t, named, k, x[k], doc)
		}
	case string:
		if pointerShaped.MatchString(x) {
			if len(doc) > 160 {
				doc = doc[:160] + " …"
			}
			t.Errorf("%s.%s = %q looks like a pointer (in %s)", typ, field, x, doc)
		}
	}
}

func (w *walker) field(typ, name string) *fieldDef {
	for i, f := range w.types[typ] {
		if f.Name == name {
			return &w.types[typ][i]
		}
	}
	return nil
}
