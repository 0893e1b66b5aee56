package dea

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// certTol is the tolerance, in column-scaled units, of the optimality
// certificate checks.
const certTol = 1e-7

// TestEnvelopmentLPOptimality solves the envelopment LPs of many generated
// problems (mixed column scales over fifteen orders of magnitude, ties,
// duplicates, scaled copies and zeros) under every returns-to-scale
// assumption the simplex serves and both orientations, and checks each
// stage against the LP's optimality conditions, computed from the original
// data and not from the solver's tableau: the solution is primal feasible,
// the dual y = c_B B⁻¹ of the final basis is dual feasible (no negative
// reduced cost), and primal and dual objectives are equal, which by weak
// duality proves optimality. Stage two must also keep stage one's
// objective.
func TestEnvelopmentLPOptimality(t *testing.T) {
	problems := 150
	if testing.Short() {
		problems = 30
	}
	rng := rand.New(rand.NewPCG(11, 5))
	for k := range problems {
		base := randomProblem(rng)
		for _, rts := range []RTS{CRS, VRS, DRS, IRS} {
			for _, o := range []Orientation{Input, Output} {
				p := base
				p.RTS, p.Orientation = rts, o
				name := fmt.Sprintf("problem %d (%d×%d+%d) %v %v", k, len(p.IDs), len(p.Inputs[0]), len(p.Outputs[0]), rts, o)
				certifyProblem(t, name, p)
			}
		}
	}
}

// certifyProblem checks both stages of every unit of p, then Solve as a
// whole.
func certifyProblem(t *testing.T, name string, p Problem) {
	t.Helper()
	md := newModel(&p)
	ctx := context.Background()
	for o := range p.IDs {
		if p.Orientation == Output && allZero(p.Outputs[o]) {
			continue
		}
		md.load(o)
		lp := copyLP(&md.lp)
		if err := md.lp.solve(ctx); err != nil {
			t.Fatalf("%s, unit %d: stage one: %v", name, o, err)
		}
		x1 := lp.certify(t, fmt.Sprintf("%s, unit %d, stage one", name, o), &md.lp, lp.c)
		if err := md.stageTwo(ctx); err != nil {
			t.Fatalf("%s, unit %d: stage two: %v", name, o, err)
		}
		x2 := lp.certify(t, fmt.Sprintf("%s, unit %d, stage two", name, o), &md.lp, md.lp.cost)
		if z1, z2 := dot(lp.c, x1), dot(lp.c, x2); math.Abs(z1-z2) > certTol*(1+math.Abs(z1)) {
			t.Errorf("%s, unit %d: stage two moved the stage-one objective from %v to %v", name, o, z1, z2)
		}
	}
	if _, err := Solve(ctx, p); err != nil {
		t.Errorf("%s: Solve() error = %v", name, err)
	}
}

// denseLP is an LP min c·x, A x = b, x ≥ 0 as loaded, before the simplex
// changes its tableau.
type denseLP struct {
	a    [][]float64
	b, c []float64
}

func copyLP(s *simplex) denseLP {
	lp := denseLP{b: append([]float64(nil), s.rhs[:s.m]...), c: append([]float64(nil), s.cost...)}
	for i := range s.m {
		lp.a = append(lp.a, append([]float64(nil), s.row(i)[:s.n]...))
	}
	return lp
}

// certify checks that the final basis of s is optimal for min c·x over
// lp's constraints, with the columns s bars from entering held at zero,
// and returns the solution.
func (lp denseLP) certify(t *testing.T, name string, s *simplex, c []float64) []float64 {
	t.Helper()
	m, n := len(lp.a), len(c)
	x := make([]float64, n)
	for j := range x {
		x[j] = s.value(j)
		if x[j] < -certTol || (s.blocked[j] && math.Abs(x[j]) > certTol) {
			t.Errorf("%s: x[%d] = %v, want ≥ 0 (and 0 when barred)", name, j, x[j])
		}
	}
	for i, row := range lp.a {
		if r := dot(row, x) - lp.b[i]; math.Abs(r) > certTol*(1+math.Abs(lp.b[i])) {
			t.Errorf("%s: row %d residual %v, want 0 (primal feasibility)", name, i, r)
		}
	}
	y := lp.duals(t, name, s.basis, c)
	for j := range n {
		if s.blocked[j] {
			continue
		}
		d := c[j]
		for i := range m {
			d -= y[i] * lp.a[i][j]
		}
		if d < -certTol {
			t.Errorf("%s: column %d has reduced cost %v, want ≥ 0 (dual feasibility)", name, j, d)
		}
	}
	if p, d := dot(c, x), dot(lp.b, y); math.Abs(p-d) > certTol*(1+math.Abs(p)) {
		t.Errorf("%s: primal objective %v, dual objective %v, want equal", name, p, d)
	}
	return x
}

