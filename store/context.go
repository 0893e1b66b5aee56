package store

import (
	"context"
	"sync/atomic"
)

// Role is a user's role.
type Role string

// The roles.
const (
	RoleAdmin     Role = "ADMIN"
	RoleJuror     Role = "JUROR"
	RoleApplicant Role = "APPLICANT"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleJuror || r == RoleApplicant
}

// Actor is the authenticated caller on whose behalf the store reads and
// writes. A nil *Actor is an anonymous caller.
type Actor struct {
	UserID int64
	Role   Role
	OrgIDs []int64
}

// IsAdmin reports whether a is an administrator.
func (a *Actor) IsAdmin() bool { return a != nil && a.Role == RoleAdmin }

// IsMember reports whether a belongs to organisation orgID.
func (a *Actor) IsMember(orgID int64) bool {
	if a == nil {
		return false
	}
	for _, id := range a.OrgIDs {
		if id == orgID {
			return true
		}
	}
	return false
}

// role is the actor's role as an SQL argument ("" when anonymous).
func (a *Actor) role() string {
	if a == nil {
		return ""
	}
	return string(a.Role)
}

// orgs is the actor's organisations as an SQL argument.
func (a *Actor) orgs() []int64 {
	if a == nil || a.OrgIDs == nil {
		return []int64{}
	}
	return a.OrgIDs
}

type ctxKey int

const (
	actorKey ctxKey = iota
	counterKey
)

// WithActor returns a context carrying the caller.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey, a)
}

// ActorFrom returns the caller carried by ctx, or nil when anonymous.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey).(*Actor)
	return a
}

// StatementCounter counts the SQL statements the store sends under a context.
type StatementCounter struct{ n atomic.Int64 }

// Count returns the number of statements counted so far.
func (c *StatementCounter) Count() int64 { return c.n.Load() }

// WithStatementCounter returns a context whose SQL statements are counted.
func WithStatementCounter(ctx context.Context) (context.Context, *StatementCounter) {
	c := &StatementCounter{}
	return context.WithValue(ctx, counterKey, c), c
}

func countStatement(ctx context.Context) {
	if c, ok := ctx.Value(counterKey).(*StatementCounter); ok {
		c.n.Add(1)
	}
}
