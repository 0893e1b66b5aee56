package graph

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// withIdempotencyKey adds the optional idempotencyKey argument that every
// mutation creating something takes.
func withIdempotencyKey(args graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	args["idempotencyKey"] = &graphql.ArgumentConfig{Type: graphql.String,
		Description: "Any string of up to 200 characters. A create retried with the same key by the same caller " +
			"returns what the first attempt made instead of making it again."}
	return args
}

// keyed is the resolver's context, carrying its idempotency key if any.
func keyed(p graphql.ResolveParams) context.Context {
	if key, ok := p.Args["idempotencyKey"].(string); ok {
		return store.WithIdempotencyKey(p.Context, key)
	}
	return p.Context
}
