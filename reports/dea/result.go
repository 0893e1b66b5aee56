package dea

// Tolerances for reading a solution. λ is in natural units (it does not
// depend on column scaling); slacks are compared in scaled units.
const (
	lambdaTol = 1e-9 // smallest λ that makes a unit a peer
	slackTol  = 1e-9 // smallest scaled slack reported as non-zero
)

// Peer is a unit of the efficient frontier that another unit is compared
// with.
type Peer struct {
	Index  int     // position in Problem.IDs
	ID     string  // Problem.IDs[Index]
	Lambda float64 // intensity weight λ
}

// Result is the analysis of one unit.
//
// Targets are the unit's projection onto the frontier. Input orientation:
// InputTargets = θx − s⁻ and OutputTargets = y + s⁺. Output orientation:
// InputTargets = x − s⁻ and OutputTargets = φy + s⁺. Either way they equal
// Σλx and Σλy over the peers.
type Result struct {
	ID            string
	Efficiency    float64   // Farrell: θ ∈ [0, 1] (input) or φ ≥ 1 (output)
	Peers         []Peer    // units with λ > 0, in input order
	InputSlacks   []float64 // s⁻ ≥ 0, one per input
	OutputSlacks  []float64 // s⁺ ≥ 0, one per output
	InputTargets  []float64
	OutputTargets []float64
	Err           error // ErrZeroOutput when Efficiency is undefined (+Inf)
}

// Efficient reports whether the unit is fully (Pareto–Koopmans) efficient:
// efficiency 1 and no slack.
func (r *Result) Efficient() bool {
	if r.Err != nil || r.Efficiency != 1 {
		return false
	}
	for _, s := range r.InputSlacks {
		if s != 0 {
			return false
		}
	}
	for _, s := range r.OutputSlacks {
		if s != 0 {
			return false
		}
	}
	return true
}

// result builds unit o's Result from eff and the λ in md.lambda.
func (md *model) result(o int, eff float64) Result {
	p := md.p
	r := Result{
		ID:            p.IDs[o],
		Efficiency:    eff,
		InputSlacks:   make([]float64, md.m),
		OutputSlacks:  make([]float64, md.s),
		InputTargets:  make([]float64, md.m),
		OutputTargets: make([]float64, md.s),
	}
	for j, l := range md.lambda {
		if l <= lambdaTol {
			continue
		}
		r.Peers = append(r.Peers, Peer{Index: j, ID: p.IDs[j], Lambda: l})
		axpy(r.InputTargets, p.Inputs[j], l)
		axpy(r.OutputTargets, p.Outputs[j], l)
	}
	xf, yf := eff, 1.0
	if p.Orientation == Output {
		xf, yf = 1, eff
	}
	for i, x := range p.Inputs[o] {
		r.InputSlacks[i] = cleanSlack(xf*x-r.InputTargets[i], md.xs[i])
		r.InputTargets[i] = xf*x - r.InputSlacks[i]
	}
	for k, y := range p.Outputs[o] {
		r.OutputSlacks[k] = cleanSlack(r.OutputTargets[k]-yf*y, md.ys[k])
		r.OutputTargets[k] = yf*y + r.OutputSlacks[k]
	}
	if r.Efficient() {
		r.Peers = []Peer{{Index: o, ID: p.IDs[o], Lambda: 1}}
	}
	return r
}

// cleanSlack returns s, or 0 if s is below the tolerance relative to the
// column scale.
func cleanSlack(s, scale float64) float64 {
	if s <= slackTol*scale {
		return 0
	}
	return s
}
