package dea_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leanforum/awards/reports/dea"
)

// municipalities generates n units resembling Swedish municipal data, from
// a fixed seed: inputs cost per inhabitant (SEK), staff per 1,000
// inhabitants and premises per inhabitant (m²); outputs a quality index
// (0–100), a satisfaction score (0–10) and a share of goals met (0–1).
// Outputs follow the inputs with a unit-specific inefficiency, so a minority
// of units span the frontier. All values are strictly positive.
func municipalities(n int, seed uint64) dea.Problem {
	rng := rand.New(rand.NewPCG(seed, 1))
	p := dea.Problem{
		InputNames:  []string{"cost", "staff", "premises"},
		OutputNames: []string{"quality", "satisfaction", "goals"},
	}
	for j := range n {
		size := 0.6 + 0.8*rng.Float64()
		cost := 45000 * size * (0.9 + 0.2*rng.Float64())
		staff := 70 * size * (0.85 + 0.3*rng.Float64())
		premises := 3.5 * (0.7 + 0.6*rng.Float64())
		eff := 1 - 0.35*math.Abs(rng.NormFloat64())/2.5
		eff = max(eff, 0.4)
		resource := math.Pow(cost/45000, 0.5) * math.Pow(staff/70, 0.3) * math.Pow(premises/3.5, 0.2)
		quality := min(99, 60*resource*eff*(0.9+0.2*rng.Float64()))
		satisfaction := min(9.9, 6.5*resource*eff*(0.85+0.3*rng.Float64()))
		goals := min(0.99, 0.55*resource*eff*(0.8+0.4*rng.Float64()))
		p.IDs = append(p.IDs, fmt.Sprintf("K%03d", j+1))
		p.Inputs = append(p.Inputs, []float64{cost, staff, premises})
		p.Outputs = append(p.Outputs, []float64{quality, satisfaction, goals})
	}
	return p
}

// BenchmarkSolve290 solves 290 municipality-like units (3 inputs, 3
// outputs) under CRS and then VRS, input-oriented, per iteration.
func BenchmarkSolve290(b *testing.B) {
	p := municipalities(290, 1)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for _, rts := range []dea.RTS{dea.CRS, dea.VRS} {
			if _, err := dea.Solve(ctx, with(p, rts, dea.Input)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// degenerate returns 290 units built to stress the solver: integer-rounded
// values with few distinct levels (ties), a third of the units exact
// duplicates of others, units that are scaled copies of others (collinear
// under CRS), outputs that are zero for some units, and one unit (the
// last) whose outputs are all zero. It also returns the index pairs of
// duplicates.
func degenerate() (dea.Problem, [][2]int) {
	p := municipalities(290, 7)
	rng := rand.New(rand.NewPCG(7, 2))
	for j := range p.IDs {
		x, y := p.Inputs[j], p.Outputs[j]
		x[0] = math.Round(x[0]/5000) * 5000
		x[1] = math.Round(x[1]/10) * 10
		x[2] = math.Max(1, math.Round(x[2]))
		y[0] = math.Round(y[0]/10) * 10
		y[1] = math.Round(y[1])
		y[2] = math.Round(y[2]*4) / 4
		if rng.IntN(10) == 0 {
			y[rng.IntN(3)] = 0
		}
	}
	var dups [][2]int
	for j := 100; j < 290; j++ {
		switch {
		case j%3 == 0:
			src := rng.IntN(100)
			p.Inputs[j] = append([]float64(nil), p.Inputs[src]...)
			p.Outputs[j] = append([]float64(nil), p.Outputs[src]...)
			dups = append(dups, [2]int{src, j})
		case j%7 == 0:
			src, k := rng.IntN(100), float64(2+rng.IntN(3))
			p.Inputs[j] = scaled(p.Inputs[src], k)
			p.Outputs[j] = scaled(p.Outputs[src], k)
		}
	}
	p.Outputs[289] = []float64{0, 0, 0}
	return p, dups
}

func scaled(v []float64, k float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x * k
	}
	return out
}
