package web

import (
	"net/http"
	"time"
)

// switchLang remembers the chosen language in a cookie and goes back.
func (s *Server) switchLang(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	s.setCookie(w, langCookie, pickLang(r.PostFormValue("lang")), 365*24*time.Hour, false)
	http.Redirect(w, r, safeNext(r.PostFormValue("next"), "/"), http.StatusSeeOther)
}
