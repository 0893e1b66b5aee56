package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// server is a running server under test.
type server struct {
	name string
	url  string
	cmd  *exec.Cmd
}

// start runs name with args and env and waits until a POST of
// {__typename} to url answers 200.
func start(ctx context.Context, label, url string, env []string, log string, name string, args ...string) (*server, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := os.Create(log)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", label, err)
	}
	s := &server{name: label, url: url, cmd: cmd}
	c := newClient(url)
	c.http.Timeout = time.Second
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if status, _, err := c.raw(`{__typename}`, nil); err == nil && status == http.StatusOK {
			return s, nil
		}
		if cmd.ProcessState != nil {
			break
		}
	}
	s.stop()
	return nil, fmt.Errorf("%s did not answer on %s within 60 s; see %s", label, url, log)
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
		}
	}
}

// freeAddr returns a loopback address no one listens on.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// clockTicks is USER_HZ, which /proc reports CPU times in (100 on Linux).
const clockTicks = 100

// cpuTicks returns a process's user and system time so far, with that of
// its waited-for children when children is set.
func cpuTicks(pid int, children bool) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name may hold spaces: fields start after its ')'.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	n := 2
	if children {
		n = 4
	}
	var sum int64
	for _, v := range f[11 : 11+n] { // utime, stime, cutime, cstime
		x, _ := strconv.ParseInt(v, 10, 64)
		sum += x
	}
	return sum, nil
}

// parentOf returns a process's parent id, or 0.
func parentOf(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	p, _ := strconv.Atoi(f[1])
	return p
}

// treeTicks returns the CPU time of pid and every process below it, the
// exited ones included: a PostgreSQL cluster's postmaster and backends.
func treeTicks(root int) int64 {
	total, _ := cpuTicks(root, true)
	for _, pid := range descendants(root) {
		t, _ := cpuTicks(pid, false)
		total += t
	}
	return total
}

// descendants are the running processes below root.
func descendants(root int) []int {
	var out []int
	entries, _ := filepath.Glob("/proc/[0-9]*")
	for _, e := range entries {
		pid, _ := strconv.Atoi(filepath.Base(e))
		if pid == root {
			continue
		}
		for p := parentOf(pid); p > 1; p = parentOf(p) {
			if p == root {
				out = append(out, pid)
				break
			}
		}
	}
	return out
}

// peakMiB is the peak resident memory (VmHWM) of root and the processes
// below it, summed, in MiB: what a server's memory policy costs.
func peakMiB(root int) float64 {
	kb := vmHWM(root)
	for _, pid := range descendants(root) {
		kb += vmHWM(pid)
	}
	return float64(kb) / 1024
}

// vmHWM is a process's peak resident set in kB, from /proc, or 0.
func vmHWM(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// ticksToMs converts clock ticks to milliseconds.
func ticksToMs(t int64) float64 { return float64(t) * 1000 / clockTicks }
