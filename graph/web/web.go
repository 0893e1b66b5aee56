// Package web is the server-rendered web application: one page is one
// GraphQL document (pages/NAME.graphql), one template (pages/NAME.html)
// and a short handler. Every read and write goes through graph's
// in-process executor, so the pages hold no SQL and no authorisation rule
// of their own.
package web

import (
	"embed"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/leanforum/awards/graph"
)

//go:embed pages templates static i18n
var files embed.FS

// ContentSecurityPolicy allows only this origin's scripts and styles, no
// inline script or style, and no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// Options configure a Server.
type Options struct {
	// Secret keys the CSRF tokens; servers behind one address must share it.
	Secret []byte
	// SecureCookies sets Secure and the __Host- prefix on the cookies: for
	// a site served over TLS or behind a TLS-terminating proxy.
	SecureCookies bool
	// ClientIPHeader is as graph.Options.ClientIPHeader: the header whose
	// last address is the client's, behind a proxy that always sets it.
	ClientIPHeader string
	Log            *slog.Logger
	// Now is the clock for "days left" (time.Now when nil).
	Now func() time.Time
}

// Server serves the web pages.
type Server struct {
	api   *graph.Handler
	opts  Options
	mux   *http.ServeMux
	views *views
	docs  map[string]string
}

// New builds the pages over the API handler api.
func New(api *graph.Handler, opts Options) (*Server, error) {
	if len(opts.Secret) < 16 {
		return nil, errors.New("web: the CSRF secret must have at least 16 bytes")
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	v, err := loadViews()
	if err != nil {
		return nil, err
	}
	docs, err := loadDocuments()
	if err != nil {
		return nil, err
	}
	s := &Server{api: api, opts: opts, mux: http.NewServeMux(), views: v, docs: docs}
	s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// Mount routes the API's paths to api and every other path to site.
func Mount(api, site http.Handler) http.Handler {
	mux := http.NewServeMux()
	for _, p := range []string{"/graphql", "/graphiql-assets/", "/import", "/reports/", "/exports/", "/healthz", "/readyz"} {
		mux.Handle(p, api)
	}
	mux.Handle("/", site)
	return mux
}
