package graph

import (
	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"

	"github.com/leanforum/awards/store"
)

// prepare parses and validates a request's document, refusing more than
// one operation.
func (h *Handler) prepare(req *request) (*ast.Document, []gqlerrors.FormattedError) {
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(req.Query), Name: "request"})})
	if err != nil {
		return nil, []gqlerrors.FormattedError{gqlerrors.FormatError(err)}
	}
	ops := 0
	for _, d := range doc.Definitions {
		if _, ok := d.(*ast.OperationDefinition); ok {
			ops++
		}
	}
	if ops != 1 {
		return nil, []gqlerrors.FormattedError{requestError(store.Invalid, "send exactly one operation per request")}
	}
	res := graphql.ValidateDocument(&h.schema, doc, nil)
	if !res.IsValid {
		return nil, res.Errors
	}
	return doc, nil
}
