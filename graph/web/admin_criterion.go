package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// criterionData is a criterion form's data: the cycle and, when editing,
// the criterion.
type criterionData struct {
	Cycle *struct {
		ID       string      `json:"id"`
		Title    string      `json:"title"`
		Phase    string      `json:"phase"`
		Criteria []criterion `json:"criteria"`
	} `json:"cycle"`
	Criterion *criterion `json:"-"` // nil for a new one
	Items     int        `json:"-"` // the criterion's items
}

// Editable reports whether the criteria may still change.
func (d *criterionData) Editable() bool { return (&managedCycle{Phase: d.Cycle.Phase}).Editable() }

// ParentOptions are the categories the criterion can belong to: the
// top-level criteria other than itself.
func (d *criterionData) ParentOptions() []option {
	var out []option
	for _, k := range d.Cycle.Criteria {
		if k.ParentID == "" && (d.Criterion == nil || k.ID != d.Criterion.ID) {
			out = append(out, option{Value: k.ID, Label: k.Code + " " + k.Title})
		}
	}
	return out
}

// criterionFields maps the API's error fields to the form's: the same.
var criterionFields = map[string]string{"parentId": "parentId", "code": "code", "title": "title", "guidance": "guidance",
	"weight": "weight", "scaleMin": "scaleMin", "scaleMax": "scaleMax", "scaleStep": "scaleStep", "bands": "bands"}

// values are a criterion as its form shows it.
func (k criterion) values(lang string) url.Values {
	n := func(x float64) string { return decimalInput(lang, x) }
	v := url.Values{"parentId": {k.ParentID}, "code": {k.Code}, "title": {k.Title}, "guidance": {k.Guidance},
		"weight": {n(k.Weight)}, "scaleMin": {n(k.ScaleMin)}, "scaleMax": {n(k.ScaleMax)}, "scaleStep": {n(k.ScaleStep)}}
	var b []string
	for _, x := range k.Bands {
		b = append(b, n(x.From)+"–"+n(x.To)+": "+x.Label)
	}
	v.Set("bands", strings.Join(b, "\n"))
	if k.Independent {
		v.Set("independent", "on")
	}
	return v
}

// bandLine is one band as the form writes it: "30–45: developing".
var bandLine = regexp.MustCompile(`^(-?[0-9][0-9 .,]*)\s*[–—-]\s*(-?[0-9][0-9 .,]*)\s*:?\s*(.*)$`)

// criterionInput is the API's input from the form; what cannot be read
// fails at its field.
func criterionInput(f *form, c catalogue) map[string]any {
	in := map[string]any{"code": strings.TrimSpace(f.Get("code")), "title": strings.TrimSpace(f.Get("title")),
		"guidance": strings.TrimSpace(f.Get("guidance")), "independent": f.Get("independent") == "on"}
	if p := f.Get("parentId"); p != "" {
		in["parentId"] = p
	}
	for _, n := range []string{"weight", "scaleMin", "scaleMax", "scaleStep"} {
		if x, ok := number(f.Get(n)); ok && x != nil {
			in[n] = *x
		} else {
			f.fail(n, c.text("criterion.badNumber"))
		}
	}
	bands := []map[string]any{}
	for i, line := range strings.Split(f.Get("bands"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		m := bandLine.FindStringSubmatch(strings.TrimSpace(line))
		var from, to *float64
		if m != nil {
			from, _ = number(m[1])
			to, _ = number(m[2])
		}
		if from == nil || to == nil || strings.TrimSpace(m[3]) == "" {
			f.fail("bands", c.text("criterion.badBand", i+1))
			break
		}
		bands = append(bands, map[string]any{"from": *from, "to": *to, "label": strings.TrimSpace(m[3])})
	}
	in["bands"] = bands
	return in
}

// readCriterion reads the cycle and the criterion {k} ("" for a new one).
func (s *Server) readCriterion(w http.ResponseWriter, r *http.Request, v *view, d *criterionData) bool {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return false
	}
	if !s.read(w, r, "admin_criterion", map[string]any{"id": id}, v, d) {
		return false
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return false
	}
	v.TitleKey = "criterion.new"
	if k := r.PathValue("k"); k != "" {
		for i, c := range d.Cycle.Criteria {
			if c.ID == k {
				d.Criterion = &d.Cycle.Criteria[i]
			}
			if c.ParentID == k {
				d.Items++
			}
		}
		if d.Criterion == nil {
			s.notFound(w, r)
			return false
		}
		v.TitleKey, v.TitleArgs = "criterion.edit", []any{d.Criterion.Code}
	}
	return true
}

