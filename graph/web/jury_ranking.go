package web

import (
	"net/http"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// forbidden is the error of a page the API gives the caller nothing of.
var forbidden = graph.Error{Code: store.Forbidden}

// rankingData is the ranking and reliability page's data.
type rankingData struct {
	Cycle *struct {
		ID       string         `json:"id"`
		Title    string         `json:"title"`
		Phase    string         `json:"phase"`
		Jury     []jurySeat     `json:"jury"`
		Criteria []criterionRef `json:"criteria"`
		Ranking  *ranking       `json:"ranking"`
	} `json:"cycle"`
	Scored []criterionRef // the scored criteria, in order
}

type jurySeat struct {
	UserID string `json:"userId"`
	Name   string `json:"name"`
	Lead   bool   `json:"lead"`
}

type ranking struct {
	Applications []rankedApp `json:"applications"`
	Flags        []struct {
		ApplicationID string   `json:"applicationId"`
		CriterionID   string   `json:"criterionId"`
		HasConsensus  bool     `json:"hasConsensus"`
		Range         *float64 `json:"range"`
	} `json:"flags"`
	Jurors      []jurorSeverity `json:"jurors"`
	Reliability struct {
		Cycle    measures               `json:"cycle"`
		Criteria []criterionReliability `json:"criteria"`
	} `json:"reliability"`
}

type jurorSeverity struct {
	JurorID          string   `json:"jurorId"`
	Name             string   `json:"name"`
	N                int      `json:"n"`
	Mean             *float64 `json:"mean"`
	Offset           *float64 `json:"offset"`
	Spread           *float64 `json:"spread"`
	Compared         int      `json:"compared"`
	ConsensusN       int      `json:"consensusN"`
	ConsensusMad     *float64 `json:"consensusMad"`
	ConsensusPearson *float64 `json:"consensusPearson"`
}

// Tendency is the message key of a juror's severity in words: harsher or
// more lenient than the other jurors on the same cells by more than 5
// points of percent of the scale, or in line.
func (j jurorSeverity) Tendency() string {
	switch {
	case j.Offset == nil:
		return "ranking.noOffset"
	case *j.Offset < -5:
		return "ranking.harsh"
	case *j.Offset > 5:
		return "ranking.lenient"
	}
	return "ranking.inLine"
}

type criterionReliability struct {
	CriterionID string `json:"criterionId"`
	Code        string `json:"code"`
	measures
}

// M is the criterion's measures, for the template.
func (c criterionReliability) M() measures { return c.measures }

type rankedApp struct {
	ApplicationID    string   `json:"applicationId"`
	Title            string   `json:"title"`
	OrganisationName string   `json:"organisationName"`
	Decision         *string  `json:"decision"`
	Raw              standing `json:"raw"`
	ZScore           standing `json:"zScore"`
	Severity         standing `json:"severity"`
	Cells            []cell   `json:"cells"`
}

type standing struct {
	Rank       *int     `json:"rank"`
	Total      *float64 `json:"total"`
	Percent    *float64 `json:"percent"`
	Coverage   *float64 `json:"coverage"`
	RankChange int      `json:"rankChange"`
}

// Moved is how many places the view moves the application, up or down.
func (s standing) Moved() int { return max(s.RankChange, -s.RankChange) }

type cell struct {
	CriterionID string   `json:"criterionId"`
	Value       *float64 `json:"value"`
	Flagged     bool     `json:"-"` // from the ranking's flags
	Range       *float64 `json:"-"`
}

type measures struct {
	Alpha []struct {
		Level  string   `json:"level"`
		Alpha  *float64 `json:"alpha"`
		Units  *int     `json:"units"`
		Values *int     `json:"values"`
		// Reason is the API's code for a missing alpha, which the page
		// words in its own language (the API's note is English).
		Reason string `json:"reason"`
	} `json:"alpha"`
	Block struct {
		N               int `json:"n"`
		K               int `json:"k"`
		Applications    int `json:"applications"`
		MinApplications int `json:"minApplications"`
	} `json:"block"`
	Icc *struct {
		Icc2         *float64  `json:"icc2"`
		Icc3         *float64  `json:"icc3"`
		Icc2k        *float64  `json:"icc2k"`
		Icc3k        *float64  `json:"icc3k"`
		Icc2Interval *interval `json:"icc2Interval"`
		Icc3Interval *interval `json:"icc3Interval"`
		N            int       `json:"n"`
		K            int       `json:"k"`
	} `json:"icc"`
	IccNote *string `json:"iccNote"`
	// IccReason is the API's code for a missing ICC, which the page
	// words in its own language (IccNote is the API's English).
	IccReason string `json:"iccReason"`
}

type interval struct {
	Lower *float64 `json:"lower"`
	Upper *float64 `json:"upper"`
}

// Cell is the application's cell on criterion id.
func (a rankedApp) Cell(id string) *cell {
	for i := range a.Cells {
		if a.Cells[i].CriterionID == id {
			return &a.Cells[i]
		}
	}
	return nil
}

// markFlags marks each flagged cell with its range (the page asks for
// the flags once rather than a flag on every cell, to stay within the
// API's cost limit for 200 applications × 10 criteria).
func (d *rankingData) markFlags() {
	r := d.Cycle.Ranking
	at := map[[2]string]*cell{}
	for i := range r.Applications {
		a := &r.Applications[i]
		for j := range a.Cells {
			at[[2]string{a.ApplicationID, a.Cells[j].CriterionID}] = &a.Cells[j]
		}
	}
	for _, f := range r.Flags {
		if c := at[[2]string{f.ApplicationID, f.CriterionID}]; c != nil {
			c.Flagged, c.Range = true, f.Range
		}
	}
}

// Open are the flagged cells without an agreed score, in ranking order.
func (d *rankingData) Open() []openCell {
	var out []openCell
	r := d.Cycle.Ranking
	for _, a := range r.Applications {
		for _, f := range r.Flags {
			if f.ApplicationID == a.ApplicationID && !f.HasConsensus {
				out = append(out, openCell{App: a.ApplicationID, Title: a.Title, Criterion: f.CriterionID, Code: d.code(f.CriterionID)})
			}
		}
	}
	return out
}

type openCell struct{ App, Title, Criterion, Code string }

func (d *rankingData) code(id string) string {
	for _, k := range d.Cycle.Criteria {
		if k.ID == id {
			return k.Code
		}
	}
	return id
}

// Reading is the message key of a reliability coefficient's plain-language
// reading: for ICC Koo & Li (2016), for alpha Krippendorff (2004).
func (d *rankingData) Reading(kind string, v *float64) string {
	if v == nil {
		return "reliability.none"
	}
	x := *v
	if kind == "alpha" {
		switch {
		case x >= 0.8:
			return "reliability.alpha.reliable"
		case x >= 0.667:
			return "reliability.alpha.tentative"
		}
		return "reliability.alpha.unreliable"
	}
	switch {
	case x > 0.9:
		return "reliability.icc.excellent"
	case x >= 0.75:
		return "reliability.icc.good"
	case x >= 0.5:
		return "reliability.icc.moderate"
	}
	return "reliability.icc.poor"
}

func (s *Server) rankingPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "ranking.title", Flash: s.flash(w, r)}
	var d rankingData
	if !s.read(w, r, "jury_ranking", map[string]any{"id": r.PathValue("id")}, v, &d) {
		return
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return
	}
	if d.Cycle.Ranking == nil {
		s.errorPage(w, r, forbidden)
		return
	}
	d.markFlags()
	leaves := scored(d.Cycle.Criteria)
	for _, k := range d.Cycle.Criteria {
		if leaves[k.ID] {
			d.Scored = append(d.Scored, k)
		}
	}
	s.render(w, r, http.StatusOK, "jury_ranking", v)
}
