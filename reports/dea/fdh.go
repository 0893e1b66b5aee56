package dea

import "math"

// fdhTieTol is the relative tolerance within which two FDH candidates have
// the same efficiency.
const fdhTieTol = 1e-12

// fdh analyses unit o under free disposal hull by enumeration instead of a
// mixed-integer LP: the reference is the single observed unit that dominates
// o's outputs (input orientation) or inputs (output orientation) with the
// best radial factor. Ties go to the candidate with the largest sum of
// scaled slacks, then to the lowest index, mirroring the two-stage LP.
func (md *model) fdh(o int) Result {
	best, bestEff, bestSlack := -1, 0.0, 0.0
	for j := range md.n {
		eff, ok := md.fdhFactor(o, j)
		if !ok {
			continue
		}
		slack := md.fdhSlack(o, j, eff)
		switch {
		case best < 0, md.fdhBetter(eff, bestEff):
		case math.Abs(eff-bestEff) <= fdhTieTol*bestEff && slack > bestSlack:
		default:
			continue
		}
		best, bestEff, bestSlack = j, eff, slack
	}
	clear(md.lambda)
	md.lambda[best] = 1
	return md.result(o, md.clampEfficiency(bestEff))
}

// fdhBetter reports whether eff improves on best by more than the tie
// tolerance: smaller θ or larger φ.
func (md *model) fdhBetter(eff, best float64) bool {
	if md.p.Orientation == Input {
		return eff < best*(1-fdhTieTol)
	}
	return eff > best*(1+fdhTieTol)
}

// fdhFactor returns the radial factor by which unit j bounds unit o, and
// false if j does not dominate o in the non-radial dimension. Unit o always
// qualifies for itself with factor 1.
func (md *model) fdhFactor(o, j int) (float64, bool) {
	x, y := md.p.Inputs, md.p.Outputs
	if md.p.Orientation == Input {
		for r := range md.s {
			if y[j][r] < y[o][r] {
				return 0, false
			}
		}
		theta := 0.0
		for i := range md.m {
			theta = max(theta, x[j][i]/x[o][i])
		}
		return theta, true
	}
	for i := range md.m {
		if x[j][i] > x[o][i] {
			return 0, false
		}
	}
	phi := math.Inf(1)
	for r := range md.s {
		if y[o][r] > 0 {
			phi = min(phi, y[j][r]/y[o][r])
		}
	}
	return phi, true
}

// fdhSlack returns the sum of scaled slacks when unit j is o's reference at
// radial factor eff.
func (md *model) fdhSlack(o, j int, eff float64) float64 {
	xf, yf := eff, 1.0
	if md.p.Orientation == Output {
		xf, yf = 1, eff
	}
	sum := 0.0
	for i := range md.m {
		sum += xf*md.x[o][i] - md.x[j][i]
	}
	for r := range md.s {
		sum += md.y[j][r] - yf*md.y[o][r]
	}
	return sum
}
