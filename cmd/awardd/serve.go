package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/graph/web"
	"github.com/leanforum/awards/store"
)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	addr := fs.String("addr", ":8080", "the address to listen on")
	format := fs.String("log-format", "text", "log format: text or json")
	timeout := fs.Duration("request-timeout", 10*time.Second, "the deadline of each request")
	dev := fs.Bool("dev", false, "development: introspection for everyone and \"Did you mean\" hints in errors")
	maxOpen := fs.Int("db-max-open", store.DefaultMaxConns, "the most PostgreSQL connections open at once")
	maxIdle := fs.Int("db-max-idle", 0, "the most PostgreSQL connections kept open while idle (0: as many as -db-max-open, which avoids reconnecting after every burst)")
	memLimit := fs.String("memory-limit", defaultMemoryLimit, "the Go heap's soft limit (GOMEMLIMIT syntax, off for none); the GOMEMLIMIT environment variable wins")
	var mf mailFlags
	mf.register(fs)
	var opts graph.Options
	fs.IntVar(&opts.LoginLimit, "login-limit", graph.DefaultLoginLimit, "login attempts per account from one client address, and failed ones per client address, per -login-window; shared by every server over the database")
	fs.DurationVar(&opts.LoginWindow, "login-window", graph.DefaultLoginWindow, "the window of -login-limit")
	fs.IntVar(&opts.SignUpLimit, "signup-limit", graph.DefaultSignUpLimit, "sign-ups per client address per -signup-window; shared by every server over the database")
	fs.DurationVar(&opts.SignUpWindow, "signup-window", graph.DefaultSignUpWindow, "the window of -signup-limit")
	fs.BoolVar(&opts.ReferenceExecutor, "reference-executor", false, "answer every request with graphql-go's executor, without the compiled plans")
	fs.StringVar(&opts.ClientIPHeader, "client-ip-header", "", "a header whose last address is the client's, such as X-Forwarded-For; only behind a proxy that always sets it")
	secure := fs.Bool("secure-cookies", false, "web pages: Secure cookies with the __Host- prefix, for a site served over TLS or behind a proxy that terminates it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log, err := newLogger(m.Stderr, *format)
	if err != nil {
		return err
	}
	gogc, limit, err := m.setMemoryPolicy(*memLimit)
	if err != nil {
		return err
	}
	log.Info("memory policy", "gogc", gogc, "memory_limit_bytes", limit)
	db, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	sender, err := m.newSender(&mf, *addr, db, log)
	if err != nil {
		return err
	}
	db.SetPool(*maxOpen, *maxIdle)
	if applied, err := db.Migrate(ctx); err != nil {
		return err
	} else if len(applied) > 0 {
		log.Info("migrated", "applied", applied)
	}
	opts.Log, opts.RequestTimeout, opts.Development = log, *timeout, *dev
	opts.MailRenderer = sender.Renderer
	h, err := graph.NewHandler(db, opts)
	if err != nil {
		return err
	}
	secret, err := db.Secret(ctx, "web_csrf")
	if err != nil {
		return fmt.Errorf("the web pages' CSRF secret: %w", err)
	}
	site, err := web.New(h, web.Options{Secret: secret, SecureCookies: *secure, ClientIPHeader: opts.ClientIPHeader, Log: log})
	if err != nil {
		return err
	}
	sendCtx, stopSending := context.WithCancel(ctx)
	sent := make(chan struct{})
	go func() { defer close(sent); sender.Run(sendCtx) }()
	defer func() { stopSending(); <-sent }()
	return m.listenAndServe(ctx, log, *addr, web.Mount(h, site))
}

// listenAndServe serves h until ctx ends, then drains in-flight requests
// before returning, so the database is closed only after them.
func (m *Main) listenAndServe(ctx context.Context, log *slog.Logger, addr string, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	log.Info("serving", "addr", ln.Addr().String(), "web", "http://"+displayAddr(ln.Addr())+"/", "graphiql", "http://"+displayAddr(ln.Addr())+"/graphql")
	if m.Ready != nil {
		m.Ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining in-flight requests")
	drain, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(drain); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func displayAddr(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", t.Port)
	}
	return a.String()
}

func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("-log-format must be text or json, not %q", format)
}
