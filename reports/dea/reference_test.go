package dea_test

import (
	"context"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/dea"
)

// Published examples from shared/REFERENCE.md, matched to 6 decimals.

const tol6 = 5e-7

// coelli is Coelli (1996), DEAP 2.1 guide, example 1: inputs x1, x2, output q.
func coelli() dea.Problem {
	return dea.Problem{
		IDs:     []string{"A", "B", "C", "D", "E"},
		Inputs:  [][]float64{{2, 5}, {2, 4}, {6, 6}, {3, 2}, {6, 2}},
		Outputs: [][]float64{{1}, {2}, {3}, {1}, {2}},
	}
}

// bogetoftOtto is the 7-firm, 1-input, 1-output example of Bogetoft & Otto.
func bogetoftOtto() dea.Problem {
	x := []float64{100, 200, 300, 500, 100, 200, 600}
	y := []float64{75, 100, 300, 400, 25, 50, 400}
	p := dea.Problem{IDs: []string{"1", "2", "3", "4", "5", "6", "7"}}
	for j := range x {
		p.Inputs = append(p.Inputs, []float64{x[j]})
		p.Outputs = append(p.Outputs, []float64{y[j]})
	}
	return p
}

// pyDEA2 is pyDEA's example 2: 11 units, inputs I1–I3, outputs O1–O2.
func pyDEA2() dea.Problem {
	rows := [][]float64{
		{5, 13, 1, 12, 34}, {16, 12, 2, 14, 13}, {16, 26, 2, 25, 56},
		{17, 15, 3, 26, 23}, {18, 14, 1, 8, 18}, {23, 6, 2, 9, 39},
		{25, 10, 2, 27, 21}, {27, 22, 3, 30, 10}, {37, 14, 1, 31, 25},
		{42, 25, 2, 26.5, 17}, {5, 17, 3, 12, 37},
	}
	p := dea.Problem{}
	for j, r := range rows {
		p.IDs = append(p.IDs, string(rune('A'+j)))
		p.Inputs = append(p.Inputs, r[:3])
		p.Outputs = append(p.Outputs, r[3:])
	}
	return p
}

func with(p dea.Problem, rts dea.RTS, o dea.Orientation) dea.Problem {
	p.RTS, p.Orientation = rts, o
	return p
}

// mustSolve solves p and fails the test on error.
func mustSolve(tb testing.TB, p dea.Problem) []dea.Result {
	tb.Helper()
	res, err := dea.Solve(context.Background(), p)
	if err != nil {
		tb.Fatalf("Solve(%v %v) error: %v", p.RTS, p.Orientation, err)
	}
	return res
}

func TestSolveEfficiencyMatchesPublished(t *testing.T) {
	tests := []struct {
		name string
		p    dea.Problem
		want []float64
	}{
		{"coelli crs input", with(coelli(), dea.CRS, dea.Input), []float64{0.5, 1, 0.833333, 0.714286, 1}},
		{"coelli vrs input", with(coelli(), dea.VRS, dea.Input), []float64{1, 1, 1, 1, 1}},
		{"bogetoft vrs input", with(bogetoftOtto(), dea.VRS, dea.Input), []float64{1, 0.611111, 1, 1, 1, 0.5, 0.833333}},
		{"bogetoft crs input", with(bogetoftOtto(), dea.CRS, dea.Input), []float64{0.75, 0.5, 1, 0.8, 0.25, 0.25, 0.666667}},
		{"bogetoft drs input", with(bogetoftOtto(), dea.DRS, dea.Input), []float64{0.75, 0.5, 1, 1, 0.25, 0.25, 0.833333}},
		{"bogetoft irs input", with(bogetoftOtto(), dea.IRS, dea.Input), []float64{1, 0.611111, 1, 0.8, 1, 0.5, 0.666667}},
		{"bogetoft fdh input", with(bogetoftOtto(), dea.FDH, dea.Input), []float64{1, 1, 1, 1, 1, 0.5, 0.833333}},
		{"bogetoft vrs output", with(bogetoftOtto(), dea.VRS, dea.Output), []float64{1, 1.875, 1, 1, 3, 3.75, 1}},
		{"pydea crs input", with(pyDEA2(), dea.CRS, dea.Input), []float64{1, 0.648588, 0.909248, 1, 0.549072, 1, 1, 0.824121, 1, 0.626733, 1}},
		{"pydea vrs input", with(pyDEA2(), dea.VRS, dea.Input), []float64{1, 0.869986, 1, 1, 1, 1, 1, 1, 1, 0.638657, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustSolve(t, tt.p)
			for j, r := range res {
				if math.Abs(r.Efficiency-tt.want[j]) > tol6 {
					t.Errorf("Solve(%s).Efficiency = %.6f, want %.6f", r.ID, r.Efficiency, tt.want[j])
				}
			}
		})
	}
}

