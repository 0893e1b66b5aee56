package kpi

import (
	"fmt"
	"math"
)

// Fit is an ordinary least squares fit with an intercept.
type Fit struct {
	// Coefficients holds the intercept first, then one slope per regressor
	// in the order of the regressors.
	Coefficients []float64
	// R2 is the coefficient of determination, 1 − SSresidual / SStotal.
	R2 float64
	// N is the number of observations.
	N int
}

// Predict returns the fitted value for one row of regressors.
func (f Fit) Predict(x []float64) (float64, error) {
	if len(x) != len(f.Coefficients)-1 {
		return 0, fmt.Errorf("kpi: %d regressors for a fit with %d", len(x), len(f.Coefficients)-1)
	}
	y := f.Coefficients[0]
	for j, xj := range x {
		y += f.Coefficients[j+1] * xj
	}
	return y, nil
}

// rankTolerance is the share of a regressor's own length below which what
// is left of it after removing the regressors before it counts as nothing:
// the regressor is then a linear combination of those before it.
const rankTolerance = 1e-10

// OLS regresses y on the rows of x, x[i] holding observation i's
// regressors, with an intercept. It centres every column and solves by a
// Householder QR decomposition, which keeps about twice the digits of the
// normal equations on nearly collinear data. It returns ErrSingular when
// the design has no unique solution, and an error when y does not vary,
// since R² is then undefined.
func OLS(x [][]float64, y []float64) (Fit, error) {
	cols, err := columns(x, y)
	if err != nil {
		return Fit{}, err
	}
	n, p := len(y), len(cols)
	if n < p+1 {
		return Fit{}, fmt.Errorf("%w: %d observations for %d coefficients", ErrSingular, n, p+1)
	}
	means := make([]float64, p)
	for j, c := range cols {
		means[j] = centre(c)
	}
	yc := append([]float64(nil), y...)
	ymean := centre(yc)
	if sumSquares(yc) == 0 {
		return Fit{}, fmt.Errorf("kpi: response does not vary")
	}
	b, err := solveQR(cols, yc)
	if err != nil {
		return Fit{}, err
	}
	f := Fit{Coefficients: append([]float64{ymean}, b...), N: n}
	for j := range b {
		f.Coefficients[0] -= b[j] * means[j]
	}
	f.R2 = rSquared(f, x, y, ymean)
	return f, nil
}

// columns checks the shape of the data and returns x column by column.
func columns(x [][]float64, y []float64) ([][]float64, error) {
	if len(x) != len(y) {
		return nil, fmt.Errorf("kpi: %d rows of regressors for %d observations", len(x), len(y))
	}
	if len(y) == 0 {
		return nil, ErrNoValues
	}
	p := len(x[0])
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = make([]float64, len(y))
	}
	for i, row := range x {
		if len(row) != p {
			return nil, fmt.Errorf("kpi: row %d has %d regressors, want %d", i, len(row), p)
		}
		if !finite(y[i]) {
			return nil, fmt.Errorf("kpi: observation %d is %v", i, y[i])
		}
		for j, v := range row {
			if !finite(v) {
				return nil, fmt.Errorf("kpi: regressor %d of row %d is %v", j, i, v)
			}
			cols[j][i] = v
		}
	}
	return cols, nil
}

// solveQR returns b minimising |y − A b| for the columns of A, overwriting
// both. Each Householder reflection zeroes one column below its diagonal
// and is applied at once to the remaining columns and to y.
func solveQR(a [][]float64, y []float64) ([]float64, error) {
	p := len(a)
	diag := make([]float64, p)
	for j := 0; j < p; j++ {
		length := math.Sqrt(sumSquares(a[j]))
		rest := math.Sqrt(sumSquares(a[j][j:]))
		if rest <= rankTolerance*length || length == 0 {
			return nil, fmt.Errorf("%w: regressor %d is constant or a combination of earlier ones", ErrSingular, j)
		}
		alpha := -math.Copysign(rest, a[j][j])
		v := append([]float64(nil), a[j][j:]...)
		v[0] -= alpha
		vv := sumSquares(v)
		for k := j + 1; k < p; k++ {
			reflect(a[k][j:], v, vv)
		}
		reflect(y[j:], v, vv)
		diag[j] = alpha
	}
	b := make([]float64, p)
	for j := p - 1; j >= 0; j-- {
		s := y[j]
		for k := j + 1; k < p; k++ {
			s -= a[k][j] * b[k]
		}
		b[j] = s / diag[j]
	}
	return b, nil
}

// reflect applies the Householder reflection I − 2vvᵀ/vv to x in place.
func reflect(x, v []float64, vv float64) {
	dot := 0.0
	for i := range v {
		dot += v[i] * x[i]
	}
	f := 2 * dot / vv
	for i := range v {
		x[i] -= f * v[i]
	}
}

// centre subtracts the mean from xs in place and returns the mean.
func centre(xs []float64) float64 {
	mu := mean(xs)
	for i := range xs {
		xs[i] -= mu
	}
	return mu
}

// sumSquares returns Σ x².
func sumSquares(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x * x
	}
	return s
}

// rSquared returns 1 − SSresidual / SStotal, the residuals taken from the
// original data.
func rSquared(f Fit, x [][]float64, y []float64, ymean float64) float64 {
	var ssr, sst float64
	for i, row := range x {
		e := y[i] - f.Coefficients[0]
		for j, v := range row {
			e -= f.Coefficients[j+1] * v
		}
		ssr += e * e
		sst += (y[i] - ymean) * (y[i] - ymean)
	}
	return 1 - ssr/sst
}
