package graph

import (
	"strconv"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// idArg reads a required ID argument.
func idArg(p graphql.ResolveParams, name string) (int64, error) {
	return parseID(name, p.Args[name])
}

// optionalID reads an optional ID argument; 0 when absent.
func optionalID(args map[string]any, name string) (int64, error) {
	v, ok := args[name]
	if !ok || v == nil {
		return 0, nil
	}
	return parseID(name, v)
}

func parseID(name string, v any) (int64, error) {
	s, _ := v.(string)
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, store.InvalidField(name, "is not a valid id")
	}
	return id, nil
}

// pathID reads an id from a URL path for a column of bits bits (64 for
// bigint, 32 for integer): a positive number that fits, or not ok.
func pathID(s string, bits int) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, bits)
	return id, err == nil && id > 0
}

// idList parses a list of ids.
func idList(name string, v any) ([]int64, error) {
	raw, _ := v.([]any)
	ids := make([]int64, 0, len(raw))
	for _, x := range raw {
		id, err := parseID(name, x)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// str reads a string from an input object; "" when absent.
func str(m map[string]any, name string) string {
	s, _ := m[name].(string)
	return s
}

// optStr reads an optional string from an input object.
func optStr(m map[string]any, name string) *string {
	if s, ok := m[name].(string); ok {
		return &s
	}
	return nil
}

// num reads a number from an input object.
func num(m map[string]any, name string) float64 {
	switch v := m[name].(type) {
	case float64:
		return v
	case int:
		return float64(v)
	}
	return 0
}

// optNum reads an optional number from an input object.
func optNum(m map[string]any, name string) *float64 {
	if _, ok := m[name]; !ok || m[name] == nil {
		return nil
	}
	v := num(m, name)
	return &v
}

// integer reads an Int argument; 0 when absent.
func integer(m map[string]any, name string) int {
	v, _ := m[name].(int)
	return v
}

// nonNull wraps t as non-null.
func nonNull(t graphql.Output) graphql.Output { return graphql.NewNonNull(t) }

// listOf is a non-null list of non-null t.
func listOf(t graphql.Output) graphql.Output {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}

// key is an id as the API shows it.
func key(id int64) string { return strconv.FormatInt(id, 10) }

// parseKey reads an id the API showed; 0 when it is not one.
func parseKey(s string) int64 {
	id, _ := strconv.ParseInt(s, 10, 64)
	return id
}

// cellIDs reads applicationId and criterionId from an input object.
func cellIDs(in map[string]any) (app, crit int64, err error) {
	if app, err = parseID("applicationId", in["applicationId"]); err != nil {
		return 0, 0, err
	}
	crit, err = parseID("criterionId", in["criterionId"])
	return app, crit, err
}
