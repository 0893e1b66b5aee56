package dea

import "context"

// phaseOneCosts writes the reduced costs of "minimise the sum of the
// artificial variables" into the objective row.
func (s *simplex) phaseOneCosts() {
	obj := s.row(s.m)
	clear(obj)
	s.rhs[s.m] = 0
	for i, b := range s.basis {
		if b < s.n {
			continue
		}
		r := s.row(i)
		for j := range s.n {
			obj[j] -= r[j]
		}
		s.rhs[s.m] -= s.rhs[i]
	}
}

// phaseTwoCosts writes the reduced costs of the real objective, priced
// against the current basis, into the objective row.
func (s *simplex) phaseTwoCosts() {
	obj := s.row(s.m)
	clear(obj)
	copy(obj, s.cost)
	s.rhs[s.m] = 0
	for i, b := range s.basis {
		if b >= s.n || s.cost[b] == 0 {
			continue
		}
		c, r := s.cost[b], s.row(i)
		for j := range s.n {
			obj[j] -= c * r[j]
		}
		s.rhs[s.m] -= c * s.rhs[i]
	}
}

// driveOutArtificials pivots every artificial column still basic (at zero,
// within feasTol) out of the basis, on the structural entry of its row with
// the largest magnitude. A row with no entry above pivotTol is a linear
// combination of the other rows (numerically): it is cleared, so its
// artificial stays basic at exactly zero and later pivots, which only
// change a row by a multiple of its entry in the entering column, leave
// it alone.
func (s *simplex) driveOutArtificials() {
	for i, b := range s.basis {
		if b < s.n {
			continue
		}
		s.rhs[i] = 0
		r, best := s.row(i)[:s.n], -1
		for j := range r {
			if abs(r[j]) > pivotTol && (best < 0 || abs(r[j]) > abs(r[best])) {
				best = j
			}
		}
		if best < 0 {
			clear(r)
			continue
		}
		s.pivot(i, best, s.n+s.nart)
	}
}

// iterate pivots until no structural column has a negative reduced cost.
// Pivots update the first width columns. Only structural columns are
// priced: the artificial columns (s.n and after) may leave the basis but
// never enter it.
func (s *simplex) iterate(ctx context.Context, width int) error {
	degenerate := 0
	for {
		if s.iters >= s.maxIter {
			return errIterLimit
		}
		if s.iters%ctxEvery == ctxEvery-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		bland := degenerate >= blandAfter
		q := s.entering(bland)
		if q < 0 {
			return nil
		}
		p := s.leaving(q, bland)
		if p < 0 {
			return errUnbounded
		}
		if s.rhs[p] <= ratioTol*s.t[p*s.width+q] {
			degenerate++
		} else {
			degenerate = 0
		}
		s.pivot(p, q, width)
		s.iters++
	}
}

// entering picks the entering structural column: the most negative reduced
// cost, or under Bland's rule the lowest-indexed negative one. It returns -1
// at the optimum.
func (s *simplex) entering(bland bool) int {
	obj, q := s.row(s.m)[:s.n], -1
	best := -optTol
	for j, d := range obj {
		if d < best && !s.blocked[j] {
			q, best = j, d
			if bland {
				return q
			}
		}
	}
	return q
}

// leaving runs the ratio test on column q and returns the pivot row, or -1
// if the column is unbounded. Ties go to the largest pivot element, or under
// Bland's rule to the lowest-indexed basic variable.
func (s *simplex) leaving(q int, bland bool) int {
	p, best := -1, 0.0
	for i := range s.m {
		a := s.t[i*s.width+q]
		if a <= pivotTol {
			continue
		}
		ratio := max(s.rhs[i], 0) / a
		switch {
		case p < 0 || ratio < best-ratioTol:
			p, best = i, ratio
		case ratio > best+ratioTol:
		case bland && s.basis[i] < s.basis[p]:
			p = i
		case !bland && a > s.t[p*s.width+q]:
			p = i
		}
	}
	return p
}

// pivot makes column q basic in row p, updating the first width columns.
func (s *simplex) pivot(p, q, width int) {
	pr := s.row(p)[:width]
	inv := 1 / pr[q]
	for j := range pr {
		pr[j] *= inv
	}
	pr[q] = 1
	s.rhs[p] *= inv
	for i := 0; i <= s.m; i++ {
		if i == p {
			continue
		}
		r := s.row(i)[:width]
		f := r[q]
		if f == 0 {
			continue
		}
		axpy(r, pr, -f)
		r[q] = 0
		s.rhs[i] -= f * s.rhs[p]
	}
	s.basis[p] = q
}

// axpy adds f·x to y.
func axpy(y, x []float64, f float64) {
	x = x[:len(y)]
	for j, v := range x {
		y[j] += f * v
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
