package web

import (
	"net/http"
	"net/url"

	"github.com/leanforum/awards/graph"
)

// dashboardData is an applicant's organisations and applications.
type dashboardData struct {
	Me struct {
		Organisations []struct {
			ID                   string `json:"id"`
			Name                 string `json:"name"`
			MunicipalityCode     string `json:"municipalityCode"`
			MunicipalityVerified bool   `json:"municipalityVerified"`
		} `json:"organisations"`
	} `json:"me"`
	Applications struct {
		Nodes []applicationItem `json:"nodes"`
	} `json:"applications"`
	Awards struct {
		Nodes []struct {
			Name   string      `json:"name"`
			Cycles []cycleItem `json:"cycles"`
		} `json:"nodes"`
	} `json:"awards"`
}

type applicationItem struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Status       string `json:"status"`
	UpdatedAt    string `json:"updatedAt"`
	SubmittedAt  string `json:"submittedAt"`
	Organisation struct {
		ID string `json:"id"`
	} `json:"organisation"`
	Cycle cycleItem `json:"cycle"`
}

// ApplicationsOf are the applications of organisation id.
func (d *dashboardData) ApplicationsOf(id string) []applicationItem {
	var out []applicationItem
	for _, a := range d.Applications.Nodes {
		if a.Organisation.ID == id {
			out = append(out, a)
		}
	}
	return out
}

// OpenCycles are the cycles open for applications.
func (d *dashboardData) OpenCycles() []cycleItem {
	var out []cycleItem
	for _, a := range d.Awards.Nodes {
		for _, c := range a.Cycles {
			if c.Phase == "OPEN" {
				out = append(out, c)
			}
		}
	}
	return out
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	s.showDashboard(w, r, url.Values{"key": {newKey()}}, nil)
}

// showDashboard draws the dashboard, with the new-application form as
// typed and the API's errors for it.
func (s *Server) showDashboard(w http.ResponseWriter, r *http.Request, typed url.Values, errs []graph.Error) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "dashboard.title", Flash: s.flash(w, r), Form: newForm(typed)}
	var d dashboardData
	if !s.read(w, r, "dashboard", nil, v, &d) {
		return
	}
	status := http.StatusOK
	if len(errs) > 0 {
		v.Form.apiErrors(s.cat(r), errs, map[string]string{"title": "title"})
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "dashboard", v)
}

// CycleOptions are the open cycles as a select's options.
func (d *dashboardData) CycleOptions() []option {
	var out []option
	for _, c := range d.OpenCycles() {
		out = append(out, option{Value: c.ID, Label: c.Title})
	}
	return out
}

// OrganisationOptions are my organisations as a select's options.
func (d *dashboardData) OrganisationOptions() []option {
	var out []option
	for _, o := range d.Me.Organisations {
		out = append(out, option{Value: o.ID, Label: o.Name})
	}
	return out
}
