package graph

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/leanforum/awards/store"
)

// Default login limits: attempts per account and client address together,
// and failed ones per client address.
const (
	DefaultLoginLimit  = 10
	DefaultLoginWindow = 15 * time.Minute
)

// Default sign-up limits: sign-ups per client address, which tell whether
// an e-mail is registered.
const (
	DefaultSignUpLimit  = 20
	DefaultSignUpWindow = time.Hour
)

// limiter allows at most limit login attempts per key in any window. The
// attempts are kept in the database (store.RecordLoginAttempt), so every
// server counts the same ones and a restart forgets none.
type limiter struct {
	db     *store.DB
	limit  int
	window time.Duration
	what   string // what is limited, for the error: "login attempts"
}

func newLimiter(db *store.DB, limit int, window time.Duration, what string) *limiter {
	return &limiter{db: db, limit: limit, window: window, what: what}
}

// retryError is the RATE_LIMITED answer: try again after this long.
type retryError struct {
	after time.Duration
	what  string
}

func (e *retryError) Error() string {
	return fmt.Sprintf("too many %s; try again in %d seconds", e.what, e.seconds())
}

func (e *retryError) seconds() int { return int((e.after + time.Second - 1) / time.Second) }

// allow records an attempt under every key, unless one of them has had
// limit attempts in the last window: then it records nothing and says how
// long to wait.
func (l *limiter) allow(ctx context.Context, keys ...string) error {
	wait, err := l.db.RecordLoginAttempt(ctx, keys, l.limit, l.window)
	if err != nil {
		return err
	}
	if wait > 0 {
		return &retryError{wait, l.what}
	}
	return nil
}

// refund takes back the latest attempt recorded under key, for an
// attempt that should not count after all. Should that fail, the key keeps
// one attempt too many until it leaves the window, which is no reason to
// fail the login.
func (l *limiter) refund(ctx context.Context, key string) {
	l.db.RefundLoginAttempt(ctx, key)
}

// loginKeys are the limiter keys of a login: the account (whatever the
// case of the e-mail) together with the client address, and the client
// address alone. The account is never a key alone: whoever knows an
// e-mail address could then lock its owner out by failing its logins.
func loginKeys(ctx context.Context, email string) (account, address string) {
	address = "address:" + clientAddrFrom(ctx)
	return "account:" + strings.ToLower(strings.TrimSpace(email)) + " " + address, address
}

// signUpKey is the limiter key of a sign-up: the client address.
func signUpKey(ctx context.Context) string { return "signup:" + clientAddrFrom(ctx) }

// clientAddr is the address a request comes from: the connection's peer,
// or, when the server is configured to trust one, the last address in
// that header (the one the trusted proxy added). IPv6 addresses count by
// their /64 network, which one client usually holds whole.
func clientAddr(r *http.Request, trustedHeader string) string {
	addr := r.RemoteAddr
	if host, _, err := net.SplitHostPort(addr); err == nil {
		addr = host
	}
	if trustedHeader != "" {
		if v := r.Header.Values(trustedHeader); len(v) > 0 {
			list := strings.Split(v[len(v)-1], ",")
			if ip := strings.TrimSpace(list[len(list)-1]); net.ParseIP(ip) != nil {
				addr = ip
			}
		}
	}
	ip := net.ParseIP(addr)
	if ip == nil {
		return addr
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return ip.String()
}

type clientAddrKey struct{}

func withClientAddr(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, addr)
}

func clientAddrFrom(ctx context.Context) string {
	a, _ := ctx.Value(clientAddrKey{}).(string)
	return a
}
