package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// applicationFields maps the API's error fields to the editor's.
var applicationFields = map[string]string{"title": "title", "summary": "summary"}

// editApplication is the editor: GET /applications/{id}.
func (s *Server) editApplication(w http.ResponseWriter, r *http.Request) {
	e, ok := s.loadEditor(w, r, nil)
	if !ok {
		return
	}
	e.V.Flash = s.flash(w, r)
	s.renderEditor(w, r, e, http.StatusOK)
}

// loadEditor reads the application for the editor, with the form filled
// from what was saved unless typed is given. It has answered when it
// returns false.
func (s *Server) loadEditor(w http.ResponseWriter, r *http.Request, typed url.Values) (*editor, bool) {
	if !s.requireLogin(w, r) {
		return nil, false
	}
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return nil, false
	}
	v := &view{}
	d := &applicationData{}
	if !s.read(w, r, "application_edit", map[string]any{"id": id}, v, d) {
		return nil, false
	}
	if d.Application == nil {
		s.notFound(w, r)
		return nil, false
	}
	v.Lang = pickLang(s.cookie(r, langCookie))
	v.cat = s.views.cats[v.Lang]
	if typed == nil {
		typed = d.Application.values(v.Lang)
	}
	v.Form = newForm(typed)
	v.Title = d.Application.Title
	return &editor{V: v, App: d.Application, Data: d, Searched: map[int][]kpiHit{}}, true
}

// renderEditor draws the editor, or the read-only application when it
// can no longer be changed (with the feedback once published).
func (s *Server) renderEditor(w http.ResponseWriter, r *http.Request, e *editor, status int) {
	s.loadOfficial(r, e)
	e.Rows = e.rows()
	e.V.Data = e
	if e.App.Cycle.Phase == "PUBLISHED" && e.App.Status == "SUBMITTED" {
		var fb feedbackData
		if errs := decodeInto(s.exec(r, "application_feedback", map[string]any{"id": e.App.ID}), &fb); len(errs) == 0 {
			e.Feedback = fb.Application
		}
	}
	s.render(w, r, status, "application_edit", e.V)
}

// saveApplication is POST /applications/{id}: save the draft, search
// the KPI catalogue for a row, or save and submit. Whatever was typed
// comes back on a refusal; a lost version race shows what the other
// save changed and keeps the user's text.
func (s *Server) saveApplication(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	e, ok := s.loadEditor(w, r, without(r.PostForm, "csrf"))
	if !ok {
		return
	}
	f := e.V.Form
	action := r.PostFormValue("action")
	if n, ok := strings.CutPrefix(action, "search-"); ok {
		s.searchKPIs(r, e, n)
		s.renderEditor(w, r, e, http.StatusOK)
		return
	}
	if !e.App.Editable() {
		f.fail("", e.V.T("application.notEditable"))
		s.renderEditor(w, r, e, http.StatusConflict)
		return
	}
	in, valid := e.input()
	version, _ := strconv.Atoi(f.Get("version"))
	if !valid {
		s.renderEditor(w, r, e, http.StatusUnprocessableEntity)
		return
	}
	var out struct {
		UpdateApplication struct{ Version int } `json:"updateApplication"`
	}
	errs, ok := s.write(w, r, "application_save", map[string]any{"id": e.App.ID, "version": version, "input": in}, &out)
	if !ok {
		return
	}
	if len(errs) > 0 {
		s.refused(w, r, e, errs)
		return
	}
	if action != "submit" {
		s.setFlash(w, "flash.saved")
		http.Redirect(w, r, "/applications/"+e.App.ID, http.StatusSeeOther)
		return
	}
	errs, ok = s.write(w, r, "application_submit", map[string]any{"id": e.App.ID, "version": out.UpdateApplication.Version}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		// The draft is saved; the form shows it with the reason.
		e.App.Version = out.UpdateApplication.Version
		f.Values.Set("version", strconv.Itoa(e.App.Version))
		s.refused(w, r, e, errs)
		return
	}
	s.setFlash(w, "flash.submitted")
	http.Redirect(w, r, "/applications/"+e.App.ID, http.StatusSeeOther)
}

// refused shows the editor again with the API's errors: a stale version
// shows what changed, keeping every typed field; INCOMPLETE points at the
// checklist.
func (s *Server) refused(w http.ResponseWriter, r *http.Request, e *editor, errs []graph.Error) {
	status := http.StatusUnprocessableEntity
	for _, x := range errs {
		switch x.Code {
		case store.Conflict:
			e.Changed = e.changes()
			e.V.Form.Values.Set("version", strconv.Itoa(e.App.Version))
			e.V.Form.fail("", e.V.T("application.conflict"))
			status = http.StatusConflict
			continue
		case store.Incomplete:
			e.Incomplete = true
			e.V.Form.fail("", e.V.T("application.incomplete"))
			continue
		case store.DeadlinePassed:
			e.V.Form.fail("", e.V.T("application.deadlinePassed", e.V.DateTime(e.App.Cycle.ClosesAt)))
			continue
		}
		if f, heading := e.rowField(x); f != "" {
			e.V.Form.failIn(f, heading, apiMessage(e.V.cat, x))
			continue
		}
		e.V.Form.apiErrors(e.V.cat, []graph.Error{x}, applicationFields)
	}
	s.renderEditor(w, r, e, status)
}

// searchKPIs fills row n's KPI choices from the catalogue by what was
// typed in its search field, without saving anything.
func (s *Server) searchKPIs(r *http.Request, e *editor, n string) {
	i, err := strconv.Atoi(n)
	q := strings.TrimSpace(e.V.Form.Get("ind-" + n + "-kpiq"))
	if err != nil || i < 0 || i >= maxIndicators || len([]rune(q)) < 2 {
		e.V.Form.fail("ind-"+n+"-kpiq", e.V.T("indicator.searchShort"))
		return
	}
	hits, errs := s.findKPIs(r, q)
	if len(errs) > 0 {
		e.V.Form.apiErrors(e.V.cat, errs, nil)
		return
	}
	if len(hits) == 0 {
		e.V.Form.fail("ind-"+n+"-kpiq", e.V.T("indicator.searchNone", q))
	}
	e.Searched[i] = hits
}

// findKPIs are the KPIs named like q, after the one whose id q is.
func (s *Server) findKPIs(r *http.Request, q string) ([]kpiHit, []graph.Error) {
	var out struct {
		KPIs struct {
			Nodes []kpiHit `json:"nodes"`
		} `json:"kpis"`
		KPI *kpiHit `json:"kpi"`
	}
	if errs := decodeInto(s.exec(r, "kpi_search", map[string]any{"q": strings.ToUpper(q)}), &out); len(errs) > 0 {
		return nil, errs
	}
	hits := []kpiHit{}
	if out.KPI != nil {
		hits = append(hits, *out.KPI)
	}
	for _, k := range out.KPIs.Nodes {
		if out.KPI == nil || k.ID != out.KPI.ID {
			hits = append(hits, k)
		}
	}
	return hits, nil
}
