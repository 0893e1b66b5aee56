package web

import (
	"crypto/sha256"
	"net/http"
	"sort"
)

// juryData is a juror's cycles and assignments.
type juryData struct {
	Me struct {
		ID          string       `json:"id"`
		Juries      []juryCycle  `json:"juries"`
		Assignments []assignment `json:"assignments"`
	} `json:"me"`
}

// juryCycle is a cycle as the juror's pages read it.
type juryCycle struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	Phase           string `json:"phase"`
	ScoringClosesAt string `json:"scoringClosesAt"`
	ScoreVisibility string `json:"scoreVisibility"`
	Jury            []struct {
		UserID string `json:"userId"`
		Lead   bool   `json:"lead"`
	} `json:"jury"`
	Criteria    []criterionRef `json:"criteria"`
	Assignments []assignment   `json:"-"` // mine, in my order
	me          string
}

type criterionRef struct {
	ID          string `json:"id"`
	Code        string `json:"code"`
	Title       string `json:"title"`
	ParentID    string `json:"parentId"` // "" at the top
	Independent bool   `json:"independent"`
}

type assignment struct {
	ApplicationID string  `json:"applicationId"`
	CycleID       string  `json:"cycleId"`
	JurorID       string  `json:"jurorId"`
	SubmittedAt   *string `json:"submittedAt"`
	RecusedAt     *string `json:"recusedAt"`
	RecusalReason string  `json:"recusalReason"`
	Scored        int     `json:"scored"`
	Application   *struct {
		ID           string `json:"id"`
		Title        string `json:"title"`
		Organisation *struct {
			Name                 string `json:"name"`
			MunicipalityCode     string `json:"municipalityCode"`
			MunicipalityVerified bool   `json:"municipalityVerified"`
		} `json:"organisation"`
	} `json:"application"`
	Of int // the criteria to score
}

// Cycles are the cycles whose jury the caller sits on, each with the
// caller's assignments in the caller's own order.
func (d *juryData) Cycles() []*juryCycle {
	out := make([]*juryCycle, len(d.Me.Juries))
	for i := range d.Me.Juries {
		c := &d.Me.Juries[i]
		c.me = d.Me.ID
		c.Assignments = nil
		for _, a := range d.Me.Assignments {
			if a.CycleID == c.ID {
				c.Assignments = append(c.Assignments, a)
			}
		}
		c.progress()
		out[i] = c
	}
	return out
}

// Member reports whether the caller sits on the cycle's jury.
func (c *juryCycle) Member() bool {
	for _, j := range c.Jury {
		if j.UserID == c.me {
			return true
		}
	}
	return false
}

// Lead reports whether the caller leads the cycle's jury.
func (c *juryCycle) Lead() bool {
	for _, j := range c.Jury {
		if j.UserID == c.me && j.Lead {
			return true
		}
	}
	return false
}

// scored are the ids of the criteria a juror scores: those without items.
func scored(criteria []criterionRef) map[string]bool {
	parents := map[string]bool{}
	for _, k := range criteria {
		if k.ParentID != "" {
			parents[k.ParentID] = true
		}
	}
	out := map[string]bool{}
	for _, k := range criteria {
		if !parents[k.ID] {
			out[k.ID] = true
		}
	}
	return out
}

// progress sets how many criteria each assignment has to score and puts
// the assignments in the caller's order.
func (c *juryCycle) progress() {
	n := len(scored(c.Criteria))
	for i := range c.Assignments {
		c.Assignments[i].Of = n
	}
	jurorOrder(c.me, c.Assignments)
}

// jurorOrder sorts assignments in an order of their own for each juror,
// the same at every visit: by a hash of the juror and the application.
// When every juror reads in one order, the first entries get the
// harshest scores; each juror's own order spreads that effect.
func jurorOrder(juror string, as []assignment) {
	key := func(a assignment) string {
		h := sha256.Sum256([]byte("order\x00" + juror + "\x00" + a.ApplicationID))
		return string(h[:])
	}
	sort.SliceStable(as, func(i, j int) bool { return key(as[i]) < key(as[j]) })
}

// Counts are how many of the caller's assignments are submitted, have
// drafts, are untouched and are recused.
func (c *juryCycle) Counts() map[string]int {
	n := map[string]int{"submitted": 0, "draft": 0, "new": 0, "recused": 0}
	for _, a := range c.Assignments {
		n[a.State()]++
	}
	return n
}

// State is submitted, draft, new or recused.
func (a assignment) State() string {
	switch {
	case a.RecusedAt != nil:
		return "recused"
	case a.SubmittedAt != nil:
		return "submitted"
	case a.Scored > 0:
		return "draft"
	}
	return "new"
}

func (s *Server) jury(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "jury.title", Flash: s.flash(w, r)}
	var d juryData
	if !s.read(w, r, "jury", nil, v, &d) {
		return
	}
	s.render(w, r, http.StatusOK, "jury", v)
}
