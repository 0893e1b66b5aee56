package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strconv"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// adminExportsData is the exports page's data.
type adminExportsData struct {
	Cycle *struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Year  int    `json:"year"`
		Phase string `json:"phase"`
	} `json:"cycle"`
	Applications struct {
		TotalCount int `json:"totalCount"`
		Nodes      []struct {
			ID           string `json:"id"`
			Title        string `json:"title"`
			Organisation *struct {
				Name             string  `json:"name"`
				MunicipalityCode *string `json:"municipalityCode"`
			} `json:"organisation"`
		} `json:"nodes"`
	} `json:"applications"`
	BenchmarkReports struct {
		Nodes []struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Versions []struct {
				Version     int    `json:"version"`
				PublishedAt string `json:"publishedAt"`
			} `json:"versions"`
		} `json:"nodes"`
	} `json:"benchmarkReports"`
	// Profiles are the applicants' municipalities with their newest year.
	Profiles []profileLink `json:"-"`
}

type profileLink struct {
	Code, Name string
	Year       int
}

// Exports are the four CSV exports of a cycle.
func (d *adminExportsData) Exports() []string {
	return []string{"scores", "normalised", "consensus", "audit"}
}

// codes are the applicants' municipality codes, once each, in order.
func (d *adminExportsData) codes() []string {
	seen := map[string]bool{}
	out := []string{}
	for _, a := range d.Applications.Nodes {
		if o := a.Organisation; o != nil && o.MunicipalityCode != nil && !seen[*o.MunicipalityCode] {
			seen[*o.MunicipalityCode] = true
			out = append(out, *o.MunicipalityCode)
		}
	}
	sort.Strings(out)
	return out
}

// organisationsIn names the applicants in municipality code.
func (d *adminExportsData) organisationsIn(code string) string {
	out := ""
	for _, a := range d.Applications.Nodes {
		if o := a.Organisation; o != nil && o.MunicipalityCode != nil && *o.MunicipalityCode == code {
			if out != "" {
				out += ", "
			}
			out += o.Name
		}
	}
	return out
}

func (s *Server) adminExports(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "admin.exports.title"}
	var d adminExportsData
	if !s.read(w, r, "admin_exports", map[string]any{"id": id}, v, &d) {
		return
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return
	}
	var years struct {
		KPI *struct {
			Values []struct {
				Municipality string `json:"municipality"`
				Year         int    `json:"year"`
			} `json:"values"`
		} `json:"kpi"`
	}
	if !s.read(w, r, "admin_exports_years", map[string]any{"codes": d.codes()}, &view{}, &years) {
		return
	}
	newest := map[string]int{}
	if years.KPI != nil {
		for _, x := range years.KPI.Values {
			newest[x.Municipality] = max(newest[x.Municipality], x.Year)
		}
	}
	for _, c := range d.codes() {
		if y := newest[c]; y > 0 {
			d.Profiles = append(d.Profiles, profileLink{Code: c, Name: d.organisationsIn(c), Year: y})
		}
	}
	v.Data = &d
	v.TitleArgs = []any{d.Cycle.Title}
	s.render(w, r, http.StatusOK, "admin_exports", v)
}

// YearOf is a number as a query parameter.
func (p profileLink) YearOf() string { return strconv.Itoa(p.Year) }

// downloadPath is what the download link may fetch: the API's report
// PDFs and CSV exports.
var downloadPath = regexp.MustCompile(`^/(reports/[a-z]+/[0-9]+/[a-z0-9/]+\.pdf|exports/cycles/[0-9]+/[a-z]+\.csv)$`)

// download is GET /download?path=…: the API's PDF or CSV at path (with
// the rest of the query), fetched as the logged-in user, since a browser
// cannot send the API its bearer token. The API decides who may have it;
// its refusal becomes the page for its code.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	path := q.Get("path")
	if !downloadPath.MatchString(path) {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) {
		return
	}
	q.Del("path")
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, path+"?"+q.Encode(), nil)
	if err != nil {
		s.notFound(w, r)
		return
	}
	req.Header.Set("Authorization", "Bearer "+s.token(r))
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	s.api.ServeHTTP(rec, req)
	switch {
	case rec.status == http.StatusUnauthorized:
		s.toLogin(w, r)
	case rec.status != http.StatusOK:
		s.render(w, r, rec.status, "error", &view{TitleKey: errorKey(rec.status), Flash: s.refusal(r, rec.body.Bytes())})
	default:
		for _, h := range []string{"Content-Type", "Content-Disposition", "Content-Length"} {
			w.Header().Set(h, rec.header.Get(h))
		}
		w.Header().Set("Cache-Control", "private, no-store")
		w.Write(rec.body.Bytes())
	}
}

// refusal is the first error of an API answer, in the page's language.
func (s *Server) refusal(r *http.Request, body []byte) string {
	var out struct {
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code  string `json:"code"`
				Field string `json:"field"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &out) != nil || len(out.Errors) == 0 {
		return ""
	}
	e := out.Errors[0]
	return apiMessage(s.cat(r), graph.Error{Message: e.Message, Code: store.Code(e.Extensions.Code), Field: e.Extensions.Field})
}

// errorKey is the error page's title for an API status.
func errorKey(status int) string {
	switch status {
	case http.StatusNotFound:
		return "error.notFound"
	case http.StatusForbidden:
		return "error.forbidden"
	case http.StatusBadRequest:
		return "error.invalid"
	}
	return "error.internal"
}
