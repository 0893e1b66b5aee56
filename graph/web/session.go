package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The cookies: the API token of the logged-in user, the browser's CSRF
// seed and the chosen language.
const (
	sessionCookie = "session"
	csrfCookie    = "csrf"
	langCookie    = "lang"
)

// cookieName is name with the __Host- prefix when cookies are Secure.
func (s *Server) cookieName(name string) string {
	if s.opts.SecureCookies {
		return "__Host-" + name
	}
	return name
}

func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration, httpOnly bool) {
	c := &http.Cookie{Name: s.cookieName(name), Value: value, Path: "/", HttpOnly: httpOnly,
		Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: int(maxAge / time.Second)}
	if maxAge < 0 {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

func (s *Server) cookie(r *http.Request, name string) string {
	c, err := r.Cookie(s.cookieName(name))
	if err != nil {
		return ""
	}
	return c.Value
}

// token is the API token of the request's session, or "".
func (s *Server) token(r *http.Request) string { return s.cookie(r, sessionCookie) }

// startSession keeps token in the session cookie until expires.
func (s *Server) startSession(w http.ResponseWriter, token string, expires time.Time) {
	s.setCookie(w, sessionCookie, token, time.Until(expires), true)
}

func (s *Server) endSession(w http.ResponseWriter) { s.setCookie(w, sessionCookie, "", -1, true) }

// csrfSeed returns the browser's CSRF seed, making one (and its cookie)
// when it has none.
func (s *Server) csrfSeed(w http.ResponseWriter, r *http.Request) string {
	if v := s.cookie(r, csrfCookie); len(v) >= 22 {
		return v
	}
	b := make([]byte, 18)
	rand.Read(b)
	v := base64.RawURLEncoding.EncodeToString(b)
	s.setCookie(w, csrfCookie, v, 365*24*time.Hour, true)
	// Later reads in this request see it too.
	r.AddCookie(&http.Cookie{Name: s.cookieName(csrfCookie), Value: v})
	return v
}

// csrfToken is the token a form carries: a MAC of the browser's seed and
// the session's API token, so it is bound to both.
func (s *Server) csrfToken(seed, session string) string {
	mac := hmac.New(sha256.New, s.opts.Secret)
	mac.Write([]byte("csrf\x00" + seed + "\x00" + session))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// checkCSRF reports whether a POST carries the token of its browser and
// session.
func (s *Server) checkCSRF(r *http.Request) bool { return s.validCSRF(r, r.PostFormValue("csrf")) }

// validCSRF reports whether got is the token of the request's browser
// and session (for a form read as a stream, such as an upload).
func (s *Server) validCSRF(r *http.Request, got string) bool {
	seed := s.cookie(r, csrfCookie)
	if seed == "" {
		return false
	}
	want := s.csrfToken(seed, s.token(r))
	return got != "" && hmac.Equal([]byte(got), []byte(want))
}

// safeNext returns next when it is a path on this site, else fallback:
// an absolute URL, a scheme-relative //host or /\host is never followed.
func safeNext(next, fallback string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n\t\\") {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return fallback
	}
	return u.RequestURI()
}
