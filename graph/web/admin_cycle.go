package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// adminCycleData is the secretariat's cycle page's data.
type adminCycleData struct {
	Cycle *managedCycle `json:"cycle"`
	// Changed says what changed since a stale form was read.
	Changed []string `json:"-"`
}

// managedCycle is a cycle as the secretariat's pages read it.
type managedCycle struct {
	ID       string  `json:"id"`
	Year     int     `json:"year"`
	Phase    string  `json:"phase"`
	Version  int     `json:"version"`
	Template *string `json:"template"`
	cycleSettings
	Award struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"award"`
	Criteria []criterion `json:"criteria"`
}

// Editable reports whether the criteria may still change: until scoring
// starts, as the API allows.
func (c *managedCycle) Editable() bool {
	return slices.Index(phases, c.Phase) < slices.Index(phases, "SCORING")
}

// Published reports whether the cycle can no longer change at all.
func (c *managedCycle) Published() bool { return c.Phase == "PUBLISHED" }

// Next is the phase after the cycle's, or "" after the last.
func (c *managedCycle) Next() string {
	i := slices.Index(phases, c.Phase)
	if i < 0 || i+1 >= len(phases) {
		return ""
	}
	return phases[i+1]
}

// Timeline is each phase with whether it is past, current or to come.
func (c *managedCycle) Timeline() []step { return timeline(c.Phase) }

// Tree is the criteria as categories, each followed by its items.
func (c *managedCycle) Tree() []criterionNode {
	var out []criterionNode
	for _, k := range c.Criteria {
		if k.ParentID != "" {
			continue
		}
		n := criterionNode{criterion: k}
		for _, i := range c.Criteria {
			if i.ParentID == k.ID {
				n.Items = append(n.Items, i)
			}
		}
		out = append(out, n)
	}
	return out
}

// criterionNode is a category with its items.
type criterionNode struct {
	criterion
	Items []criterion
}

// was are the hidden fields that remember what the form was read from,
// so that a stale form can say what changed.
func (c *managedCycle) was(lang string) url.Values {
	v := url.Values{"version": {strconv.Itoa(c.Version)}, "was-phase": {c.Phase}}
	for k, x := range c.cycleSettings.values(lang) {
		v["was-"+k] = x
	}
	return v
}

// changes lists, in words, what differs between what a stale form was
// read from (f's was- fields) and the cycle now.
func (c *managedCycle) changes(v *view, f *form) []string {
	var out []string
	if p := f.Get("was-phase"); p != "" && p != c.Phase {
		out = append(out, v.T("cycle.changed.phase", v.T("phase."+p), v.T("phase."+c.Phase)))
	}
	now := c.cycleSettings.values(v.Lang)
	for _, n := range settingNames {
		if was := f.Get("was-" + n); was != now.Get(n) {
			out = append(out, v.T("cycle.changed.field", v.T(settingLabel(n)), shown(v, was), shown(v, now.Get(n))))
		}
	}
	return out
}

// settingLabel is the message key of setting n's label.
func settingLabel(n string) string { return "cycle.field." + n }

// shown is a setting's form value as the change list writes it.
func shown(v *view, s string) string {
	switch s {
	case "":
		return v.T("cycle.changed.empty")
	case "on":
		return v.T("cycle.changed.on")
	}
	return s
}

func (s *Server) readAdminCycle(w http.ResponseWriter, r *http.Request, v *view, d *adminCycleData) bool {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return false
	}
	if !s.read(w, r, "admin_cycle", map[string]any{"id": id}, v, d) {
		return false
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return false
	}
	v.Title = d.Cycle.Title
	return true
}

// adminCycle is a cycle's page: phase, settings and criteria.
func (s *Server) adminCycle(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := s.inLang(r, &view{Flash: s.flash(w, r)})
	var d adminCycleData
	if !s.readAdminCycle(w, r, v, &d) {
		return
	}
	f := newForm(d.Cycle.cycleSettings.values(v.Lang))
	for k, x := range d.Cycle.was(v.Lang) {
		f.Values[k] = x
	}
	v.Form = f
	s.render(w, r, http.StatusOK, "admin_cycle", v)
}

// adminUpdateCycle saves the settings at the version the form read; a
// stale form comes back as typed, saying what changed meanwhile.
func (s *Server) adminUpdateCycle(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	c := s.cat(r)
	in := settingsInput(f, c)
	var errs []graph.Error
	if !f.HasErrors() {
		version, _ := strconv.Atoi(f.Get("version"))
		var ok bool
		errs, ok = s.write(w, r, "admin_cycle_update", map[string]any{"id": r.PathValue("id"), "version": version, "input": in}, nil)
		if !ok || s.writeRefused(w, r, errs) {
			return
		}
		if len(errs) == 0 {
			s.setFlash(w, "flash.cycleSaved")
			http.Redirect(w, r, "/admin/cycles/"+url.PathEscape(r.PathValue("id")), http.StatusSeeOther)
			return
		}
	}
	v := s.inLang(r, &view{Form: f})
	var d adminCycleData
	if !s.readAdminCycle(w, r, v, &d) {
		return
	}
	for _, e := range errs {
		if e.Code == store.Conflict {
			d.Changed = d.Cycle.changes(v, f)
			for k, x := range d.Cycle.was(v.Lang) {
				f.Values[k] = x
			}
			f.fail("", c.text("cycle.stale"))
			continue
		}
		f.apiErrors(c, []graph.Error{e}, settingFields)
	}
	s.render(w, r, http.StatusUnprocessableEntity, "admin_cycle", v)
}

// inLang sets v's language before it renders, for a handler that writes
// text of its own.
func (s *Server) inLang(r *http.Request, v *view) *view {
	v.Lang = pickLang(s.cookie(r, langCookie))
	v.cat = s.views.cats[v.Lang]
	return v
}
