package store

import (
	"errors"
	"fmt"
)

// Code is a stable, machine-readable error kind. The set is closed and
// append-only: clients branch on it, never on message text.
type Code string

// The error codes. Append only; never rename.
const (
	Invalid         Code = "INVALID"
	NotFound        Code = "NOT_FOUND"
	Conflict        Code = "CONFLICT"
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	DeadlinePassed  Code = "DEADLINE_PASSED"
	WrongPhase      Code = "WRONG_PHASE"
	Incomplete      Code = "INCOMPLETE"
	Internal        Code = "INTERNAL"

	NotAssigned        Code = "NOT_ASSIGNED"
	ConflictOfInterest Code = "CONFLICT_OF_INTEREST"
	OutOfRange         Code = "SCORE_OUT_OF_RANGE"
	OffStep            Code = "SCORE_OFF_STEP"
	ConsensusRequired  Code = "CONSENSUS_REQUIRED"
	Recused            Code = "RECUSED"
	Infeasible         Code = "INFEASIBLE"
	// ScoresLocked: the juror could see the other jurors' scores and the
	// cycle locks score values from then on.
	ScoresLocked Code = "SCORES_LOCKED"
	// QueryTooComplex: the document is too large, deep or costly to run.
	QueryTooComplex Code = "QUERY_TOO_COMPLEX"
	// RateLimited: too many attempts; extensions.retryAfter says when to
	// try again, in seconds.
	RateLimited Code = "RATE_LIMITED"
	// Timeout: the request ran out of time and was stopped; a mutation it
	// had not finished wrote nothing.
	Timeout Code = "TIMEOUT"
	// Cancelled: the client went away (closed its connection) before the
	// answer was ready; a mutation it had not finished wrote nothing.
	Cancelled Code = "CANCELLED"
)

// Error is the one user-facing error type: a code, an optional field the
// error is about, and a message that is safe to show to any caller.
type Error struct {
	Code    Code
	Field   string
	Message string
	// Rule names the rule that refused the request when several could
	// (a decision's SCREENED_ELIGIBLE or SCORED, say); clients read it
	// as extensions.rule.
	Rule string
	// Missing lists what the rule found missing (criterion codes,
	// application ids), as extensions.missing.
	Missing []string
	// Index is the element of an input list that Field is in (the
	// second indicator is 1), as extensions.index; nil when none.
	Index *int
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// InvalidField returns an INVALID error naming the offending field.
func InvalidField(field, format string, args ...any) *Error {
	return &Error{Code: Invalid, Field: field, Message: field + ": " + fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// Internal when there is none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// refusal is an error of code that names the rule that refused it and
// what it found missing.
func refusal(code Code, rule string, missing []string, format string, args ...any) *Error {
	return &Error{Code: code, Rule: rule, Missing: missing, Message: fmt.Sprintf(format, args...)}
}

// notFound is the NOT_FOUND error for an entity kind and id.
func notFound(kind string, id int64) *Error {
	return Errorf(NotFound, "%s %d not found", kind, id)
}
