package graph

import (
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/leanforum/awards/store"
)

// Limits checked on the parsed document, with fragments expanded.
//
// Cost estimates how many values a query may return. Every field counts
// 1, and a field with a selection counts its selection once per item it
// may return: a paginated list as many as its `first` argument asks for
// (20 when absent, 100 when a variable), the nodes and edges of a page
// once (the page is already counted), a list that is not paginated as
// many rows as it can really return (listBounds: every municipality for
// municipalities, the longest list of criteria of any cycle for a
// cycle's criteria, …, at least shortListSize), and the few lists that
// stay short whatever the data (shortLists) shortListSize items. A list of
// scalars counts its items too. Listing 100 applications with their organisation, members,
// answers, indicators, cycle, award and criteria (TestBatchedLoading's
// query) costs 3,601.
const (
	// MaxDepth is how deep fields may nest: `{ me { id } }` is 2 deep.
	MaxDepth = 10
	// MaxCost is the largest cost of an operation.
	MaxCost = 20000
	// shortListSize is what a list without `first` counts as.
	shortListSize = 5
)

// Introspection (__schema and __type, for admins and in development) is
// measured apart, with its lists counted as the longest list of their
// kind in this schema (every type, the most fields of any type, …).
// GraphiQL's introspection query is 15 fields deep; with the jury and
// benchmark types it costs more than 1,000,000 by this measure, which
// multiplies the longest list of each kind, so the limit is set well
// above that to leave room for the schema to grow. Aliases and tokens are
// limited before this, and introspection is for admins or development.
const (
	MaxIntrospectionDepth = 15
	MaxIntrospectionCost  = 8000000
)

// costCap is where costs stop growing, so they cannot overflow.
const costCap = MaxIntrospectionCost + 1

// measure is the depth and cost of a selection set.
type measure struct{ depth, cost int }

func (m measure) add(o measure) measure {
	return measure{max(m.depth, o.depth), min(m.cost+o.cost, costCap)}
}

// docMeasure is what the limits look at in an operation.
type docMeasure struct {
	measure               // the operation's own fields
	intro         measure // __schema and __type
	introspection bool    // whether it asks for __schema or __type
}

// measurer measures one document over a schema.
type measurer struct {
	schema *graphql.Schema
	sizes  map[string]int // list sizes of introspection fields
	rows   store.ListSizes
	frags  map[string]*ast.FragmentDefinition
	memo   map[string]*measure // per fragment; nil while being measured
}

// measureOperation measures the one operation in doc. Run it after
// NoFragmentCyclesRule; unknown fields and fragments measure as leaves,
// for the other rules to refuse.
func measureOperation(schema *graphql.Schema, sizes map[string]int, rows store.ListSizes, doc *ast.Document) docMeasure {
	m := &measurer{schema: schema, sizes: sizes, rows: rows, frags: map[string]*ast.FragmentDefinition{},
		memo: map[string]*measure{}}
	var op *ast.OperationDefinition
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			op = d
		case *ast.FragmentDefinition:
			m.frags[d.Name.Value] = d
		}
	}
	var out docMeasure
	if op == nil {
		return out
	}
	var root graphql.Type = schema.QueryType()
	if op.Operation == ast.OperationTypeMutation && schema.MutationType() != nil {
		root = schema.MutationType()
	}
	for _, f := range m.rootFields(root, op.SelectionSet, map[string]bool{}) {
		fm := m.field(root, f)
		if name := f.Name.Value; name == "__schema" || name == "__type" {
			out.intro, out.introspection = out.intro.add(fm), true
		} else {
			out.measure = out.measure.add(fm)
		}
	}
	return out
}

// check refuses a document over the limits.
func (d docMeasure) check() error {
	switch {
	case d.depth > MaxDepth:
		return tooComplex("the query nests fields %d deep; the limit is %d", d.depth, MaxDepth)
	case d.cost > MaxCost:
		return tooComplex("the query may return about %s values; the limit is %d (paginated lists count their first argument, 20 when absent)",
			costString(d.cost), MaxCost)
	case d.intro.depth > MaxIntrospectionDepth:
		return tooComplex("the introspection query nests fields %d deep; the limit is %d", d.intro.depth, MaxIntrospectionDepth)
	case d.intro.cost > MaxIntrospectionCost:
		return tooComplex("the introspection query may return about %s values; the limit is %d",
			costString(d.intro.cost), MaxIntrospectionCost)
	}
	return nil
}

func costString(c int) string {
	if c >= costCap {
		return "more than " + strconv.Itoa(MaxIntrospectionCost)
	}
	return strconv.Itoa(c)
}

// rootFields lists the fields of the operation's selection set, looking
// through fragments, so that introspection is told apart at the root.
func (m *measurer) rootFields(t graphql.Type, set *ast.SelectionSet, seen map[string]bool) []*ast.Field {
	if set == nil {
		return nil
	}
	var out []*ast.Field
	for _, sel := range set.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			out = append(out, sel)
		case *ast.InlineFragment:
			out = append(out, m.rootFields(t, sel.SelectionSet, seen)...)
		case *ast.FragmentSpread:
			if f := m.frags[sel.Name.Value]; f != nil && !seen[sel.Name.Value] {
				seen[sel.Name.Value] = true
				out = append(out, m.rootFields(t, f.SelectionSet, seen)...)
			}
		}
	}
	return out
}

