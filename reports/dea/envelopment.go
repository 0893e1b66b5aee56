package dea

import "context"

// The envelopment LP for unit o, in column-scaled data, has one row per
// input, one per output and, unless the technology is CRS, one for Σλ:
//
//	input orientation:  Σλx + s⁻ − θx₀ = 0,  Σλy − s⁺ = y₀,  minimise θ
//	output orientation: Σλx + s⁻ = x₀,  Σλy − s⁺ − φy₀ = 0,  maximise φ
//	VRS: Σλ = 1;  DRS: Σλ + s = 1;  IRS: Σλ − s = 1
//
// Its columns are θ or φ (0), λ₁ … λₙ (1 … n), the input slacks s⁻ and the
// output slacks s⁺ (n+1 …), and last the slack s of the Σλ row for DRS and
// IRS. Stage two reuses the solved tableau with new costs.

// build resets the LP and writes everything that does not depend on the
// unit or orientation: the λ and slack columns and the Σλ row.
func (md *model) build() {
	n, m, s, rts := md.n, md.m, md.s, md.p.RTS
	rows, cols := m+s, 1+n+m+s
	if rts != CRS {
		rows++
	}
	if rts == DRS || rts == IRS {
		cols++
	}
	lp := &md.lp
	lp.reset(rows, cols)
	for j := range n {
		for i, v := range md.x[j] {
			lp.set(i, 1+j, v)
		}
		for r, v := range md.y[j] {
			lp.set(m+r, 1+j, v)
		}
		if rts != CRS {
			lp.set(m+s, 1+j, 1)
		}
	}
	for k := range m + s {
		sign := 1.0
		if k >= m {
			sign = -1
		}
		lp.set(k, 1+n+k, sign)
	}
	switch rts {
	case DRS:
		lp.set(m+s, cols-1, 1)
	case IRS:
		lp.set(m+s, cols-1, -1)
	}
	if rts != CRS {
		lp.setRHS(m+s, 1)
	}
}

// stageOne builds and solves unit o's LP and returns θ (input) or φ
// (output).
func (md *model) stageOne(ctx context.Context, o int) (float64, error) {
	md.load(o)
	if err := md.lp.solve(ctx); err != nil {
		return 0, err
	}
	return md.clampEfficiency(md.lp.value(0)), nil
}

// load builds unit o's stage-one LP: the θ or φ column, the right-hand
// side and the cost of θ (minimised) or φ (maximised).
func (md *model) load(o int) {
	md.build()
	lp, m := &md.lp, md.m
	if md.p.Orientation == Input {
		for i, v := range md.x[o] {
			lp.set(i, 0, -v)
		}
		for r, v := range md.y[o] {
			lp.setRHS(m+r, v)
		}
		lp.setCost(0, 1)
		return
	}
	for i, v := range md.x[o] {
		lp.setRHS(i, v)
	}
	for r, v := range md.y[o] {
		lp.set(m+r, 0, -v)
	}
	lp.setCost(0, -1)
}

// stageTwo keeps the efficiency found by stageOne and maximises the sum of
// the scaled slacks of the unit, warm-started from stage one's optimal
// basis, leaving λ in md.lambda.
func (md *model) stageTwo(ctx context.Context) error {
	lp := &md.lp
	lp.clearCosts()
	for k := range md.m + md.s {
		lp.setCost(1+md.n+k, -1)
	}
	if err := lp.reoptimize(ctx); err != nil {
		return err
	}
	md.readLambda()
	return nil
}

// readLambda copies λ from the solved LP into md.lambda.
func (md *model) readLambda() {
	clear(md.lambda)
	lp := &md.lp
	for i, b := range lp.basis {
		if b >= 1 && b <= md.n {
			md.lambda[b-1] = max(lp.rhs[i], 0)
		}
	}
}

// clampEfficiency removes rounding noise: θ lies in [0, 1] and φ is at
// least 1, since the unit itself is always a feasible reference.
func (md *model) clampEfficiency(e float64) float64 {
	if md.p.Orientation == Input {
		if e > 1-effTol {
			return 1
		}
		return max(e, 0)
	}
	if e < 1+effTol {
		return 1
	}
	return e
}
