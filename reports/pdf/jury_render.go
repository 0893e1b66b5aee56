package pdf

import (
	"fmt"
	"math"

	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/reports/scoring"
)

// jury lays out one JuryReport.
type jury struct {
	*document
	r     JuryReport
	t     juryText
	names names
}

// draw lays out the whole report.
func (j jury) draw() {
	j.titleBlock(j.t.title+": "+j.r.Award+" "+j.r.Cycle,
		fmt.Sprintf(j.t.counts, len(j.r.Ranking.Raw), len(j.r.Ranking.Jurors)), j.t.confidential)
	j.ranking()
	j.flags()
	j.claims()
	j.reliability()
	j.jurors()
}

// ranking draws the standings of the three views side by side, in the
// order of the raw view.
func (j jury) ranking() {
	j.heading(j.t.ranking, 20)
	z, sev := byApplication(j.r.Ranking.ZScore), byApplication(j.r.Ranking.Severity)
	flagged := map[string]int{}
	for _, f := range j.r.Ranking.Flags {
		flagged[f.Application]++
	}
	t := j.newTable("", []column{{j.t.rank, 10, "R"}, {j.t.application, 56, "L"}, {j.t.total, 13, "R"},
		{j.t.raw, 13, "R"}, {j.t.z, 13, "R"}, {j.t.zRank, 17, "R"}, {j.t.sev, 13, "R"},
		{j.t.sevRank, 17, "R"}, {j.t.coverage, 14, "R"}, {j.t.flags, 14, "R"}})
	t.begin(len(j.r.Ranking.Raw))
	marked := disputed(j.r.Claims)
	for _, s := range j.r.Ranking.Raw {
		zs, zok := z[s.Application]
		ss, sok := sev[s.Application]
		app := name(j.names.apps, s.Application)
		if marked[s.Application] > 0 {
			app += " " + j.t.disputedMark
		}
		t.row(plain(j.rank(s, true), app, j.total(s),
			j.percentOf(s, true), j.percentOf(zs, zok), j.rankChange(zs, zok), j.percentOf(ss, sok),
			j.rankChange(ss, sok), j.lang.percent(s.Coverage*100, 0), itoa(flagged[s.Application])))
	}
	t.end()
	j.note(j.t.viewsNote)
	if len(marked) > 0 {
		j.note(j.t.disputedNote)
	}
}

// byApplication indexes standings by application id.
func byApplication(ss []scoring.Standing) map[string]scoring.Standing {
	m := make(map[string]scoring.Standing, len(ss))
	for _, s := range ss {
		m[s.Application] = s
	}
	return m
}

// rank returns a standing's rank, or a dash when it is unranked or absent.
func (j jury) rank(s scoring.Standing, ok bool) string {
	if !ok || s.Rank == 0 {
		return j.words.missing
	}
	return itoa(s.Rank)
}

// rankChange returns a rank with its change against the raw view: "2 (+1)".
func (j jury) rankChange(s scoring.Standing, ok bool) string {
	if !ok || s.Rank == 0 {
		return j.words.missing
	}
	return fmt.Sprintf("%d (%s)", s.Rank, j.lang.signed(float64(s.Change), 0))
}

// total returns a standing's weighted total, or a dash when it has no
// scores.
func (j jury) total(s scoring.Standing) string {
	if s.Coverage == 0 {
		return j.words.missing
	}
	return j.lang.num(s.Total, 1)
}

// percentOf returns a standing's percentage, or a dash.
func (j jury) percentOf(s scoring.Standing, ok bool) string {
	if !ok || s.Coverage == 0 {
		return j.words.missing
	}
	return j.lang.num(s.Percent, 1)
}

// withheld says whether a flag's figures were kept from the reader: both
// are NaN in the copy of a juror who is not the lead under NEVER.
func withheld(f scoring.Flag) bool { return math.IsNaN(f.Range) && math.IsNaN(f.SD) }

// flags draws the cells on which the jurors disagree.
func (j jury) flags() {
	j.heading(j.t.flagsHeading, 15)
	if len(j.r.Ranking.Flags) == 0 {
		j.paragraph(j.t.noFlags)
		return
	}
	t := j.newTable("", []column{{j.t.application, 64, "L"}, {j.t.criterion, 60, "L"},
		{j.t.spread, 14, "R"}, {j.t.sd, 16, "R"}, {j.t.rule, 26, "L"}})
	t.begin(len(j.r.Ranking.Flags))
	for _, f := range j.r.Ranking.Flags {
		rule := j.t.byRange
		switch {
		case f.ByRange && f.BySD:
			rule = j.t.byBoth
		case f.BySD:
			rule = j.t.bySD
		}
		spread, sd := "–", "–"
		if !withheld(f) {
			spread, sd = j.lang.num(f.Range, 1), j.lang.num(f.SD, 1)
		}
		t.row(plain(name(j.names.apps, f.Application), name(j.names.criteria, f.Criterion), spread, sd, rule))
	}
	t.end()
}

