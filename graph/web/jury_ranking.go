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
	Rows   []rankingRow   // the applications' rows, written out by layout
}

// rankingRow is one application's rows of the ranking and cell tables,
// with every number already written in the page's language: 200
// applications × 10 criteria are thousands of cells, and the template's
// reflective method calls on each were most of the page's server time.
type rankingRow struct {
	*rankedApp
	RawRank, RawTotal, RawPercent string
	ZScore, Sever                 rowStanding
	Cells                         []cellText // per scored criterion, in order
}

// rowStanding is a view's rank and its change in words, with the arrow
// (▲ up, ▼ down, none unchanged) that only the eye needs.
type rowStanding struct{ Rank, Arrow, Change string }

// cellText is a cell of the cell table: its value, and the flag's text
// when its disagreement exceeds the threshold.
type cellText struct {
	Text, Flag string
	Flagged    bool
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

// layout writes the applications' rows for the scored criteria.
func (d *rankingData) layout(v *view) {
	apps := d.Cycle.Ranking.Applications
	d.Rows = make([]rankingRow, len(apps))
	column := make(map[string]int, len(d.Scored))
	for i, k := range d.Scored {
		column[k.ID] = i
	}
	cells := make([]cellText, len(apps)*len(d.Scored))
	for i := range apps {
		a := &apps[i]
		row := &d.Rows[i]
		row.rankedApp = a
		row.RawRank, row.RawTotal, row.RawPercent = v.Num(a.Raw.Rank), v.NumD(a.Raw.Total, 2), v.Num(a.Raw.Percent)
		row.ZScore, row.Sever = a.ZScore.written(v), a.Severity.written(v)
		row.Cells = cells[i*len(d.Scored) : (i+1)*len(d.Scored) : (i+1)*len(d.Scored)]
		for j := range row.Cells {
			row.Cells[j].Text = "–"
		}
		for _, c := range a.Cells {
			j, ok := column[c.CriterionID]
			if !ok {
				continue
			}
			t := cellText{Text: v.Num(c.Value), Flagged: c.Flagged}
			if c.Flagged {
				t.Flag = v.T("ranking.flagged", v.Num(c.Range))
			}
			row.Cells[j] = t
		}
	}
}

// written is the standing's rank and change in the page's language.
func (s standing) written(v *view) rowStanding {
	out := rowStanding{Rank: v.Num(s.Rank)}
	switch moved := max(s.RankChange, -s.RankChange); {
	case s.RankChange > 0:
		out.Arrow, out.Change = "▲", v.T("ranking.up", moved)
	case s.RankChange < 0:
		out.Arrow, out.Change = "▼", v.T("ranking.down", moved)
	default:
		out.Change = v.T("ranking.same")
	}
	return out
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
	s.speak(r, v)
	d.layout(v)
	s.render(w, r, http.StatusOK, "jury_ranking", v)
}
