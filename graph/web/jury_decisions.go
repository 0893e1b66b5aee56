package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// decisionsData is the decisions and publication page's data.
type decisionsData struct {
	Cycle *struct {
		ID            string         `json:"id"`
		Title         string         `json:"title"`
		Phase         string         `json:"phase"`
		Version       int            `json:"version"`
		NoAward       *bool          `json:"noAward"`
		NoAwardReason *string        `json:"noAwardReason"`
		Criteria      []criterionRef `json:"criteria"`
		Ranking       *struct {
			Applications []rankedApp `json:"applications"`
			Flags        []struct {
				ApplicationID string `json:"applicationId"`
				CriterionID   string `json:"criterionId"`
				HasConsensus  bool   `json:"hasConsensus"`
			} `json:"flags"`
		} `json:"ranking"`
	} `json:"cycle"`
	Applications struct {
		Nodes []struct {
			ID       string  `json:"id"`
			Citation *string `json:"citation"`
		} `json:"nodes"`
	} `json:"applications"`
}

// decisions are the values a decision can take, in the order the form
// offers them.
var decisions = []string{"WINNER", "FINALIST", "HONOURABLE_MENTION", "NOT_SELECTED"}

// Decisions are the decisions the form offers.
func (d *decisionsData) Decisions() []string { return decisions }

// OpenCells are application app's flagged cells without an agreed score.
func (d *decisionsData) OpenCells(app string) []openCell {
	var out []openCell
	for _, f := range d.Cycle.Ranking.Flags {
		if f.ApplicationID == app && !f.HasConsensus {
			code := f.CriterionID
			for _, k := range d.Cycle.Criteria {
				if k.ID == f.CriterionID {
					code = k.Code
				}
			}
			out = append(out, openCell{App: app, Criterion: f.CriterionID, Code: code})
		}
	}
	return out
}

// Next is the phase after the cycle's, or "" after the last.
func (d *decisionsData) Next() string {
	i := slices.Index(phases, d.Cycle.Phase)
	if i < 0 || i+1 >= len(phases) {
		return ""
	}
	return phases[i+1]
}

// formValues fill each application's decision and citation with the
// stored ones.
func (d *decisionsData) formValues() url.Values {
	f := url.Values{}
	for _, a := range d.Applications.Nodes {
		if a.Citation != nil {
			f.Set("citation-"+a.ID, *a.Citation)
		}
	}
	for _, a := range d.Cycle.Ranking.Applications {
		if a.Decision != nil {
			f.Set("decision-"+a.ApplicationID, *a.Decision)
		}
	}
	return f
}

func (s *Server) readDecisions(w http.ResponseWriter, r *http.Request, v *view, d *decisionsData) bool {
	if !s.read(w, r, "jury_decisions", map[string]any{"id": r.PathValue("id")}, v, d) {
		return false
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return false
	}
	if d.Cycle.Ranking == nil {
		s.errorPage(w, r, forbidden)
		return false
	}
	return true
}

func (s *Server) decisionsPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "decisions.title", Flash: s.flash(w, r)}
	var d decisionsData
	if !s.readDecisions(w, r, v, &d) {
		return
	}
	v.Form = newForm(d.formValues())
	s.render(w, r, http.StatusOK, "jury_decisions", v)
}

// recordDecision records one application's decision and citation.
func (s *Server) recordDecision(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	v := &view{TitleKey: "decisions.title"}
	var d decisionsData
	if !s.readDecisions(w, r, v, &d) {
		return
	}
	app := r.PathValue("app")
	f := newForm(d.formValues())
	f.Values.Set("decision-"+app, r.PostFormValue("decision-"+app))
	f.Values.Set("citation-"+app, r.PostFormValue("citation-"+app))
	v.Form = f
	if !slices.Contains(decisions, f.Get("decision-"+app)) {
		f.fail("decision-"+app, s.cat(r).text("decisions.choose"))
		s.render(w, r, http.StatusUnprocessableEntity, "jury_decisions", v)
		return
	}
	errs, cont := s.write(w, r, "jury_decision_post", map[string]any{"app": app, "decision": f.Get("decision-" + app),
		"citation": strings.TrimSpace(f.Get("citation-" + app))}, nil)
	if !cont {
		return
	}
	if len(errs) > 0 {
		c := s.cat(r)
		for _, e := range errs {
			field := "decision-" + app
			if e.Field == "citation" {
				field = "citation-" + app
			}
			f.fail(field, codeMessage(c, e))
			if e.Code == "CONSENSUS_REQUIRED" {
				f.fail("", c.text("decisions.consensusRequired", len(d.OpenCells(app))))
			}
		}
		s.render(w, r, http.StatusUnprocessableEntity, "jury_decisions", v)
		return
	}
	s.setFlash(w, "flash.decisionRecorded")
	http.Redirect(w, r, "/jury/cycles/"+url.PathEscape(d.Cycle.ID)+"/decisions#app-"+url.PathEscape(app), http.StatusSeeOther)
}

// advancePage asks to confirm moving the cycle to its next phase, saying
// what that phase allows and forbids.
func (s *Server) advancePage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	s.showAdvance(w, r, newForm(nil), http.StatusOK)
}

func (s *Server) showAdvance(w http.ResponseWriter, r *http.Request, f *form, status int) {
	v := &view{TitleKey: "advance.title", Form: f}
	var d decisionsData
	if !s.readDecisions(w, r, v, &d) {
		return
	}
	if d.Next() == "" {
		s.notFound(w, r)
		return
	}
	if f.Get("version") == "" {
		f.Values.Set("version", strconv.Itoa(d.Cycle.Version))
	}
	s.render(w, r, status, "jury_advance", v)
}

// advance moves the cycle on. A second click of the same form finds the
// cycle already there and goes on as if it had moved it: one move, not
// two.
func (s *Server) advance(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	id, to := r.PathValue("id"), r.PostFormValue("to")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	errs, cont := s.write(w, r, "jury_advance_post", map[string]any{"id": id, "version": version, "to": to}, nil)
	if !cont {
		return
	}
	if len(errs) > 0 {
		var d decisionsData
		if !s.read(w, r, "jury_decisions", map[string]any{"id": id}, &view{}, &d) {
			return
		}
		if d.Cycle != nil && d.Cycle.Phase == to {
			errs = nil
		}
	}
	if len(errs) > 0 {
		f := newForm(url.Values{"version": {r.PostFormValue("version")}})
		f.apiErrors(s.cat(r), errs, nil)
		s.showAdvance(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	if to == "PUBLISHED" {
		s.setFlash(w, "flash.published")
	} else {
		s.setFlash(w, "flash.advanced")
	}
	http.Redirect(w, r, "/jury/cycles/"+url.PathEscape(id)+"/decisions", http.StatusSeeOther)
}
