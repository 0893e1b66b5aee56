package dea_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/dea"
)

var (
	allRTS          = []dea.RTS{dea.CRS, dea.VRS, dea.DRS, dea.IRS, dea.FDH}
	allOrientations = []dea.Orientation{dea.Input, dea.Output}
)

func datasets() map[string]dea.Problem {
	return map[string]dea.Problem{
		"coelli":         coelli(),
		"bogetoft":       bogetoftOtto(),
		"pydea":          pyDEA2(),
		"municipalities": municipalities(290, 1),
	}
}

func TestSolveResultInvariants(t *testing.T) {
	for name, p := range datasets() {
		for _, rts := range allRTS {
			for _, o := range allOrientations {
				t.Run(fmt.Sprintf("%s %v %v", name, rts, o), func(t *testing.T) {
					q := with(p, rts, o)
					for j, r := range mustSolve(t, q) {
						checkResult(t, q, j, r)
					}
				})
			}
		}
	}
}

// checkResult checks one unit's result: efficiency range, efficient units
// as their own peer, non-negative slacks, and targets that equal both the
// slack formula and the peers' combination Σλx, Σλy.
func checkResult(t *testing.T, p dea.Problem, j int, r dea.Result) {
	t.Helper()
	if r.Err != nil {
		t.Fatalf("Solve(%s).Err = %v, want nil", r.ID, r.Err)
	}
	e := r.Efficiency
	if p.Orientation == dea.Input && (e <= 0 || e > 1) {
		t.Errorf("Solve(%s).Efficiency = %v, want θ in (0, 1]", r.ID, e)
	}
	if p.Orientation == dea.Output && e < 1 {
		t.Errorf("Solve(%s).Efficiency = %v, want φ ≥ 1", r.ID, e)
	}
	if r.Efficient() && (len(r.Peers) != 1 || r.Peers[0].Index != j || r.Peers[0].Lambda != 1) {
		t.Errorf("Solve(%s).Peers = %v for an efficient unit, want itself with λ 1", r.ID, r.Peers)
	}
	if len(r.Peers) == 0 {
		t.Errorf("Solve(%s).Peers is empty", r.ID)
	}
	xf, yf := e, 1.0
	if p.Orientation == dea.Output {
		xf, yf = 1, e
	}
	for i, x := range p.Inputs[j] {
		checkTarget(t, r, "input", i, xf*x-r.InputSlacks[i], r.InputTargets[i], r.InputSlacks[i], combine(p.Inputs, r.Peers, i))
	}
	for k, y := range p.Outputs[j] {
		checkTarget(t, r, "output", k, yf*y+r.OutputSlacks[k], r.OutputTargets[k], r.OutputSlacks[k], combine(p.Outputs, r.Peers, k))
	}
}

func checkTarget(t *testing.T, r dea.Result, kind string, k int, formula, target, slack, peers float64) {
	t.Helper()
	rel := 1e-7 * max(1, math.Abs(target))
	if slack < 0 {
		t.Errorf("Solve(%s) %s slack %d = %v, want ≥ 0", r.ID, kind, k, slack)
	}
	if math.Abs(formula-target) > rel || math.Abs(peers-target) > rel {
		t.Errorf("Solve(%s) %s target %d = %v, want %v from slacks and %v from peers", r.ID, kind, k, target, formula, peers)
	}
}

// combine returns Σλ·rows[peer][k].
func combine(rows [][]float64, peers []dea.Peer, k int) float64 {
	sum := 0.0
	for _, pe := range peers {
		sum += pe.Lambda * rows[pe.Index][k]
	}
	return sum
}

func TestSolveEfficiencyOrdering(t *testing.T) {
	for name, p := range datasets() {
		t.Run(name, func(t *testing.T) {
			eff := map[dea.RTS][]dea.Result{}
			for _, rts := range allRTS {
				eff[rts] = mustSolve(t, with(p, rts, dea.Input))
			}
			// A larger technology set gives a smaller θ.
			for _, pair := range [][2]dea.RTS{{dea.CRS, dea.DRS}, {dea.CRS, dea.IRS}, {dea.DRS, dea.VRS}, {dea.IRS, dea.VRS}, {dea.VRS, dea.FDH}} {
				for j := range p.IDs {
					lo, hi := eff[pair[0]][j].Efficiency, eff[pair[1]][j].Efficiency
					if lo > hi+1e-9 {
						t.Errorf("unit %s: %v θ = %v > %v θ = %v", p.IDs[j], pair[0], lo, pair[1], hi)
					}
				}
			}
		})
	}
}

func TestSolveCRSInputIsReciprocalOfOutput(t *testing.T) {
	for name, p := range datasets() {
		t.Run(name, func(t *testing.T) {
			in := mustSolve(t, with(p, dea.CRS, dea.Input))
			out := mustSolve(t, with(p, dea.CRS, dea.Output))
			for j := range in {
				if got, want := in[j].Efficiency, 1/out[j].Efficiency; math.Abs(got-want) > 1e-9 {
					t.Errorf("Solve(%s) CRS θ = %v, want 1/φ = %v", in[j].ID, got, want)
				}
			}
		})
	}
}

// TestSolveTargetsAreEfficient appends every unit's target to the data: a
// target lies in the technology, so the frontier does not move, and the
// second stage leaves no slack, so each target must score 1 without slack.
func TestSolveTargetsAreEfficient(t *testing.T) {
	for _, rts := range []dea.RTS{dea.CRS, dea.VRS, dea.DRS, dea.IRS} {
		for _, o := range allOrientations {
			t.Run(fmt.Sprintf("%v %v", rts, o), func(t *testing.T) {
				p := with(municipalities(120, 5), rts, o)
				for j, r := range mustSolve(t, p) {
					p.IDs = append(p.IDs, fmt.Sprintf("target %d", j))
					p.Inputs = append(p.Inputs, r.InputTargets)
					p.Outputs = append(p.Outputs, r.OutputTargets)
				}
				for _, r := range mustSolve(t, p)[120:] {
					if math.Abs(r.Efficiency-1) > 1e-7 || slackSum(r) > 1e-7 {
						t.Errorf("Solve(%s) = %v with slacks %v %v, want 1 without slack", r.ID, r.Efficiency, r.InputSlacks, r.OutputSlacks)
					}
				}
			})
		}
	}
}

func slackSum(r dea.Result) float64 {
	sum := 0.0
	for _, s := range r.InputSlacks {
		sum += s
	}
	for _, s := range r.OutputSlacks {
		sum += s
	}
	return sum
}
