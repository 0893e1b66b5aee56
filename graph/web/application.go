package web

import (
	"net/url"
	"strconv"
	"unicode/utf8"
)

// applicationData is the editor's data: the application as the API has
// it, and its municipalities for the indicators.
type applicationData struct {
	Application    *application `json:"application"`
	Municipalities []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"municipalities"`
}

type application struct {
	ID               string `json:"id"`
	Title            string `json:"title"`
	Summary          string `json:"summary"`
	Status           string `json:"status"`
	Version          int    `json:"version"`
	SubmittedAt      string `json:"submittedAt"`
	WithdrawnAt      string `json:"withdrawnAt"`
	WithdrawalReason string `json:"withdrawalReason"`
	UpdatedAt        string `json:"updatedAt"`
	Decision         string `json:"decision"`
	Citation         string `json:"citation"`
	Organisation     struct {
		ID                   string `json:"id"`
		Name                 string `json:"name"`
		MunicipalityCode     string `json:"municipalityCode"`
		MunicipalityVerified bool   `json:"municipalityVerified"`
	} `json:"organisation"`
	Cycle struct {
		ID       string      `json:"id"`
		Title    string      `json:"title"`
		Phase    string      `json:"phase"`
		ClosesAt string      `json:"closesAt"`
		Criteria []criterion `json:"criteria"`
	} `json:"cycle"`
	Answers []struct {
		CriterionID string `json:"criterionId"`
		Text        string `json:"text"`
	} `json:"answers"`
	Indicators []appIndicator `json:"indicators"`
}

type appIndicator struct {
	ID               string   `json:"id"`
	Name             string   `json:"name"`
	Unit             string   `json:"unit"`
	KPIID            string   `json:"kpiId"`
	MunicipalityCode string   `json:"municipalityCode"`
	Direction        string   `json:"direction"`
	Evidence         string   `json:"evidence"`
	BaselineValue    float64  `json:"baselineValue"`
	BaselineDate     string   `json:"baselineDate"`
	CurrentValue     float64  `json:"currentValue"`
	CurrentDate      string   `json:"currentDate"`
	TargetValue      *float64 `json:"targetValue"`
	LegalLimit       *float64 `json:"legalLimit"`
}

// official is the official series of an indicator's KPI in its
// municipality, from the public KPI values.
type official struct {
	KPIID, KPITitle, Unit, Municipality string
	Series                              []point
	Synthetic                           bool // the demo's synthetic values
}

// At is the official value in year, or nil.
func (o *official) At(year int) *float64 {
	for _, p := range o.Series {
		if p.Year == year {
			v := p.Value
			return &v
		}
	}
	return nil
}

// Editable reports whether the application can still be changed: a
// draft in an open cycle.
func (a *application) Editable() bool { return a.Status == "DRAFT" && a.Cycle.Phase == "OPEN" }

// Withdrawable reports whether the applicant may still withdraw it.
func (a *application) Withdrawable() bool {
	switch a.Cycle.Phase {
	case "DECIDED", "PUBLISHED":
		return false
	}
	return a.Status != "WITHDRAWN"
}

// scored are the criteria an answer is needed for: leaves that are not
// independent, as the API's submit checks.
func (a *application) scored() []criterion {
	parents := map[string]bool{}
	for _, k := range a.Cycle.Criteria {
		if k.ParentID != "" {
			parents[k.ParentID] = true
		}
	}
	var out []criterion
	for _, k := range a.Cycle.Criteria {
		if !parents[k.ID] && !k.Independent {
			out = append(out, k)
		}
	}
	return out
}

// answer is the saved answer to criterion id.
func (a *application) answer(id string) string {
	for _, x := range a.Answers {
		if x.CriterionID == id {
			return x.Text
		}
	}
	return ""
}

// values are the application as the editor's form fields.
func (a *application) values(lang string) url.Values {
	v := url.Values{"version": {strconv.Itoa(a.Version)}, "title": {a.Title}, "summary": {a.Summary}}
	for _, k := range a.Cycle.Criteria {
		v.Set("answer-"+k.ID, a.answer(k.ID))
	}
	for i, ind := range a.Indicators {
		p := "ind-" + strconv.Itoa(i) + "-"
		v.Set(p+"name", ind.Name)
		v.Set(p+"unit", ind.Unit)
		v.Set(p+"kpi", ind.KPIID)
		v.Set(p+"municipality", ind.MunicipalityCode)
		v.Set(p+"direction", ind.Direction)
		v.Set(p+"evidence", ind.Evidence)
		v.Set(p+"baseline", formNumber(lang, &ind.BaselineValue))
		v.Set(p+"baselineDate", ind.BaselineDate)
		v.Set(p+"current", formNumber(lang, &ind.CurrentValue))
		v.Set(p+"currentDate", ind.CurrentDate)
		v.Set(p+"target", formNumber(lang, ind.TargetValue))
		v.Set(p+"limit", formNumber(lang, ind.LegalLimit))
	}
	v.Set("indicators", strconv.Itoa(len(a.Indicators)+1))
	return v
}

// Missing are the codes and titles of the criteria without an answer in
// the form: the checklist before submitting.
func (e *editor) Missing() []criterion {
	var out []criterion
	for _, k := range e.App.scored() {
		if e.V.Form.Get("answer-"+k.ID) == "" {
			out = append(out, k)
		}
	}
	return out
}

// Length limits, as the API has them (store.MaxTitleLength and so on).
const (
	maxTitle    = 200
	maxSummary  = 5000
	maxAnswer   = 20000
	maxEvidence = 20000
)

func tooLong(s string, max int) bool { return utf8.RuneCountInString(s) > max }
