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
	official, synthetic, groupMedian, basisNote, basis     string
	consensus, meanOf, medianOf, notScored                 string
	citation, noCitation, claimedBefore, claimedAfter      string
	municipality, unverified, historical, notYetScored     string
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
			change: "Change", changePc: "Change %", verdict: "Direction", limit: "Legal limit", better: "better",
			worse: "worse", unchanged: "unchanged", over: "over", under: "under", official: "Official statistics",
			synthetic: "Synthetic demo values, not official statistics", groupMedian: "Median of group",
			basis: "Basis", consensus: "Consensus", meanOf: "Mean of %d", medianOf: "Median of %d", notScored: "Not scored",
			basisNote: "Consensus: a score the jury agreed on. Mean and median: the jury's aggregate of the jurors' own " +
				"scores, not an agreement; the cycle's rule decides which. Individual jurors' names and scores are not shown.",
			citation: "The jury's citation", noCitation: "The jury gave no citation.",
			claimedBefore: "Claimed before", claimedAfter: "Claimed after",
			municipality: "Municipality", unverified: "not verified by the secretariat",
			historical: "A historical cycle, imported without scores: its results were recorded without the jury's " +
				"scores. This report gives the decision, the jury's citation and the measured results.",
			notYetScored: "No scores are recorded for this application.",
			decisions: map[Decision]string{"": "Not decided", Winner: "Winner", Finalist: "Finalist",
				HonourableMention: "Honourable mention", NotSelected: "Not selected"}}
	}
	return feedbackText{title: "Återkopplingsrapport", award: "Pris", cycle: "Omgång", organisation: "Organisation",
		application: "Bidrag", summary: "Sammanfattning", criterion: "Kriterium", weight: "Vikt", score: "Poäng",
		band: "Nivå", overall: "Totalt (viktat)", decision: "Beslut", byCriterion: "Bedömning per kriterium",
		strengths: "Styrkor", improvements: "Förbättringsområden", none: "Inga noterade.",
		indicators: "Resultatindikatorer", indicator: "Indikator", before: "Före", after: "Efter",
		change: "Förändring", changePc: "Förändring %", verdict: "Riktning", limit: "Lagkrav", better: "bättre",
		worse: "sämre", unchanged: "oförändrad", over: "över", under: "under", official: "Officiell statistik",
		synthetic: "Syntetiska demovärden, inte officiell statistik", groupMedian: "Median i kommungruppen",
		basis: "Grund", consensus: "Konsensus", meanOf: "Medel av %d", medianOf: "Median av %d", notScored: "Ej bedömd",
		basisNote: "Konsensus: poäng som juryn har enats om. Medel och median: juryns sammanvägning av " +
			"jurymedlemmarnas egna poäng, inte en överenskommelse; omgångens regel avgör vilken. " +
			"Enskilda jurymedlemmars namn och poäng redovisas inte.",
		citation: "Juryns motivering", noCitation: "Juryn har inte lämnat någon motivering.",
		claimedBefore: "Redovisat före", claimedAfter: "Redovisat efter",
		municipality: "Kommun", unverified: "ej verifierad av sekretariatet",
		historical: "En historisk omgång, importerad utan poäng: resultatet registrerades utan juryns poäng. " +
			"Rapporten visar beslutet, juryns motivering och de redovisade resultaten.",
		notYetScored: "Inga poäng finns registrerade för det här bidraget.",
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
	facts := []fact{{f.t.award, f.r.Award}, {f.t.cycle, f.r.Cycle}, {f.t.organisation, f.r.Organisation}}
	if m := f.municipality(); m != "" {
		facts = append(facts, fact{f.t.municipality, m})
	}
	facts = append(facts, fact{f.t.application, f.r.Application})
	if f.r.Overall != nil {
		facts = append(facts, fact{f.t.overall, f.overall()})
	}
	f.facts(append(facts, fact{f.t.decision, f.t.decisions[f.r.Decision]}))
	f.citation()
	switch {
	case f.r.Historical:
		f.paragraph(f.t.historical)
	case f.scored():
		f.summary()
		f.criteria()
	default:
		f.paragraph(f.t.notYetScored)
	}
	if len(f.r.Indicators) > 0 {
		f.indicators()
	}
}

// municipality is the organisation's municipality, said to be
// unverified until an admin has verified it.
func (f feedback) municipality() string {
	if f.r.Municipality == "" || f.r.MunicipalityVerified {
		return f.r.Municipality
	}
	return f.r.Municipality + " – " + f.t.unverified
}

// scored reports whether any criterion has a score.
func (f feedback) scored() bool {
	for _, c := range f.r.Criteria {
		if c.Basis != NotScored {
			return true
		}
	}
	return false
}

