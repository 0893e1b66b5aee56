package web

import (
	"net/http"
	"sort"
)

// The secretariat's pages (admins). They ask the API as the logged-in
// user, which refuses whoever is not an admin: the pages decide nothing.

// adminHome lists the secretariat's pages.
func (s *Server) adminHome(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "admin.title", Flash: s.flash(w, r)}
	if !s.read(w, r, "admin", nil, v, &struct{}{}) {
		return
	}
	s.render(w, r, http.StatusOK, "admin", v)
}

// sortOptions sorts a select's options by label, the Swedish way, each
// label's key computed once (pages sort the 290 municipalities).
func sortOptions(o []option) {
	keys := make(map[string]string, len(o))
	for _, x := range o {
		keys[x.Label] = swedishKey(x.Label)
	}
	sort.SliceStable(o, func(i, j int) bool { return keys[o[i].Label] < keys[o[j].Label] })
}
