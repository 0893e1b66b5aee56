package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// adminKPIsData is a search of the KPI catalogue.
type adminKPIsData struct {
	KPIs struct {
		Nodes []adminKPI `json:"nodes"`
	} `json:"kpis"`
	Q string `json:"-"`
}

type adminKPI struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Unit        string   `json:"unit"`
	Direction   string   `json:"direction"`
	LegalLimit  *float64 `json:"legalLimit"`
}

// adminKPIData is one KPI's settings.
type adminKPIData struct {
	KPI *adminKPI `json:"kpi"`
}

// adminKPIs lists the KPIs whose title matches ?q=.
func (s *Server) adminKPIs(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := &view{TitleKey: "admin.kpis.title", Form: newForm(url.Values{"q": {q}})}
	d := adminKPIsData{Q: q}
	if !s.read(w, r, "admin_kpis", map[string]any{"q": q}, v, &d) {
		return
	}
	s.render(w, r, http.StatusOK, "admin_kpis", v)
}

// kpiID is a Kolada KPI id as the URL has it.
var kpiID = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,15}$`)

func (s *Server) adminKPI(w http.ResponseWriter, r *http.Request) {
	s.showAdminKPI(w, r, nil, http.StatusOK)
}

// showAdminKPI is the settings form of the KPI in the URL, filled from
// the API or, after a refused save, from f.
func (s *Server) showAdminKPI(w http.ResponseWriter, r *http.Request, f *form, status int) {
	if !s.requireLogin(w, r) {
		return
	}
	id := r.PathValue("id")
	if !kpiID.MatchString(id) {
		s.notFound(w, r)
		return
	}
	v := &view{Form: f, Flash: s.flash(w, r)}
	var d adminKPIData
	if !s.read(w, r, "admin_kpi", map[string]any{"id": id}, v, &d) {
		return
	}
	if d.KPI == nil {
		s.errorPage(w, r, graph.Error{Code: store.NotFound})
		return
	}
	v.Title = d.KPI.Title
	if f == nil {
		v.Lang = pickLang(s.cookie(r, langCookie)) // for Input's decimal comma
		v.Form = newForm(url.Values{"unit": {d.KPI.Unit}, "direction": {d.KPI.Direction}, "legalLimit": {v.Input(d.KPI.LegalLimit)}})
	}
	s.render(w, r, status, "admin_kpi", v)
}

// kpiFields maps the API's error fields to the form's.
var kpiFields = map[string]string{"unit": "unit", "direction": "direction", "legalLimit": "legalLimit"}

// adminSaveKPI sets a KPI's unit, direction and legal limit.
func (s *Server) adminSaveKPI(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	id := r.PathValue("id")
	f := newForm(without(r.PostForm, "csrf"))
	vars := map[string]any{"id": id, "unit": strings.TrimSpace(f.Get("unit")), "direction": f.Get("direction")}
	limit, ok := number(f.Get("legalLimit"))
	if !ok {
		f.fail("legalLimit", s.cat(r).text("admin.kpis.notNumber"))
	} else if limit != nil {
		vars["legalLimit"] = *limit
	}
	if !f.HasErrors() {
		errs, ok := s.write(w, r, "admin_kpi_save", vars, nil)
		if !ok {
			return
		}
		f.apiErrors(s.cat(r), errs, kpiFields)
	}
	if f.HasErrors() {
		s.showAdminKPI(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.kpiSaved")
	http.Redirect(w, r, "/admin/kpis/"+url.PathEscape(id), http.StatusSeeOther)
}
