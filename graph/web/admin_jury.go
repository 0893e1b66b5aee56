package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/leanforum/awards/graph"
)

// The secretariat's jury pages for a cycle: the jury (this file), the
// conflicts overview (admin_conflicts.go) and the assignment matrix
// (admin_assignments.go). They ask the API as the logged-in user, which
// refuses whoever is not an admin.

// adminJuror is a juror of the cycle with their load.
type adminJuror struct {
	UserID           string  `json:"userId"`
	Name             string  `json:"name"`
	Email            string  `json:"email"`
	Lead             bool    `json:"lead"`
	OrganisationID   *string `json:"organisationId"`
	Affiliation      string  `json:"affiliation"`
	MunicipalityCode *string `json:"municipalityCode"`
	// Load is the juror's assignments not recused from, Done those
	// submitted.
	Load, Done int `json:"-"`
}

// cycleAssignment is an assignment as the secretariat's pages read it.
type cycleAssignment struct {
	ApplicationID string  `json:"applicationId"`
	JurorID       string  `json:"jurorId"`
	RecusedAt     *string `json:"recusedAt"`
	SubmittedAt   *string `json:"submittedAt"`
}

// juryAdminCycle is the cycle of the jury pages.
type juryAdminCycle struct {
	ID                   string            `json:"id"`
	Title                string            `json:"title"`
	Phase                string            `json:"phase"`
	Version              int               `json:"version"`
	JurorsPerApplication int               `json:"jurorsPerApplication"`
	Jury                 []adminJuror      `json:"jury"`
	Assignments          []cycleAssignment `json:"assignments"`
	Conflicts            []cycleConflict   `json:"conflicts"`
}

// Jurors are the jury with each juror's load.
func (c *juryAdminCycle) Jurors() []adminJuror {
	out := make([]adminJuror, len(c.Jury))
	for i, j := range c.Jury {
		for _, a := range c.Assignments {
			if a.JurorID == j.UserID && a.RecusedAt == nil {
				j.Load++
				if a.SubmittedAt != nil {
					j.Done++
				}
			}
		}
		out[i] = j
	}
	return out
}

type named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type municipalityRef struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// adminJuryData is the jury page's data.
type adminJuryData struct {
	Cycle *juryAdminCycle `json:"cycle"`
	Users struct {
		Nodes []struct {
			ID    string `json:"id"`
			Name  string `json:"name"`
			Email string `json:"email"`
			Role  string `json:"role"`
		} `json:"nodes"`
	} `json:"users"`
	Organisations struct {
		Nodes []named `json:"nodes"`
	} `json:"organisations"`
	Municipalities []municipalityRef `json:"municipalities"`
}

// JurorOptions are the juror accounts not on the jury, by name.
func (d *adminJuryData) JurorOptions() []option {
	on := map[string]bool{}
	for _, j := range d.Cycle.Jury {
		on[j.UserID] = true
	}
	var out []option
	for _, u := range d.Users.Nodes {
		if u.Role == "JUROR" && !on[u.ID] {
			out = append(out, option{Value: u.ID, Label: u.Name + " <" + u.Email + ">"})
		}
	}
	sortOptions(out)
	return out
}

// OrganisationOptions are the organisations by name.
func (d *adminJuryData) OrganisationOptions() []option {
	out := make([]option, len(d.Organisations.Nodes))
	for i, o := range d.Organisations.Nodes {
		out[i] = option{Value: o.ID, Label: o.Name}
	}
	sortOptions(out)
	return out
}

// MunicipalityOptions are the municipalities by name.
func (d *adminJuryData) MunicipalityOptions() []option {
	out := make([]option, len(d.Municipalities))
	for i, m := range d.Municipalities {
		out[i] = option{Value: m.Code, Label: m.Name}
	}
	sortOptions(out)
	return out
}

// OrganisationName is the name of organisation id, or "#id".
func (d *adminJuryData) OrganisationName(id string) string {
	for _, o := range d.Organisations.Nodes {
		if o.ID == id {
			return o.Name
		}
	}
	return "#" + id
}

