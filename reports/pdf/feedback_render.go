package pdf

import (
	"fmt"
	"math"
	"time"

	"github.com/leanforum/awards/reports/kpi"
)

// feedbackText holds the fixed texts of the feedback report.
type feedbackText struct {
	title, award, cycle, organisation, application         string
	summary, criterion, weight, score, band, overall       string
	decision, byCriterion, strengths, improvements, none   string
	indicators, indicator, before, after, change, changePc string
	verdict, limit, better, worse, unchanged, over, under  string
	official, medianOf, consensus                          string
	decisions                                              map[Decision]string
}

// feedbackWords returns the feedback report's texts in the language.
func feedbackWords(l Lang) feedbackText {
	if l == English {
		return feedbackText{title: "Feedback report", award: "Award", cycle: "Cycle", organisation: "Organisation",
			application: "Application", summary: "Summary", criterion: "Criterion", weight: "Weight", score: "Score",
			band: "Band", overall: "Overall (weighted)", decision: "Decision", byCriterion: "Assessment by criterion",
			strengths: "Strengths", improvements: "Opportunities for improvement", none: "None noted.",
			indicators: "Result indicators", indicator: "Indicator", before: "Before", after: "After",
			change: "Change", changePc: "Change %", verdict: "Direction", limit: "Limit", better: "better",
			worse: "worse", unchanged: "unchanged", over: "over", under: "under", official: "Official statistics",
			medianOf: "Median of group", consensus: "The scores are the jury's consensus; individual jurors' names and scores are not shown.",
			decisions: map[Decision]string{"": "Not decided", Winner: "Winner", Finalist: "Finalist",
				HonourableMention: "Honourable mention", NotSelected: "Not selected"}}
	}
	return feedbackText{title: "Återkopplingsrapport", award: "Pris", cycle: "Omgång", organisation: "Organisation",
		application: "Bidrag", summary: "Sammanfattning", criterion: "Kriterium", weight: "Vikt", score: "Poäng",
		band: "Nivå", overall: "Totalt (viktat)", decision: "Beslut", byCriterion: "Bedömning per kriterium",
		strengths: "Styrkor", improvements: "Förbättringsområden", none: "Inga noterade.",
		indicators: "Resultatindikatorer", indicator: "Indikator", before: "Före", after: "Efter",
		change: "Förändring", changePc: "Förändring %", verdict: "Riktning", limit: "Gräns", better: "bättre",
		worse: "sämre", unchanged: "oförändrad", over: "över", under: "under", official: "Officiell statistik",
		medianOf: "Median i kommungruppen", consensus: "Poängen är juryns samlade bedömning; enskilda jurymedlemmars namn och poäng redovisas inte.",
		decisions: map[Decision]string{"": "Inget beslut", Winner: "Vinnare", Finalist: "Finalist",
			HonourableMention: "Hedersomnämnande", NotSelected: "Ej utvald"}}
}

// feedback lays out one FeedbackReport.
type feedback struct {
	*document
	r FeedbackReport
	t feedbackText
}

// draw lays out the whole report.
func (f feedback) draw() {
	f.titleBlock(f.t.title+": "+f.r.Application, f.r.Organisation)
	f.facts([]fact{
		{f.t.award, f.r.Award}, {f.t.cycle, f.r.Cycle}, {f.t.organisation, f.r.Organisation},
		{f.t.application, f.r.Application},
		{f.t.overall, f.overall()}, {f.t.decision, f.t.decisions[f.r.Decision]},
	})
	f.summary()
	f.criteria()
	if len(f.r.Indicators) > 0 {
		f.indicators()
	}
}

// overall returns the overall percentage with its band.
func (f feedback) overall() string {
	s := f.lang.percent(f.r.Overall, 1)
	if b := bandOf(f.r.OverallBands, f.r.Overall); b != "" {
		s += " – " + b
	}
	return s
}

// summary draws the table of criteria with weight share, score and band.
func (f feedback) summary() {
	f.heading(f.t.summary, 20)
	total := 0.0
	for _, c := range f.r.Criteria {
		total += c.Weight
	}
	t := f.newTable("", []column{{"", 14, "L"}, {f.t.criterion, 92, "L"}, {f.t.weight, 18, "R"},
		{f.t.score, 26, "R"}, {f.t.band, 30, "L"}})
	t.begin(len(f.r.Criteria))
	for _, c := range f.r.Criteria {
		t.row(plain(clean(c.Code), clean(c.Title), f.lang.percent(c.Weight/total*100, 0),
			f.lang.num(c.Score, 1)+" / "+f.lang.num(c.Max, 0), clean(bandOf(c.Bands, c.Score))))
	}
	t.end()
	f.note(f.t.consensus)
}

