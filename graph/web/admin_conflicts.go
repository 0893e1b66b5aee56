package web

import (
	"net/http"
	"net/url"
	"strings"
)

// cycleConflict is one reason a juror may not see an application.
type cycleConflict struct {
	JurorID       string `json:"jurorId"`
	ApplicationID string `json:"applicationId"`
	Kind          string `json:"kind"`
	Reason        string `json:"reason"`
}

// cycleApplications is a page of a cycle's submitted applications.
type cycleApplications struct {
	TotalCount int `json:"totalCount"`
	PageInfo   struct {
		HasNextPage bool   `json:"hasNextPage"`
		EndCursor   string `json:"endCursor"`
	} `json:"pageInfo"`
	Nodes []struct {
		ID           string `json:"id"`
		Title        string `json:"title"`
		Eligibility  string `json:"eligibility"`
		Organisation *struct {
			ID               string  `json:"id"`
			Name             string  `json:"name"`
			MunicipalityCode *string `json:"municipalityCode"`
		} `json:"organisation"`
	} `json:"nodes"`
}

// adminConflictsData is the conflicts overview's data.
type adminConflictsData struct {
	Cycle          *juryAdminCycle   `json:"cycle"`
	Applications   cycleApplications `json:"applications"`
	Municipalities []municipalityRef `json:"municipalities"`
	After          string            `json:"-"`
}

// Reasons are the conflicts of juror with app.
func (d *adminConflictsData) Reasons(juror, app string) []cycleConflict {
	var out []cycleConflict
	for _, c := range d.Cycle.Conflicts {
		if c.JurorID == juror && c.ApplicationID == app {
			out = append(out, c)
		}
	}
	return out
}

// Count is how many juror × application pairs are conflicted.
func (d *adminConflictsData) Count() int {
	seen := map[string]bool{}
	for _, c := range d.Cycle.Conflicts {
		seen[c.JurorID+"/"+c.ApplicationID] = true
	}
	return len(seen)
}

// JurorOptions are the jurors of the cycle.
func (d *adminConflictsData) JurorOptions() []option {
	out := make([]option, len(d.Cycle.Jury))
	for i, j := range d.Cycle.Jury {
		out[i] = option{Value: j.UserID, Label: j.Name}
	}
	return out
}

// OrganisationOptions are the organisations of this page's applications.
func (d *adminConflictsData) OrganisationOptions() []option {
	seen := map[string]bool{}
	var out []option
	for _, a := range d.Applications.Nodes {
		if o := a.Organisation; o != nil && !seen[o.ID] {
			seen[o.ID] = true
			out = append(out, option{Value: o.ID, Label: o.Name})
		}
	}
	sortOptions(out)
	return out
}

// MunicipalityOptions are every municipality by name.
func (d *adminConflictsData) MunicipalityOptions() []option {
	out := make([]option, len(d.Municipalities))
	for i, m := range d.Municipalities {
		out[i] = option{Value: m.Code, Label: m.Name}
	}
	sortOptions(out)
	return out
}

// MunicipalityName is the name of a municipality code, or the code.
func (d *adminConflictsData) MunicipalityName(code *string) string {
	if code == nil {
		return ""
	}
	for _, m := range d.Municipalities {
		if m.Code == *code {
			return m.Name
		}
	}
	return *code
}

func (s *Server) adminConflicts(w http.ResponseWriter, r *http.Request) {
	s.showAdminConflicts(w, r, newForm(url.Values{"with": {"organisation"}}), http.StatusOK)
}

func (s *Server) showAdminConflicts(w http.ResponseWriter, r *http.Request, f *form, status int) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) {
		return
	}
	after := r.URL.Query().Get("after")
	vars := map[string]any{"id": id}
	if after != "" {
		vars["after"] = after
	}
	v := &view{TitleKey: "admin.conflicts.title", Form: f, Flash: s.flash(w, r)}
	d := adminConflictsData{After: after}
	if !s.read(w, r, "admin_conflicts", vars, v, &d) {
		return
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return
	}
	v.TitleArgs = []any{d.Cycle.Title}
	s.render(w, r, status, "admin_conflicts", v)
}

// adminRecordConflict records a conflict for a juror of the cycle with
// an organisation or a municipality.
func (s *Server) adminRecordConflict(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	c := s.cat(r)
	field, api := "organisation", "organisationId"
	if f.Get("with") == "municipality" {
		field, api = "municipality", "municipalityCode"
	}
	if f.Get("juror") == "" {
		f.fail("juror", c.text("admin.jury.pickJuror"))
	}
	if f.Get(field) == "" {
		f.fail(field, c.text("conflicts.chooseOne"))
	}
	if !f.HasErrors() {
		in := map[string]any{"jurorId": f.Get("juror"), "reason": strings.TrimSpace(f.Get("reason")), api: f.Get(field)}
		errs, ok := s.write(w, r, "admin_conflict_post", map[string]any{"input": in}, nil)
		if !ok {
			return
		}
		f.apiErrors(c, errs, map[string]string{"jurorId": "juror", "organisationId": "organisation",
			"municipalityCode": "municipality", "reason": "reason"})
	}
	if f.HasErrors() {
		s.showAdminConflicts(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.conflictRecorded")
	http.Redirect(w, r, "/admin/cycles/"+id+"/conflicts", http.StatusSeeOther)
}
