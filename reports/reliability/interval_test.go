package reliability_test

import (
	"errors"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

func TestIntervalsShroutFleiss(t *testing.T) {
	// 95 % intervals of the Shrout & Fleiss (1979) data as R's psych::ICC
	// prints them in its example (lower bound to three decimals, upper to
	// two), computed there by the F-based formulas of McGraw & Wong
	// (1996), Tables 7 and 8: ICC1 [−0.133, 0.72], ICC2 [0.019, 0.76],
	// ICC3 [0.342, 0.95], ICC1k [−0.884, 0.91], ICC2k [0.071, 0.93],
	// ICC3k [0.676, 0.99].
	r, err := reliability.ICC(shroutFleiss)
	if err != nil {
		t.Fatal(err)
	}
	iv, err := r.Intervals(0.95)
	if err != nil {
		t.Fatalf("Intervals(0.95) error: %v", err)
	}
	for _, c := range []struct {
		name         string
		got          reliability.Bounds
		lower, upper float64
	}{
		{"ICC(1,1)", iv.ICC1, -0.133, 0.72},
		{"ICC(2,1)", iv.ICC2, 0.019, 0.76},
		{"ICC(3,1)", iv.ICC3, 0.342, 0.95},
		{"ICC(1,k)", iv.ICC1k, -0.884, 0.91},
		{"ICC(2,k)", iv.ICC2k, 0.071, 0.93},
		{"ICC(3,k)", iv.ICC3k, 0.676, 0.99},
	} {
		if round(c.got.Lower, 3) != c.lower || round(c.got.Upper, 2) != c.upper {
			t.Errorf("%s 95 %% interval = [%.6f, %.6f], want [%.3f, %.2f]", c.name, c.got.Lower, c.got.Upper, c.lower, c.upper)
		}
	}
	t.Run("consistency bounds follow from the F quantiles", func(t *testing.T) {
		// McGraw & Wong (1996), Table 7, case 3: F_L = F/F(.975; n−1, (n−1)(k−1)),
		// F_U = F·F(.975; (n−1)(k−1), n−1) with F = MSR/MSE = 11.027248
		// on 5 and 15 degrees of freedom.
		f := r.MSBetweenTargets / r.MSResidual
		fl, fu := f/reliability.FQuantile(0.975, 5, 15), f*reliability.FQuantile(0.975, 15, 5)
		if want := (fl - 1) / (fl + 3); !closeTo(iv.ICC3.Lower, want, 1e-12) {
			t.Errorf("ICC(3,1) lower = %v, want %v", iv.ICC3.Lower, want)
		}
		if want := 1 - 1/fu; !closeTo(iv.ICC3k.Upper, want, 1e-12) {
			t.Errorf("ICC(3,k) upper = %v, want %v", iv.ICC3k.Upper, want)
		}
	})
	t.Run("each interval holds its estimate", func(t *testing.T) {
		for name, est := range forms(r) {
			b := map[string]reliability.Bounds{"ICC1": iv.ICC1, "ICC2": iv.ICC2, "ICC3": iv.ICC3,
				"ICC1k": iv.ICC1k, "ICC2k": iv.ICC2k, "ICC3k": iv.ICC3k}[name]
			if !(b.Lower < est && est < b.Upper) {
				t.Errorf("%s = %v lies outside [%v, %v]", name, est, b.Lower, b.Upper)
			}
		}
	})
	t.Run("a higher level widens every interval", func(t *testing.T) {
		wide, _ := r.Intervals(0.99)
		if !(wide.ICC2.Lower < iv.ICC2.Lower && wide.ICC2.Upper > iv.ICC2.Upper) {
			t.Errorf("99 %% ICC(2,1) = %+v is not wider than 95 %% %+v", wide.ICC2, iv.ICC2)
		}
	})
}

func TestIntervalsEdges(t *testing.T) {
	t.Run("perfect agreement gives the point 1", func(t *testing.T) {
		r, err := reliability.ICC([][]float64{{1, 1}, {4, 4}, {2, 2}})
		if err != nil {
			t.Fatal(err)
		}
		iv, err := r.Intervals(0.95)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range []reliability.Bounds{iv.ICC1, iv.ICC2, iv.ICC3, iv.ICC1k, iv.ICC2k, iv.ICC3k} {
			if b.Lower != 1 || b.Upper != 1 {
				t.Errorf("interval = %+v, want [1, 1]", b)
			}
		}
	})
	t.Run("a level outside (0, 1) is invalid", func(t *testing.T) {
		r, _ := reliability.ICC(shroutFleiss)
		for _, level := range []float64{0, 1, -0.5, math.NaN()} {
			if _, err := r.Intervals(level); !errors.Is(err, reliability.ErrInvalid) {
				t.Errorf("Intervals(%v) error = %v, want ErrInvalid", level, err)
			}
		}
	})
	t.Run("an empty result has too little data", func(t *testing.T) {
		if _, err := (reliability.ICCResult{}).Intervals(0.95); !errors.Is(err, reliability.ErrInsufficientData) {
			t.Errorf("Intervals of an empty result error = %v, want ErrInsufficientData", err)
		}
	})
}

// round rounds x to d decimals.
func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}
