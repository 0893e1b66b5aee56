package web

import "net/http"

// adminData is the secretariat's start page: the awards and their cycles.
type adminData struct {
	Awards struct {
		Nodes []struct {
			ID     string      `json:"id"`
			Name   string      `json:"name"`
			Cycles []cycleItem `json:"cycles"`
		} `json:"nodes"`
	} `json:"awards"`
}

func (s *Server) adminPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "admin.title", Flash: s.flash(w, r)}
	var d adminData
	if !s.read(w, r, "admin", nil, v, &d) {
		return
	}
	if v.User == nil || v.User.Role != "ADMIN" {
		// Every cycle is public; the page is the secretariat's way in.
		s.errorPage(w, r, forbidden)
		return
	}
	s.render(w, r, http.StatusOK, "admin", v)
}
