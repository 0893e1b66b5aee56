package pdf

import (
	"fmt"
	"time"

	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/reports/scoring"
)

// JuryReport is the input of Jury: one cycle's ranking for the jury and
// the secretariat. The caller removes the applications and jurors a reader
// may not see (conflicts of interest) before scoring.Rank; the document
// prints whatever subset it gets, with the ranks as given.
type JuryReport struct {
	Lang Lang
	// Date is the date of the scores; it is printed in the footer and is
	// the PDF's creation date. Required.
	Date time.Time
	// Award and Cycle (the cycle's title or year) head the report; required.
	Award, Cycle string
	// Applications, Criteria and Jurors name the ids used in Ranking:
	// applications by title (Name) and organisation (Detail), criteria by
	// code and title, jurors by name. An id without a label prints as is.
	Applications, Criteria, Jurors []Label
	// Ranking is scoring.Rank's result; Raw must hold a standing.
	Ranking scoring.Ranking
	// ICC and Alpha are the reliability of the scores, nil when they were
	// not computed (ICC needs every juror to score every application).
	ICC   *reliability.ICCResult
	Alpha *reliability.AlphaResult
	// Intervals are ICC's confidence intervals, printed beside its values.
	Intervals *reliability.ICCIntervals
	// Claims are the applications' claimed results with an official KPI
	// series, checked at the claimed years; an application with one that
	// disagrees is marked in the ranking. Optional.
	Claims []Claim
	// Block is what ICC was, or would have been, computed on. When it
	// holds fewer applications than its minimum the report prints "too few
	// applications to estimate" instead of ICC, whatever ICC holds.
	Block ICCBlock
}

// ICCBlock is the largest fully crossed block of scores: Targets (cells
// of application × criterion, or applications) scored by the same Jurors,
// from Applications distinct applications, and the fewest applications
// ICC is estimated on.
type ICCBlock struct {
	Targets, Jurors, Applications, MinApplications int
}

// tooFew says whether the block holds too few applications to estimate.
func (b ICCBlock) tooFew() bool { return b.Applications > 0 && b.Applications < b.MinApplications }

// Label names an id: an application by its title and organisation, a
// criterion by its code and title, a juror by name.
type Label struct {
	ID     string
	Name   string
	Detail string // optional, printed after the name
}

// Jury renders the jury's ranking report: the applications ranked by
// weighted total in the raw view with the z-score and severity views and
// their rank changes, the disagreement flags, the reliability of the
// scores (the six ICC forms with confidence intervals and alpha, with
// their n and k, or "too few applications to estimate") and each juror's
// severity. fonts must come from NewFonts.
func Jury(fonts *Fonts, r JuryReport) ([]byte, error) {
	if err := r.check(fonts); err != nil {
		return nil, err
	}
	return render(func() *document {
		t := juryWords(r.Lang)
		title := t.title + " – " + r.Award + " " + r.Cycle
		j := jury{document: newDocument(fonts, r.Lang, r.Date, title, t.confidential), r: r, t: t,
			names: labels(r.Applications, r.Criteria, r.Jurors)}
		j.draw()
		return j.document
	})
}

// check validates the report.
func (r JuryReport) check(fonts *Fonts) error {
	if err := firstError(fonts.check(), r.Lang.check(), checkDate("jury", r.Date),
		checkRequired("jury: Award", r.Award), checkRequired("jury: Cycle", r.Cycle)); err != nil {
		return err
	}
	if len(r.Ranking.Raw) == 0 {
		return invalidf("jury: empty ranking: Ranking.Raw has no standing")
	}
	views := []struct {
		name string
		s    []scoring.Standing
	}{{"Raw", r.Ranking.Raw}, {"ZScore", r.Ranking.ZScore}, {"Severity", r.Ranking.Severity}}
	for _, v := range views {
		if err := checkStandings("jury: Ranking."+v.name, v.s); err != nil {
			return err
		}
	}
	for _, f := range r.Ranking.Flags {
		if withheld(f) { // a juror's copy under NEVER: which cells, not how far apart
			continue
		}
		if err := firstError(checkNumber("jury: flag range", f.Range), checkNumber("jury: flag SD", f.SD)); err != nil {
			return err
		}
	}
	if err := checkClaims(r.Claims); err != nil {
		return err
	}
	for _, j := range r.Ranking.Jurors {
		at := "jury: juror " + j.Juror
		if err := firstError(checkNumber(at+": Mean", j.Mean), checkNumber(at+": Spread", j.Spread),
			checkNumber(at+": Offset", j.Offset), checkNumber(at+": Consensus.MAD", j.Consensus.MAD)); err != nil {
			return err
		}
	}
	return nil
}

// checkStandings returns an error naming field for a standing without an
// application id, a repeated one, or one with a number that is not finite.
func checkStandings(field string, ss []scoring.Standing) error {
	seen := make(map[string]bool, len(ss))
	for i, s := range ss {
		at := fmt.Sprintf("%s[%d]", field, i)
		if err := firstError(checkRequired(at+": Application", s.Application), checkNumber(at+": Total", s.Total),
			checkNumber(at+": Percent", s.Percent), checkNumber(at+": Coverage", s.Coverage)); err != nil {
			return err
		}
		if seen[s.Application] {
			return invalidf("%s: application %s appears twice", at, s.Application)
		}
		seen[s.Application] = true
	}
	return nil
}

// names looks up the labels of ids.
type names struct{ apps, criteria, jurors map[string]Label }

// labels indexes the labels by id.
func labels(apps, criteria, jurors []Label) names {
	index := func(ls []Label) map[string]Label {
		m := make(map[string]Label, len(ls))
		for _, l := range ls {
			m[l.ID] = l
		}
		return m
	}
	return names{index(apps), index(criteria), index(jurors)}
}

// name returns the label of id in m as "Name – Detail", or id itself.
func name(m map[string]Label, id string) string {
	l, ok := m[id]
	switch {
	case !ok || l.Name == "":
		return clean(id)
	case l.Detail == "":
		return clean(l.Name)
	}
	return clean(l.Name) + " – " + clean(l.Detail)
}
