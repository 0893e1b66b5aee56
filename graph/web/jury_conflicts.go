package web

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// conflictsData is the conflicts page's data.
type conflictsData struct {
	Me struct {
		ID     string `json:"id"`
		Juries []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Jury  []struct {
				UserID           string  `json:"userId"`
				Affiliation      string  `json:"affiliation"`
				OrganisationID   *string `json:"organisationId"`
				MunicipalityCode *string `json:"municipalityCode"`
			} `json:"jury"`
			ConflictCandidates []struct {
				OrganisationID string `json:"organisationId"`
				Name           string `json:"name"`
			} `json:"conflictCandidates"`
		} `json:"juries"`
		Assignments []struct {
			Application *struct {
				Organisation *struct {
					ID               string  `json:"id"`
					Name             string  `json:"name"`
					MunicipalityCode *string `json:"municipalityCode"`
				} `json:"organisation"`
			} `json:"application"`
		} `json:"assignments"`
	} `json:"me"`
	Conflicts []struct {
		ID               string  `json:"id"`
		OrganisationID   *string `json:"organisationId"`
		OrganisationName *string `json:"organisationName"`
		MunicipalityCode *string `json:"municipalityCode"`
		Reason           string  `json:"reason"`
		CreatedAt        string  `json:"createdAt"`
	} `json:"conflicts"`
	Municipalities []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"municipalities"`
}

// implicitConflict is a jury seat's affiliation: its organisation and
// municipality are conflicts without declaring.
type implicitConflict struct {
	Cycle, Affiliation, Organisation, Municipality string
}

// Implicit are my affiliations on the juries I sit on.
func (d *conflictsData) Implicit() []implicitConflict {
	var out []implicitConflict
	for _, c := range d.Me.Juries {
		for _, j := range c.Jury {
			if j.UserID != d.Me.ID || (j.OrganisationID == nil && j.MunicipalityCode == nil) {
				continue
			}
			ic := implicitConflict{Cycle: c.Title, Affiliation: j.Affiliation}
			if j.OrganisationID != nil {
				ic.Organisation = d.orgName(*j.OrganisationID)
			}
			if j.MunicipalityCode != nil {
				ic.Municipality = d.MunicipalityName(*j.MunicipalityCode)
			}
			out = append(out, ic)
		}
	}
	return out
}

// Organisations are those I can name in a declaration, by name: the
// organisations that applied in the cycles I judge, whether or not I am
// assigned them (the API leaves out those I am already in conflict with),
// and those of my assignments.
func (d *conflictsData) Organisations() []option {
	seen := map[string]bool{}
	var out []option
	add := func(id, name string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, option{Value: id, Label: name})
		}
	}
	for _, c := range d.Me.Juries {
		for _, o := range c.ConflictCandidates {
			add(o.OrganisationID, o.Name)
		}
	}
	for _, s := range d.Me.Assignments {
		if s.Application != nil && s.Application.Organisation != nil {
			add(s.Application.Organisation.ID, s.Application.Organisation.Name)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return swedishKey(out[i].Label) < swedishKey(out[j].Label) })
	return out
}

// orgName is an organisation's name as my assignments show it, or its id.
func (d *conflictsData) orgName(id string) string {
	for _, o := range d.Organisations() {
		if o.Value == id {
			return o.Label
		}
	}
	return "#" + id
}

// MunicipalityName is the name of the municipality code, or the code.
func (d *conflictsData) MunicipalityName(code string) string {
	for _, m := range d.Municipalities {
		if m.Code == code {
			return m.Name
		}
	}
	return code
}

// MunicipalityOptions are every municipality by name.
func (d *conflictsData) MunicipalityOptions() []option {
	out := make([]option, len(d.Municipalities))
	for i, m := range d.Municipalities {
		out[i] = option{Value: m.Code, Label: m.Name}
	}
	sort.SliceStable(out, func(i, j int) bool { return swedishKey(out[i].Label) < swedishKey(out[j].Label) })
	return out
}

func (s *Server) conflictsPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	s.showConflicts(w, r, newForm(url.Values{"with": {"organisation"}}), http.StatusOK)
}

func (s *Server) showConflicts(w http.ResponseWriter, r *http.Request, f *form, status int) {
	v := &view{TitleKey: "conflicts.title", Flash: s.flash(w, r), Form: f}
	var d conflictsData
	if !s.read(w, r, "jury_conflicts", nil, v, &d) {
		return
	}
	s.render(w, r, status, "jury_conflicts", v)
}

// conflictFields maps the API's error fields to the form's.
var conflictFields = map[string]string{"organisationId": "organisation", "municipalityCode": "municipality", "reason": "reason"}

// declareConflict declares a conflict with the organisation or the
// municipality the form names.
func (s *Server) declareConflict(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	field, api := "organisation", "organisationId"
	if f.Get("with") == "municipality" {
		field, api = "municipality", "municipalityCode"
	}
	in := map[string]any{"reason": strings.TrimSpace(f.Get("reason")), api: f.Get(field)}
	if f.Get(field) == "" {
		f.fail(field, s.cat(r).text("conflicts.chooseOne"))
		s.showConflicts(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	errs, ok := s.write(w, r, "jury_conflict_post", map[string]any{"input": in}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, conflictFields)
		s.showConflicts(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.conflictDeclared")
	http.Redirect(w, r, "/jury/conflicts", http.StatusSeeOther)
}
