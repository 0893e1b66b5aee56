package store_test

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// syncCounter is a TCP proxy in front of PostgreSQL that counts the Sync
// messages clients send: each one ends a round trip of the extended query
// protocol (the client waits for ReadyForQuery before going on).
type syncCounter struct {
	ln    net.Listener
	to    string
	syncs atomic.Int64
}

func newSyncCounter(t *testing.T, to string) *syncCounter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	p := &syncCounter{ln: ln, to: to}
	go p.accept()
	return p
}

func (p *syncCounter) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.to)
		if err != nil {
			c.Close()
			continue
		}
		go func() { io.Copy(c, s); c.Close() }()
		go func() { p.forward(c, s); s.Close() }()
	}
}

// forward passes the client's messages to the server and counts each Sync
// before passing it on, so that a Sync is always counted before its answer
// can reach the client: the untyped startup message first, then messages
// of one type byte and a length that counts itself.
func (p *syncCounter) forward(client io.Reader, server io.Writer) {
	var n [4]byte
	if _, err := io.ReadFull(client, n[:]); err != nil {
		return
	}
	if _, err := server.Write(n[:]); err != nil {
		return
	}
	if _, err := io.CopyN(server, client, int64(binary.BigEndian.Uint32(n[:]))-4); err != nil {
		return
	}
	var head [5]byte
	for {
		if _, err := io.ReadFull(client, head[:]); err != nil {
			return
		}
		if head[0] == 'S' {
			p.syncs.Add(1)
		}
		if _, err := server.Write(head[:]); err != nil {
			return
		}
		if _, err := io.CopyN(server, client, int64(binary.BigEndian.Uint32(head[1:]))-4); err != nil {
			return
		}
	}
}

func TestOneRoundTripPerStatement(t *testing.T) {
	for _, tc := range []struct {
		name, param string
		want        int64
	}{
		{"by default", "", 1},
		{"when the URL asks for lib/pq's default", "no", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(storetest.NewDatabase(t))
			if err != nil {
				t.Fatal(err)
			}
			p := newSyncCounter(t, u.Host)
			u.Host = p.ln.Addr().String()
			if tc.param != "" {
				q := u.Query()
				q.Set("binary_parameters", tc.param)
				u.RawQuery = q.Encode()
			}
			ctx := context.Background()
			db, err := store.Open(ctx, u.String())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			before := p.syncs.Load()
			for i := 0; i < 10; i++ {
				if _, _, err := db.FindAwards(ctx, store.Page{First: 10}); err != nil {
					t.Fatal(err)
				}
			}
			if got := p.syncs.Load() - before; got != 10*tc.want {
				t.Errorf("10 statements with parameters took %d round trips, want %d", got, 10*tc.want)
			}
		})
	}
}
