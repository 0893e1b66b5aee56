package scoring_test

import (
	"math"
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want scoring.Stats
	}{
		{"empty gives zero stats", nil, scoring.Stats{}},
		{"single value has zero sd", []float64{7},
			scoring.Stats{N: 1, Mean: 7, Median: 7, SD: 0, Min: 7, Max: 7, Range: 0}},
		{"odd count takes middle value", []float64{9, 6, 8, 7, 10, 6, 1},
			scoring.Stats{N: 7, Mean: 6.714286, Median: 7, SD: 2.927700, Min: 1, Max: 10, Range: 9}},
		{"even count averages middle values", []float64{9, 6, 8, 7, 10, 6},
			scoring.Stats{N: 6, Mean: 7.666667, Median: 7.5, SD: 1.632993, Min: 6, Max: 10, Range: 4}},
		{"equal values have zero sd", []float64{0.1, 0.1, 0.1},
			scoring.Stats{N: 3, Mean: 0.1, Median: 0.1, SD: 0, Min: 0.1, Max: 0.1, Range: 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoring.Describe(tt.in)
			if got.N != tt.want.N || !near(got.Mean, tt.want.Mean) || !near(got.Median, tt.want.Median) ||
				!near(got.SD, tt.want.SD) || got.Min != tt.want.Min || got.Max != tt.want.Max ||
				!near(got.Range, tt.want.Range) {
				t.Errorf("Describe(%v) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
	t.Run("input is left unsorted", func(t *testing.T) {
		in := []float64{3, 1, 2}
		scoring.Describe(in)
		if want := []float64{3, 1, 2}; !slices.Equal(in, want) {
			t.Errorf("Describe modified its input to %v, want %v", in, want)
		}
	})
}

func TestDescribeMeanOfHugeValues(t *testing.T) {
	big := math.MaxFloat64
	for _, tt := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{big, big, big}, big},
		{[]float64{1e308, 1e308}, 1e308},
		{[]float64{-big, big, 0}, 0},
	} {
		if got := scoring.Describe(tt.in).Mean; got != tt.want {
			t.Errorf("Describe(%v).Mean = %v, want %v", tt.in, got, tt.want)
		}
	}
}
