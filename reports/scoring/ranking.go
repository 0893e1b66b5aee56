package scoring

// Ranking is the complete scoring of one jury round.
type Ranking struct {
	// Cells are the application × criterion cells that have scores, by
	// application id and then in the order of the criteria.
	Cells []Cell
	// Raw, ZScore and Severity are the standings of the raw, z-score and
	// severity-corrected views, in rank order; unranked applications
	// follow by id. Change compares ZScore and Severity with Raw.
	Raw      []Standing
	ZScore   []Standing
	Severity []Standing
	// Flags are the cells on which the jurors disagree, in cell order.
	Flags []Flag
	// JurorCriteria are the jurors' statistics per criterion, by juror id
	// and then in the order of the criteria; pairs without scores are left
	// out.
	JurorCriteria []JurorCriterion
	// Jurors summarise each juror's severity and agreement, by juror id.
	Jurors []Juror
}

// Rank scores one jury round: it validates the criteria, scores and
// options, then computes every cell, the three views with their rankings,
// the disagreement flags and the jurors' severity. An error wraps
// ErrInvalid and names the first offending criterion, option or score: an
// empty id, a duplicate criterion id, a weight ≤ 0, an empty scale, an
// unknown criterion, a value that is NaN, infinite or outside the scale, or
// a second score by the same juror in the same cell. No scores give an
// empty Ranking.
func Rank(criteria []Criterion, scores []Score, opt Options) (Ranking, error) {
	byID, err := validateCriteria(criteria)
	if err != nil {
		return Ranking{}, err
	}
	opt = opt.withDefaults()
	if err := validateOptions(opt, criteria, byID); err != nil {
		return Ranking{}, err
	}
	d, err := newDataset(criteria, byID, scores)
	if err != nil {
		return Ranking{}, err
	}
	jcs := jurorCriteria(d)
	g := buildGrid(d, jcs, opt.Aggregation)
	r := Ranking{
		Cells:         g.cells,
		Raw:           rankStandings(totals(d, g, rawValue), opt.Tolerance),
		ZScore:        rankStandings(totals(d, g, zValue), opt.Tolerance),
		Severity:      rankStandings(totals(d, g, adjustedValue), opt.Tolerance),
		Flags:         flags(d, g, opt),
		JurorCriteria: present(jcs),
		Jurors:        jurorSummaries(d, opt.Consensus),
	}
	setChanges(r.ZScore, r.Raw)
	setChanges(r.Severity, r.Raw)
	return r, nil
}
