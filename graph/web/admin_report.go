package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// adminReportData is the report builder: the definition, the groups to
// compare with, and the preview built from today's values.
type adminReportData struct {
	BenchmarkReport *struct {
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		KPIIDs   []string `json:"kpiIds"`
		Years    []int    `json:"years"`
		GroupID  *string  `json:"groupId"`
		Focus    []string `json:"focus"`
		Version  int      `json:"version"`
		Versions []struct {
			Version     int    `json:"version"`
			PublishedAt string `json:"publishedAt"`
		} `json:"versions"`
	} `json:"benchmarkReport"`
	Groups []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"groups"`
	// Preview is the report as publishing it now would make it; nil with
	// PreviewError when it cannot be built.
	Preview      *benchmarkData `json:"-"`
	PreviewError string         `json:"-"`
}

// GroupField is the select of the comparison group.
func (v *view) GroupField(d *adminReportData) field {
	f := v.Sel("groupId", "admin.report.group", "admin.report.groupHint", "", "admin.report.noGroup")
	var opts []option
	for _, g := range d.Groups {
		opts = append(opts, option{Value: g.ID, Label: g.Title})
	}
	sortOptions(opts)
	return f.With(opts)
}

// reportFields maps the API's error fields to the builder's.
var reportFields = map[string]string{"title": "title", "kpiIds": "kpiIds", "years": "years", "groupId": "groupId", "focus": "focus"}

func (s *Server) adminNewReport(w http.ResponseWriter, r *http.Request) {
	s.showReport(w, r, "", newForm(url.Values{"years": {"2021, 2022, 2023"}}), http.StatusOK)
}

func (s *Server) adminReport(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	s.showReport(w, r, id, nil, http.StatusOK)
}

// showReport draws the builder of report id ("" for a new one) with the
// definition's form as f holds it (nil: as stored) and the preview.
func (s *Server) showReport(w http.ResponseWriter, r *http.Request, id string, f *form, status int) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "admin.report.new", Form: f, Flash: s.flash(w, r)}
	d := &adminReportData{}
	vars := map[string]any{"id": id, "new": id == ""}
	if id == "" {
		vars["id"] = "0"
	}
	if !s.read(w, r, "admin_report", vars, v, d) {
		return
	}
	if id != "" {
		if d.BenchmarkReport == nil {
			s.errorPage(w, r, graph.Error{Code: store.NotFound})
			return
		}
		v.Title = d.BenchmarkReport.Title
		if f == nil || len(f.Values) == 0 {
			// As stored, with any errors from the refused publish.
			v.Form = definitionForm(d)
			if f != nil {
				v.Form.Top = f.Top
			}
		}
		s.preview(r, id, d)
	}
	s.render(w, r, status, "admin_report", v)
}

// definitionForm is the stored definition as the form shows it.
func definitionForm(d *adminReportData) *form {
	b := d.BenchmarkReport
	years := make([]string, len(b.Years))
	for i, y := range b.Years {
		years[i] = strconv.Itoa(y)
	}
	group := ""
	if b.GroupID != nil {
		group = *b.GroupID
	}
	return newForm(url.Values{"title": {b.Title}, "kpiIds": {strings.Join(b.KPIIDs, ", ")}, "years": {strings.Join(years, ", ")},
		"groupId": {group}, "focus": {strings.Join(b.Focus, ", ")}, "version": {strconv.Itoa(b.Version)}})
}

// preview builds the report from today's values into d.
func (s *Server) preview(r *http.Request, id string, d *adminReportData) {
	res := s.exec(r, "admin_report_preview", map[string]any{"id": id})
	if len(res.Errors) > 0 {
		d.PreviewError = apiMessage(s.cat(r), res.Errors[0])
		return
	}
	var out struct {
		PreviewBenchmarkReport json.RawMessage `json:"previewBenchmarkReport"`
	}
	p := &benchmarkData{Version: &benchmarkVersion{}}
	if err := res.Decode(&out); err != nil || json.Unmarshal(out.PreviewBenchmarkReport, &p.Version.Content) != nil {
		d.PreviewError = s.cat(r).text("api.INTERNAL")
		return
	}
	d.Preview = p
}

// reportInput reads the builder's form: KPI ids and focus codes split at
// commas and spaces, years as a list or a range (2018–2023).
func reportInput(f *form, c catalogue) map[string]any {
	in := map[string]any{"title": strings.TrimSpace(f.Get("title")), "kpiIds": splitList(strings.ToUpper(f.Get("kpiIds"))),
		"focus": splitList(f.Get("focus"))}
	if g := f.Get("groupId"); g != "" {
		in["groupId"] = g
	}
	years, ok := yearList(f.Get("years"))
	if !ok {
		f.fail("years", c.text("admin.report.badYears"))
	}
	in["years"] = years
	return in
}

func splitList(s string) []string {
	out := []string{}
	for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\t' }) {
		out = append(out, strings.TrimSpace(x))
	}
	return out
}

// yearList reads "2021, 2022" or "2018–2023" (at most 30 years).
func yearList(s string) ([]int, bool) {
	out := []int{}
	for _, x := range splitList(strings.NewReplacer("–", "-", "—", "-").Replace(s)) {
		from, to, isRange := strings.Cut(x, "-")
		a, err1 := strconv.Atoi(from)
		b, err2 := a, error(nil)
		if isRange {
			b, err2 = strconv.Atoi(to)
		}
		if err1 != nil || err2 != nil || b < a || b-a >= 30 {
			return nil, false
		}
		for y := a; y <= b; y++ {
			out = append(out, y)
		}
	}
	return out, true
}

// adminSaveReport creates a report (no id) or saves its definition, then
// goes to its builder with the preview.
func (s *Server) adminSaveReport(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	id := r.PathValue("id")
	if id != "" {
		if _, ok := pathID(r, "id"); !ok {
			s.notFound(w, r)
			return
		}
	}
	f := newForm(without(r.PostForm, "csrf"))
	in := reportInput(f, s.cat(r))
	if f.HasErrors() {
		s.showReport(w, r, id, f, http.StatusUnprocessableEntity)
		return
	}
	var out struct {
		Create *struct{ ID string } `json:"createBenchmarkReport"`
		Update *struct{ ID string } `json:"updateBenchmarkReport"`
	}
	page, vars := "admin_report_create", map[string]any{"input": in}
	if id != "" {
		version, _ := strconv.Atoi(f.Get("version"))
		page, vars = "admin_report_update", map[string]any{"id": id, "version": version, "input": in}
	}
	errs, ok := s.write(w, r, page, vars, &out)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, reportFields)
		s.showReport(w, r, id, f, http.StatusUnprocessableEntity)
		return
	}
	if out.Create != nil {
		id = out.Create.ID
	}
	s.setFlash(w, "flash.admin.reportSaved")
	http.Redirect(w, r, "/admin/benchmarks/"+id, http.StatusSeeOther)
}

// adminPublishReport publishes the definition the admin previewed as the
// next version and shows it on the public page.
func (s *Server) adminPublishReport(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	var out struct {
		PublishBenchmarkReport struct {
			Version int `json:"version"`
		} `json:"publishBenchmarkReport"`
	}
	errs, ok := s.write(w, r, "admin_report_publish", map[string]any{"id": id, "version": version}, &out)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f := newForm(nil)
		key := "admin.report.publishFailed"
		if errs[0].Code == store.Conflict {
			key = "admin.report.changed"
		}
		f.fail("", s.cat(r).text(key, apiMessage(s.cat(r), errs[0])))
		s.showReport(w, r, id, f, http.StatusConflict)
		return
	}
	s.setFlash(w, "flash.admin.reportPublished")
	http.Redirect(w, r, "/benchmarks/"+id+"/versions/"+strconv.Itoa(out.PublishBenchmarkReport.Version), http.StatusSeeOther)
}
