package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"

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

// keyed is the resolver's context, carrying its idempotency key if any,
// with a fingerprint of the other arguments.
func (s *schema) keyed(p graphql.ResolveParams) context.Context {
	if key, ok := p.Args["idempotencyKey"].(string); ok {
		return store.WithIdempotencyKey(p.Context, key, fingerprint(p.Args))
	}
	return p.Context
}

// fingerprint is a SHA-256 of the arguments but the key, as JSON (whose
// object keys encoding/json sorts). Passwords are left out: a fast hash
// of one, kept for a day, would let whoever reads the table guess it. The
// store checks a replayed create's password against the bcrypt hash of
// what the first attempt made instead.
func fingerprint(args map[string]any) string {
	b, err := json.Marshal(withoutPasswords(args, "idempotencyKey"))
	if err != nil {
		return "" // arguments are decoded JSON; this does not happen
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func withoutPasswords(v any, drop ...string) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if k != "password" && !slices.Contains(drop, k) {
				out[k] = withoutPasswords(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutPasswords(x)
		}
		return out
	}
	return v
}