// adminCriterion is the form for a new criterion or one to change; once
// scoring has started it shows the criterion read-only and says why.
func (s *Server) adminCriterion(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := s.inLang(r, &view{Flash: s.flash(w, r)})
	var d criterionData
	if !s.readCriterion(w, r, v, &d) {
		return
	}
	f := newForm(url.Values{"key": {newKey()}, "weight": {"1"}, "scaleMin": {"0"}, "scaleMax": {"100"}, "scaleStep": {"5"},
		"parentId": {r.URL.Query().Get("parent")}})
	if d.Criterion != nil {
		f = newForm(d.Criterion.values(v.Lang))
	}
	v.Form = f
	s.render(w, r, http.StatusOK, "admin_criterion", v)
}

// adminSaveCriterion adds or changes a criterion and goes back to the
// cycle's tree; a refusal (the phase moved on meanwhile included) comes
// back with everything typed.
func (s *Server) adminSaveCriterion(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	c := s.cat(r)
	in := criterionInput(f, c)
	cycle, k := r.PathValue("id"), r.PathValue("k")
	var errs []graph.Error
	if !f.HasErrors() {
		page, vars := "admin_criterion_create", map[string]any{"cycle": cycle, "input": in, "key": f.Get("key")}
		if k != "" {
			page, vars = "admin_criterion_update", map[string]any{"id": k, "input": in}
		}
		var ok bool
		if errs, ok = s.write(w, r, page, vars, nil); !ok || s.writeRefused(w, r, errs) {
			return
		}
		if len(errs) == 0 {
			s.setFlash(w, "flash.criterionSaved")
			http.Redirect(w, r, "/admin/cycles/"+url.PathEscape(cycle)+"#criteria", http.StatusSeeOther)
			return
		}
	}
	s.criterionRefused(w, r, f, errs)
}

// criterionRefused draws the criterion form again with f and the API's
// errors.
func (s *Server) criterionRefused(w http.ResponseWriter, r *http.Request, f *form, errs []graph.Error) {
	v := s.inLang(r, &view{Form: f})
	var d criterionData
	if !s.readCriterion(w, r, v, &d) {
		return
	}
	if f.Get("code") == "" && d.Criterion != nil { // a refused removal
		f.Values = d.Criterion.values(v.Lang)
	}
	for _, e := range errs {
		if e.Code == store.WrongPhase {
			f.fail("", v.T("criterion.phaseMoved", v.T("phase."+d.Cycle.Phase)))
			continue
		}
		f.apiErrors(v.cat, []graph.Error{e}, criterionFields)
	}
	s.render(w, r, http.StatusUnprocessableEntity, "admin_criterion", v)
}

// adminDeleteCriterion removes a criterion with its items.
func (s *Server) adminDeleteCriterion(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	errs, ok := s.write(w, r, "admin_criterion_delete", map[string]any{"id": r.PathValue("k")}, nil)
	if !ok || s.writeRefused(w, r, errs) {
		return
	}
	if len(errs) > 0 {
		s.criterionRefused(w, r, newForm(without(r.PostForm, "csrf")), errs)
		return
	}
	s.setFlash(w, "flash.criterionRemoved")
	http.Redirect(w, r, "/admin/cycles/"+url.PathEscape(r.PathValue("id"))+"#criteria", http.StatusSeeOther)
}
