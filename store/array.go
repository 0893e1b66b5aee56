package store

import (
	"bytes"
	"fmt"
	"strconv"
)

// Int64s, Float64s and Bools scan a one-dimensional PostgreSQL array of
// bigint, double precision or boolean without NULLs, as the ranking's
// per-application score arrays are. They read the text form in one pass
// with no reflection and one allocation, where lib/pq's generic arrays
// split the text into a slice of byte slices and convert each element
// through database/sql: on the ranking of 200 × 7 × 10 that was a
// quarter of the request's CPU.
type (
	Int64s   []int64
	Float64s []float64
	Bools    []bool
)

// Scan implements sql.Scanner.
func (a *Int64s) Scan(src any) error {
	return scanArray(src, "bigint", func(n int) { *a = make(Int64s, 0, n) }, func(e []byte) error {
		v, err := strconv.ParseInt(string(e), 10, 64)
		*a = append(*a, v)
		return err
	})
}

// Scan implements sql.Scanner.
func (a *Float64s) Scan(src any) error {
	return scanArray(src, "double precision", func(n int) { *a = make(Float64s, 0, n) }, func(e []byte) error {
		v, err := strconv.ParseFloat(string(e), 64)
		*a = append(*a, v)
		return err
	})
}

// Scan implements sql.Scanner.
func (a *Bools) Scan(src any) error {
	return scanArray(src, "boolean", func(n int) { *a = make(Bools, 0, n) }, func(e []byte) error {
		switch string(e) {
		case "t":
			*a = append(*a, true)
		case "f":
			*a = append(*a, false)
		default:
			return fmt.Errorf("not a boolean")
		}
		return nil
	})
}

// scanArray splits the text form {e1,e2,...} of a one-dimensional array
// of unquoted elements, calls alloc with the number of elements and elem
// with each one. NULL, quoting, nesting and bounds are errors: none of
// the types above is ever quoted, and none of the arrays holds NULL.
func scanArray(src any, typ string, alloc func(int), elem func([]byte) error) error {
	var b []byte
	switch v := src.(type) {
	case []byte:
		b = v
	case string:
		b = []byte(v)
	case nil:
		return fmt.Errorf("store: scanning a %s array: NULL, want an array", typ)
	default:
		return fmt.Errorf("store: scanning a %s array: cannot scan %T", typ, src)
	}
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' || bytes.ContainsAny(b[1:len(b)-1], `{}"\`) {
		return fmt.Errorf("store: scanning a %s array: %.40q is not a one-dimensional array of plain values", typ, b)
	}
	body := b[1 : len(b)-1]
	if len(body) == 0 {
		alloc(0)
		return nil
	}
	alloc(bytes.Count(body, []byte{','}) + 1)
	for i := 1; ; i++ {
		e, rest, more := bytes.Cut(body, []byte{','})
		if string(e) == "NULL" {
			return fmt.Errorf("store: scanning a %s array: element %d is NULL", typ, i)
		}
		if err := elem(e); err != nil {
			return fmt.Errorf("store: scanning a %s array: element %d %q: %w", typ, i, e, err)
		}
		if !more {
			return nil
		}
		body = rest
	}
}
