package graph

import (
	"context"
	"errors"
	"math"
	"reflect"
	"strings"
	"sync"

	"github.com/graphql-go/graphql"
)

// errUncovered stops a compiled run: the reference executor answers the
// request instead, errors included.
var errUncovered = errors.New("graph: not covered by the compiled plan")

// objects is one selection plan's objects at run time: their sources and,
// per object and field, the completed value (a leaf's serialized value or
// a list of them) or the span of child objects.
type objects struct {
	plan     *selectionPlan
	srcs     []any
	vals     []any
	spans    []span
	children []*objects // per field of plan, for object fields
}

// span is a field's child objects, [start, end) of the child's srcs.
type span struct {
	start, end int32
	null       bool
}

// pending is a thunk a resolver returned, with where its value goes.
type pending struct {
	o     *objects
	i     int // the slot, object × field
	thunk func() (any, error)
}

// run executes pl with vars in ctx level by level: every field of every
// object at one depth is resolved, queuing its batch loads, before the
// thunks run; then the next depth. It returns errUncovered on any error.
func (pl *plan) run(ctx context.Context, vars map[string]any) (root *objects, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, errUncovered
		}
	}()
	root = &objects{plan: pl.root, srcs: []any{nil}}
	level := []*objects{root}
	for len(level) > 0 {
		var queue []pending
		for _, o := range level {
			if queue, err = o.resolve(ctx, vars, queue); err != nil {
				return nil, err
			}
		}
		if err := settle(queue); err != nil {
			return nil, err
		}
		var next []*objects
		for _, o := range level {
			if next, err = o.gather(next); err != nil {
				return nil, err
			}
		}
		level = next
	}
	return root, nil
}

// resolve calls every field's resolver on every object, queuing thunks.
func (o *objects) resolve(ctx context.Context, vars map[string]any, queue []pending) ([]pending, error) {
	fields := o.plan.fields
	o.vals = make([]any, len(o.srcs)*len(fields))
	for i, src := range o.srcs {
		for j, f := range fields {
			if f.typename != "" {
				o.vals[i*len(fields)+j] = f.typename
				continue
			}
			args := f.args
			if f.argASTs != nil {
				args = getArgumentValues(f.argDefs, f.argASTs, vars)
			}
			info := f.info
			info.VariableValues = vars
			v, err := f.resolve(graphql.ResolveParams{Source: src, Args: args, Info: info, Context: ctx})
			if err != nil {
				return nil, errUncovered
			}
			if t, ok := v.(func() (any, error)); ok {
				queue = append(queue, pending{o, i*len(fields) + j, t})
				continue
			}
			if isFunc(v) {
				return nil, errUncovered
			}
			o.vals[i*len(fields)+j] = v
		}
	}
	return queue, nil
}

// settle runs the queued thunks; those that return thunks run in a next
// round, after their siblings queued their loads.
func settle(queue []pending) error {
	for len(queue) > 0 {
		var again []pending
		for _, p := range queue {
			v, err := p.thunk()
			if err != nil {
				return errUncovered
			}
			if t, ok := v.(func() (any, error)); ok {
				again = append(again, pending{p.o, p.i, t})
				continue
			}
			if isFunc(v) {
				return errUncovered
			}
			p.o.vals[p.i] = v
		}
		queue = again
	}
	return nil
}

