package assign

import (
	"errors"
	"fmt"
)

// ErrInvalidInput is wrapped by every error Assign returns for malformed
// input: a non-positive PerApplication, a negative MaxLoad, an empty or
// duplicate id, a fixed pair that is unknown, repeated or conflicted, a
// preference out of range, or an instance too large for exact costs.
var ErrInvalidInput = errors.New("assign: invalid input")

// invalidf returns an error wrapping ErrInvalidInput.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidInput}, args...)...)
}

// Reason says why an input admits no assignment. The set is closed and
// append-only; callers branch on it, never on message text.
type Reason int

// The reasons an assignment can be impossible.
const (
	// NotEnoughJurors: PerApplication exceeds the number of jurors.
	NotEnoughJurors Reason = iota + 1
	// OverFixed: an application already has more fixed jurors than
	// PerApplication.
	OverFixed
	// TooFewCandidates: an application has fewer unconflicted jurors not
	// yet assigned to it than it still needs.
	TooFewCandidates
	// OverCapacity: the assignments still needed exceed what the jurors can
	// take under MaxLoad.
	OverCapacity
	// NoAssignment: each count suffices on its own, but conflicts and load
	// limits together leave some application short.
	NoAssignment
)

// String returns a stable snake_case code for r.
func (r Reason) String() string {
	switch r {
	case NotEnoughJurors:
		return "not_enough_jurors"
	case OverFixed:
		return "over_fixed"
	case TooFewCandidates:
		return "too_few_candidates"
	case OverCapacity:
		return "over_capacity"
	case NoAssignment:
		return "no_assignment"
	}
	return fmt.Sprintf("reason(%d)", int(r))
}

// InfeasibleError reports that no assignment satisfies the input. Reason
// says which check failed, Application names the application concerned
// (empty for NotEnoughJurors and OverCapacity), and Need and Have are the
// counts compared; the message spells out what each count means.
type InfeasibleError struct {
	Reason      Reason
	Application string
	Need        int
	Have        int
}

// Error describes the shortage in words safe to show to a user.
func (e *InfeasibleError) Error() string {
	switch e.Reason {
	case NotEnoughJurors:
		return fmt.Sprintf("assign: %d jurors per application required but only %d jurors available",
			e.Need, e.Have)
	case OverFixed:
		return fmt.Sprintf("assign: application %q already has %d fixed jurors, more than the %d required",
			e.Application, e.Have, e.Need)
	case TooFewCandidates:
		return fmt.Sprintf("assign: application %q needs %d more jurors but only %d are unconflicted and not yet assigned",
			e.Application, e.Need, e.Have)
	case OverCapacity:
		return fmt.Sprintf("assign: %d assignments needed but jurors can take only %d more within the maximum load",
			e.Need, e.Have)
	case NoAssignment:
		return fmt.Sprintf("assign: conflicts and load limits allow only %d of %d assignments; application %q cannot be filled",
			e.Have, e.Need, e.Application)
	}
	return fmt.Sprintf("assign: infeasible (%v): application %q, need %d, have %d",
		e.Reason, e.Application, e.Need, e.Have)
}
