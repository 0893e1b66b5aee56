package scoring

// JurorCriterion describes one juror's scores on one criterion, the basis
// of both normalised views.
type JurorCriterion struct {
	Juror     string
	Criterion string
	N         int
	Mean      float64
	SD        float64 // sample SD (divisor N − 1); 0 when N < 2
	// Severity is the juror's additive severity: Mean minus the grand mean
	// of all scores on the criterion. It is positive for a lenient juror and
	// negative for a strict one; the severity view subtracts it from each of
	// the juror's scores on the criterion.
	Severity float64
}

// zeroSD is the share of a criterion's scale below which a juror's SD counts
// as zero, so that rounding noise among equal scores is not magnified.
const zeroSD = 1e-9

// z returns the z-score of value against the juror's scores on a criterion
// whose scale has the given width: 0 when the juror has fewer than two
// scores there or they are all equal.
func (jc JurorCriterion) z(value, scale float64) float64 {
	if jc.N < 2 || jc.SD <= zeroSD*scale {
		return 0
	}
	return (value - jc.Mean) / jc.SD
}

// each calls f for every score, cell by cell.
func (d *dataset) each(f func(a, c int, e entry)) {
	nc := len(d.criteria)
	for k, cell := range d.cells {
		for _, e := range cell {
			f(k/nc, k%nc, e)
		}
	}
}

// jurorCriteria returns every juror's statistics on every criterion, at
// juror·len(criteria)+criterion. Pairs without scores have N = 0.
func jurorCriteria(d *dataset) []JurorCriterion {
	nc := len(d.criteria)
	out := make([]JurorCriterion, len(d.jurors)*nc)
	for k := range out {
		out[k].Juror, out[k].Criterion = d.jurors[k/nc], d.criteria[k%nc].ID
	}
	grand := make([]float64, nc)
	count := make([]int, nc)
	d.each(func(_, c int, e entry) {
		jc := &out[e.juror*nc+c]
		jc.N++
		jc.Mean += e.value
		grand[c] += e.value
		count[c]++
	})
	for k := range out {
		if out[k].N > 0 {
			out[k].Mean /= float64(out[k].N)
		}
	}
	d.each(func(_, c int, e entry) {
		jc := &out[e.juror*nc+c]
		jc.SD += (e.value - jc.Mean) * (e.value - jc.Mean)
	})
	for k := range out {
		jc := &out[k]
		jc.SD = sdFromSquares(jc.SD, jc.N)
		if c := k % nc; jc.N > 0 {
			jc.Severity = jc.Mean - grand[c]/float64(count[c])
		}
	}
	return out
}

// present returns the juror-criterion pairs that have scores, in order.
func present(all []JurorCriterion) []JurorCriterion {
	var out []JurorCriterion
	for _, jc := range all {
		if jc.N > 0 {
			out = append(out, jc)
		}
	}
	return out
}
