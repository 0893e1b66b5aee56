package graph

import (
	"math"
	"strconv"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/kinds"
	"github.com/graphql-go/graphql/language/visitor"
)

// intRangeRule refuses an Int literal outside the 32 bits the
// specification gives Int. graphql-go v0.8.1 checks the range of
// variables but passes literals of any size to resolvers, where a version
// or year of 3000000000 met an integer column and failed as an internal
// error.
func intRangeRule(ctx *graphql.ValidationContext) *graphql.ValidationRuleInstance {
	return &graphql.ValidationRuleInstance{VisitorOpts: &visitor.VisitorOptions{
		KindFuncMap: map[string]visitor.NamedVisitFuncs{
			kinds.IntValue: {Kind: func(p visitor.VisitFuncParams) (string, any) {
				v, ok := p.Node.(*ast.IntValue)
				if !ok || graphql.GetNamed(ctx.InputType()) != graphql.Int {
					return visitor.ActionNoChange, nil
				}
				if n, err := strconv.ParseInt(v.Value, 10, 64); err != nil || n < math.MinInt32 || n > math.MaxInt32 {
					ctx.ReportError(gqlerrors.NewError("an Int must lie between -2147483648 and 2147483647",
						[]ast.Node{v}, "", nil, []int{}, nil))
				}
				return visitor.ActionNoChange, nil
			}},
		},
	}}
}
