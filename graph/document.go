package graph

import (
	"crypto/sha256"
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
	introspection bool // whether it asks for __schema or __type
}

// prepare returns the request's document parsed and validated, from the
// cache when the same text was validated before.
func (h *Handler) prepare(req *request) (*prepared, []gqlerrors.FormattedError) {
	key := sha256.Sum256([]byte(req.Query))
	if p, ok := h.docs.get(key); ok {
		return p, nil
	}
	p, err := h.parse(req.Query)
	if err != nil {
		return nil, []gqlerrors.FormattedError{gqlerrors.FormatError(err)}
	}
	if errs := h.validate(p); errs != nil {
		return nil, errs
	}
	h.docs.add(key, p, len(req.Query))
	return p, nil
}

// parse guards, parses and measures a document, refusing more than one
// operation.
func (h *Handler) parse(query string) (*prepared, error) {
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
	return &prepared{doc: doc}, nil
}

// validate runs NoFragmentCyclesRule alone first, since graphql-go's
// other rules recurse forever on a fragment cycle, then the depth and
// cost limits, then the other rules.
func (h *Handler) validate(p *prepared) []gqlerrors.FormattedError {
	if res := graphql.ValidateDocument(&h.schema, p.doc, cycleRule); !res.IsValid {
		return h.validationErrors(res.Errors)
	}
	m := measureOperation(&h.schema, h.introSizes, p.doc)
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
	cycleRule  = []graphql.ValidationRuleFn{graphql.NoFragmentCyclesRule}
	otherRules = func() []graphql.ValidationRuleFn {
		var rules []graphql.ValidationRuleFn
		cycles := reflect.ValueOf(graphql.NoFragmentCyclesRule).Pointer()
		for _, r := range graphql.SpecifiedRules {
			if reflect.ValueOf(r).Pointer() != cycles {
				rules = append(rules, r)
			}
		}
		return rules
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
