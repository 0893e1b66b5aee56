package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// screeningData is the screening page's data.
type screeningData struct {
	Cycle *struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Phase string `json:"phase"`
	} `json:"cycle"`
	Applications struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
		Nodes []screenedApp `json:"nodes"`
	} `json:"applications"`
	After string `json:"-"`
}

type screenedApp struct {
	ID                string  `json:"id"`
	Title             string  `json:"title"`
	Status            string  `json:"status"`
	Eligibility       string  `json:"eligibility"`
	EligibilityReason string  `json:"eligibilityReason"`
	SubmittedAt       *string `json:"submittedAt"`
	Version           int     `json:"version"`
	Organisation      struct {
		Name string `json:"name"`
	} `json:"organisation"`
}

// Screenable reports whether the page offers a's screening form: a
// submitted application before the decisions, as the API allows.
func (d *screeningData) Screenable(a screenedApp) bool {
	return a.Status == "SUBMITTED" && slices.Index(phases, d.Cycle.Phase) < slices.Index(phases, "DECIDED")
}

// Count is how many applications have eligibility e.
func (d *screeningData) Count(e string) int {
	n := 0
	for _, a := range d.Applications.Nodes {
		if a.Status == "SUBMITTED" && a.Eligibility == e {
			n++
		}
	}
	return n
}

// formValues are each application's stored screening.
func (d *screeningData) formValues() url.Values {
	v := url.Values{}
	for _, a := range d.Applications.Nodes {
		v.Set("version-"+a.ID, strconv.Itoa(a.Version))
		if a.Eligibility != "PENDING" {
			v.Set("eligibility-"+a.ID, a.Eligibility)
		}
		v.Set("reason-"+a.ID, a.EligibilityReason)
	}
	return v
}

func (s *Server) readScreening(w http.ResponseWriter, r *http.Request, v *view, d *screeningData) bool {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return false
	}
	d.After = r.URL.Query().Get("after")
	vars := map[string]any{"id": id}
	if d.After != "" {
		vars["after"] = d.After
	}
	if !s.read(w, r, "admin_applications", vars, v, d) {
		return false
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return false
	}
	v.TitleKey, v.TitleArgs = "screening.title", []any{d.Cycle.Title}
	return true
}

// adminApplications lists the cycle's applications for screening.
func (s *Server) adminApplications(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{Flash: s.flash(w, r)}
	var d screeningData
	if !s.readScreening(w, r, v, &d) {
		return
	}
	v.Form = newForm(d.formValues())
	s.render(w, r, http.StatusOK, "admin_applications", v)
}

// adminScreen records one application's eligibility; a refusal comes
// back with what was typed, a stale form saying what changed.
func (s *Server) adminScreen(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	app := r.PathValue("app")
	e, reason := r.PostFormValue("eligibility-"+app), strings.TrimSpace(r.PostFormValue("reason-"+app))
	version, _ := strconv.Atoi(r.PostFormValue("version-" + app))
	var errs []graph.Error
	if e == "ELIGIBLE" || e == "NOT_ELIGIBLE" {
		var ok bool
		errs, ok = s.write(w, r, "admin_screen", map[string]any{"id": app, "version": version, "eligible": e == "ELIGIBLE", "reason": reason}, nil)
		if !ok || s.writeRefused(w, r, errs) {
			return
		}
		if len(errs) == 0 {
			s.setFlash(w, "flash.screened")
			http.Redirect(w, r, "/admin/cycles/"+url.PathEscape(r.PathValue("id"))+"/applications"+screeningAfter(r)+"#app-"+url.PathEscape(app),
				http.StatusSeeOther)
			return
		}
	}
	s.screenRefused(w, r, app, e, errs)
}

// screeningAfter is the ?after= of the page the form was on.
func screeningAfter(r *http.Request) string {
	if a := r.URL.Query().Get("after"); a != "" {
		return "?after=" + url.QueryEscape(a)
	}
	return ""
}

func (s *Server) screenRefused(w http.ResponseWriter, r *http.Request, app, e string, errs []graph.Error) {
	v := s.inLang(r, &view{})
	var d screeningData
	if !s.readScreening(w, r, v, &d) {
		return
	}
	f := newForm(d.formValues())
	f.Values.Set("eligibility-"+app, e)
	f.Values.Set("reason-"+app, r.PostFormValue("reason-"+app))
	v.Form = f
	if e != "ELIGIBLE" && e != "NOT_ELIGIBLE" {
		f.fail("eligibility-"+app, v.T("screening.choose"))
	}
	for _, x := range errs {
		switch {
		case x.Code == store.Conflict:
			f.fail("eligibility-"+app, v.T("screening.stale", d.now(v, app)))
		case x.Field == "reason":
			f.fail("reason-"+app, apiMessage(v.cat, x))
		default:
			f.fail("eligibility-"+app, codeMessage(v.cat, x))
		}
	}
	s.render(w, r, http.StatusUnprocessableEntity, "admin_applications", v)
}

// now is application app's screening as it stands, in words.
func (d *screeningData) now(v *view, app string) string {
	for _, a := range d.Applications.Nodes {
		if a.ID == app {
			return v.T("eligibility."+a.Eligibility) + " – " + v.T("status."+a.Status)
		}
	}
	return ""
}
