package graph

import (
	"sort"
	"strings"
	"sync"
	_ "unsafe" // for go:linkname

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// The compiled executor runs a cached, validated query as a plan built
// once per document and operation: the fields of each level with their
// resolvers and coerced arguments, executed level by level with the same
// batch loaders, the answer written straight into one buffer. Anything the
// plan does not cover (mutations, introspection, abstract types, lists of
// lists) and any request on which a field fails goes to graphql-go's
// executor, the reference, which the differential test compares it with.

// graphql-go's own argument coercion, so that both executors read the same
// values from the same document and variables.
//
//go:linkname getArgumentValues github.com/graphql-go/graphql.getArgumentValues
func getArgumentValues(argDefs []*graphql.Argument, argASTs []*ast.Argument, variables map[string]any) map[string]any

//go:linkname getVariableValues github.com/graphql-go/graphql.getVariableValues
func getVariableValues(schema graphql.Schema, defs []*ast.VariableDefinition, inputs map[string]any) (map[string]any, error)

// plan is one operation of a document, compiled.
type plan struct {
	op   *ast.OperationDefinition
	root *selectionPlan
}

// selectionPlan is the fields asked of one object type at one place in
// the document, in the order their keys are written (sorted, as
// encoding/json writes graphql-go's maps).
type selectionPlan struct {
	typ    *graphql.Object
	fields []*fieldPlan
}

// fieldPlan is one response key.
type fieldPlan struct {
	key      []byte // `"key":`
	typename string // for __typename: the parent's name, and no resolver
	resolve  graphql.FieldResolveFn
	args     map[string]any  // coerced once when static
	argASTs  []*ast.Argument // when an argument names a variable
	argDefs  []*graphql.Argument
	info     graphql.ResolveInfo
	// The field's type: [item]! shapes at most one list deep.
	nonNull, list, itemNonNull bool
	leaf                       graphql.Leaf   // a scalar or enum item, or
	child                      *selectionPlan // an object item
}

// plans caches a document's plans by operation name; a nil plan records
// that the document is not covered.
type plans struct {
	mu sync.Mutex
	m  map[string]*plan
}

// planFor returns the plan of p's operation named name, building it the
// first time, or nil when the compiled executor does not cover it.
func (h *Handler) planFor(p *prepared, name string) *plan {
	p.plans.mu.Lock()
	defer p.plans.mu.Unlock()
	if pl, ok := p.plans.m[name]; ok {
		return pl
	}
	if p.plans.m == nil {
		p.plans.m = map[string]*plan{}
	}
	pl := compile(&h.schema, p, name)
	p.plans.m[name] = pl
	return pl
}

// compiler holds what building one plan needs.
type compiler struct {
	schema    *graphql.Schema
	op        *ast.OperationDefinition
	fragments map[string]ast.Definition
}

// compile builds the plan of a query, or returns nil.
func compile(schema *graphql.Schema, p *prepared, name string) *plan {
	if p.introspection {
		return nil
	}
	c := &compiler{schema: schema, fragments: map[string]ast.Definition{}}
	for _, d := range p.doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			if name == "" || (d.Name != nil && d.Name.Value == name) {
				c.op = d
			}
		case *ast.FragmentDefinition:
			c.fragments[d.Name.Value] = d
		}
	}
	if c.op == nil || c.op.Operation != ast.OperationTypeQuery || usesVariableDirectives(p.doc) {
		return nil
	}
	root, ok := c.selection(schema.QueryType(), []*ast.SelectionSet{c.op.SelectionSet})
	if !ok {
		return nil
	}
	return &plan{op: c.op, root: root}
}

// selection plans the fields of sets asked of typ, merging the fields of
// one key as graphql-go's collectFields does.
func (c *compiler) selection(typ *graphql.Object, sets []*ast.SelectionSet) (*selectionPlan, bool) {
	if typ.IsTypeOf != nil {
		return nil, false
	}
	byKey := map[string][]*ast.Field{}
	var keys []string
	visited := map[string]bool{}
	for _, set := range sets {
		if !c.collect(typ, set, byKey, &keys, visited) {
			return nil, false
		}
	}
	sort.Strings(keys)
	sp := &selectionPlan{typ: typ}
	for _, k := range keys {
		f, ok := c.field(typ, k, byKey[k])
		if !ok {
			return nil, false
		}
		sp.fields = append(sp.fields, f)
	}
	return sp, true
}

