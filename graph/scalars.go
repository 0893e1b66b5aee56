package graph

import (
	"fmt"
	"reflect"
	"strconv"
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

// idType is the schema's ID scalar. It replaces graphql.ID, which writes
// any value it does not know with %v: an optional id held as *int64
// reached clients as a heap address ("0x16b0…"). Here every pointer is
// followed (nil is null) and every integer written in decimal, so no
// field can leak an address, whatever Go type its resolver returns. It
// is immutable after package initialisation, as graphql.ID is.
var idType = graphql.NewScalar(graphql.ScalarConfig{
	Name:        "ID",
	Description: graphql.ID.Description(),
	Serialize:   serializeID,
	ParseValue:  graphql.ID.ParseValue,
	ParseLiteral: func(v ast.Value) any {
		switch v := v.(type) {
		case *ast.IntValue:
			return v.Value
		case *ast.StringValue:
			return v.Value
		}
		return nil
	},
})

// serializeID writes an id as a decimal or the string it is; anything
// else is no id and serialises as null rather than as Go syntax.
func serializeID(v any) any {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case fmt.Stringer:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return nil
		}
		return x.String()
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		return serializeID(rv.Elem().Interface())
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10)
	}
	return nil
}
