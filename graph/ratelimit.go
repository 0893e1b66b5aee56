package graph

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Default login limits: attempts per account and per client address.
const (
	DefaultLoginLimit  = 10
	DefaultLoginWindow = 15 * time.Minute
)

// limiter allows at most limit attempts per key in any window. It lives
// in memory and belongs to one Handler; a restart forgets it.
type limiter struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu        sync.Mutex
	attempts  map[string][]time.Time // oldest first, at most limit
	lastPrune time.Time
}

func newLimiter(limit int, window time.Duration) *limiter {
	return &limiter{limit: limit, window: window, now: time.Now, attempts: map[string][]time.Time{}}
}

// retryError is the RATE_LIMITED answer: try again after this long.
type retryError struct{ after time.Duration }

func (e *retryError) Error() string {
	return fmt.Sprintf("too many login attempts; try again in %d seconds", e.seconds())
}

func (e *retryError) seconds() int { return int((e.after + time.Second - 1) / time.Second) }

// allow records an attempt under every key, unless one of them has had
// limit attempts in the last window: then it records nothing and says how
// long to wait.
func (l *limiter) allow(keys ...string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.prune(now)
	var wait time.Duration
	for _, k := range keys {
		recent := l.recent(k, now)
		if len(recent) >= l.limit {
			wait = max(wait, recent[0].Add(l.window).Sub(now))
		}
	}
	if wait > 0 {
		return &retryError{wait}
	}
	for _, k := range keys {
		l.attempts[k] = append(l.recent(k, now), now)
	}
	return nil
}

// refund takes back the latest attempt recorded under key, for an attempt
// that should not count after all.
func (l *limiter) refund(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ts := l.attempts[key]; len(ts) > 0 {
		l.attempts[key] = ts[:len(ts)-1]
	}
}

// recent is key's attempts within the window before now.
func (l *limiter) recent(key string, now time.Time) []time.Time {
	ts := l.attempts[key]
	for len(ts) > 0 && !ts[0].After(now.Add(-l.window)) {
		ts = ts[1:]
	}
	return ts
}

// prune forgets, once per window, the keys with no recent attempt, so the
// map holds only what can still refuse someone.
func (l *limiter) prune(now time.Time) {
	if now.Sub(l.lastPrune) < l.window {
		return
	}
	l.lastPrune = now
	for k := range l.attempts {
		if len(l.recent(k, now)) == 0 {
			delete(l.attempts, k)
		}
	}
}

// loginKeys are the limiter keys of a login: the account, whatever the
// case of the e-mail, and the client address.
func loginKeys(ctx context.Context, email string) (account, address string) {
	return "account:" + strings.ToLower(strings.TrimSpace(email)), "address:" + clientAddrFrom(ctx)
}

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
