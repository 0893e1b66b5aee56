package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store/storetest"
)

// startServe runs `awardd serve` on a free port over dsn with extra flags
// and returns its address; it is stopped when t ends.
func startServe(t *testing.T, dsn string, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	m, _ := newMain(dsn, "")
	m.Ready = ready
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, flags...)) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case addr := <-ready:
		return addr
	case err := <-done:
		t.Fatalf("serve ended early: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

func TestServeDevFlag(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	introspect := func(addr string) int {
		resp, err := http.Post("http://"+addr+"/graphql", "application/json",
			strings.NewReader(`{"query": "{ __schema { queryType { name } } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := introspect(startServe(t, dsn)); got != http.StatusForbidden {
		t.Errorf("anonymous introspection without -dev = %d, want 403", got)
	}
	if got := introspect(startServe(t, dsn, "-dev")); got != http.StatusOK {
		t.Errorf("anonymous introspection with -dev = %d, want 200", got)
	}
}

// TestServeWebPages: serve answers the web application at / and the API
// beside it, with -secure-cookies making the cookies __Host- and Secure.
func TestServeWebPages(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	get := func(url string) (*http.Response, string) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	addr := startServe(t, dsn)
	resp, body := get("http://" + addr + "/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `<html lang="sv">`) || !strings.Contains(body, "<h1>") {
		t.Errorf("GET / = %d, want the home page\n%s", resp.StatusCode, body)
	}
	if resp, _ := get("http://" + addr + "/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz = %d beside the web pages", resp.StatusCode)
	}
	resp, _ = get("http://" + startServe(t, dsn, "-secure-cookies") + "/login")
	for _, c := range resp.Cookies() {
		if !strings.HasPrefix(c.Name, "__Host-") || !c.Secure {
			t.Errorf("with -secure-cookies: cookie %s, Secure %v", c.Name, c.Secure)
		}
	}
}
