package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store/storetest"
)

func newMain(dsn, stdin string) (*Main, *bytes.Buffer) {
	out := &bytes.Buffer{}
	env := map[string]string{"DATABASE_URL": dsn}
	return &Main{Stdin: strings.NewReader(stdin), Stdout: out, Stderr: out,
		Getenv: func(k string) string { return env[k] }}, out
}

func TestCommands(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	ctx := context.Background()
	steps := []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{"migrate"}, "", "up to date"},
		{[]string{"seed-demo"}, "", "demo data loaded"},
		{[]string{"seed-demo"}, "", "already present"},
		{[]string{"create-admin", "-email", "ops@example.se", "-name", "Ops"}, "a long admin password\n", "created admin"},
	}
	for _, s := range steps {
		m, out := newMain(dsn, s.stdin)
		if err := m.Run(ctx, s.args); err != nil {
			t.Fatalf("awardd %v: %v", s.args, err)
		}
		if !strings.Contains(out.String(), s.want) {
			t.Errorf("awardd %v printed %q, want %q", s.args, out, s.want)
		}
	}
	t.Run("refusals", func(t *testing.T) {
		for _, args := range [][]string{{}, {"nonsense"}, {"create-admin", "-email", "x@example.se"}, {"serve", "-log-format", "xml"}} {
			m, _ := newMain(dsn, "short\n")
			if err := m.Run(ctx, args); err == nil {
				t.Errorf("awardd %v succeeded, want an error", args)
			}
		}
		m, _ := newMain("", "")
		if err := m.Run(ctx, []string{"migrate"}); err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
			t.Errorf("migrate without DATABASE_URL = %v", err)
		}
	})
}

func TestServeDrainsOnShutdown(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	m, _ := newMain(dsn, "")
	m.Ready = ready
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-log-format", "json"}) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve ended early: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz = %v, %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown, want nil", err)
		}
	case <-time.After(35 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

func TestReportCommand(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	m, _ := newMain(dsn, "")
	if err := m.Run(context.Background(), []string{"seed-demo"}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ranking.pdf")
	m, printed := newMain(dsn, "")
	// The demo's 2025 jury cycle is the third cycle it creates.
	if err := m.Run(context.Background(), []string{"report", "ranking", "-id", "3", "-o", out, "-lang", "en"}); err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(body, []byte("%PDF-")) || !strings.Contains(printed.String(), "ranking-3-en.pdf") {
		t.Errorf("report wrote %d bytes (%v), printed %q", len(body), err, printed)
	}
	for _, args := range [][]string{{"report"}, {"report", "pie", "-id", "1", "-o", out}, {"report", "ranking", "-id", "999", "-o", out},
		{"report", "feedback", "-id", "1"}, {"report", "ranking", "-id", "3", "-o", out, "-lang", "fr"}} {
		m, _ := newMain(dsn, "")
		if err := m.Run(context.Background(), args); err == nil {
			t.Errorf("awardd %v succeeded, want an error", args)
		}
	}
}
