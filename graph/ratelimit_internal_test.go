package graph

import (
	"net/http/httptest"
	"testing"
)

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
