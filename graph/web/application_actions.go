package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// feedbackData is what an applicant sees after publication.
type feedbackData struct {
	Application *feedback `json:"application"`
}

type feedback struct {
	Decision string `json:"decision"`
	Citation string `json:"citation"`
	// Cycle.Historical: the cycle was imported without scores.
	Cycle struct {
		Historical bool `json:"historical"`
	} `json:"cycle"`
	FinalScores []struct {
		Criterion struct {
			Code  string `json:"code"`
			Title string `json:"title"`
		} `json:"criterion"`
		Value         *float64 `json:"value"`
		Band          string   `json:"band"`
		Basis         string   `json:"basis"`
		Strengths     []string `json:"strengths"`
		Opportunities []string `json:"opportunities"`
	} `json:"finalScores"`
}

// createApplication is POST /applications from the dashboard: a new
// draft for one of my organisations in an open cycle. The form's
// idempotency key makes a double submit one draft.
func (s *Server) createApplication(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	title := strings.TrimSpace(r.PostFormValue("title"))
	in := map[string]any{"title": title, "cycleId": r.PostFormValue("cycle"), "organisationId": r.PostFormValue("organisation")}
	var out struct {
		CreateApplication struct{ ID string } `json:"createApplication"`
	}
	errs, ok := s.write(w, r, "application_create", map[string]any{"input": in, "key": r.PostFormValue("key")}, &out)
	if !ok {
		return
	}
	if len(errs) > 0 {
		s.showDashboard(w, r, url.Values{"title": {r.PostFormValue("title")}, "cycle": {r.PostFormValue("cycle")},
			"organisation": {r.PostFormValue("organisation")}, "key": {r.PostFormValue("key")}}, errs)
		return
	}
	http.Redirect(w, r, "/applications/"+out.CreateApplication.ID, http.StatusSeeOther)
}

// withdrawApplication is POST /applications/{id}/withdraw, with a reason.
func (s *Server) withdrawApplication(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	e, ok := s.loadEditor(w, r, nil)
	if !ok {
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	e.V.Form.Values.Set("reason", r.PostFormValue("reason"))
	if reason == "" {
		e.V.Form.fail("reason", e.V.T("api.INVALID.reason"))
		s.renderEditor(w, r, e, http.StatusUnprocessableEntity)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	errs, ok := s.write(w, r, "application_withdraw", map[string]any{"id": e.App.ID, "version": version, "reason": reason}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		s.refused(w, r, e, errs)
		return
	}
	s.setFlash(w, "flash.withdrawn")
	http.Redirect(w, r, "/applications/"+e.App.ID, http.StatusSeeOther)
}

// feedbackPDF is POST /applications/{id}/feedback: a signed link to the
// feedback PDF in the page's language, to which the browser goes on.
func (s *Server) feedbackPDF(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	var out struct {
		ReportLink struct{ URL string } `json:"reportLink"`
	}
	errs, ok := s.write(w, r, "report_link", map[string]any{"path": "/reports/applications/" + id + "/feedback.pdf"}, &out)
	if !ok {
		return
	}
	if len(errs) > 0 {
		s.errorPage(w, r, errs[0])
		return
	}
	u, err := url.Parse(out.ReportLink.URL)
	if err != nil || u.Host != "" {
		s.errorPage(w, r, graph.Error{Code: store.Internal, Message: "report link is not a path"})
		return
	}
	q := u.Query()
	q.Set("lang", pickLang(r.PostFormValue("lang")))
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
}

// searchKPIsJSON is GET /kpis/search?q=: the KPI search that app.js fills
// the editor's list with as the user types.
func (s *Server) searchKPIsJSON(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if len([]rune(q)) < 2 || len(q) > 100 {
		w.Write([]byte("[]"))
		return
	}
	hits, errs := s.findKPIs(r, q)
	if len(errs) > 0 {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte("[]"))
		return
	}
	json.NewEncoder(w).Encode(hits)
}

// OfficialSummary is the text alternative of an indicator's chart.
func (v *view) OfficialSummary(ind *appIndicator, o *official) string {
	s := v.T("indicator.claimSummary", ind.Name, v.Num(ind.BaselineValue), yearOf(ind.BaselineDate), v.Num(ind.CurrentValue), yearOf(ind.CurrentDate))
	if n := len(o.Series); n > 0 {
		s += " " + v.T("indicator.seriesSummary", o.Municipality, v.Num(o.Series[0].Value), o.Series[0].Year, v.Num(o.Series[n-1].Value), o.Series[n-1].Year)
	}
	if ind.LegalLimit != nil {
		s += " " + v.T("chart.limitSummary", v.Num(*ind.LegalLimit))
	}
	return s
}

// loadOfficial reads the official series behind the saved indicators:
// one query per KPI and municipality they name (at most one per
// indicator, so a fixed number per application).
func (s *Server) loadOfficial(r *http.Request, e *editor) {
	e.Official = map[string]*official{}
	names := map[string]string{}
	for _, m := range e.Data.Municipalities {
		names[m.Code] = m.Name
	}
	for _, ind := range e.App.Indicators {
		key := ind.KPIID + "/" + ind.MunicipalityCode
		if ind.KPIID == "" || ind.MunicipalityCode == "" || e.Official[key] != nil {
			continue
		}
		var out struct {
			KPI *struct {
				ID, Title, Unit string
				Values          []struct {
					Year      int      `json:"year"`
					Value     *float64 `json:"value"`
					Synthetic bool     `json:"synthetic"`
				} `json:"values"`
			} `json:"kpi"`
		}
		if errs := decodeInto(s.exec(r, "kpi_series", map[string]any{"id": ind.KPIID, "code": ind.MunicipalityCode}), &out); len(errs) > 0 || out.KPI == nil {
			continue
		}
		o := &official{KPIID: out.KPI.ID, KPITitle: out.KPI.Title, Unit: out.KPI.Unit, Municipality: names[ind.MunicipalityCode]}
		for _, x := range out.KPI.Values {
			if x.Value != nil {
				o.Series = append(o.Series, point{Year: x.Year, Value: *x.Value})
				o.Synthetic = o.Synthetic || x.Synthetic
			}
		}
		e.Official[key] = o
	}
	for _, o := range e.Official {
		sort.Slice(o.Series, func(i, j int) bool { return o.Series[i].Year < o.Series[j].Year })
	}
}

// Year is the year of a YYYY-MM-DD date.
func (v *view) Year(date string) int { return yearOf(date) }
