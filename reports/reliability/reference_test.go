package reliability_test

import (
	"math"
	"testing"
)

// Reference data from REFERENCE.md, shared by the tests of this package.

// shroutFleiss is the 6 targets × 4 judges matrix of Shrout & Fleiss (1979),
// also the example of R's psych::ICC.
var shroutFleiss = [][]float64{
	{9, 2, 5, 8},
	{6, 1, 3, 2},
	{8, 4, 6, 8},
	{7, 1, 2, 6},
	{10, 5, 6, 9},
	{6, 2, 4, 7},
}

// shroutFleissCSV is shroutFleiss as a "target,rater,score" file, in an
// order that is neither by target nor by rater.
const shroutFleissCSV = `target,rater,score
S1,J1,9
S1,J2,2
S2,J1,6
S1,J3,5
S1,J4,8
S2,J2,1
S2,J3,3
S2,J4,2
S3,J1,8
S3,J2,4
S3,J3,6
S3,J4,8
S4,J1,7
S4,J2,1
S4,J3,2
S4,J4,6
S5,J4,9
S5,J3,6
S5,J2,5
S5,J1,10
S6,J1,6
S6,J2,2
S6,J3,4
S6,J4,7
`

// na marks a missing value in reliability data.
var na = math.NaN()

// wikipedia is the three-coder example of the Wikipedia article
// "Krippendorff's alpha": 15 units (rows) × coders A, B, C (columns).
var wikipedia = [][]float64{
	{na, 1, na},
	{na, na, na},
	{na, 2, 2},
	{na, 1, 1},
	{na, 3, 3},
	{3, 3, 4},
	{4, 4, 4},
	{1, 3, na},
	{2, na, 2},
	{1, na, 1},
	{1, na, 1},
	{3, na, 3},
	{3, na, 3},
	{na, na, na},
	{3, na, 4},
}

// closeTo reports whether got and want agree within tol.
func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol
}

// round6 rounds x to six decimals, the precision of the published values.
func round6(x float64) float64 {
	return math.Round(x*1e6) / 1e6
}

// checkClose6 fails t unless got equals want to six decimals.
func checkClose6(t *testing.T, name string, got, want float64) {
	t.Helper()
	if round6(got) != want {
		t.Errorf("%s = %.9f, want %.6f", name, got, want)
	}
}