// duals solves Bᵀy = c_B for the basis, where an artificial column (index
// n and above, cost 0) is the unit vector of its row.
func (lp denseLP) duals(t *testing.T, name string, basis []int, c []float64) []float64 {
	t.Helper()
	m, n := len(lp.a), len(c)
	// Row k of the system Bᵀy = c_B is the basic column of row k.
	sys := make([][]float64, m)
	for k, b := range basis {
		sys[k] = make([]float64, m+1)
		if b >= n {
			sys[k][k] = 1
			continue
		}
		for i := range m {
			sys[k][i] = lp.a[i][b]
		}
		sys[k][m] = c[b]
	}
	y, ok := gaussSolve(sys)
	if !ok {
		t.Fatalf("%s: final basis %v is singular", name, basis)
	}
	return y
}

// gaussSolve solves the augmented system by Gaussian elimination with
// partial pivoting; ok is false for a singular matrix.
func gaussSolve(a [][]float64) ([]float64, bool) {
	m := len(a)
	for col := range m {
		p := col
		for r := col + 1; r < m; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		if math.Abs(a[p][col]) < 1e-13 {
			return nil, false
		}
		a[col], a[p] = a[p], a[col]
		for r := col + 1; r < m; r++ {
			f := a[r][col] / a[col][col]
			for k := col; k <= m; k++ {
				a[r][k] -= f * a[col][k]
			}
		}
	}
	y := make([]float64, m)
	for r := m - 1; r >= 0; r-- {
		v := a[r][m]
		for k := r + 1; k < m; k++ {
			v -= a[r][k] * y[k]
		}
		y[r] = v / a[r][r]
	}
	return y, true
}

func dot(a, b []float64) float64 {
	sum := 0.0
	for i := range a {
		sum += a[i] * b[i]
	}
	return sum
}

// randomProblem generates a DEA problem that stresses the solver: columns
// on scales from 10⁻⁶ to 10⁹, values rounded to few levels (ties), zero
// outputs, a unit with no output at all, exact duplicates and scaled
// copies of other units.
func randomProblem(rng *rand.Rand) Problem {
	m, s := 1+rng.IntN(3), 1+rng.IntN(3)
	n := m + s + rng.IntN(40)
	inScale, outScale := randomScales(rng, m), randomScales(rng, s)
	levels := 3 + rng.IntN(20)
	var p Problem
	for j := range n {
		p.IDs = append(p.IDs, fmt.Sprint("U", j))
		x, y := make([]float64, m), make([]float64, s)
		for i := range x {
			x[i] = inScale[i] * float64(1+rng.IntN(levels))
		}
		for k := range y {
			if rng.IntN(8) > 0 {
				y[k] = outScale[k] * float64(1+rng.IntN(levels))
			}
		}
		switch src := rng.IntN(max(j, 1)); {
		case j > 0 && rng.IntN(5) == 0:
			x, y = append([]float64(nil), p.Inputs[src]...), append([]float64(nil), p.Outputs[src]...)
		case j > 0 && rng.IntN(8) == 0:
			f := float64(2 + rng.IntN(3))
			x, y = scaledCopy(p.Inputs[src], f), scaledCopy(p.Outputs[src], f)
		case rng.IntN(30) == 0:
			clear(y)
		}
		p.Inputs, p.Outputs = append(p.Inputs, x), append(p.Outputs, y)
	}
	return p
}

func randomScales(rng *rand.Rand, k int) []float64 {
	out := make([]float64, k)
	for i := range out {
		out[i] = math.Pow(10, -6+15*rng.Float64())
	}
	return out
}

func scaledCopy(v []float64, f float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x * f
	}
	return out
}

// TestEnvelopmentLPOptimalityRealData certifies the LPs of a real
// cross-section that crashed the solver before (issue 11, defect 5):
// municipal expenditure and tax rate against population, tax base and the
// share aged 75+, read from the shared data folder.
func TestEnvelopmentLPOptimalityRealData(t *testing.T) {
	f, err := os.Open("../../../shared/data/municip_data22.csv")
	if os.IsNotExist(err) {
		t.Skipf("shared data file is absent (%v): skipping the test on real data", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	base, err := ReadCSV(f, ',', "municip_name", []string{"expenditures", "tax_rate"}, []string{"pop", "tax_base", "share75_"})
	if err != nil {
		t.Fatal(err)
	}
	for _, rts := range []RTS{CRS, VRS, DRS, IRS} {
		for _, o := range []Orientation{Input, Output} {
			p := base
			p.RTS, p.Orientation = rts, o
			certifyProblem(t, fmt.Sprintf("municipalities %v %v", rts, o), p)
		}
	}
}

func TestSolverFailuresAreErrors(t *testing.T) {
	p := randomProblem(rand.New(rand.NewPCG(3, 3)))
	t.Run("a panic in the solver", func(t *testing.T) {
		md := newModel(&p)
		md.lambda = nil // a workspace no model built by newModel has
		if _, err := md.guardedUnit(context.Background(), 0); !errors.Is(err, errSolverFault) {
			t.Errorf("guardedUnit(corrupt model) error = %v, want errSolverFault", err)
		}
	})
	t.Run("a solution that violates its constraints", func(t *testing.T) {
		md := newModel(&p)
		if _, err := md.unit(context.Background(), 0); err != nil {
			t.Fatal(err)
		}
		md.lambda[1] += 1 // uses more input than the unit has
		if err := md.checkSolution(0, 1); !errors.Is(err, errInaccurate) {
			t.Errorf("checkSolution(wrong λ) = %v, want errInaccurate", err)
		}
	})
}
