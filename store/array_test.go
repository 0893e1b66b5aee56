package store_test

import (
	"database/sql"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// The ranking's array scanners read what PostgreSQL writes: the extremes
// of each type, empty arrays, and an error naming the element for NULL.
func TestArrayScannersReadPostgreSQLsText(t *testing.T) {
	db, err := sql.Open("postgres", storetest.ServerURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ints store.Int64s
	var floats store.Float64s
	var bools store.Bools
	var empty store.Int64s
	err = db.QueryRow(`SELECT ARRAY[0, -1, 9223372036854775807, -9223372036854775808]::bigint[],
		'{0.1, -0, 1e300, 5e-324, NaN, Infinity, -Infinity, 42.5}'::float8[], '{t,f,true}'::boolean[], '{}'::bigint[]`).
		Scan(&ints, &floats, &bools, &empty)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{0, -1, math.MaxInt64, math.MinInt64}; !slices.Equal(ints, want) {
		t.Errorf("bigint[] = %v, want %v", ints, want)
	}
	wantF := []float64{0.1, math.Copysign(0, -1), 1e300, 5e-324, math.NaN(), math.Inf(1), math.Inf(-1), 42.5}
	if len(floats) != len(wantF) {
		t.Fatalf("float8[] = %v, want %v", floats, wantF)
	}
	for i, w := range wantF {
		if g := floats[i]; math.Float64bits(g) != math.Float64bits(w) && !(math.IsNaN(g) && math.IsNaN(w)) {
			t.Errorf("float8[%d] = %v, want %v", i, g, w)
		}
	}
	if want := []bool{true, false, true}; !slices.Equal(bools, want) {
		t.Errorf("boolean[] = %v, want %v", bools, want)
	}
	if empty == nil || len(empty) != 0 {
		t.Errorf("'{}' scanned as %#v, want an empty, non-nil slice", empty)
	}
	for _, c := range []struct{ query, want string }{
		{`SELECT '{1,NULL,3}'::bigint[]`, "element 2 is NULL"},
		{`SELECT '{{1,2},{3,4}}'::bigint[]`, "not a one-dimensional array"},
		{`SELECT NULL::bigint[]`, "NULL, want an array"},
		{`SELECT '{a,b}'::text[]`, `element 1 "a"`},
	} {
		var got store.Int64s
		err := db.QueryRow(c.query).Scan(&got)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.query, err, c.want)
		}
	}
	var b store.Bools
	if err := b.Scan([]byte("{t,x}")); err == nil || !strings.Contains(err.Error(), `element 2 "x"`) {
		t.Errorf("{t,x} as boolean[]: error %v", err)
	}
}
