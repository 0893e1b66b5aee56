package kolada_test

import (
	"testing"

	"github.com/leanforum/awards/store/kolada"
)

func TestParseNumber(t *testing.T) {
	good := map[string]float64{"105": 105, "-1.5": -1.5, "+2": 2, "1e3": 1000, "1.25E-2": 0.0125, ".5": 0.5, "7.": 7, "1e15": 1e15}
	for in, want := range good {
		if got, err := kolada.ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"1_000", "0x1p4", "0x10", "Inf", "-Inf", "NaN", "1e308", "-2e15", "1,5", "", " 1", "1e", "--1", "١٢"} {
		if got, err := kolada.ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %v, want an error", in, got)
		}
	}
}
