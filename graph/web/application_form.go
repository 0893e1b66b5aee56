package web

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// maxIndicators is the API's limit on indicators (store.MaxIndicators).
const maxIndicators = 30

// editor is what the editor's template gets besides the view: the
// application as saved, its indicator rows as typed, and after a lost
// version race what the other save changed.
type editor struct {
	V          *view
	App        *application
	Data       *applicationData
	Rows       []indicatorRow
	Changed    []change
	Searched   map[int][]kpiHit // KPI search results by row
	Incomplete bool
	Feedback   *feedback
	Official   map[string]*official // by KPI id/municipality code
}

type kpiHit struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Unit  string `json:"unit"`
}

// change is a field someone else saved differently while the user typed.
type change struct {
	Field, Label, Theirs string
}

// indicatorRow is one indicator's fields by name prefix, with the
// official series when the saved indicator has one.
type indicatorRow struct {
	N        int
	Prefix   string
	Saved    *appIndicator
	Official *official
	Chart    *lineChart
	Search   []kpiHit
}

// rows are the form's indicator rows: every row typed (or saved), and
// one blank to add another.
func (e *editor) rows() []indicatorRow {
	n, _ := strconv.Atoi(e.V.Form.Get("indicators"))
	n = min(max(n, len(e.App.Indicators)+1, 1), maxIndicators)
	out := make([]indicatorRow, n)
	for i := range out {
		out[i] = indicatorRow{N: i, Prefix: "ind-" + strconv.Itoa(i) + "-", Search: e.Searched[i]}
		if i < len(e.App.Indicators) {
			ind := &e.App.Indicators[i]
			out[i].Saved = ind
			if o := e.Official[ind.KPIID+"/"+ind.MunicipalityCode]; o != nil && len(o.Series) > 0 {
				out[i].Official, out[i].Chart = o, officialChart(ind, o, e.V.T("indicator.claimed"))
			}
		}
	}
	return out
}

// officialChart draws the official series of an indicator's KPI beside
// the claimed baseline and current values.
func officialChart(ind *appIndicator, o *official, claimedLabel string) *lineChart {
	claimed := []point{{Year: yearOf(ind.BaselineDate), Value: ind.BaselineValue}, {Year: yearOf(ind.CurrentDate), Value: ind.CurrentValue}}
	years := map[int]bool{}
	for _, p := range append(append([]point{}, o.Series...), claimed...) {
		years[p.Year] = true
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	c := newLineChart(ys, []chartSeries{{Name: o.Municipality, Points: o.Series}, {Name: claimedLabel, Points: claimed}}, ind.LegalLimit)
	return &c
}

func yearOf(date string) int {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return 0
	}
	return t.Year()
}

// input reads the form into an UpdateApplicationInput, checking what the
// page can check itself (numbers, dates, lengths, required fields) and
// putting each error at its field. Blank indicator rows and rows marked
// for removal are left out.
func (e *editor) input() (map[string]any, bool) {
	f, c := e.V.Form, e.V.cat
	title, summary := strings.TrimSpace(f.Get("title")), f.Get("summary")
	if title == "" || tooLong(title, maxTitle) {
		f.fail("title", c.text("api.INVALID.title"))
	}
	if tooLong(summary, maxSummary) {
		f.fail("summary", c.text("api.INVALID.summary"))
	}
	var answers []map[string]any
	for _, k := range e.App.Cycle.Criteria {
		text := f.Get("answer-" + k.ID)
		if tooLong(text, maxAnswer) {
			f.fail("answer-"+k.ID, c.text("api.INVALID.answers.text"))
		}
		answers = append(answers, map[string]any{"criterionId": k.ID, "text": text})
	}
	inds := []map[string]any{}
	for _, r := range e.rows() {
		if m, ok := e.indicatorInput(r.Prefix); ok && m != nil {
			inds = append(inds, m)
		}
	}
	in := map[string]any{"title": title, "summary": summary, "answers": answers, "indicators": inds}
	return in, !f.HasErrors()
}

// indicatorFields are an indicator row's fields that make it not blank.
var indicatorFields = []string{"name", "unit", "kpi", "baseline", "baselineDate", "current", "currentDate", "target", "limit", "evidence"}

