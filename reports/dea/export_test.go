package dea

import "context"

// Solver errors, exported for the external tests.
var (
	ErrInfeasible = errInfeasible
	ErrUnbounded  = errUnbounded
	ErrIterLimit  = errIterLimit
)

// SolveLP exposes the simplex solver to the external tests: it minimises
// c·x subject to a x = b, x ≥ 0. A positive maxIter overrides the iteration
// cap.
func SolveLP(ctx context.Context, a [][]float64, b, c []float64, maxIter int) ([]float64, float64, error) {
	var s simplex
	s.reset(len(a), len(c))
	if maxIter > 0 {
		s.maxIter = maxIter
	}
	for i, row := range a {
		for j, v := range row {
			s.set(i, j, v)
		}
		s.setRHS(i, b[i])
	}
	for j, v := range c {
		s.setCost(j, v)
	}
	if err := s.solve(ctx); err != nil {
		return nil, 0, err
	}
	x := make([]float64, len(c))
	for j := range x {
		x[j] = s.value(j)
	}
	return x, s.objective(), nil
}