// MunicipalityName is the name of a municipality code, or the code.
func (d *adminJuryData) MunicipalityName(code string) string {
	for _, m := range d.Municipalities {
		if m.Code == code {
			return m.Name
		}
	}
	return code
}

func (s *Server) adminJury(w http.ResponseWriter, r *http.Request) {
	s.showAdminJury(w, r, newForm(url.Values{"language": {"sv"}}), http.StatusOK)
}

// showAdminJury draws the jury page with the forms as f holds them.
func (s *Server) showAdminJury(w http.ResponseWriter, r *http.Request, f *form, status int) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "admin.jury.title", Form: f, Flash: s.flash(w, r)}
	var d adminJuryData
	if !s.read(w, r, "admin_jury", map[string]any{"id": id}, v, &d) {
		return
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return
	}
	v.TitleArgs = []any{d.Cycle.Title}
	s.render(w, r, status, "admin_jury", v)
}

// jurorFields maps the API's error fields to the add form's.
var jurorFields = map[string]string{"userId": "juror", "affiliation": "affiliation", "municipalityCode": "municipality",
	"organisationId": "organisation", "email": "email"}

// adminAddJuror puts a juror on the jury, or (from a juror's row)
// changes their lead flag; the form names the juror, affiliation,
// organisation, municipality and lead.
func (s *Server) adminAddJuror(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok || !s.requireLogin(w, r) || !s.parsePost(w, r) {
		if !ok {
			s.notFound(w, r)
		}
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	c := s.cat(r)
	if f.Get("juror") == "" {
		f.fail("juror", c.text("admin.jury.pickJuror"))
		s.showAdminJury(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	in := map[string]any{"userId": f.Get("juror"), "lead": f.Get("lead") == "true",
		"affiliation": strings.TrimSpace(f.Get("affiliation"))}
	if o := f.Get("organisation"); o != "" {
		in["organisationId"] = o
	}
	if m := f.Get("municipality"); m != "" {
		in["municipalityCode"] = m
	}
	errs, ok := s.write(w, r, "admin_juror_add", map[string]any{"cycle": id, "input": in}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		s.juryErrors(c, f, errs)
		s.showAdminJury(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	flash := "flash.admin.jurorAdded"
	if f.Get("row") != "" {
		flash = "flash.admin.jurorChanged"
	}
	s.setFlash(w, flash)
	http.Redirect(w, r, "/admin/cycles/"+id+"/jury", http.StatusSeeOther)
}

// juryErrors puts the API's errors on the jury forms; an error about
// a row's juror (a lead change, a removal) goes to the top.
func (s *Server) juryErrors(c catalogue, f *form, errs []graph.Error) {
	for _, e := range errs {
		field := jurorFields[e.Field]
		if f.Get("row") != "" {
			field = ""
		}
		if m, ok := c["admin.jury.api."+string(e.Code)+"."+e.Field]; ok {
			f.fail(field, m)
			continue
		}
		f.apiErrors(c, []graph.Error{e}, map[string]string{e.Field: field})
	}
}

// adminRemoveJuror takes a juror without assignments off the jury.
func (s *Server) adminRemoveJuror(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	user, ok2 := pathID(r, "user")
	if !ok || !ok2 {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	errs, ok := s.write(w, r, "admin_juror_remove", map[string]any{"cycle": id, "user": user}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f := newForm(url.Values{"row": {user}, "language": {"sv"}})
		s.juryErrors(s.cat(r), f, errs)
		s.showAdminJury(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.jurorRemoved")
	http.Redirect(w, r, "/admin/cycles/"+id+"/jury", http.StatusSeeOther)
}

// adminInviteJuror invites a new juror account by e-mail; once the
// invitation is accepted the account can be added to the jury.
func (s *Server) adminInviteJuror(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	in := map[string]any{"email": strings.TrimSpace(f.Get("email")), "role": "JUROR", "language": pickLang(f.Get("language"))}
	errs, ok := s.write(w, r, "admin_juror_invite", map[string]any{"input": in}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, map[string]string{"email": "email"})
		s.showAdminJury(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.jurorInvited")
	http.Redirect(w, r, "/admin/cycles/"+id+"/jury", http.StatusSeeOther)
}
