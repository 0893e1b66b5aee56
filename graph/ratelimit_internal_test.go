package graph

import (
	"errors"
	"net/http/httptest"
	"testing"
	"time"
)

func TestLimiterWindow(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	l := newLimiter(2, 15*time.Minute)
	l.now = func() time.Time { return now }
	step := func(d time.Duration, keys ...string) error { now = now.Add(d); return l.allow(keys...) }
	if step(0, "a", "x") != nil || step(time.Minute, "a", "y") != nil {
		t.Fatal("the first two attempts were refused")
	}
	var re *retryError
	if err := step(time.Minute, "a", "z"); !errors.As(err, &re) || re.seconds() != 13*60 {
		t.Fatalf("third attempt = %v, want a wait of 13 minutes", err)
	}
	if step(0, "b", "z") != nil {
		t.Error("a refused attempt was counted against its other keys")
	}
	if step(13*time.Minute, "a") != nil {
		t.Error("the first attempt did not leave the window")
	}
	if step(0, "a") == nil {
		t.Error("the window let a third attempt through")
	}
	step(time.Hour, "c")
	if len(l.attempts) != 1 {
		t.Errorf("after an idle window the limiter holds %d keys, want 1", len(l.attempts))
	}
}

func TestLimiterRefund(t *testing.T) {
	l := newLimiter(2, time.Minute)
	for i := 0; i < 5; i++ {
		if err := l.allow("a", "b"); err != nil {
			t.Fatalf("attempt %d = %v; each was refunded under b", i, err)
		}
		l.refund("a")
		l.refund("b")
	}
	l.refund("never") // nothing to take back
	if l.allow("a") != nil || l.allow("a") != nil || l.allow("a") == nil {
		t.Error("after refunds the limit did not start from zero")
	}
}

func TestClientAddr(t *testing.T) {
	cases := []struct {
		remote, header, trusted, want string
	}{
		{"192.0.2.1:5000", "", "", "192.0.2.1"},
		{"192.0.2.1:5000", "198.51.100.7", "", "192.0.2.1"},
		{"192.0.2.1:5000", "198.51.100.7, 203.0.113.9", "X-Forwarded-For", "203.0.113.9"},
		{"192.0.2.1:5000", "not an address", "X-Forwarded-For", "192.0.2.1"},
		{"[2001:db8:1:2:3:4:5:6]:5000", "", "", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2:ffff::1]:5000", "", "", "2001:db8:1:2::/64"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.remote
		if c.header != "" {
			r.Header.Set("X-Forwarded-For", c.header)
		}
		if got := clientAddr(r, c.trusted); got != c.want {
			t.Errorf("clientAddr(%s, %q, trusting %q) = %s, want %s", c.remote, c.header, c.trusted, got, c.want)
		}
	}
}
