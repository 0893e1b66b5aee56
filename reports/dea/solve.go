package dea

import (
	"context"
	"fmt"
	"math"
)

// effTol is how close to 1 an efficiency must be to count as exactly 1.
const effTol = 1e-9

// Solve computes the efficiency of every unit of p, in the order of p.IDs.
//
// Each unit is solved in two stages. Stage one finds θ (input orientation:
// minimise θ subject to Σλx ≤ θx₀, Σλy ≥ y₀) or φ (output orientation:
// maximise φ subject to Σλx ≤ x₀, Σλy ≥ φy₀), with the returns-to-scale
// constraint on Σλ. Stage two keeps θ or φ at that optimum and maximises
// the sum of the slacks, each measured as a fraction of its column's largest
// value so the result does not depend on the units of measurement. (DEAP
// and R's Benchmarking sum raw slacks; the choice matters only when stage
// one has several optimal solutions.) Peers, λ, slacks and
// targets are those of stage two, so they lie on the strongly efficient
// part of the frontier. A unit with efficiency 1 and no slack is reported
// as its own only peer (λ = 1) even when duplicates of it exist.
//
// A unit whose outputs are all zero has θ = 0 under CRS and DRS input
// orientation (nothing needs no input) and no finite φ under output
// orientation: its Result then has Efficiency +Inf and Err ErrZeroOutput.
//
// Solve returns a validation error naming the unit and column at fault,
// ctx.Err() if ctx is cancelled, or an error from the LP solver naming the
// unit it was solving. A solution that violates its own constraints beyond
// a small tolerance is refused as a numerical failure rather than
// reported, and a fault inside the solver becomes an error, never a panic.
func Solve(ctx context.Context, p Problem) ([]Result, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	md := newModel(&p)
	results := make([]Result, len(p.IDs))
	for o := range results {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := md.guardedUnit(ctx, o)
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		if err != nil {
			return nil, fmt.Errorf("dea: unit %q: %w", p.IDs[o], err)
		}
		results[o] = r
	}
	return results, nil
}

// model holds a problem's data scaled column-wise into [0, 1] and an LP
// workspace reused across units.
type model struct {
	p       *Problem
	n, m, s int
	x, y    [][]float64 // scaled data per unit
	xs, ys  []float64   // column scale factors (largest value)
	lambda  []float64
	lp      simplex
}

func newModel(p *Problem) *model {
	md := &model{p: p, n: len(p.IDs), m: len(p.Inputs[0]), s: len(p.Outputs[0])}
	md.x, md.xs = scaleColumns(p.Inputs)
	md.y, md.ys = scaleColumns(p.Outputs)
	md.lambda = make([]float64, md.n)
	return md
}

// scaleColumns divides every column of rows by its largest value (1 for an
// all-zero column) and returns the scaled copy and the factors.
func scaleColumns(rows [][]float64) ([][]float64, []float64) {
	scale := make([]float64, len(rows[0]))
	for _, row := range rows {
		for k, v := range row {
			scale[k] = max(scale[k], v)
		}
	}
	for k, v := range scale {
		if v == 0 {
			scale[k] = 1
		}
	}
	out := make([][]float64, len(rows))
	for j, row := range rows {
		out[j] = make([]float64, len(row))
		for k, v := range row {
			out[j][k] = v / scale[k]
		}
	}
	return out, scale
}

// unit analyses unit o.
func (md *model) unit(ctx context.Context, o int) (Result, error) {
	if md.p.Orientation == Output && allZero(md.p.Outputs[o]) {
		return Result{ID: md.p.IDs[o], Efficiency: math.Inf(1), Err: ErrZeroOutput}, nil
	}
	if md.p.RTS == FDH {
		return md.fdh(o), nil
	}
	eff, err := md.stageOne(ctx, o)
	if err != nil {
		return Result{}, err
	}
	if err := md.stageTwo(ctx); err != nil {
		return Result{}, err
	}
	if err := md.checkSolution(o, eff); err != nil {
		return Result{}, err
	}
	return md.result(o, eff), nil
}

func allZero(v []float64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}
