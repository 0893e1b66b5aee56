package web

import (
	"net/http"
	"net/url"
)

// adminBenchmarksData is the secretariat's benchmark page: the report
// definitions (drafts too) and what an upload gave.
type adminBenchmarksData struct {
	BenchmarkReports struct {
		Nodes []struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Version  int    `json:"version"`
			Versions []struct {
				Version     int    `json:"version"`
				PublishedAt string `json:"publishedAt"`
			} `json:"versions"`
		} `json:"nodes"`
	} `json:"benchmarkReports"`
}

// importKinds are the upload form's kinds, with their label keys.
var importKinds = []string{"values", "admin.import.kind.values", "kpis", "admin.import.kind.kpis",
	"municipalities", "admin.import.kind.municipalities", "groups", "admin.import.kind.groups",
	"counties", "admin.import.kind.counties"}

// KindField is the upload form's select of what the file holds.
func (v *view) KindField() field {
	return v.Sel("kind", "admin.import.kind", "admin.import.kindHint", importKinds...)
}

func (s *Server) adminBenchmarks(w http.ResponseWriter, r *http.Request) {
	s.showAdminBenchmarks(w, r, newForm(url.Values{"kind": {"values"}}), nil, http.StatusOK)
}

// showAdminBenchmarks draws the page with the upload form as f holds it
// and the upload's outcome d (nil before one).
func (s *Server) showAdminBenchmarks(w http.ResponseWriter, r *http.Request, f *form, d *importData, status int) {
	if !s.requireLogin(w, r) {
		return
	}
	if d == nil {
		d = &importData{}
	}
	v := &view{TitleKey: "admin.benchmarks.title", Form: f, Flash: s.flash(w, r)}
	if !s.read(w, r, "admin_benchmarks", nil, v, d) {
		return
	}
	s.render(w, r, status, "admin_benchmarks", v)
}