// set measures a selection set on type t (nil when unknown). Like
// graphql-go's execution, it counts a fragment spread once per selection
// set however often it is spread there.
func (m *measurer) set(t graphql.Type, set *ast.SelectionSet) measure {
	return m.selections(t, set, map[string]bool{})
}

func (m *measurer) selections(t graphql.Type, set *ast.SelectionSet, spread map[string]bool) measure {
	var out measure
	if set == nil {
		return out
	}
	for _, sel := range set.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			out = out.add(m.field(t, sel))
		case *ast.InlineFragment:
			out = out.add(m.selections(m.condition(t, sel.TypeCondition), sel.SelectionSet, spread))
		case *ast.FragmentSpread:
			if !spread[sel.Name.Value] {
				spread[sel.Name.Value] = true
				out = out.add(m.fragment(sel.Name.Value))
			}
		}
	}
	return out
}

func (m *measurer) fragment(name string) measure {
	if got, done := m.memo[name]; done {
		if got == nil { // a cycle: NoFragmentCyclesRule refuses it
			return measure{}
		}
		return *got
	}
	f := m.frags[name]
	if f == nil {
		return measure{}
	}
	m.memo[name] = nil
	got := m.set(m.condition(nil, f.TypeCondition), f.SelectionSet)
	m.memo[name] = &got
	return got
}

func (m *measurer) condition(t graphql.Type, cond *ast.Named) graphql.Type {
	if cond == nil || cond.Name == nil {
		return t
	}
	return m.schema.Type(cond.Name.Value)
}

// field measures one field of parent.
func (m *measurer) field(parent graphql.Type, f *ast.Field) measure {
	def := fieldDef(parent, f.Name.Value)
	if f.SelectionSet == nil {
		// A list of scalars costs its items, as a list of objects does.
		return measure{1, min(m.items(parent, def, f), costCap)}
	}
	var t graphql.Type
	if def != nil {
		t, _ = graphql.GetNamed(def.Type).(graphql.Type)
	}
	sub := m.set(t, f.SelectionSet)
	return measure{1 + sub.depth, min(1+m.items(parent, def, f)*sub.cost, costCap)}
}

// items is how many items a field may return.
func (m *measurer) items(parent graphql.Type, def *graphql.FieldDefinition, f *ast.Field) int {
	if def == nil {
		return 1
	}
	if parent != nil {
		if count, ok := listBounds[parent.Name()+"."+def.Name]; ok {
			return max(count(f, m.rows), 1)
		}
	}
	for _, a := range def.Args {
		if a.Name() == "first" {
			return firstArgument(f)
		}
	}
	if _, ok := graphql.GetNullable(def.Type).(*graphql.List); !ok || parent == nil {
		return 1
	}
	switch name := parent.Name(); {
	case strings.HasPrefix(name, "__"):
		if n, ok := m.sizes[def.Name]; ok {
			return max(n, 1)
		}
	case strings.HasSuffix(name, "Connection"):
		return 1
	}
	return shortListSize
}

// firstArgument is the page size a field's `first` asks for.
func firstArgument(f *ast.Field) int {
	for _, a := range f.Arguments {
		if a.Name == nil || a.Name.Value != "first" {
			continue
		}
		switch v := a.Value.(type) {
		case *ast.IntValue:
			if n, err := strconv.Atoi(v.Value); err == nil {
				return min(max(n, 1), store.MaxPageSize)
			}
		case *ast.Variable:
			return store.MaxPageSize
		}
	}
	return defaultPageSize
}

// fieldDef finds a field of t, the meta-fields included.
func fieldDef(t graphql.Type, name string) *graphql.FieldDefinition {
	switch name {
	case "__schema":
		return graphql.SchemaMetaFieldDef
	case "__type":
		return graphql.TypeMetaFieldDef
	case "__typename":
		return graphql.TypeNameMetaFieldDef
	}
	switch t := t.(type) {
	case *graphql.Object:
		return t.Fields()[name]
	case *graphql.Interface:
		return t.Fields()[name]
	}
	return nil
}

// introspectionSizes gives, per list field of the introspection types,
// the longest such list in schema.
func introspectionSizes(schema *graphql.Schema) map[string]int {
	sizes := map[string]int{"types": len(schema.TypeMap()), "directives": len(schema.Directives())}
	grow := func(field string, n int) { sizes[field] = max(sizes[field], n) }
	for _, t := range schema.TypeMap() {
		switch t := t.(type) {
		case *graphql.Object:
			grow("fields", len(t.Fields()))
			grow("interfaces", len(t.Interfaces()))
			for _, f := range t.Fields() {
				grow("args", len(f.Args))
			}
		case *graphql.Interface:
			grow("fields", len(t.Fields()))
			grow("possibleTypes", len(schema.PossibleTypes(t)))
		case *graphql.Union:
			grow("possibleTypes", len(t.Types()))
		case *graphql.InputObject:
			grow("inputFields", len(t.Fields()))
		case *graphql.Enum:
			grow("enumValues", len(t.Values()))
		}
	}
	for _, d := range schema.Directives() {
		grow("args", len(d.Args))
	}
	return sizes
}
