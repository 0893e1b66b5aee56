package reliability

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// DefaultConfidence is the level of the ICC confidence intervals the
// reports print.
const DefaultConfidence = 0.95

// Bounds is a two-sided confidence interval. A bound is NaN when it is
// undefined for the data.
type Bounds struct {
	Lower, Upper float64
}

// ICCIntervals are the F-based confidence intervals of McGraw & Wong
// (1996) for the six forms of an ICCResult, at the level Level (0.95 for
// 95 %). The forms map onto theirs as ICC(1,1) = ICC(1), ICC(2,1) =
// ICC(A,1) and ICC(3,1) = ICC(C,1), with the k forms alike: one-way
// intervals from F = MSR/MSW, consistency from F = MSR/MSE, absolute
// agreement with the Satterthwaite degrees of freedom of their Table 7.
type ICCIntervals struct {
	Level               float64
	ICC1, ICC2, ICC3    Bounds
	ICC1k, ICC2k, ICC3k Bounds
}

// Intervals returns the confidence intervals of r's six forms at level,
// which must lie strictly between 0 and 1. r must come from ICC.
func (r ICCResult) Intervals(level float64) (ICCIntervals, error) {
	if !(level > 0 && level < 1) {
		return ICCIntervals{}, errorf(ErrInvalid, "confidence level %v must lie strictly between 0 and 1", level)
	}
	if r.N < 2 || r.K < 2 {
		return ICCIntervals{}, errorf(ErrInsufficientData, "%d targets and %d raters, need at least 2 of each", r.N, r.K)
	}
	q := (1 + level) / 2 // upper quantile of a two-sided interval
	n, k := float64(r.N), float64(r.K)
	out := ICCIntervals{Level: level}
	// One-way: F = MSR/MSW on n−1 and n(k−1) degrees of freedom.
	lo, hi := fBounds(r.MSBetweenTargets, r.MSWithinTargets, n-1, n*(k-1), q)
	out.ICC1 = Bounds{single(lo, k), single(hi, k)}
	out.ICC1k = Bounds{average(lo), average(hi)}
	// Consistency: F = MSR/MSE on n−1 and (n−1)(k−1).
	lo, hi = fBounds(r.MSBetweenTargets, r.MSResidual, n-1, (n-1)*(k-1), q)
	out.ICC3 = Bounds{single(lo, k), single(hi, k)}
	out.ICC3k = Bounds{average(lo), average(hi)}
	out.ICC2, out.ICC2k = r.agreementIntervals(q)
	return out, nil
}

// fBounds returns the observed F = num/den divided and multiplied by the
// q quantiles of F(d1, d2) and F(d2, d1): McGraw & Wong's F_L and F_U.
// With den zero F is infinite and so are both.
func fBounds(num, den, d1, d2, q float64) (float64, float64) {
	f := math.Inf(1)
	if den > 0 {
		f = num / den
	}
	return f / FQuantile(q, d1, d2), f * FQuantile(q, d2, d1)
}

// single turns an F bound into a bound of a single-rater form:
// (F − 1)/(F + k − 1), 1 as F grows without bound.
func single(f, k float64) float64 {
	if math.IsInf(f, 1) {
		return 1
	}
	return (f - 1) / (f + k - 1)
}

// average turns an F bound into a bound of a mean-of-k form: 1 − 1/F.
func average(f float64) float64 { return 1 - 1/f }

// agreementIntervals returns the intervals of ICC(2,1) and ICC(2,k), the
// absolute-agreement forms, by McGraw & Wong's Table 7: the Satterthwaite
// degrees of freedom v of a·MSC + b·MSE, where a and b come from the
// point estimate. The ICC(2,k) bounds are the Spearman–Brown step-up of
// the ICC(2,1) bounds, which is the same as their ICC(A,k) formulas.
func (r ICCResult) agreementIntervals(q float64) (Bounds, Bounds) {
	n, k := float64(r.N), float64(r.K)
	msr, msc, mse := r.MSBetweenTargets, r.MSBetweenRaters, r.MSResidual
	rho := r.ICC2
	if rho >= 1 || (msc == 0 && mse == 0) { // no error variance at all: perfect agreement
		return Bounds{1, 1}, Bounds{1, 1}
	}
	a := k * rho / (n * (1 - rho))
	b := 1 + k*rho*(n-1)/(n*(1-rho))
	v := sq(a*msc+b*mse) / (sq(a*msc)/(k-1) + sq(b*mse)/((n-1)*(k-1)))
	fLow, fHigh := FQuantile(q, n-1, v), FQuantile(q, v, n-1)
	lower := n * (msr - fLow*mse) / (fLow*(k*msc+(k*n-k-n)*mse) + n*msr)
	upper := n * (fHigh*msr - mse) / (k*msc + (k*n-k-n)*mse + n*fHigh*msr)
	single := Bounds{lower, upper}
	return single, Bounds{stepUp(lower, k), stepUp(upper, k)}
}

// stepUp is the Spearman–Brown reliability of the mean of k raters from
// the single-rater value x.
func stepUp(x, k float64) float64 { return k * x / (1 + (k-1)*x) }

// FormatICCIntervals writes the six forms of r with their intervals iv,
// one "name,value,lower,upper" line each with six decimals, in the order
// of FormatICC; an undefined bound prints as NaN.
func FormatICCIntervals(w io.Writer, r ICCResult, iv ICCIntervals) error {
	var b strings.Builder
	for _, f := range []struct {
		name string
		v    float64
		b    Bounds
	}{
		{"ICC1", r.ICC1, iv.ICC1}, {"ICC2", r.ICC2, iv.ICC2}, {"ICC3", r.ICC3, iv.ICC3},
		{"ICC1k", r.ICC1k, iv.ICC1k}, {"ICC2k", r.ICC2k, iv.ICC2k}, {"ICC3k", r.ICC3k, iv.ICC3k},
	} {
		fmt.Fprintf(&b, "%s,%.6f,%.6f,%.6f\n", f.name, f.v, f.b.Lower, f.b.Upper)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