// criteria draws each criterion's score, strengths and improvements.
func (f feedback) criteria() {
	f.heading(f.t.byCriterion, 30)
	for _, c := range f.r.Criteria {
		f.subheading(fmt.Sprintf("%s %s", c.Code, c.Title), 20)
		line := fmt.Sprintf("%s: %s / %s", f.t.score, f.lang.num(c.Score, 1), f.lang.num(c.Max, 0))
		if b := bandOf(c.Bands, c.Score); b != "" {
			line += fmt.Sprintf(" · %s: %s", f.t.band, b)
		}
		f.paragraph(line)
		f.comments(f.t.strengths, merge(c.Strengths))
		f.comments(f.t.improvements, merge(c.Improvements))
	}
}

// comments draws one list of comments under a bold label.
func (f feedback) comments(label string, items []string) {
	f.ensure(2 * lineBody)
	f.setFont("B", sizeBody)
	f.pdf.SetX(marginLeft)
	f.pdf.CellFormat(bodyWidth, lineBody, label, "", 1, "L", false, 0, "")
	if len(items) == 0 {
		items = []string{f.t.none}
	}
	f.bullets(items)
}

// indicators draws the table of claimed results and the KPI charts.
func (f feedback) indicators() {
	f.heading(f.t.indicators, 20)
	t := f.newTable("", []column{{f.t.indicator, 56, "L"}, {f.t.before, 22, "R"}, {f.t.after, 22, "R"},
		{f.t.change, 18, "R"}, {f.t.changePc, 21, "R"}, {f.t.verdict, 15, "L"}, {f.t.limit, 26, "R"}})
	t.begin(len(f.r.Indicators))
	for _, ind := range f.r.Indicators {
		t.row(f.indicatorRow(ind))
	}
	t.end()
	for _, ind := range f.r.Indicators {
		if ind.KPI != nil {
			f.kpiChart(ind)
		}
	}
}

// indicatorRow returns the cells of one indicator.
func (f feedback) indicatorRow(ind Indicator) []cell {
	l := f.lang
	name := clean(ind.Name)
	if ind.Unit != "" {
		name += " (" + clean(ind.Unit) + ")"
	}
	at := func(v float64, on time.Time) string {
		if on.IsZero() {
			return l.value(v)
		}
		return l.value(v) + " (" + on.Format("2006-01") + ")"
	}
	change := ind.Current - ind.Baseline
	pc := "–"
	if ind.Baseline != 0 {
		pc = l.percent(change/math.Abs(ind.Baseline)*100, 1)
	}
	verdict := f.t.unchanged
	switch {
	case ind.Direction == kpi.Neutral:
		verdict = "–"
	case ind.Direction.Better(ind.Current, ind.Baseline):
		verdict = f.t.better
	case ind.Direction.Better(ind.Baseline, ind.Current):
		verdict = f.t.worse
	}
	return plain(name, at(ind.Baseline, ind.BaselineOn), at(ind.Current, ind.CurrentOn),
		l.signedValue(change), pc, verdict, f.limit(ind))
}

// limit describes the current value against the legal limit: "120 (15
// under)".
func (f feedback) limit(ind Indicator) string {
	if ind.LegalLimit == nil {
		return "–"
	}
	lim := *ind.LegalLimit
	gap, side := ind.Current-lim, f.t.over
	if gap < 0 {
		gap, side = -gap, f.t.under
	}
	if gap == 0 {
		return f.lang.value(lim)
	}
	return fmt.Sprintf("%s (%s %s)", f.lang.value(lim), f.lang.value(gap), side)
}

// kpiChart draws the official KPI of an indicator: the municipality
// against its group's median, with the legal limit.
func (f feedback) kpiChart(ind Indicator) {
	k := ind.KPI
	f.subheading(fmt.Sprintf("%s: %s %s", f.t.official, k.ID, k.Title), 62)
	lines := []line{{name: k.Municipality, values: k.Values, colour: blue}}
	if len(k.GroupMedian) > 0 {
		lines = append(lines, line{name: f.t.medianOf + " " + k.Group, values: k.GroupMedian, colour: orange, dashed: true})
	}
	var refs []reference
	if ind.LegalLimit != nil {
		refs = append(refs, reference{value: *ind.LegalLimit, label: f.t.limit + " " + f.lang.value(*ind.LegalLimit), colour: darkRed})
	}
	y := f.y()
	f.lineChart(box{marginLeft + 18, y + 2, bodyWidth - 22, 44}, lines, refs)
	f.pdf.SetXY(marginLeft, y+58)
}
