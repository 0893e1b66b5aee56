package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/leanforum/awards/graph"
)

// scoringData is the scoring page's data.
type scoringData struct {
	Me          me                  `json:"me"`
	Application *scoringApp         `json:"application"`
	Criteria    []*scoringCriterion `json:"-"`
}

type scoringApp struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Summary      string `json:"summary"`
	Status       string `json:"status"`
	Organisation *struct {
		Name                 string  `json:"name"`
		MunicipalityCode     *string `json:"municipalityCode"`
		MunicipalityVerified bool    `json:"municipalityVerified"`
	} `json:"organisation"`
	Cycle struct {
		ID              string `json:"id"`
		Title           string `json:"title"`
		Phase           string `json:"phase"`
		ScoringClosesAt string `json:"scoringClosesAt"`
		ScoreVisibility string `json:"scoreVisibility"`
		Jury            []struct {
			UserID string `json:"userId"`
			Name   string `json:"name"`
			Lead   bool   `json:"lead"`
		} `json:"jury"`
		Assignments []assignment `json:"assignments"`
		Criteria    []criterion  `json:"criteria"`
	} `json:"cycle"`
	Answers []struct {
		CriterionID string `json:"criterionId"`
		Text        string `json:"text"`
	} `json:"answers"`
	Indicators []indicator `json:"indicators"`
	Scores     []score     `json:"scores"`
}

type score struct {
	JurorID       string   `json:"jurorId"`
	CriterionID   string   `json:"criterionId"`
	Value         *float64 `json:"value"`
	Strengths     string   `json:"strengths"`
	Opportunities string   `json:"opportunities"`
	UpdatedAt     string   `json:"updatedAt"`
}

// scoringCriterion is one criterion as the page shows it: a category
// heading, or a scored criterion with the application's answer, my score
// and the other jurors' scores I may see.
type scoringCriterion struct {
	criterion
	Category bool
	Answer   string
	Mine     *score
	Others   []namedScore
}

type namedScore struct {
	Name string
	score
}

// prepare arranges the criteria for the page.
func (d *scoringData) prepare() {
	a := d.Application
	refs := make([]criterionRef, len(a.Cycle.Criteria))
	for i, k := range a.Cycle.Criteria {
		refs[i] = criterionRef{ID: k.ID, ParentID: k.ParentID, Independent: k.Independent}
	}
	leaves := scored(refs)
	names := map[string]string{}
	for _, j := range a.Cycle.Jury {
		names[j.UserID] = j.Name
	}
	for _, k := range a.Cycle.Criteria {
		c := &scoringCriterion{criterion: k, Category: !leaves[k.ID]}
		for _, ans := range a.Answers {
			if ans.CriterionID == k.ID {
				c.Answer = ans.Text
			}
		}
		for i, s := range a.Scores {
			switch {
			case s.CriterionID != k.ID:
			case s.JurorID == d.Me.ID:
				c.Mine = &a.Scores[i]
			default:
				c.Others = append(c.Others, namedScore{Name: names[s.JurorID], score: s})
			}
		}
		d.Criteria = append(d.Criteria, c)
	}
}

// Mine is my assignment to the application, or nil (a lead juror reads
// applications not assigned to them).
func (d *scoringData) Mine() *assignment {
	for i, s := range d.Application.Cycle.Assignments {
		if s.ApplicationID == d.Application.ID && s.JurorID == d.Me.ID {
			return &d.Application.Cycle.Assignments[i]
		}
	}
	return nil
}

// Editable reports whether I may change my scores now.
func (d *scoringData) Editable() bool {
	m := d.Mine()
	return m != nil && m.RecusedAt == nil && d.Application.Cycle.Phase == "SCORING"
}

// SeesOthers reports whether any other juror's score is shown.
func (d *scoringData) SeesOthers() bool {
	for _, c := range d.Criteria {
		if len(c.Others) > 0 {
			return true
		}
	}
	return false
}

// Steps is how many values the criterion's scale has.
func (c *scoringCriterion) Steps() int {
	if c.ScaleStep <= 0 {
		return 0
	}
	return int((c.ScaleMax-c.ScaleMin)/c.ScaleStep+1e-9) + 1
}

// formValues are the form's values from my stored scores.
func (d *scoringData) formValues() url.Values {
	out := url.Values{"phase": {d.Application.Cycle.Phase}}
	for _, c := range d.Criteria {
		if c.Mine == nil {
			continue
		}
		if c.Mine.Value != nil {
			out["score-"+c.ID] = []string{inputNumber(*c.Mine.Value)}
		}
		out["strengths-"+c.ID] = []string{c.Mine.Strengths}
		out["opportunities-"+c.ID] = []string{c.Mine.Opportunities}
	}
	return out
}

// readScoring reads the scoring page's data for application id; false
// when it has answered (404 for an application the caller may not read).
func (s *Server) readScoring(w http.ResponseWriter, r *http.Request, v *view, d *scoringData) bool {
	if !s.read(w, r, "jury_scoring", map[string]any{"id": r.PathValue("id")}, v, d) {
		return false
	}
	// The page is the jury's: for those the API shows the cycle's jury
	// (its members and admins); an applicant reads their own application
	// on the applicant's pages.
	if d.Application == nil || len(d.Application.Cycle.Jury) == 0 {
		s.notFound(w, r)
		return false
	}
	d.prepare()
	v.Title = d.Application.Title
	return true
}

func (s *Server) scoringPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{Flash: s.flash(w, r)}
	var d scoringData
	if !s.readScoring(w, r, v, &d) {
		return
	}
	v.Form = newForm(d.formValues())
	s.render(w, r, http.StatusOK, "jury_scoring", v)
}

// codeMessage is apiMessage with the API's code, as the scoring form
// shows it beside the criterion.
func codeMessage(c catalogue, e graph.Error) string {
	return apiMessage(c, e) + " [" + string(e.Code) + "]"
}

// inputNumber writes a stored score as a number field holds it: with a
// decimal point in every language (the browser shows it in its own).
func inputNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
