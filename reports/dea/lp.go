package dea

import (
	"context"
	"errors"
)

// Errors reported by the simplex solver.
var (
	errInfeasible = errors.New("dea: linear program is infeasible")
	errUnbounded  = errors.New("dea: linear program is unbounded")
	errIterLimit  = errors.New("dea: simplex iteration limit reached")
)

// Solver tolerances. The DEA models scale every data column into [0, 1]
// before solving, so absolute tolerances are meaningful.
const (
	feasTol    = 1e-9 // largest phase-1 objective still counted as feasible
	optTol     = 1e-9 // reduced cost below -optTol makes a column eligible
	pivotTol   = 1e-9 // smallest pivot element accepted by the ratio test
	ratioTol   = 1e-12
	blandAfter = 10 // consecutive degenerate pivots before Bland's rule
	ctxEvery   = 32 // pivots between context checks
)

// simplex is a dense tableau solver for
//
//	minimise c·x  subject to  A x = b,  x ≥ 0.
//
// It uses two phases (artificial variables only for rows without a usable
// slack column) and Dantzig's pricing, falling back to Bland's rule after
// blandAfter consecutive degenerate pivots. Bland's rule cannot cycle, so a
// degenerate run ends in a strictly improving pivot or at the optimum, and
// the objective never returns to an earlier basis.
//
// Artificial columns are only ever candidates to leave: an artificial that
// has left the basis never re-enters it, in either phase. At the end of
// phase one every artificial still basic (at zero) is pivoted out on a
// structural column, and a row where none can replace it is redundant: it
// is cleared, so its artificial stays basic at exactly zero and no later
// pivot can touch it. A simplex is reusable: reset keeps the allocated
// memory.
type simplex struct {
	m, n    int       // rows and structural columns
	width   int       // row stride: n structural plus up to m artificial
	nart    int       // artificial columns in use
	t       []float64 // (m+1) × width; row m holds reduced costs
	rhs     []float64 // m+1 entries; rhs[m] is minus the objective
	cost    []float64 // n phase-2 costs
	basis   []int     // basic column of each row
	blocked []bool    // columns barred from entering by reoptimize
	iters   int
	maxIter int
}

// reset prepares s for a problem with m rows and n columns, all zero.
func (s *simplex) reset(m, n int) {
	s.m, s.n, s.width, s.nart, s.iters = m, n, n+m, 0, 0
	s.maxIter = 1000 + 50*(n+m)
	s.t = zeroed(s.t, (m+1)*s.width)
	s.rhs = zeroed(s.rhs, m+1)
	s.cost = zeroed(s.cost, n)
	if cap(s.basis) < m {
		s.basis = make([]int, m)
	}
	s.basis = s.basis[:m]
	if cap(s.blocked) < n {
		s.blocked = make([]bool, n)
	}
	s.blocked = s.blocked[:n]
	clear(s.blocked)
}

// zeroed returns buf resized to n and cleared, reallocating only if needed.
func zeroed(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

func (s *simplex) set(i, j int, v float64)  { s.t[i*s.width+j] = v }
func (s *simplex) setRHS(i int, v float64)  { s.rhs[i] = v }
func (s *simplex) setCost(j int, v float64) { s.cost[j] = v }
func (s *simplex) clearCosts()              { clear(s.cost) }
func (s *simplex) row(i int) []float64      { return s.t[i*s.width : (i+1)*s.width] }

// value returns the optimal value of structural column j.
func (s *simplex) value(j int) float64 {
	for i, b := range s.basis {
		if b == j {
			return s.rhs[i]
		}
	}
	return 0
}

// objective returns the optimal objective value.
func (s *simplex) objective() float64 { return -s.rhs[s.m] }

// solve runs both phases. It returns errInfeasible, errUnbounded,
// errIterLimit or the context's error.
func (s *simplex) solve(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.initialBasis()
	if s.nart > 0 {
		s.phaseOneCosts()
		if err := s.iterate(ctx, s.n+s.nart); err != nil {
			return err
		}
		if s.objective() > feasTol*(1+s.rhsSum()) {
			return errInfeasible
		}
		s.driveOutArtificials()
	}
	s.phaseTwoCosts()
	return s.iterate(ctx, s.n)
}

// reoptimize minimises the current costs over the optimal face of the
// previous solve, starting from its optimal basis. By complementary
// slackness a feasible point is optimal for the previous costs exactly when
// every column with a positive reduced cost is zero, so those columns are
// barred from entering and the previous objective keeps its optimum.
func (s *simplex) reoptimize(ctx context.Context) error {
	obj := s.row(s.m)
	for j := range s.n {
		s.blocked[j] = obj[j] > optTol
	}
	s.phaseTwoCosts()
	return s.iterate(ctx, s.n)
}

// initialBasis makes b ≥ 0 and picks a basic column for every row: a column
// whose only non-zero lies in that row (scaled to 1), or else a new
// artificial column.
func (s *simplex) initialBasis() {
	for i := range s.m {
		if s.rhs[i] < 0 {
			s.scaleRow(i, -1)
		}
		s.basis[i] = -1
	}
	for j := range s.n {
		i, a := s.singleton(j)
		if i < 0 || s.basis[i] >= 0 || (a < 0 && s.rhs[i] != 0) {
			continue
		}
		s.scaleRow(i, 1/a)
		s.basis[i] = j
	}
	for i := range s.m {
		if s.basis[i] < 0 {
			j := s.n + s.nart
			s.nart++
			s.set(i, j, 1)
			s.basis[i] = j
		}
	}
}

// singleton reports the row and value of column j's only non-zero entry,
// or row -1 if the column has none or several.
func (s *simplex) singleton(j int) (int, float64) {
	row, val := -1, 0.0
	for i := range s.m {
		if v := s.t[i*s.width+j]; v != 0 {
			if row >= 0 {
				return -1, 0
			}
			row, val = i, v
		}
	}
	return row, val
}

func (s *simplex) scaleRow(i int, f float64) {
	r := s.row(i)
	for j := range r {
		r[j] *= f
	}
	s.rhs[i] *= f
}

func (s *simplex) rhsSum() float64 {
	sum := 0.0
	for _, b := range s.rhs[:s.m] {
		sum += b
	}
	return sum
}
