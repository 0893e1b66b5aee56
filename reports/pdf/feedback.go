package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/leanforum/awards/reports/kpi"
)

// FeedbackReport is the input of Feedback: the feedback to one applicant
// once the cycle is decided. It has no place for juror names or juror
// scores: each criterion's score is the jury's agreed consensus or the
// jury's aggregate (mean or median) of the jurors' scores, and says which,
// and the comments are plain texts.
type FeedbackReport struct {
	Lang Lang
	// Date is the date of the decision; it is printed in the footer and is
	// the PDF's creation date. Required.
	Date time.Time
	// Award, Cycle (the cycle's title or year), Organisation and
	// Application (its title) head the report. All required.
	Award, Cycle, Organisation, Application string
	// Municipality is the organisation's municipality as it named it (its
	// name, or its code); empty for none. Until MunicipalityVerified (an
	// admin has checked it) the report says it is not verified.
	Municipality         string
	MunicipalityVerified bool
	// Historical says the cycle's results were imported without scores
	// (store.Cycle.Historical): the report says so instead of scores.
	Historical bool
	// Criteria are the scored criteria in the cycle's order. A cycle whose
	// results were recorded without scores (a historical one) has every
	// criterion NotScored, or none.
	Criteria []FeedbackCriterion
	// Overall is the weighted total of the final scores in percent of the
	// scales, as scoring.Standing.Percent computes it; nil when no
	// criterion has a score.
	Overall *float64
	// OverallBands name ranges of Overall on 0–100; may be empty.
	OverallBands []Band
	// Decision is the cycle's decision on the application; empty before
	// the decision.
	Decision Decision
	// Citation is the jury's citation (motivering) of the decision; it is
	// printed whenever it is set, and its absence is said for a winner, a
	// finalist or an honourable mention.
	Citation string
	// Indicators are the results the application claims, in its order.
	Indicators []Indicator
}

// FeedbackCriterion is the final score on one criterion, as store.Criterion
// describes it and the jury agreed or aggregated.
type FeedbackCriterion struct {
	Code  string
	Title string // required
	// Weight is the criterion's weight, > 0; the report prints its share
	// of the total weight.
	Weight float64
	// Min and Max are the scale, Max > Min; Score, within it, is the
	// final score unless Basis is NotScored.
	Min, Max, Score float64
	// Basis says what Score is; required.
	Basis Basis
	// Jurors is how many jurors' scores a Mean or Median combines.
	Jurors int
	// Bands name ranges of the scale, as store.Band does; may be empty.
	Bands []Band
	// Strengths and Improvements (opportunities for improvement) are the
	// jurors' comments without their names, in any number. Blank texts are
	// dropped and repeated ones, compared without case and extra spaces,
	// printed once, so the caller may pass every juror's list in turn.
	Strengths, Improvements []string
}

// Basis is what a criterion's final score is.
type Basis string

// The bases. Only Consensus is an agreed score; Mean and Median are the
// jury's aggregate of the jurors' own scores and are never called a
// consensus.
const (
	Consensus Basis = "CONSENSUS"
	Mean      Basis = "MEAN"
	Median    Basis = "MEDIAN"
	NotScored Basis = "NONE"
)

// Band names the scores From ≤ v ≤ To of a scale, such as 30–45
// "developing"; store.Band converts field by field.
type Band struct {
	From, To float64
	Label    string
}

// Decision is an application's outcome, with the store's codes.
type Decision string

// The decisions.
const (
	Winner            Decision = "WINNER"
	Finalist          Decision = "FINALIST"
	HonourableMention Decision = "HONOURABLE_MENTION"
	NotSelected       Decision = "NOT_SELECTED"
)

// Indicator is a measured result an application claims, as store.Indicator
// holds it, with optional official statistics beside it.
type Indicator struct {
	Name      string // required
	Unit      string
	Direction kpi.Direction
	// Baseline and Current are the values measured on BaselineOn and
	// CurrentOn.
	Baseline, Current     float64
	BaselineOn, CurrentOn time.Time
	// LegalLimit, when set, is a maximum for a LOWER_IS_BETTER indicator
	// and a minimum for a HIGHER_IS_BETTER one.
	LegalLimit *float64
	// KPI, when set, draws the official KPI for the organisation's
	// municipality against its kommungrupp.
	KPI *KPIContext
}

// KPIContext is an official KPI over the years for one municipality and
// the median of its kommungrupp (municipality group).
type KPIContext struct {
	ID           string // the Kolada id, such as "U33401"; required
	Title        string
	Municipality string // the municipality's name; required
	Group        string // the kommungrupp's name; required
	Values       Series // the municipality's values; at least one
	GroupMedian  Series // the group's median by year
	// Synthetic and GroupSynthetic mark the years of Values and
	// GroupMedian whose value is made up (the demo's synthetic data, or a
	// median over any such value): the chart says so at the value and in
	// its title.
	Synthetic, GroupSynthetic Marks
}

