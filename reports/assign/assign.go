// Package assign distributes jurors over award applications.
//
// Assign gives every application exactly PerApplication jurors, never a
// conflicted one, keeps manual (fixed) assignments, and spreads the work as
// evenly as the conflicts allow. It solves a min-cost flow in which the k-th
// application on a juror's desk costs k. Minimising that convex cost
// minimises the sum of squared loads, and on the set of load vectors a
// bipartite assignment can reach (an M-convex set) the square-sum minimiser
// also has the smallest largest load and the largest smallest load (Frank and
// Murota, "Discrete decreasing minimization", 2022). The difference between
// the busiest and the idlest juror is therefore as small as it can be, and at
// most 1 whenever the conflicts allow that. The same method underlies the
// paper assignment of HotCRP and OpenReview.
package assign

import "cmp"

// MaxPreference bounds the absolute value of an Input preference.
const MaxPreference = 1000

// Pair names one juror and one application: an assignment, a conflict or a
// preference.
type Pair struct {
	Juror       string
	Application string
}

// comparePairs orders pairs by application, then by juror.
func comparePairs(a, b Pair) int {
	if c := cmp.Compare(a.Application, b.Application); c != 0 {
		return c
	}
	return cmp.Compare(a.Juror, b.Juror)
}

// Input is one assignment problem. Only Applications, Jurors and
// PerApplication are required.
type Input struct {
	// Applications lists the submitted, eligible applications to staff.
	Applications []string
	// Jurors lists the jurors available for this cycle.
	Jurors []string
	// PerApplication is the number of jurors every application must have,
	// fixed ones included.
	PerApplication int
	// MaxLoad, when positive, is the most applications one juror may hold,
	// fixed ones included. A juror whose fixed assignments already reach or
	// exceed it keeps them and receives no new application.
	MaxLoad int
	// Conflicts lists pairs that must never be assigned. Pairs naming an
	// unknown juror or application are ignored.
	Conflicts []Pair
	// Fixed lists existing assignments to keep. They count toward the
	// application's PerApplication and the juror's load, and must name
	// known jurors and applications.
	Fixed []Pair
	// Preferences optionally favours pairs: a higher value makes the pair
	// more likely, within [-MaxPreference, MaxPreference]. Balance always
	// comes first; preferences only choose among equally balanced plans.
	// Pairs naming an unknown juror or application are ignored.
	Preferences map[Pair]int
}

// Plan is the result of Assign.
type Plan struct {
	// Pairs holds the new assignments only, sorted by application, then
	// juror.
	Pairs []Pair
	// Load gives every juror's total number of applications, fixed ones
	// included; jurors without any have 0.
	Load map[string]int
}

// Assign gives every application in.PerApplication distinct jurors, none of
// them conflicted, keeps in.Fixed and makes juror loads as even as possible.
// The plan depends only on the content of in, not on the order of its
// slices. Malformed input yields an error wrapping ErrInvalidInput; input
// that admits no assignment yields an *InfeasibleError and no plan.
func Assign(in Input) (Plan, error) {
	p, err := newProblem(in)
	if err != nil {
		return Plan{}, err
	}
	if err := p.checkFeasible(); err != nil {
		return Plan{}, err
	}
	return p.solve()
}
