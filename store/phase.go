package store

import "fmt"

// Phase is where a cycle stands; phases only move forward, one step at a
// time.
type Phase string

// The phases, in order.
const (
	PhaseDraft     Phase = "DRAFT"
	PhaseOpen      Phase = "OPEN"
	PhaseClosed    Phase = "CLOSED"
	PhaseScoring   Phase = "SCORING"
	PhaseConsensus Phase = "CONSENSUS"
	PhaseDecided   Phase = "DECIDED"
	PhasePublished Phase = "PUBLISHED"
)

// Phases lists the phases in order.
var Phases = []Phase{PhaseDraft, PhaseOpen, PhaseClosed, PhaseScoring, PhaseConsensus, PhaseDecided, PhasePublished}

// Index is the phase's position in Phases, or -1 when unknown.
func (p Phase) Index() int {
	for i, q := range Phases {
		if q == p {
			return i
		}
	}
	return -1
}

// Before reports whether p comes before q.
func (p Phase) Before(q Phase) bool { return p.Index() < q.Index() }

// next returns the phase after p.
func (p Phase) next() (Phase, bool) {
	i := p.Index()
	if i < 0 || i+1 >= len(Phases) {
		return "", false
	}
	return Phases[i+1], true
}

// checkTransition reports whether a cycle may move from p to to.
func (p Phase) checkTransition(to Phase) error {
	if to.Index() < 0 {
		return InvalidField("phase", "unknown phase %q", string(to))
	}
	next, ok := p.next()
	if !ok || next != to {
		return &Error{Code: WrongPhase, Field: "phase", Message: fmt.Sprintf("a cycle in phase %s cannot move to %s; phases move forward one step at a time", p, to)}
	}
	return nil
}