// gather completes the leaves and collects the child objects of every
// object field into one objects per field, appended to next.
func (o *objects) gather(next []*objects) ([]*objects, error) {
	fields := o.plan.fields
	o.children = make([]*objects, len(fields))
	for j, f := range fields {
		if f.child != nil {
			c := &objects{plan: f.child}
			o.children[j] = c
			next = append(next, c)
			if o.spans == nil {
				o.spans = make([]span, len(o.vals))
			}
		}
	}
	for i := range o.srcs {
		for j, f := range fields {
			slot := i*len(fields) + j
			var err error
			if f.child != nil {
				o.spans[slot], err = f.objectsOf(o.vals[slot], o.children[j])
			} else {
				o.vals[slot], err = f.complete(o.vals[slot])
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return next, nil
}

// objectsOf appends the objects of value v to c and returns their span.
func (f *fieldPlan) objectsOf(v any, c *objects) (span, error) {
	if nullish(v) {
		if f.nonNull {
			return span{}, errUncovered
		}
		return span{null: true}, nil
	}
	start := int32(len(c.srcs))
	if !f.list {
		c.srcs = append(c.srcs, v)
		return span{start: start, end: start + 1}, nil
	}
	err := eachItem(v, func(x any) error {
		if nullish(x) {
			if f.itemNonNull {
				return errUncovered
			}
			// a null object in a list: not covered (rare; the reference writes null)
			return errUncovered
		}
		c.srcs = append(c.srcs, x)
		return nil
	})
	return span{start: start, end: int32(len(c.srcs))}, err
}

// complete serializes a leaf value or a list of them, as graphql-go's
// completeValue does.
func (f *fieldPlan) complete(v any) (any, error) {
	if nullish(v) {
		if f.nonNull {
			return nil, errUncovered
		}
		return nil, nil
	}
	if !f.list {
		return f.serialize(v, f.nonNull)
	}
	var out []any
	err := eachItem(v, func(x any) error {
		s, err := f.serialize(x, f.itemNonNull)
		out = append(out, s)
		return err
	})
	if out == nil {
		out = []any{}
	}
	return out, err
}

func (f *fieldPlan) serialize(v any, nonNull bool) (any, error) {
	if _, ok := v.(func() (any, error)); ok {
		return nil, errUncovered
	}
	var s any
	if same(f.leaf, v) {
		return v, nil
	}
	if !nullish(v) {
		s = f.leaf.Serialize(v)
	}
	if nullish(s) {
		if nonNull {
			return nil, errUncovered
		}
		return nil, nil
	}
	return s, nil
}

// same says whether leaf serializes v as v itself: a string as a String,
// an int within 32 bits as an Int, a float64 (not NaN) as a Float, a bool
// as a Boolean, and a non-nil pointer to a float64 or a string as what it
// points to. Skipping their Serialize saves its allocations
// (coerceString formats every string with fmt.Sprintf).
func same(leaf graphql.Leaf, v any) bool {
	switch x := v.(type) {
	case string:
		return leaf == graphql.String
	case int:
		return leaf == graphql.Int && x >= math.MinInt32 && x <= math.MaxInt32
	case float64:
		return leaf == graphql.Float && !math.IsNaN(x)
	case bool:
		return leaf == graphql.Boolean
	case *float64: // appendValue writes *x
		return leaf == graphql.Float && x != nil && !math.IsNaN(*x)
	case *string:
		return leaf == graphql.String && x != nil
	}
	return false
}

// eachItem calls fn with every item of a slice or array.
func eachItem(v any, fn func(any) error) error {
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if err := fn(x); err != nil {
				return err
			}
		}
		return nil
	}
	rv := reflect.ValueOf(v)
	if k := rv.Kind(); k != reflect.Slice && k != reflect.Array {
		return errUncovered
	}
	for i := 0; i < rv.Len(); i++ {
		if err := fn(rv.Index(i).Interface()); err != nil {
			return err
		}
	}
	return nil
}

// nullish is graphql-go's isNullish: nil, a nil pointer or NaN.
func nullish(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string, bool, int, int32, int64:
		return false
	case float64:
		return math.IsNaN(v)
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Ptr {
		if rv.IsNil() {
			return true
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Float32, reflect.Float64:
		return math.IsNaN(rv.Float())
	}
	return false
}

// fieldIndex caches, per struct type and field name, the index of the
// struct field graphql-go's DefaultResolveFn would read (-1: none).
var fieldIndex sync.Map // of fieldKey → int

type fieldKey struct {
	t    reflect.Type
	name string
}

// defaultResolve is graphql-go's DefaultResolveFn with the struct field
// looked up once per type instead of on every call.
func defaultResolve(p graphql.ResolveParams) (any, error) {
	if _, ok := p.Source.(graphql.FieldResolver); ok {
		return graphql.DefaultResolveFn(p)
	}
	if m, ok := p.Source.(map[string]any); ok {
		v := m[p.Info.FieldName]
		if fn, ok := v.(func() any); ok {
			return fn(), nil
		}
		return v, nil
	}
	rv := reflect.ValueOf(p.Source)
	if rv.Kind() == reflect.Ptr {
		if rv.IsNil() {
			return nil, nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return graphql.DefaultResolveFn(p)
	}
	key := fieldKey{rv.Type(), p.Info.FieldName}
	i, ok := fieldIndex.Load(key)
	if !ok {
		i = structField(rv.Type(), p.Info.FieldName)
		fieldIndex.Store(key, i)
	}
	if i.(int) < 0 {
		return nil, nil
	}
	return rv.Field(i.(int)).Interface(), nil
}

// structField is the first field DefaultResolveFn matches: by name,
// ignoring case, or by its json or graphql tag.
func structField(t reflect.Type, name string) int {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if strings.EqualFold(f.Name, name) {
			return i
		}
		for _, tag := range []string{"json", "graphql"} {
			if first, _, _ := strings.Cut(f.Tag.Get(tag), ","); first == name {
				return i
			}
		}
	}
	return -1
}

// isFunc says whether v is a function other than a thunk, which
// graphql-go refuses.
func isFunc(v any) bool {
	t := reflect.TypeOf(v)
	return t != nil && t.Kind() == reflect.Func
}
