package web

import (
	"net/http"
	"strings"
)

// recuseData is the recusal confirmation's data.
type recuseData struct {
	Me          me `json:"me"`
	Application *struct {
		ID           string `json:"id"`
		Title        string `json:"title"`
		Organisation *struct {
			Name string `json:"name"`
		} `json:"organisation"`
		Cycle struct {
			Title       string       `json:"title"`
			Phase       string       `json:"phase"`
			Assignments []assignment `json:"assignments"`
		} `json:"cycle"`
	} `json:"application"`
}

// Assigned reports whether I have an active assignment to the application.
func (d *recuseData) Assigned() bool {
	for _, a := range d.Application.Cycle.Assignments {
		if a.ApplicationID == d.Application.ID && a.JurorID == d.Me.ID && a.RecusedAt == nil {
			return true
		}
	}
	return false
}

func (s *Server) recusePage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	s.showRecuse(w, r, newForm(nil), http.StatusOK)
}

func (s *Server) showRecuse(w http.ResponseWriter, r *http.Request, f *form, status int) {
	v := &view{TitleKey: "recuse.title", Form: f}
	var d recuseData
	if !s.read(w, r, "jury_recuse", map[string]any{"id": r.PathValue("id")}, v, &d) {
		return
	}
	if d.Application == nil || !d.Assigned() {
		s.notFound(w, r)
		return
	}
	s.render(w, r, status, "jury_recuse", v)
}

// recuse withdraws me from the assignment, with the reason given.
func (s *Server) recuse(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	reason := strings.TrimSpace(f.Get("reason"))
	if reason == "" {
		f.fail("reason", s.cat(r).text("api.INVALID.reason"))
		s.showRecuse(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	errs, ok := s.write(w, r, "jury_recuse_post", map[string]any{"id": r.PathValue("id"), "reason": reason}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, map[string]string{"reason": "reason"})
		s.showRecuse(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.recused")
	http.Redirect(w, r, "/jury", http.StatusSeeOther)
}
