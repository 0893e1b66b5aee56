package dea_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/dea"
)

func TestSolveLP(t *testing.T) {
	tests := []struct {
		name    string
		a       [][]float64
		b, c    []float64
		wantObj float64
		wantX   []float64 // nil: not unique, not checked
	}{
		{
			// Beale (1955): cycles under Dantzig's rule with textbook ties.
			name: "beale cycling example reaches the optimum",
			a: [][]float64{
				{1, 0, 0, 0.25, -8, -1, 9},
				{0, 1, 0, 0.5, -12, -0.5, 3},
				{0, 0, 1, 0, 0, 1, 0},
			},
			b:       []float64{0, 0, 1},
			c:       []float64{0, 0, 0, -0.75, 20, -0.5, 6},
			wantObj: -1.25,
			wantX:   []float64{0.75, 0, 0, 1, 0, 1, 0},
		},
		{
			name:    "negative right-hand side and surplus column",
			a:       [][]float64{{-1, -1, 1}}, // x + y ≥ 2 written as -x - y + s = -2
			b:       []float64{-2},
			c:       []float64{1, 3, 0},
			wantObj: 2,
			wantX:   []float64{2, 0, 0},
		},
		{
			name:    "redundant equality row",
			a:       [][]float64{{1, 1, 0}, {2, 2, 0}, {1, 0, 1}},
			b:       []float64{4, 8, 3},
			c:       []float64{-1, -2, 0},
			wantObj: -8,
			wantX:   []float64{0, 4, 3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, obj, err := dea.SolveLP(context.Background(), tt.a, tt.b, tt.c, 0)
			if err != nil {
				t.Fatalf("SolveLP() error = %v", err)
			}
			if math.Abs(obj-tt.wantObj) > 1e-9 {
				t.Errorf("SolveLP() objective = %v, want %v", obj, tt.wantObj)
			}
			for j := range tt.wantX {
				if math.Abs(x[j]-tt.wantX[j]) > 1e-9 {
					t.Errorf("SolveLP() x = %v, want %v", x, tt.wantX)
					break
				}
			}
		})
	}
}

func TestSolveLPFailures(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		a       [][]float64
		b, c    []float64
		maxIter int
		want    error
	}{
		{"infeasible rows", context.Background(), [][]float64{{1, 1}, {1, 1}}, []float64{1, 2}, []float64{1, 1}, 0, dea.ErrInfeasible},
		{"infeasible sign", context.Background(), [][]float64{{1, 1}}, []float64{-1}, []float64{1, 1}, 0, dea.ErrInfeasible},
		{"unbounded ray", context.Background(), [][]float64{{1, -1}}, []float64{1}, []float64{0, -1}, 0, dea.ErrUnbounded},
		// x = y is a ray from the degenerate vertex 0.
		{"unbounded from a degenerate vertex", context.Background(), [][]float64{{1, -1, 1, 0}, {-1, 1, 0, 1}}, []float64{0, 0}, []float64{-1, -1, 0, 0}, 0, dea.ErrUnbounded},
		{"iteration cap", context.Background(), [][]float64{{1, 1, 1, 0}, {1, 2, 0, 1}}, []float64{3, 4}, []float64{-1, -1, 0, 0}, 1, dea.ErrIterLimit},
		{"cancelled context", cancelled, [][]float64{{1}}, []float64{1}, []float64{1}, 0, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := dea.SolveLP(tt.ctx, tt.a, tt.b, tt.c, tt.maxIter)
			if !errors.Is(err, tt.want) {
				t.Errorf("SolveLP() error = %v, want %v", err, tt.want)
			}
		})
	}
}