// Feedback renders the feedback report of one application: the consensus
// score and band of each criterion with the merged strengths and
// opportunities for improvement, the overall band and decision, and the
// claimed results beside the official KPIs. fonts must come from NewFonts.
func Feedback(fonts *Fonts, r FeedbackReport) ([]byte, error) {
	if err := r.check(fonts); err != nil {
		return nil, err
	}
	return render(func() *document {
		t := feedbackWords(r.Lang)
		title := t.title + " – " + r.Award + " " + r.Cycle
		f := feedback{document: newDocument(fonts, r.Lang, r.Date, title, r.Organisation), r: r, t: t}
		f.draw()
		return f.document
	})
}

// check validates the report.
func (r FeedbackReport) check(fonts *Fonts) error {
	if err := firstError(fonts.check(), r.Lang.check(), checkDate("feedback", r.Date),
		checkRequired("feedback: Award", r.Award), checkRequired("feedback: Cycle", r.Cycle),
		checkRequired("feedback: Organisation", r.Organisation),
		checkRequired("feedback: Application", r.Application),
		checkBands("feedback: OverallBands", r.OverallBands), r.Decision.check()); err != nil {
		return err
	}
	if r.Overall != nil {
		if err := checkNumber("feedback: Overall", *r.Overall); err != nil {
			return err
		}
	}
	for i, c := range r.Criteria {
		if err := c.check(fmt.Sprintf("feedback: criterion %d", i+1)); err != nil {
			return err
		}
	}
	for i, ind := range r.Indicators {
		if err := ind.check(fmt.Sprintf("feedback: indicator %d", i+1)); err != nil {
			return err
		}
	}
	return nil
}

// check validates one criterion; at names it in errors.
func (c FeedbackCriterion) check(at string) error {
	if err := firstError(checkRequired(at+": Title", c.Title), checkNumber(at+": Weight", c.Weight),
		checkNumber(at+": Min", c.Min), checkNumber(at+": Max", c.Max),
		checkNumber(at+": Score", c.Score), checkBands(at+": Bands", c.Bands)); err != nil {
		return err
	}
	switch {
	case c.Basis != Consensus && c.Basis != Mean && c.Basis != Median && c.Basis != NotScored:
		return invalidf("%s: Basis %q is not CONSENSUS, MEAN, MEDIAN or NONE", at, string(c.Basis))
	case c.Weight <= 0:
		return invalidf("%s: Weight %v is not positive", at, c.Weight)
	case c.Max <= c.Min:
		return invalidf("%s: scale %v–%v is empty", at, c.Min, c.Max)
	case c.Basis != NotScored && (c.Score < c.Min || c.Score > c.Max):
		return invalidf("%s: Score %v is outside the scale %v–%v", at, c.Score, c.Min, c.Max)
	}
	return nil
}

// check validates one indicator; at names it in errors.
func (ind Indicator) check(at string) error {
	if _, err := ind.Direction.MarshalText(); err != nil {
		return invalidf("%s: Direction: %v", at, err)
	}
	err := firstError(checkRequired(at+": Name", ind.Name),
		checkNumber(at+": Baseline", ind.Baseline), checkNumber(at+": Current", ind.Current))
	if err == nil && ind.LegalLimit != nil {
		err = checkNumber(at+": LegalLimit", *ind.LegalLimit)
	}
	if err != nil || ind.KPI == nil {
		return err
	}
	k := ind.KPI
	if len(k.Values) == 0 {
		return invalidf("%s: KPI %s has no values", at, k.ID)
	}
	return firstError(checkRequired(at+": KPI.ID", k.ID), checkRequired(at+": KPI.Municipality", k.Municipality),
		checkRequired(at+": KPI.Group", k.Group),
		k.Values.check(at+": KPI.Values"), k.GroupMedian.check(at+": KPI.GroupMedian"))
}

// check returns an error unless d is a known decision or empty.
func (d Decision) check() error {
	switch d {
	case "", Winner, Finalist, HonourableMention, NotSelected:
		return nil
	}
	return invalidf("feedback: unknown decision %q", string(d))
}

// checkBands returns an error naming field for a band that is not a
// finite range.
func checkBands(field string, bands []Band) error {
	for i, b := range bands {
		if !finite(b.From) || !finite(b.To) || b.From > b.To {
			return invalidf("%s: band %d (%v–%v) is not a range", field, i+1, b.From, b.To)
		}
	}
	return nil
}

// bandOf returns the label of the band v falls in: the band with the
// highest From ≤ v, so that a score between two bands, such as a mean of
// 47.5 between 30–45 and 50–65, takes the lower one. It is "" when v lies
// below every band.
func bandOf(bands []Band, v float64) string {
	label, from, found := "", 0.0, false
	for _, b := range bands {
		if b.From <= v && (!found || b.From > from) {
			label, from, found = b.Label, b.From, true
		}
	}
	return label
}

// merge returns the texts that are not blank, each once: later texts
// equal to an earlier one apart from case and spacing are dropped.
func merge(texts []string) []string {
	seen := make(map[string]bool, len(texts))
	var out []string
	for _, t := range texts {
		key := strings.ToLower(strings.Join(strings.Fields(t), " "))
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, strings.TrimSpace(t))
	}
	return out
}
