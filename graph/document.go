package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"

	"github.com/leanforum/awards/store"
)

// prepared is a parsed and validated document.
type prepared struct {
	doc           *ast.Document
	introspection bool  // whether it asks for __schema or __type
	plans         plans // compiled, by operation name
}

// prepare returns the request's document parsed and validated, from the
// cache when the same text was validated before. graphql-go's parser and
// validator have panicked on malformed documents; such a panic refuses the
// document and is logged (a stack overflow cannot be recovered: guard
// prevents those).
func (h *Handler) prepare(req *request) (p *prepared, errs []gqlerrors.FormattedError) {
	rows := h.listSizes.get() // first: new sizes forget the documents measured with the old
	key := sha256.Sum256([]byte(req.Query))
	if p, ok := h.docs.get(key); ok {
		return p, nil
	}
	defer func() {
		if r := recover(); r != nil {
			h.opts.Log.Error("graphql-go panicked on a document", "panic", fmt.Sprint(r), "document_sha256", hex.EncodeToString(key[:]))
			p, errs = nil, []gqlerrors.FormattedError{requestError(store.Invalid, "the document is malformed")}
		}
	}()
	p, err := h.parse(req.Query)
	if err != nil {
		return nil, []gqlerrors.FormattedError{gqlerrors.FormatError(err)}
	}
	if errs := h.validate(p, rows); errs != nil {
		return nil, errs
	}
	h.docs.add(key, p, len(req.Query))
	return p, nil
}

// parse guards, parses and measures a document, refusing more than one
// operation.
func (h *Handler) parse(query string) (*prepared, error) {
	query = lexable(query)
	if err := guard(query); err != nil {
		return nil, err
	}
	h.parses.Add(1)
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(query), Name: "request"})})
	if err != nil {
		return nil, err
	}
	ops := 0
	for _, d := range doc.Definitions {
		if _, ok := d.(*ast.OperationDefinition); ok {
			ops++
		}
	}
	if ops != 1 {
		return nil, store.Errorf(store.Invalid, "send exactly one operation per request")
	}
	return &prepared{doc: doc}, executable(doc)
}

// checkOperationName refuses an operationName the document does not
// hold: the client's mistake, answered INVALID without repeating the name
// (which graphql-go would have raised as an error of its own, logged in
// full).
func (p *prepared) checkOperationName(name string) error {
	if name == "" {
		return nil
	}
	for _, d := range p.doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok && op.Name != nil && op.Name.Value == name {
			return nil
		}
	}
	return store.Errorf(store.Invalid, "operationName names no operation of the document")
}

// executable refuses what graphql-go v0.8.1 parses but must not validate:
// definitions other than operations and fragments (the spec's
// ExecutableDefinitions rule, which it lacks), and variables whose type
// its parser left out (`$a: )` parses, then panics the validator).
func executable(doc *ast.Document) error {
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.FragmentDefinition:
		case *ast.OperationDefinition:
			for _, v := range d.VariableDefinitions {
				if !completeType(v.Type) {
					return store.Errorf(store.Invalid, "a variable of the operation has no type")
				}
			}
		default:
			return store.Errorf(store.Invalid, "a document may only hold operations and fragments, not %s", d.GetKind())
		}
	}
	return nil
}

func completeType(t ast.Type) bool {
	switch t := t.(type) {
	case *ast.Named:
		return t != nil && t.Name != nil
	case *ast.List:
		return t != nil && completeType(t.Type)
	case *ast.NonNull:
		return t != nil && completeType(t.Type)
	}
	return false
}

// validate runs NoFragmentCyclesRule first, since graphql-go's other
// rules recurse forever on a fragment cycle, with UniqueFragmentNamesRule,
// since two fragments of one name can hide a cycle from it (the fuzzer
// found `fragment A on Query {...B} fragment A on Query {...A}`); then the
// depth and cost limits; then the other rules.
func (h *Handler) validate(p *prepared, rows store.ListSizes) []gqlerrors.FormattedError {
	if res := graphql.ValidateDocument(&h.schema, p.doc, firstRules); !res.IsValid {
		return h.validationErrors(res.Errors)
	}
	m := measureOperation(&h.schema, h.introSizes, rows, p.doc)
	if err := m.check(); err != nil {
		return []gqlerrors.FormattedError{gqlerrors.FormatError(err)}
	}
	p.introspection = m.introspection
	if res := graphql.ValidateDocument(&h.schema, p.doc, otherRules); !res.IsValid {
		return h.validationErrors(res.Errors)
	}
	return nil
}

var (
	firstRules = []graphql.ValidationRuleFn{graphql.NoFragmentCyclesRule, graphql.UniqueFragmentNamesRule}
	otherRules = func() []graphql.ValidationRuleFn {
		first := map[uintptr]bool{}
		for _, r := range firstRules {
			first[reflect.ValueOf(r).Pointer()] = true
		}
		var rules []graphql.ValidationRuleFn
		for _, r := range graphql.SpecifiedRules {
			if !first[reflect.ValueOf(r).Pointer()] {
				rules = append(rules, r)
			}
		}
		return append(rules, intRangeRule)
	}()
)

// suggestion is graphql-go's hint at names the schema has.
var suggestion = regexp.MustCompile(` Did you mean .*\?$`)

// validationErrors drops "Did you mean …?" hints, which would let a
// caller map the schema without introspection, except in development.
func (h *Handler) validationErrors(errs []gqlerrors.FormattedError) []gqlerrors.FormattedError {
	if h.opts.Development {
		return errs
	}
	for i := range errs {
		errs[i].Message = suggestion.ReplaceAllString(errs[i].Message, "")
	}
	return errs
}

// checkIntrospection refuses __schema and __type to callers other than
// admins, except in development.
func (h *Handler) checkIntrospection(p *prepared, a *store.Actor) error {
	if !p.introspection || h.opts.Development || a.IsAdmin() {
		return nil
	}
	return store.Errorf(store.Forbidden, "introspection (__schema, __type) is for admins only")
}