func TestSolvePeersMatchPublished(t *testing.T) {
	type peer = struct {
		id     string
		lambda float64
	}
	tests := []struct {
		name string
		p    dea.Problem
		unit int
		want []peer
	}{
		{"coelli crs A", with(coelli(), dea.CRS, dea.Input), 0, []peer{{"B", 0.5}}},
		{"coelli crs C", with(coelli(), dea.CRS, dea.Input), 2, []peer{{"B", 1}, {"E", 0.5}}},
		{"coelli crs D", with(coelli(), dea.CRS, dea.Input), 3, []peer{{"B", 0.214286}, {"E", 0.285714}}},
		{"bogetoft vrs firm 2", with(bogetoftOtto(), dea.VRS, dea.Input), 1, []peer{{"1", 0.888889}, {"3", 0.111111}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustSolve(t, tt.p)[tt.unit].Peers
			if len(got) != len(tt.want) {
				t.Fatalf("Solve(%s).Peers = %v, want %v", tt.name, got, tt.want)
			}
			for k, w := range tt.want {
				if got[k].ID != w.id || math.Abs(got[k].Lambda-w.lambda) > tol6 {
					t.Errorf("Solve(%s).Peers[%d] = %s %.6f, want %s %.6f", tt.name, k, got[k].ID, got[k].Lambda, w.id, w.lambda)
				}
			}
		})
	}
}

func TestSolveSlacksAndTargets(t *testing.T) {
	t.Run("coelli crs A has an x2 slack", func(t *testing.T) {
		r := mustSolve(t, with(coelli(), dea.CRS, dea.Input))[0]
		// θ = 0.5 shrinks A to (1, 2.5); 0.5·B = (1, 2, 1) leaves 0.5 of x2.
		checkSlice(t, "InputSlacks", r.InputSlacks, []float64{0, 0.5})
		checkSlice(t, "OutputSlacks", r.OutputSlacks, []float64{0})
		checkSlice(t, "InputTargets", r.InputTargets, []float64{1, 2})
		checkSlice(t, "OutputTargets", r.OutputTargets, []float64{1})
	})
	t.Run("coelli vrs A is efficient but has a slack", func(t *testing.T) {
		r := mustSolve(t, with(coelli(), dea.VRS, dea.Input))[0]
		checkSlice(t, "InputSlacks", r.InputSlacks, []float64{0, 1})
		checkSlice(t, "InputTargets", r.InputTargets, []float64{2, 4})
		if r.Efficient() {
			t.Errorf("A.Efficient() = true, want false")
		}
	})
	t.Run("bogetoft vrs output firm 6 targets", func(t *testing.T) {
		r := mustSolve(t, with(bogetoftOtto(), dea.VRS, dea.Output))[5]
		// φ = 3.75: 200 of input can produce 187.5 on the segment 1–3.
		checkSlice(t, "OutputTargets", r.OutputTargets, []float64{187.5})
		checkSlice(t, "InputTargets", r.InputTargets, []float64{200})
	})
}

func checkSlice(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s = %v, want %v", name, got, want)
	}
	for k := range want {
		if math.Abs(got[k]-want[k]) > tol6 {
			t.Errorf("%s = %v, want %v", name, got, want)
			return
		}
	}
}
