package web

import (
	"net/http"
	"strings"
	"time"
)

// flashCookie carries a message key from a POST to the page it
// redirects to; only keys of the catalogue are shown, never text.
const flashCookie = "flash"

// setFlash shows the message key on the next page.
func (s *Server) setFlash(w http.ResponseWriter, key string) {
	s.setCookie(w, flashCookie, key, time.Minute, true)
}

// flash is the pending message in the request's language, or "", and
// clears it.
func (s *Server) flash(w http.ResponseWriter, r *http.Request) string {
	key := s.cookie(r, flashCookie)
	if key == "" {
		return ""
	}
	s.setCookie(w, flashCookie, "", -1, true)
	if m, ok := s.cat(r)[key]; ok && strings.HasPrefix(key, "flash.") {
		return m
	}
	return ""
}
