package reliability

// ICCResult holds the six Shrout–Fleiss (1979) intraclass correlations of a
// complete targets × raters matrix and the analysis of variance behind them.
//
// The forms are named as in Shrout & Fleiss and R's psych::ICC:
//
//	ICC1   ICC(1,1)  one-way random effects, single rater
//	ICC2   ICC(2,1)  two-way random effects, absolute agreement, single rater
//	ICC3   ICC(3,1)  two-way mixed effects, consistency, single rater
//	ICC1k  ICC(1,k)  as ICC1 for the mean of the k raters
//	ICC2k  ICC(2,k)  as ICC2 for the mean of the k raters
//	ICC3k  ICC(3,k)  as ICC3 for the mean of the k raters
//
// A form whose denominator is exactly zero is undefined and reported as NaN;
// with between-target variation present only ICC2k can meet that case.
type ICCResult struct {
	ICC1, ICC2, ICC3    float64
	ICC1k, ICC2k, ICC3k float64

	MSBetweenTargets float64 // between targets (rows), n−1 df
	MSWithinTargets  float64 // within targets, n(k−1) df
	MSBetweenRaters  float64 // between raters (columns), k−1 df
	MSResidual       float64 // residual of the two-way model, (n−1)(k−1) df

	N, K      int     // number of targets and of raters
	GrandMean float64 // mean of all n·k scores
}

// noVariationTolerance is the share of the total sum of squares below which
// the between-target sum of squares counts as zero. Row means that are equal
// in exact arithmetic can differ in the last bit after summation; without a
// tolerance such data would give ICC(·,k) values near minus infinity instead
// of ErrNoVariation.
const noVariationTolerance = 1e-12

// ICC computes the six Shrout–Fleiss intraclass correlations of scores, a
// complete matrix with one row per target and one column per rater.
//
// It returns an error wrapping ErrInsufficientData for fewer than two targets
// or raters, ErrInvalid for ragged rows and NaN or infinite scores, and
// ErrNoVariation when every target has the same mean score, which leaves the
// coefficients undefined.
func ICC(scores [][]float64) (ICCResult, error) {
	if err := checkMatrix(scores); err != nil {
		return ICCResult{}, err
	}
	n, k := len(scores), len(scores[0])
	a := newAnova(scores)
	if a.ssRows <= noVariationTolerance*(a.ssRows+a.ssWithin) {
		return ICCResult{}, errorf(ErrNoVariation,
			"every target has the same mean score: ICC is undefined")
	}
	r := ICCResult{
		MSBetweenTargets: a.ssRows / float64(n-1),
		MSWithinTargets:  a.ssWithin / float64(n*(k-1)),
		MSBetweenRaters:  a.ssCols / float64(k-1),
		MSResidual:       a.ssResidual / float64((n-1)*(k-1)),
		N:                n,
		K:                k,
		GrandMean:        a.grandMean,
	}
	if !isFinite(r.MSBetweenTargets + r.MSWithinTargets + r.MSBetweenRaters + r.MSResidual) {
		return ICCResult{}, errorf(ErrInvalid, "scores too large: sums of squares overflow")
	}
	r.setCoefficients()
	return r, nil
}

// setCoefficients fills the six forms from the mean squares.
func (r *ICCResult) setCoefficients() {
	bms, wms := r.MSBetweenTargets, r.MSWithinTargets
	jms, ems := r.MSBetweenRaters, r.MSResidual
	n, k := float64(r.N), float64(r.K)

	r.ICC1 = ratio(bms-wms, bms+(k-1)*wms)
	r.ICC2 = ratio(bms-ems, bms+(k-1)*ems+k*(jms-ems)/n)
	r.ICC3 = ratio(bms-ems, bms+(k-1)*ems)
	r.ICC1k = ratio(bms-wms, bms)
	r.ICC2k = ratio(bms-ems, bms+(jms-ems)/n)
	r.ICC3k = ratio(bms-ems, bms)
}

// checkMatrix reports whether scores is a complete finite matrix with at
// least two rows and two columns.
func checkMatrix(scores [][]float64) error {
	if len(scores) < 2 {
		return errorf(ErrInsufficientData, "%d targets, need at least 2", len(scores))
	}
	k := len(scores[0])
	for i, row := range scores {
		if len(row) != k {
			return errorf(ErrInvalid, "target %d has %d scores, target 1 has %d", i+1, len(row), k)
		}
		for j, x := range row {
			if !isFinite(x) {
				return errorf(ErrInvalid, "target %d, rater %d: score %v is not a finite number", i+1, j+1, x)
			}
		}
	}
	if k < 2 {
		return errorf(ErrInsufficientData, "%d raters, need at least 2", k)
	}
	return nil
}

// anova holds the sums of squares of a two-way layout without replication.
type anova struct {
	grandMean  float64
	ssRows     float64 // between rows (targets)
	ssCols     float64 // between columns (raters)
	ssWithin   float64 // within rows: ssCols + ssResidual
	ssResidual float64 // row × column interaction, the two-way error term
}

// newAnova computes the sums of squares of a checked matrix. Every sum is
// taken over deviations from means, not as a difference of raw sums, so
// that none can come out negative through cancellation.
func newAnova(scores [][]float64) anova {
	n, k := len(scores), len(scores[0])
	rowMeans := make([]float64, n)
	colMeans := make([]float64, k)
	var total float64
	for i, row := range scores {
		var sum float64
		for j, x := range row {
			sum += x
			colMeans[j] += x
		}
		rowMeans[i] = sum / float64(k)
		total += sum
	}
	for j := range colMeans {
		colMeans[j] /= float64(n)
	}
	a := anova{grandMean: total / float64(n*k)}
	for _, m := range rowMeans {
		a.ssRows += float64(k) * sq(m-a.grandMean)
	}
	for _, m := range colMeans {
		a.ssCols += float64(n) * sq(m-a.grandMean)
	}
	for i, row := range scores {
		for j, x := range row {
			a.ssWithin += sq(x - rowMeans[i])
			a.ssResidual += sq(x - rowMeans[i] - colMeans[j] + a.grandMean)
		}
	}
	return a
}

// sq returns x².
func sq(x float64) float64 { return x * x }
