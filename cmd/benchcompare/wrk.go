package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// load is how wrk loads a server.
type load struct {
	threads, connections int
	duration             time.Duration
	dir                  string // where the request scripts go
}

// round is one wrk run against one server.
type round struct {
	requests      int64
	reqPerSec     float64
	p50, p99      time.Duration
	bad           int64   // responses other than 2xx/3xx
	socketErrors  int64   // connect, read, write errors and timeouts
	serverCPUms   float64 // the server's CPU time during the run
	postgresCPUms float64 // the PostgreSQL cluster's
}

// script writes a wrk Lua script that posts body with token.
func (l load) script(name string, body []byte, token string) (string, error) {
	bodyFile := filepath.Join(l.dir, name+".json")
	if err := os.WriteFile(bodyFile, body, 0o644); err != nil {
		return "", err
	}
	lua := fmt.Sprintf(`local f = assert(io.open(%q, "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
`, bodyFile)
	if token != "" {
		lua += fmt.Sprintf("wrk.headers[\"Authorization\"] = %q\n", "Bearer "+token)
	}
	file := filepath.Join(l.dir, name+".lua")
	return file, os.WriteFile(file, []byte(lua), 0o644)
}

// run loads url with script and measures the CPU of the server process
// tree and of the PostgreSQL cluster under postmaster.
func (l load) run(ctx context.Context, url, script string, serverPID, postmaster int) (round, error) {
	s0, p0 := treeTicks(serverPID), treeTicks(postmaster)
	out, err := exec.CommandContext(ctx, "wrk", "-t", strconv.Itoa(l.threads), "-c", strconv.Itoa(l.connections),
		"-d", fmt.Sprintf("%ds", int(l.duration.Seconds())), "--timeout", "10s", "--latency", "-s", script, url).CombinedOutput()
	s1, p1 := treeTicks(serverPID), treeTicks(postmaster)
	if err != nil {
		return round{}, fmt.Errorf("wrk: %w: %s", err, out)
	}
	r, err := parseWrk(out)
	r.serverCPUms, r.postgresCPUms = ticksToMs(s1-s0), ticksToMs(p1-p0)
	return r, err
}

var (
	wrkRequests = regexp.MustCompile(`(\d+) requests in`)
	wrkRate     = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkBad      = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	wrkSocket   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	wrkLatency  = regexp.MustCompile(`^\s+(50|99)%\s+([0-9.]+)(us|ms|s|m)\s*$`)
)

// parseWrk reads wrk's report.
func parseWrk(out []byte) (round, error) {
	var r round
	m := wrkRequests.FindSubmatch(out)
	rate := wrkRate.FindSubmatch(out)
	if m == nil || rate == nil {
		return r, fmt.Errorf("wrk printed no totals: %s", out)
	}
	r.requests, _ = strconv.ParseInt(string(m[1]), 10, 64)
	r.reqPerSec, _ = strconv.ParseFloat(string(rate[1]), 64)
	if m := wrkBad.FindSubmatch(out); m != nil {
		r.bad, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	if m := wrkSocket.FindSubmatch(out); m != nil {
		for _, v := range m[1:] {
			n, _ := strconv.ParseInt(string(v), 10, 64)
			r.socketErrors += n
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if m := wrkLatency.FindStringSubmatch(sc.Text()); m != nil {
			d := parseLatency(m[2], m[3])
			if m[1] == "50" {
				r.p50 = d
			} else {
				r.p99 = d
			}
		}
	}
	return r, nil
}

func parseLatency(v, unit string) time.Duration {
	x, _ := strconv.ParseFloat(v, 64)
	scale := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second, "m": time.Minute}[unit]
	return time.Duration(x * float64(scale))
}

// clean says what was wrong with a round's responses, or "".
func (r round) clean() string {
	var s []string
	if r.bad > 0 {
		s = append(s, fmt.Sprintf("%d responses were not 2xx", r.bad))
	}
	if r.requests == 0 {
		s = append(s, "no response arrived within the run")
	}
	if r.socketErrors > 0 {
		s = append(s, fmt.Sprintf("%d socket errors or timeouts", r.socketErrors))
	}
	return strings.Join(s, ", ")
}
