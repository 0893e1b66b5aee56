package graph

import (
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

const dateLayout = "2006-01-02"

// newDateType is the Date scalar: a calendar date written YYYY-MM-DD.
func newDateType() *graphql.Scalar {
	parse := func(v any) any {
		s, ok := v.(string)
		if !ok {
			return nil
		}
		t, err := time.Parse(dateLayout, s)
		if err != nil {
			return nil
		}
		return t
	}
	return graphql.NewScalar(graphql.ScalarConfig{
		Name:        "Date",
		Description: "A calendar date, YYYY-MM-DD.",
		Serialize: func(v any) any {
			if t, ok := v.(time.Time); ok {
				return t.Format(dateLayout)
			}
			return nil
		},
		ParseValue: parse,
		ParseLiteral: func(v ast.Value) any {
			if s, ok := v.(*ast.StringValue); ok {
				return parse(s.Value)
			}
			return nil
		},
	})
}
