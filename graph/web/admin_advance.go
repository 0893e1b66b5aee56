package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// advanceData is the phase confirmation's data.
type advanceData struct {
	Cycle        *managedCycle `json:"cycle"`
	Applications struct {
		Nodes []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"nodes"`
	} `json:"applications"`
	// Refusal is why the API refused the move, in words.
	Refusal []string `json:"-"`
}

func (s *Server) readAdvance(w http.ResponseWriter, r *http.Request, v *view, d *advanceData) bool {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return false
	}
	if !s.read(w, r, "admin_advance", map[string]any{"id": id}, v, d) {
		return false
	}
	if d.Cycle == nil || d.Cycle.Next() == "" {
		s.notFound(w, r)
		return false
	}
	return true
}

// adminAdvancePage asks to confirm the cycle's next phase, saying what it
// allows and forbids.
func (s *Server) adminAdvancePage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "advance.title"}
	var d advanceData
	if !s.readAdvance(w, r, v, &d) {
		return
	}
	v.Form = newForm(url.Values{"version": {strconv.Itoa(d.Cycle.Version)}, "to": {d.Cycle.Next()}})
	s.render(w, r, http.StatusOK, "admin_advance", v)
}

// adminAdvance moves the cycle on. A second click of the same form finds
// the cycle already there and goes on as if it had moved it.
func (s *Server) adminAdvance(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	id, to := r.PathValue("id"), r.PostFormValue("to")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	errs, ok := s.write(w, r, "jury_advance_post", map[string]any{"id": id, "version": version, "to": to}, nil)
	if !ok || s.writeRefused(w, r, errs) {
		return
	}
	if len(errs) > 0 {
		v := s.inLang(r, &view{TitleKey: "advance.title", Form: newForm(nil)})
		var d advanceData
		id, _ := pathID(r, "id")
		if !s.read(w, r, "admin_advance", map[string]any{"id": id}, v, &d) || d.Cycle == nil {
			return
		}
		if d.Cycle.Phase != to {
			s.advanceRefused(w, r, v, &d, to, errs)
			return
		}
	}
	s.setFlash(w, "flash.advanced")
	http.Redirect(w, r, "/admin/cycles/"+url.PathEscape(id), http.StatusSeeOther)
}

// advanceRefused draws the confirmation again for the cycle as it is now,
// with the API's refusal in words.
func (s *Server) advanceRefused(w http.ResponseWriter, r *http.Request, v *view, d *advanceData, to string, errs []graph.Error) {
	for _, e := range errs {
		d.Refusal = append(d.Refusal, d.refusal(v, to, e))
	}
	v.Form.Values = url.Values{"version": {strconv.Itoa(d.Cycle.Version)}, "to": {d.Cycle.Next()}}
	if d.Cycle.Next() == "" {
		s.notFound(w, r)
		return
	}
	s.render(w, r, http.StatusUnprocessableEntity, "admin_advance", v)
}

// refusal is the API's refusal e of a move to phase to, in words: its
// rule with what it finds missing (applications by title), else what
// its code means here.
func (d *advanceData) refusal(v *view, to string, e graph.Error) string {
	switch {
	case e.Rule != "":
		key := "rule." + e.Rule
		if m, ok := v.cat[key]; ok && strings.Contains(m, "%s") {
			return v.T(key, d.named(e.Missing))
		} else if ok {
			return v.T(key)
		}
	case e.Code == store.Conflict || e.Code == store.WrongPhase:
		return v.T("advance.moved", v.T("phase."+d.Cycle.Phase))
	case e.Code == store.DeadlinePassed:
		return v.T("advance.deadlinePassed", v.DateTime(d.Cycle.ClosesAt))
	case e.Code == store.Invalid && to == "OPEN" && e.Field == "":
		return v.T("advance.noCriteria")
	}
	return apiMessage(v.cat, e)
}

// named writes what a rule finds missing: applications by title,
// criteria by code.
func (d *advanceData) named(missing []string) string {
	titles := map[string]string{}
	for _, a := range d.Applications.Nodes {
		titles[a.ID] = "”" + a.Title + "”"
	}
	out := make([]string, len(missing))
	for i, m := range missing {
		out[i] = m
		if t, ok := titles[m]; ok {
			out[i] = t
		}
	}
	return strings.Join(out, ", ")
}
