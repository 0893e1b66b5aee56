package dea_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/leanforum/awards/reports/dea"
)

func TestSolveDegenerateData(t *testing.T) {
	p, dups := degenerate()
	zero := len(p.IDs) - 1
	for _, rts := range allRTS {
		for _, o := range allOrientations {
			t.Run(fmt.Sprintf("%v %v", rts, o), func(t *testing.T) {
				q := with(p, rts, o)
				res := mustSolve(t, q)
				for _, d := range dups {
					if a, b := res[d[0]], res[d[1]]; math.Abs(a.Efficiency-b.Efficiency) > 1e-9 {
						t.Errorf("duplicates %s and %s: efficiency %v and %v, want equal", a.ID, b.ID, a.Efficiency, b.Efficiency)
					}
				}
				checkZeroOutputUnit(t, q, res[zero])
				for j, r := range res {
					if j != zero {
						checkResult(t, q, j, r)
					}
				}
			})
		}
	}
}

// checkZeroOutputUnit checks the documented results for a unit without
// output: θ = 0 and no peers where nothing can be made from nothing (CRS,
// DRS), a positive θ otherwise, and ErrZeroOutput under output orientation.
func checkZeroOutputUnit(t *testing.T, p dea.Problem, r dea.Result) {
	t.Helper()
	switch {
	case p.Orientation == dea.Output:
		if !errors.Is(r.Err, dea.ErrZeroOutput) || !math.IsInf(r.Efficiency, 1) {
			t.Errorf("Solve(%s) = %v, %v, want +Inf, ErrZeroOutput", r.ID, r.Efficiency, r.Err)
		}
	case p.RTS == dea.CRS || p.RTS == dea.DRS:
		if r.Err != nil || r.Efficiency != 0 || len(r.Peers) != 0 {
			t.Errorf("Solve(%s) = %v, peers %v, err %v, want 0, none, nil", r.ID, r.Efficiency, r.Peers, r.Err)
		}
	default:
		if r.Err != nil || r.Efficiency <= 0 || r.Efficiency > 1 {
			t.Errorf("Solve(%s) = %v, %v, want θ in (0, 1]", r.ID, r.Efficiency, r.Err)
		}
	}
}

func TestSolveIdenticalUnitsAreAllEfficient(t *testing.T) {
	p := dea.Problem{}
	for j := range 40 {
		p.IDs = append(p.IDs, fmt.Sprint(j))
		p.Inputs = append(p.Inputs, []float64{3, 5})
		p.Outputs = append(p.Outputs, []float64{2, 0, 7})
	}
	for _, rts := range allRTS {
		for _, o := range allOrientations {
			t.Run(fmt.Sprintf("%v %v", rts, o), func(t *testing.T) {
				for j, r := range mustSolve(t, with(p, rts, o)) {
					if !r.Efficient() || len(r.Peers) != 1 || r.Peers[0].Index != j {
						t.Fatalf("Solve(%s) = %v peers %v, want efficient, own peer", r.ID, r.Efficiency, r.Peers)
					}
				}
			})
		}
	}
}

func TestSolveCancelledContext(t *testing.T) {
	p := with(municipalities(290, 1), dea.VRS, dea.Input)
	t.Run("cancelled before start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		res, err := dea.Solve(ctx, p)
		if !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("Solve(cancelled) = %d results, %v, want nil, context.Canceled", len(res), err)
		}
	})
	t.Run("deadline passes mid-solve", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		big := municipalities(5000, 3)
		_, err := dea.Solve(ctx, with(big, dea.VRS, dea.Input))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Solve(timed out) error = %v, want context.DeadlineExceeded", err)
		}
	})
}
