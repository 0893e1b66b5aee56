package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/leanforum/awards/store/storetest"
)

// buildAwardd builds the real binary into a temporary directory.
func buildAwardd(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build awardd with")
	}
	bin := filepath.Join(t.TempDir(), "awardd")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a running `awardd serve`.
type process struct {
	cmd  *exec.Cmd
	addr string
	mu   sync.Mutex
	log  bytes.Buffer // its standard error
}

func (p *process) logs() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

func (p *process) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.Write(b)
}

// startAwardd runs `bin serve` over dsn and waits until it listens.
func startAwardd(t *testing.T, bin, dsn string) *process {
	t.Helper()
	return startAwarddWith(t, bin, dsn, nil)
}

// startAwarddWith is startAwardd with more environment and serve flags.
func startAwarddWith(t *testing.T, bin, dsn string, env []string, flags ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, append([]string{"serve", "-addr", "127.0.0.1:0", "-log-format", "json"}, flags...)...)}
	p.cmd.Env = append(append(os.Environ(), "DATABASE_URL="+dsn), env...)
	p.cmd.Stderr = p
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cmd.Process.Kill() })
	for end := time.Now().Add(30 * time.Second); p.addr == "" && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		sc := bufio.NewScanner(strings.NewReader(p.logs()))
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				p.addr = line.Addr
			}
		}
	}
	if p.addr == "" {
		t.Fatalf("awardd did not start:\n%s", p.logs())
	}
	return p
}

func (p *process) post(body string) (*http.Response, []byte, error) {
	resp, err := http.Post("http://"+p.addr+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func TestSIGTERMDrainsASlowRequest(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	bin := buildAwardd(t)
	admin := exec.Command(bin, "create-admin", "-email", "ops@example.se", "-name", "Ops")
	admin.Env = append(os.Environ(), "DATABASE_URL="+dsn, "ADMIN_PASSWORD=the admin's password")
	if out, err := admin.CombinedOutput(); err != nil {
		t.Fatalf("create-admin: %v\n%s", err, out)
	}
	// The drain is what is tested, not the deadline: a generous one keeps
	// the slow request from timing out on a loaded machine (the browser
	// tests run beside it).
	p := startAwarddWith(t, bin, dsn, nil, "-request-timeout", "60s")

	t.Run("abusive documents leave it serving", func(t *testing.T) {
		for _, q := range []string{
			"query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
			strings.Repeat("{ awards ", 5000) + strings.Repeat("}", 5000),
		} {
			body, _ := json.Marshal(map[string]string{"query": q})
			if resp, _, err := p.post(string(body)); err != nil || resp.StatusCode != 400 {
				t.Errorf("status = %v, %v; want 400", resp, err)
			}
		}
		if resp, _, err := p.post(`{"query": "{ awards { totalCount } }"}`); err != nil || resp.StatusCode != 200 {
			t.Fatalf("after the abuse: %v, %v", resp, err)
		}
	})

	// A naturally slow request: logins check bcrypt hashes of cost 12,
	// about a quarter of a second each.
	var slow strings.Builder
	slow.WriteString(`{"query": "mutation {`)
	const logins = 8
	for i := 0; i < logins; i++ {
		fmt.Fprintf(&slow, ` l%d: login(email: \"ops@example.se\", password: \"the admin's password\") { token }`, i)
	}
	slow.WriteString(` }"}`)
	type answer struct {
		status int
		body   []byte
		err    error
	}
	// The request is written whole on a connection of its own before the
	// signal, so that it is in flight whatever the machine's load: a
	// connection with a request the server has not yet read is not idle
	// to http.Server.Shutdown.
	conn, err := net.DialTimeout("tcp", p.addr, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req, _ := http.NewRequest("POST", "http://"+p.addr+"/graphql", strings.NewReader(slow.String()))
	req.Header.Set("Content-Type", "application/json")
	if err := req.Write(conn); err != nil {
		t.Fatal(err)
	}
	done := make(chan answer, 1)
	start := time.Now()
	go func() {
		resp, err := http.ReadResponse(bufio.NewReader(conn), req)
		if err != nil {
			done <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		done <- answer{resp.StatusCode, body, err}
	}()
	time.Sleep(100 * time.Millisecond)
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}

	t.Run("new connections are refused while it drains", func(t *testing.T) {
		// The signal takes a moment to close the listener; a loaded
		// machine gets up to ten seconds, and the slow request must
		// still be running when the listener is closed.
		refused := false
		for end := time.Now().Add(10 * time.Second); !refused && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
			c, err := net.DialTimeout("tcp", p.addr, time.Second)
			if refused = err != nil; !refused {
				c.Close()
			}
		}
		if !refused {
			t.Error("new connections were still accepted ten seconds after SIGTERM")
		}
		select {
		case a := <-done:
			t.Fatalf("the slow request ended after %v, before the check (%v); make it slower", time.Since(start), a.err)
		default:
		}
	})
	t.Run("the slow request completes", func(t *testing.T) {
		var a answer
		select {
		case a = <-done:
		case <-time.After(30 * time.Second):
			t.Fatal("the slow request did not end")
		}
		if a.err != nil || a.status != 200 || bytes.Count(a.body, []byte(`"token"`)) != logins || bytes.Contains(a.body, []byte("errors")) {
			t.Fatalf("answer after %v = %d %v %.300s, want 200 with %d tokens", time.Since(start), a.status, a.err, a.body, logins)
		}
	})
	t.Run("the process exits 0", func(t *testing.T) {
		exited := make(chan error, 1)
		go func() { exited <- p.cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("awardd exited with %v\n%s", err, p.logs())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("awardd did not exit")
		}
		if !strings.Contains(p.logs(), "draining") {
			t.Errorf("the log does not mention draining:\n%s", p.logs())
		}
	})
}