// collect gathers the fields of set by response key; it fails on what the
// plan does not cover.
func (c *compiler) collect(typ *graphql.Object, set *ast.SelectionSet, byKey map[string][]*ast.Field, keys *[]string, visited map[string]bool) bool {
	if set == nil {
		return true
	}
	for _, s := range set.Selections {
		switch s := s.(type) {
		case *ast.Field:
			if !staticInclude(s.Directives) {
				continue
			}
			k := s.Name.Value
			if s.Alias != nil && s.Alias.Value != "" {
				k = s.Alias.Value
			}
			if _, ok := byKey[k]; !ok {
				*keys = append(*keys, k)
			}
			byKey[k] = append(byKey[k], s)
		case *ast.InlineFragment:
			if !staticInclude(s.Directives) || !c.matches(s.TypeCondition, typ) {
				continue
			}
			if !c.collect(typ, s.SelectionSet, byKey, keys, visited) {
				return false
			}
		case *ast.FragmentSpread:
			name := s.Name.Value
			if visited[name] || !staticInclude(s.Directives) {
				continue
			}
			visited[name] = true
			f, ok := c.fragments[name].(*ast.FragmentDefinition)
			if !ok || !c.matches(f.TypeCondition, typ) {
				continue
			}
			if !c.collect(typ, f.SelectionSet, byKey, keys, visited) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// matches is graphql-go's doesFragmentConditionMatch.
func (c *compiler) matches(cond *ast.Named, typ *graphql.Object) bool {
	if cond == nil {
		return true
	}
	t := c.schema.Type(cond.Name.Value)
	switch t := t.(type) {
	case nil:
		return false
	case *graphql.Interface:
		return c.schema.IsPossibleType(t, typ)
	case *graphql.Union:
		return c.schema.IsPossibleType(t, typ)
	}
	return t.Name() == typ.Name()
}

// field plans one response key asked of typ by asts.
func (c *compiler) field(typ *graphql.Object, key string, asts []*ast.Field) (*fieldPlan, bool) {
	f := &fieldPlan{key: appendJSONString(nil, key)}
	f.key = append(f.key, ':')
	name := asts[0].Name.Value
	if name == "__typename" {
		f.typename, f.nonNull, f.leaf = typ.Name(), true, graphql.String
		return f, true
	}
	def, ok := typ.Fields()[name]
	if !ok || strings.HasPrefix(name, "__") {
		return nil, false
	}
	f.resolve = def.Resolve
	if f.resolve == nil {
		f.resolve = defaultResolve
	}
	if usesVariables(asts[0].Arguments) {
		f.argASTs, f.argDefs = asts[0].Arguments, def.Args
	} else {
		f.args = getArgumentValues(def.Args, asts[0].Arguments, nil)
	}
	f.info = graphql.ResolveInfo{FieldName: name, FieldASTs: asts, ReturnType: def.Type, ParentType: typ,
		Schema: *c.schema, Fragments: c.fragments, Operation: c.op}
	item, ok := f.shape(def.Type)
	if !ok {
		return nil, false
	}
	switch item := item.(type) {
	case graphql.Leaf:
		f.leaf = item
		return f, true
	case *graphql.Object:
		var sets []*ast.SelectionSet
		for _, a := range asts {
			sets = append(sets, a.SelectionSet)
		}
		f.child, ok = c.selection(item, sets)
		return f, ok
	}
	return nil, false
}

// shape reads the wrappers of t into f and returns the named item type;
// lists of lists are not covered.
func (f *fieldPlan) shape(t graphql.Type) (graphql.Type, bool) {
	if nn, ok := t.(*graphql.NonNull); ok {
		f.nonNull, t = true, nn.OfType
	}
	if l, ok := t.(*graphql.List); ok {
		f.list, t = true, l.OfType
		if nn, ok := t.(*graphql.NonNull); ok {
			f.itemNonNull, t = true, nn.OfType
		}
	}
	switch t.(type) {
	case *graphql.List, *graphql.NonNull:
		return nil, false
	}
	return t, true
}

// staticInclude applies @skip and @include given literally; directives
// naming variables make the document uncovered (usesVariableDirectives).
func staticInclude(ds []*ast.Directive) bool {
	for _, d := range ds {
		var def *graphql.Directive
		switch d.Name.Value {
		case graphql.SkipDirective.Name:
			def = graphql.SkipDirective
		case graphql.IncludeDirective.Name:
			def = graphql.IncludeDirective
		default:
			continue
		}
		v, ok := getArgumentValues(def.Args, d.Arguments, nil)["if"].(bool)
		if ok && v == (def == graphql.SkipDirective) {
			return false
		}
	}
	return true
}

// usesVariableDirectives says whether a @skip or @include of doc names a
// variable.
func usesVariableDirectives(doc *ast.Document) bool {
	found := false
	var walk func(set *ast.SelectionSet)
	check := func(ds []*ast.Directive) {
		for _, d := range ds {
			found = found || usesVariables(d.Arguments)
		}
	}
	walk = func(set *ast.SelectionSet) {
		if set == nil {
			return
		}
		for _, s := range set.Selections {
			switch s := s.(type) {
			case *ast.Field:
				check(s.Directives)
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				check(s.Directives)
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				check(s.Directives)
			}
		}
	}
	for _, d := range doc.Definitions {
		if def, ok := d.(interface{ GetSelectionSet() *ast.SelectionSet }); ok {
			walk(def.GetSelectionSet())
		}
	}
	return found
}

// usesVariables says whether any argument value names a variable.
func usesVariables(args []*ast.Argument) bool {
	for _, a := range args {
		if valueUsesVariables(a.Value) {
			return true
		}
	}
	return false
}

func valueUsesVariables(v ast.Value) bool {
	switch v := v.(type) {
	case *ast.Variable:
		return true
	case *ast.ListValue:
		for _, x := range v.Values {
			if valueUsesVariables(x) {
				return true
			}
		}
	case *ast.ObjectValue:
		for _, f := range v.Fields {
			if valueUsesVariables(f.Value) {
				return true
			}
		}
	}
	return false
}
