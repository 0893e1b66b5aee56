package scoring

import "math"

// Juror summarises one juror's scoring over all criteria. To pool criteria
// on different scales, every value is in percentage points of its
// criterion's scale: (score − Min)/(Max − Min)·100.
type Juror struct {
	Juror string
	N     int     // scores given
	Mean  float64 // mean score
	// Spread is the sample SD of the juror's scores; 0 when N < 2.
	Spread float64
	// Offset is the juror's mean deviation from the other jurors: over each
	// score in a cell that other jurors also scored, the score minus the
	// mean of the others' scores in that cell (leave-one-out, so the juror
	// is not compared with themself). Positive means lenient. 0 when
	// Compared is 0.
	Offset float64
	// Compared is the number of scores that entered Offset.
	Compared int
	// Consensus is the agreement with Options.Consensus.
	Consensus Agreement
}

// Agreement compares a juror's scores with the consensus scores of the same
// cells, in percentage points of the scale.
type Agreement struct {
	N   int     // scores in cells that have a consensus score
	MAD float64 // mean absolute deviation from the consensus; 0 when N is 0
	// Pearson is the correlation of the scores with the consensus. It is
	// defined (PearsonDefined) when N ≥ 2 and neither side is constant;
	// otherwise it is 0.
	Pearson        float64
	PearsonDefined bool
}

// jurorScores accumulates one juror's scores as percentages of the scale.
type jurorScores struct {
	scores    moments // of (score, score)
	offsetSum float64
	compared  int
	agree     moments // of (score, consensus)
	absDev    float64 // sum of |score − consensus|
}

// jurorSummaries returns the Juror summary of every juror, by position.
func jurorSummaries(d *dataset, consensus map[CellKey]float64) []Juror {
	acc := make([]jurorScores, len(d.jurors))
	nc := len(d.criteria)
	for k, cell := range d.cells {
		if len(cell) > 0 {
			addCell(acc, d.criteria[k%nc], cell, d.apps[k/nc], consensus)
		}
	}
	out := make([]Juror, len(d.jurors))
	for j, id := range d.jurors {
		out[j] = acc[j].summary(id)
	}
	return out
}

// addCell adds the scores of one cell to the jurors' accumulators.
func addCell(acc []jurorScores, cr Criterion, cell []entry, app string, consensus map[CellKey]float64) {
	sum := 0.0
	for _, e := range cell {
		sum += e.value
	}
	agreed, hasConsensus := consensus[CellKey{app, cr.ID}]
	n := float64(len(cell))
	for _, e := range cell {
		a := &acc[e.juror]
		p := cr.percent(e.value)
		a.scores.add(p, p)
		if len(cell) > 1 {
			others := (sum - e.value) / (n - 1)
			a.offsetSum += (e.value - others) / cr.scale() * 100
			a.compared++
		}
		if hasConsensus {
			q := cr.percent(agreed)
			a.agree.add(p, q)
			a.absDev += math.Abs(p - q)
		}
	}
}

// summary turns the accumulated scores into a Juror.
func (a *jurorScores) summary(id string) Juror {
	j := Juror{Juror: id, N: a.scores.n, Mean: a.scores.mx, Spread: sdFromSquares(a.scores.sxx, a.scores.n)}
	if a.compared > 0 {
		j.Compared = a.compared
		j.Offset = a.offsetSum / float64(a.compared)
	}
	if n := a.agree.n; n > 0 {
		j.Consensus = Agreement{N: n, MAD: a.absDev / float64(n)}
		j.Consensus.Pearson, j.Consensus.PearsonDefined = a.agree.pearson()
	}
	return j
}

// moments accumulates the means and co-moments of pairs (x, y) by
// Welford's update, which stays accurate without keeping the values.
type moments struct {
	n             int
	mx, my        float64
	sxx, syy, sxy float64 // sums of squared and crossed deviations
}

// add adds the pair (x, y).
func (m *moments) add(x, y float64) {
	m.n++
	dx := x - m.mx
	m.mx += dx / float64(m.n)
	dy := y - m.my
	m.my += dy / float64(m.n)
	m.sxx += dx * (x - m.mx)
	m.syy += dy * (y - m.my)
	m.sxy += dx * (y - m.my)
}

// pearson returns the correlation of x and y, and whether it is defined:
// at least two pairs and neither side constant.
func (m *moments) pearson() (float64, bool) {
	flat := flatPercent * float64(m.n)
	if m.n < 2 || m.sxx <= flat || m.syy <= flat {
		return 0, false
	}
	r := m.sxy / math.Sqrt(m.sxx*m.syy)
	return math.Max(-1, math.Min(1, r)), true // rounding may step past ±1
}

// flatPercent is the mean squared deviation, in squared percentage points,
// below which a series counts as constant.
const flatPercent = 1e-18
