package web

import "net/http"

// dashboardData is an applicant's organisations and applications.
type dashboardData struct {
	Me struct {
		Organisations []struct {
			ID               string `json:"id"`
			Name             string `json:"name"`
			MunicipalityCode string `json:"municipalityCode"`
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
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "dashboard.title", Flash: s.flash(w, r)}
	var d dashboardData
	if !s.read(w, r, "dashboard", nil, v, &d) {
		return
	}
	s.render(w, r, http.StatusOK, "dashboard", v)
}
