package dea

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Errors for a solution the solver could not stand behind.
var (
	errInaccurate  = errors.New("dea: simplex solution violates its constraints (numerical failure)")
	errSolverFault = errors.New("dea: solver fault")
)

// residualTol is the largest constraint violation, in column-scaled units,
// that a solution may show before it is refused.
const residualTol = 1e-6

// guardedUnit analyses unit o and turns a panic of the solver into an
// error, so no input can bring the process down. A panic is a solver bug:
// the error says so, and Solve names the unit.
func (md *model) guardedUnit(ctx context.Context, o int) (r Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			r, err = Result{}, fmt.Errorf("%w: %v", errSolverFault, v)
		}
	}()
	return md.unit(ctx, o)
}

// checkSolution verifies that eff and the λ in md.lambda satisfy unit o's
// envelopment constraints in scaled data. It is the guard that keeps a
// numerical failure of the simplex from becoming a silent wrong number.
func (md *model) checkSolution(o int, eff float64) error {
	if math.IsNaN(eff) || math.IsInf(eff, 0) {
		return fmt.Errorf("%w: efficiency %v", errInaccurate, eff)
	}
	xf, yf := eff, 1.0
	if md.p.Orientation == Output {
		xf, yf = 1, eff
	}
	for i, x := range md.x[o] {
		if got := md.combine(md.x, i); got > xf*x+residualTol*max(1, xf) {
			return fmt.Errorf("%w: input %d uses %g, more than %g", errInaccurate, i+1, got, xf*x)
		}
	}
	for k, y := range md.y[o] {
		if got := md.combine(md.y, k); got < yf*y-residualTol*max(1, yf) {
			return fmt.Errorf("%w: output %d reaches %g, less than %g", errInaccurate, k+1, got, yf*y)
		}
	}
	return md.checkScale()
}

// combine returns Σλ·rows[j][k] for the λ in md.lambda.
func (md *model) combine(rows [][]float64, k int) float64 {
	sum := 0.0
	for j, l := range md.lambda {
		sum += l * rows[j][k]
	}
	return sum
}

// checkScale verifies the returns-to-scale constraint on Σλ.
func (md *model) checkScale() error {
	sum := 0.0
	for _, l := range md.lambda {
		sum += l
	}
	var bad bool
	switch md.p.RTS {
	case VRS:
		bad = math.Abs(sum-1) > residualTol
	case DRS:
		bad = sum > 1+residualTol
	case IRS:
		bad = sum < 1-residualTol
	}
	if bad || math.IsNaN(sum) {
		return fmt.Errorf("%w: Σλ = %g under %v", errInaccurate, sum, md.p.RTS)
	}
	return nil
}
