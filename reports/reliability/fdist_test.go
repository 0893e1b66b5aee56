package reliability_test

import (
	"math"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

func TestFQuantileTable(t *testing.T) {
	// Upper percentage points of the F distribution as printed in
	// Abramowitz & Stegun (1964), Table 26.9, and in every statistics
	// textbook's F table, to four decimals.
	for _, c := range []struct {
		p, d1, d2, want float64
	}{
		{0.95, 1, 1, 161.4476},
		{0.95, 5, 10, 3.3258},
		{0.95, 10, 10, 2.9782},
		{0.95, 3, 20, 3.0984},
		{0.975, 5, 15, 3.5764},
		{0.99, 10, 20, 3.3682},
		{0.99, 1, 10, 10.0443},
	} {
		got := reliability.FQuantile(c.p, c.d1, c.d2)
		if math.Round(got*1e4)/1e4 != c.want {
			t.Errorf("FQuantile(%v, %v, %v) = %.6f, want %.4f", c.p, c.d1, c.d2, got, c.want)
		}
	}
}

func TestFQuantileClosedForms(t *testing.T) {
	t.Run("two numerator degrees of freedom", func(t *testing.T) {
		// P(F ≤ f) = 1 − (1 + 2f/d2)^(−d2/2) for F(2, d2).
		for _, d2 := range []float64{1, 3, 7.5, 18, 120} {
			for _, p := range []float64{0.025, 0.5, 0.95, 0.975} {
				want := d2 / 2 * (math.Pow(1-p, -2/d2) - 1)
				if got := reliability.FQuantile(p, 2, d2); math.Abs(got-want) > 1e-9*math.Max(1, want) {
					t.Errorf("FQuantile(%v, 2, %v) = %v, want %v", p, d2, got, want)
				}
			}
		}
	})
	t.Run("one and one degrees of freedom", func(t *testing.T) {
		// F(1, 1) is the square of a Cauchy variable: f = tan²(πp/2).
		for _, p := range []float64{0.1, 0.5, 0.9, 0.975} {
			want := math.Pow(math.Tan(math.Pi*p/2), 2)
			if got := reliability.FQuantile(p, 1, 1); math.Abs(got-want) > 1e-9*math.Max(1, want) {
				t.Errorf("FQuantile(%v, 1, 1) = %v, want %v", p, got, want)
			}
		}
	})
	t.Run("lower quantiles are reciprocal upper ones", func(t *testing.T) {
		for _, d := range [][2]float64{{5, 18}, {5, 15}, {3.3, 41.7}} {
			lo, hi := reliability.FQuantile(0.025, d[0], d[1]), reliability.FQuantile(0.975, d[1], d[0])
			if math.Abs(lo*hi-1) > 1e-9 {
				t.Errorf("FQuantile(0.025, %v, %v) · FQuantile(0.975, %v, %v) = %v, want 1", d[0], d[1], d[1], d[0], lo*hi)
			}
		}
	})
	t.Run("the distribution function inverts the quantile", func(t *testing.T) {
		for _, p := range []float64{1e-6, 0.3, 0.975, 1 - 1e-9} {
			if got := reliability.FCDF(reliability.FQuantile(p, 4, 9), 4, 9); math.Abs(got-p) > 1e-12 {
				t.Errorf("FCDF(FQuantile(%v, 4, 9)) = %v", p, got)
			}
		}
	})
	t.Run("out of range arguments give NaN", func(t *testing.T) {
		for _, a := range [][3]float64{{0, 1, 1}, {1, 1, 1}, {0.5, 0, 1}, {0.5, 1, -2}, {math.NaN(), 1, 1}, {0.5, math.Inf(1), 1}} {
			if got := reliability.FQuantile(a[0], a[1], a[2]); !math.IsNaN(got) {
				t.Errorf("FQuantile(%v) = %v, want NaN", a, got)
			}
		}
	})
}

func TestRegIncBeta(t *testing.T) {
	for _, c := range []struct {
		name    string
		x, a, b float64
		want    float64
	}{
		{"I_x(1, b) = 1 − (1 − x)^b", 0.3, 1, 4.5, 1 - math.Pow(0.7, 4.5)},
		{"I_x(a, 1) = x^a", 0.8, 2.5, 1, math.Pow(0.8, 2.5)},
		{"symmetric at one half", 0.5, 7.25, 7.25, 0.5},
		{"ends: 0", 0, 3, 4, 0},
		{"ends: 1", 1, 3, 4, 1},
		// I_x(2, 3) = 6x²(1/2 − 2x/3 + x²/4) integrated: 6x² − 8x³ + 3x⁴.
		{"a polynomial case", 0.4, 2, 3, 6*0.16 - 8*0.064 + 3*0.0256},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := reliability.RegIncBeta(c.x, c.a, c.b); math.Abs(got-c.want) > 1e-13 {
				t.Errorf("RegIncBeta(%v, %v, %v) = %.15f, want %.15f", c.x, c.a, c.b, got, c.want)
			}
		})
	}
	if got := reliability.RegIncBeta(1.5, 1, 1); !math.IsNaN(got) {
		t.Errorf("RegIncBeta(1.5, 1, 1) = %v, want NaN", got)
	}
}