// indicatorInput reads one row: nil for a blank or removed row.
func (e *editor) indicatorInput(p string) (map[string]any, bool) {
	f, c := e.V.Form, e.V.cat
	if f.Get(p+"remove") != "" {
		return nil, true
	}
	blank := true
	for _, n := range indicatorFields {
		if strings.TrimSpace(f.Get(p+n)) != "" {
			blank = false
		}
	}
	if blank {
		return nil, true
	}
	m := map[string]any{"name": strings.TrimSpace(f.Get(p + "name")), "unit": strings.TrimSpace(f.Get(p + "unit")),
		"direction": f.Get(p + "direction"), "evidence": f.Get(p + "evidence")}
	if m["name"] == "" {
		f.fail(p+"name", c.text("indicator.nameMissing"))
	}
	if tooLong(f.Get(p+"evidence"), maxEvidence) {
		f.fail(p+"evidence", c.text("api.INVALID.answers.text"))
	}
	if d := m["direction"]; d != "LOWER_IS_BETTER" && d != "HIGHER_IS_BETTER" {
		f.fail(p+"direction", c.text("indicator.directionMissing"))
	}
	if k := strings.ToUpper(strings.TrimSpace(f.Get(p + "kpi"))); k != "" {
		m["kpiId"] = k
	}
	if mc := f.Get(p + "municipality"); mc != "" {
		m["municipalityCode"] = mc
	}
	for _, n := range []struct {
		field, key string
		required   bool
	}{{"baseline", "baselineValue", true}, {"current", "currentValue", true}, {"target", "targetValue", false}, {"limit", "legalLimit", false}} {
		v, ok := number(f.Get(p + n.field))
		switch {
		case !ok:
			f.fail(p+n.field, c.text("indicator.notANumber"))
		case v == nil && n.required:
			f.fail(p+n.field, c.text("indicator.valueMissing"))
		case v != nil:
			m[n.key] = *v
		}
	}
	for _, n := range []struct{ field, key string }{{"baselineDate", "baselineDate"}, {"currentDate", "currentDate"}} {
		d := strings.TrimSpace(f.Get(p + n.field))
		if _, err := time.Parse("2006-01-02", d); err != nil {
			f.fail(p+n.field, c.text("indicator.dateInvalid"))
			continue
		}
		m[n.key] = d
	}
	if b, cur := f.Get(p+"baselineDate"), f.Get(p+"currentDate"); b != "" && cur != "" && cur < b {
		f.fail(p+"currentDate", c.text("indicator.dateOrder"))
	}
	return m, true
}

// changes compares what the user typed with what was saved meanwhile.
func (e *editor) changes() []change {
	saved := e.App.values(e.V.Lang)
	c := e.V.cat
	var out []change
	add := func(field, label string) {
		if strings.TrimSpace(saved.Get(field)) != strings.TrimSpace(e.V.Form.Get(field)) {
			out = append(out, change{Field: field, Label: label, Theirs: saved.Get(field)})
		}
	}
	add("title", c.text("application.title"))
	add("summary", c.text("application.summary"))
	for _, k := range e.App.Cycle.Criteria {
		add("answer-"+k.ID, k.Code+" "+k.Title)
	}
	for i := range e.App.Indicators {
		for _, n := range indicatorFields {
			add("ind-"+strconv.Itoa(i)+"-"+n, c.text("indicator.heading", i+1)+": "+c.text("indicator."+n))
		}
	}
	return out
}

// formNumber is a number as a form field shows it: a decimal comma in
// Swedish, no grouping, "" for none.
func formNumber(lang string, x *float64) string {
	if x == nil {
		return ""
	}
	s := strconv.FormatFloat(*x, 'f', -1, 64)
	if lang == "sv" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Answerable are the criteria that take an answer: the leaves.
func (e *editor) Answerable() []criterion {
	parents := map[string]bool{}
	for _, k := range e.App.Cycle.Criteria {
		if k.ParentID != "" {
			parents[k.ParentID] = true
		}
	}
	var out []criterion
	for _, k := range e.App.Cycle.Criteria {
		if !parents[k.ID] {
			out = append(out, k)
		}
	}
	return out
}

// MunicipalityName is the name of the municipality code, with its code;
// the code alone when the name is not known.
func (e *editor) MunicipalityName(code string) string {
	for _, m := range e.Data.Municipalities {
		if m.Code == code {
			return m.Name + " (" + code + ")"
		}
	}
	return code
}

// MunicipalityOptions are the municipalities by name, for an indicator.
func (e *editor) MunicipalityOptions() []option {
	out := make([]option, len(e.Data.Municipalities))
	for i, m := range e.Data.Municipalities {
		out[i] = option{Value: m.Code, Label: m.Name}
	}
	sort.SliceStable(out, func(i, j int) bool { return swedishKey(out[i].Label) < swedishKey(out[j].Label) })
	return out
}

// KPIOptions are a row's KPI search results as options, after the KPI
// typed before (so that choosing nothing keeps it).
func (e *editor) KPIOptions(r indicatorRow) []option {
	var out []option
	cur := e.V.Form.Get(r.Prefix + "kpi")
	found := false
	for _, k := range r.Search {
		found = found || k.ID == cur
	}
	if cur != "" && !found {
		out = append(out, option{Value: cur, Label: cur})
	}
	for _, k := range r.Search {
		out = append(out, option{Value: k.ID, Label: k.ID + " – " + k.Title + " (" + k.Unit + ")"})
	}
	return out
}