// reliability draws the six ICC forms and Krippendorff's alpha, each with
// what it was computed on.
func (j jury) reliability() {
	j.heading(j.t.reliability, 30)
	icc, b := j.r.ICC, j.r.Block
	if b.tooFew() {
		icc = nil
		j.paragraph(fmt.Sprintf(j.t.tooFew, b.Applications, b.Jurors, b.MinApplications))
	}
	if icc != nil || j.r.Alpha != nil {
		j.reliabilityTable(icc)
	}
	switch {
	case icc != nil && b.Applications > 0 && b.Targets != b.Applications:
		j.note(fmt.Sprintf(j.t.iccCells, icc.N, b.Applications, icc.K))
	case icc != nil:
		j.note(fmt.Sprintf(j.t.iccN, icc.N, icc.K))
	case !b.tooFew():
		j.note(j.t.noICC)
	}
	if icc != nil && j.r.Intervals != nil {
		j.note(fmt.Sprintf(j.t.ciNote, j.lang.num(j.r.Intervals.Level*100, 0)))
	}
	if a := j.r.Alpha; a != nil {
		j.note(fmt.Sprintf(j.t.alphaN, a.Units, a.Values))
	} else {
		j.note(j.t.noAlpha)
	}
}

// reliabilityTable draws the measures that were computed: an ICC value is
// NaN, and printed as a dash, when its form is undefined for the data.
func (j jury) reliabilityTable(icc *reliability.ICCResult) {
	t := j.newTable("", []column{{j.t.measure, 26, "L"}, {j.t.model, 100, "L"}, {j.t.value, 18, "R"}, {j.t.ci, 36, "R"}})
	t.begin(7)
	if icc != nil {
		iccForms := [6]string{"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"}
		forms := []float64{icc.ICC1, icc.ICC2, icc.ICC3, icc.ICC1k, icc.ICC2k, icc.ICC3k}
		var bounds []reliability.Bounds
		if iv := j.r.Intervals; iv != nil {
			bounds = []reliability.Bounds{iv.ICC1, iv.ICC2, iv.ICC3, iv.ICC1k, iv.ICC2k, iv.ICC3k}
		}
		for i, v := range forms {
			ci := j.words.missing
			if bounds != nil {
				ci = j.interval(bounds[i])
			}
			t.row(plain(iccForms[i], j.t.iccModels[i], j.lang.num(v, 3), ci))
		}
	}
	if a := j.r.Alpha; a != nil {
		t.row(plain(j.t.alpha, j.t.levels[a.Level.String()], j.lang.num(a.Alpha, 3), j.words.missing))
	}
	t.end()
}

// interval prints a confidence interval as "[0,019; 0,761]" in Swedish
// and "[0.019, 0.761]" in English, a dash for an undefined bound.
func (j jury) interval(b reliability.Bounds) string {
	bound := func(x float64) string {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return j.words.missing
		}
		return j.lang.num(x, 3)
	}
	sep := ", "
	if j.lang != English {
		sep = "; "
	}
	return "[" + bound(b.Lower) + sep + bound(b.Upper) + "]"
}

// jurors draws each juror's severity and agreement.
func (j jury) jurors() {
	j.heading(j.t.jurorsHeading, 20)
	t := j.newTable("", []column{{j.t.juror, 56, "L"}, {j.t.scores, 16, "R"}, {j.t.mean, 18, "R"},
		{j.t.spreadJ, 18, "R"}, {j.t.offset, 18, "R"}, {j.t.compared, 18, "R"}, {"MAD", 18, "R"}, {"Pearson", 18, "R"}})
	t.begin(len(j.r.Ranking.Jurors))
	for _, jr := range j.r.Ranking.Jurors {
		mad, r := j.words.missing, j.words.missing
		if jr.Consensus.N > 0 {
			mad = j.lang.num(jr.Consensus.MAD, 1)
		}
		if jr.Consensus.PearsonDefined {
			r = j.lang.num(jr.Consensus.Pearson, 2)
		}
		t.row(plain(name(j.names.jurors, jr.Juror), itoa(jr.N), j.lang.num(jr.Mean, 1), j.lang.num(jr.Spread, 1),
			j.lang.signed(jr.Offset, 1), itoa(jr.Compared), mad, r))
	}
	t.end()
	j.note(j.t.jurorNote)
}