// citation draws the jury's citation, or says there is none for an
// application the jury distinguished.
func (f feedback) citation() {
	text := f.r.Citation
	if text == "" {
		switch f.r.Decision {
		case Winner, Finalist, HonourableMention:
			text = f.t.noCitation
		default:
			return
		}
	}
	f.subheading(f.t.citation, 10)
	f.paragraph(text)
}

// overall returns the overall percentage with its band.
func (f feedback) overall() string {
	s := f.lang.percent(*f.r.Overall, 1)
	if b := bandOf(f.r.OverallBands, *f.r.Overall); b != "" {
		s += " – " + b
	}
	return s
}

// basisOf names what a criterion's score is.
func (f feedback) basisOf(c FeedbackCriterion) string {
	switch c.Basis {
	case Consensus:
		return f.t.consensus
	case Mean:
		return fmt.Sprintf(f.t.meanOf, c.Jurors)
	case Median:
		return fmt.Sprintf(f.t.medianOf, c.Jurors)
	}
	return f.t.notScored
}

// scoreOf returns "75,0 / 100", or a dash for a criterion without a score.
func (f feedback) scoreOf(c FeedbackCriterion) string {
	if c.Basis == NotScored {
		return f.words.missing + " / " + f.lang.num(c.Max, 0)
	}
	return f.lang.num(c.Score, 1) + " / " + f.lang.num(c.Max, 0)
}

// bandText returns the band of a criterion's score, empty without one.
func (f feedback) bandText(c FeedbackCriterion) string {
	if c.Basis == NotScored {
		return ""
	}
	return clean(bandOf(c.Bands, c.Score))
}

// summary draws the table of criteria with weight share, score, band and
// what the score is.
func (f feedback) summary() {
	f.heading(f.t.summary, 20)
	total := 0.0
	for _, c := range f.r.Criteria {
		total += c.Weight
	}
	t := f.newTable("", []column{{"", 10, "L"}, {f.t.criterion, 80, "L"}, {f.t.weight, 14, "R"},
		{f.t.score, 22, "R"}, {f.t.band, 30, "L"}, {f.t.basis, 24, "L"}})
	t.begin(len(f.r.Criteria))
	for _, c := range f.r.Criteria {
		t.row(plain(clean(c.Code), clean(c.Title), f.lang.percent(c.Weight/total*100, 0),
			f.scoreOf(c), f.bandText(c), f.basisOf(c)))
	}
	t.end()
	f.note(f.t.basisNote)
}

// criteria draws each criterion's score, strengths and improvements.
func (f feedback) criteria() {
	f.heading(f.t.byCriterion, 30)
	for _, c := range f.r.Criteria {
		f.subheading(fmt.Sprintf("%s %s", c.Code, c.Title), 20)
		line := fmt.Sprintf("%s: %s (%s)", f.t.score, f.scoreOf(c), f.basisOf(c))
		if b := f.bandText(c); b != "" {
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
	t := f.newTable("", []column{{f.t.indicator, 50, "L"}, {f.t.before, 22, "R"}, {f.t.after, 22, "R"},
		{f.t.change, 19, "R"}, {f.t.changePc, 21, "R"}, {f.t.verdict, 18, "L"}, {f.t.limit, 28, "R"}})
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
	name := withUnit(clean(ind.Name), ind.Unit)
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

// kpiChart draws the KPI series of an indicator: the municipality against
// its group's median, the legal limit and the claimed baseline and
// current values. A chart with synthetic values says so in its title and
// marks them at the value.
func (f feedback) kpiChart(ind Indicator) {
	k := ind.KPI
	synthetic := k.Synthetic.any(k.Values) || k.GroupSynthetic.any(k.GroupMedian)
	source := f.t.official
	if synthetic {
		source = f.t.synthetic
	}
	f.subheading(fmt.Sprintf("%s: %s %s", source, k.ID, k.Title), 66)
	lines := []line{{name: k.Municipality, values: k.Values, marks: k.Synthetic, colour: blue}}
	if len(k.GroupMedian) > 0 {
		lines = append(lines, line{name: f.t.groupMedian + " " + k.Group, values: k.GroupMedian,
			marks: k.GroupSynthetic, colour: orange, dashed: true})
	}
	c := chart{lines: lines}
	if ind.LegalLimit != nil {
		c.refs = append(c.refs, reference{value: *ind.LegalLimit, label: f.t.limit + " " + f.lang.value(*ind.LegalLimit), colour: darkRed})
	}
	c.claims = []claim{{on: ind.BaselineOn, value: ind.Baseline, label: f.t.claimedBefore},
		{on: ind.CurrentOn, value: ind.Current, label: f.t.claimedAfter}}
	y := f.y()
	h := f.lineChart(box{marginLeft + 18, y + 2, bodyWidth - 22, 44}, c)
	f.pdf.SetXY(marginLeft, y+2+h)
	f.space(3)
}
