package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// cycleData is a cycle page's data.
type cycleData struct {
	Cycle *struct {
		ID              string `json:"id"`
		Title           string `json:"title"`
		Year            int    `json:"year"`
		Phase           string `json:"phase"`
		OpensAt         string `json:"opensAt"`
		ClosesAt        string `json:"closesAt"`
		ScoringClosesAt string `json:"scoringClosesAt"`
		Award           struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"award"`
		Criteria []criterion `json:"criteria"`
		Results  []result    `json:"results"`
	} `json:"cycle"`
}

type criterion struct {
	ID          string  `json:"id"`
	Code        string  `json:"code"`
	Title       string  `json:"title"`
	ParentID    string  `json:"parentId"`
	Weight      float64 `json:"weight"`
	ScaleMin    float64 `json:"scaleMin"`
	ScaleMax    float64 `json:"scaleMax"`
	ScaleStep   float64 `json:"scaleStep"`
	Independent bool    `json:"independent"`
	Guidance    string  `json:"guidance"`
	Bands       []struct {
		From  float64 `json:"from"`
		To    float64 `json:"to"`
		Label string  `json:"label"`
	} `json:"bands"`
}

type result struct {
	ApplicationID    string `json:"applicationId"`
	ApplicationTitle string `json:"applicationTitle"`
	OrganisationName string `json:"organisationName"`
	MunicipalityCode string `json:"municipalityCode"`
	// MunicipalityVerified: an admin has verified the organisation's
	// municipality; the page says so until then.
	MunicipalityVerified bool   `json:"municipalityVerified"`
	Decision             string `json:"decision"`
	Citation             string `json:"citation"`
}

// phases are a cycle's phases in order, for its timeline.
var phases = []string{"DRAFT", "OPEN", "CLOSED", "SCORING", "CONSENSUS", "DECIDED", "PUBLISHED"}

// Timeline is each phase with whether it is past, current or to come.
func (d *cycleData) Timeline() []step { return timeline(d.Cycle.Phase) }

// timeline is each phase with whether it is past, current or to come
// for a cycle in phase.
func timeline(phase string) []step {
	out := make([]step, len(phases))
	at := slices.Index(phases, phase)
	for i, p := range phases {
		out[i] = step{Phase: p, Past: i < at, Current: i == at}
	}
	return out
}

type step struct {
	Phase         string
	Past, Current bool
}

// ByDecision is the results with decision dec.
func (d *cycleData) ByDecision(dec string) []result {
	var out []result
	for _, r := range d.Cycle.Results {
		if r.Decision == dec {
			out = append(out, r)
		}
	}
	return out
}

// pathID is the numeric id in the URL's {name}, or false (the caller
// answers 404).
func pathID(r *http.Request, name string) (string, bool) {
	v := r.PathValue(name)
	if n, err := strconv.ParseInt(v, 10, 64); err != nil || n <= 0 || strconv.FormatInt(n, 10) != v {
		return "", false
	}
	return v, true
}

func (s *Server) cycle(w http.ResponseWriter, r *http.Request) { s.showCycle(w, r, "cycle") }

func (s *Server) results(w http.ResponseWriter, r *http.Request) { s.showCycle(w, r, "results") }

// showCycle is the cycle page or its results: 404 for a cycle that does
// not exist or is hidden from the caller, and for results not published.
func (s *Server) showCycle(w http.ResponseWriter, r *http.Request, page string) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	v := &view{}
	var d cycleData
	if !s.read(w, r, page, map[string]any{"id": id}, v, &d) {
		return
	}
	if d.Cycle == nil || page == "results" && d.Cycle.Phase != "PUBLISHED" {
		s.errorPage(w, r, graph.Error{Code: store.NotFound})
		return
	}
	v.Title = d.Cycle.Title
	if page == "results" {
		v.Title, v.TitleKey, v.TitleArgs = "", "results.title", []any{d.Cycle.Title}
	}
	s.render(w, r, http.StatusOK, page, v)
}
