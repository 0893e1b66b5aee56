package kpi_test

import (
	"math"
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// tiny is a hand-worked example. Variable 1 is 2, 4, 4, 4, 6: mean 4,
// sample SD √2, z = −√2, 0, 0, 0, √2. Variable 2 is 10, 10, 20, 30, 30:
// mean 20, sample SD 10, z = −1, −1, 0, 1, 1.
func tiny() map[string][]float64 {
	return map[string][]float64{
		"0101": {2, 10},
		"0102": {4, 10},
		"0103": {4, 20},
		"0104": {4, 30},
		"0105": {6, 30},
	}
}

func TestSimilarHandWorked(t *testing.T) {
	r2, r3, r6, r8, r12 := math.Sqrt2, math.Sqrt(3), math.Sqrt(6), math.Sqrt(8), math.Sqrt(12)
	tests := []struct {
		name    string
		code    string
		weights []float64
		k       int
		want    []kpi.Neighbour
	}{
		{"equal distances are ordered by code", "0103", nil, 0,
			[]kpi.Neighbour{{"0102", 1}, {"0104", 1}, {"0101", r3}, {"0105", r3}}},
		{"equal weights", "0102", nil, 0,
			[]kpi.Neighbour{{"0103", 1}, {"0101", r2}, {"0104", 2}, {"0105", r6}}},
		{"weighting the first variable reorders", "0102", []float64{4, 1}, 0,
			[]kpi.Neighbour{{"0103", 1}, {"0104", 2}, {"0101", r8}, {"0105", r12}}},
		{"a zero weight ignores a variable", "0102", []float64{0, 1}, 0,
			[]kpi.Neighbour{{"0101", 0}, {"0103", 1}, {"0104", 2}, {"0105", 2}}},
		{"k limits the answer", "0102", nil, 2,
			[]kpi.Neighbour{{"0103", 1}, {"0101", r2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.Similar(tt.code, tiny(), tt.weights, tt.k)
			if err != nil {
				t.Fatal(err)
			}
			if !sameNeighbours(got, tt.want) {
				t.Errorf("Similar(%s, %v, %d) = %v, want %v", tt.code, tt.weights, tt.k, got, tt.want)
			}
		})
	}
}

// sameNeighbours reports whether a and b list the same codes in the same
// order at the same distances, to rounding.
func sameNeighbours(a, b []kpi.Neighbour) bool {
	return slices.EqualFunc(a, b, func(x, y kpi.Neighbour) bool {
		return x.Code == y.Code && near(x.Distance, y.Distance, 1e-12)
	})
}

func TestSimilarConstantVariable(t *testing.T) {
	t.Run("a variable without spread tells none apart", func(t *testing.T) {
		vars := map[string][]float64{"0001": {1, 0.1}, "0002": {2, 0.1}, "0003": {4, 0.1}}
		got, err := kpi.Similar("0001", vars, nil, 0)
		want := []kpi.Neighbour{{"0002", 1 / math.Sqrt(7.0/3)}, {"0003", 3 / math.Sqrt(7.0/3)}}
		if err != nil || !sameNeighbours(got, want) {
			t.Errorf("Similar(0001) = %v, %v, want %v", got, err, want)
		}
	})
}

func TestSimilarRejects(t *testing.T) {
	tests := []struct {
		name    string
		code    string
		vars    map[string][]float64
		weights []float64
	}{
		{"unknown municipality", "0999", tiny(), nil},
		{"a single municipality", "0101", map[string][]float64{"0101": {1}}, nil},
		{"no variables", "0101", map[string][]float64{"0101": {}, "0102": {}}, nil},
		{"ragged variables", "0101", map[string][]float64{"0101": {1, 2}, "0102": {1}}, nil},
		{"NaN variable", "0101", map[string][]float64{"0101": {1}, "0102": {math.NaN()}}, nil},
		{"bad code", "0101", map[string][]float64{"0101": {1}, "102": {2}}, nil},
		{"wrong number of weights", "0101", tiny(), []float64{1}},
		{"negative weight", "0101", tiny(), []float64{1, -1}},
		{"all weights zero", "0101", tiny(), []float64{0, 0}},
		{"NaN weight", "0101", tiny(), []float64{1, math.NaN()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := kpi.Similar(tt.code, tt.vars, tt.weights, 0); err == nil {
				t.Errorf("Similar(%s, %v, %v) = %v, nil, want an error", tt.code, tt.vars, tt.weights, got)
			}
		})
	}
}

// structureColumns returns the structural variables used on the real data,
// population first.
func structureColumns() []string {
	return []string{"pop", "share0_19", "share75_", "share_tertiary_school", "tax_base"}
}

func TestSimilarRealData(t *testing.T) {
	vars, names := municipData(t, structureColumns()...)
	if len(vars) != 290 {
		t.Fatalf("municip_data22.csv has %d municipalities, want 290", len(vars))
	}
	for _, code := range []string{"0180", "1480", "2417", "0560", "1880"} {
		t.Run("seven distinct others for "+names[code], func(t *testing.T) {
			got, err := kpi.Similar(code, vars, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, n := range got {
				if n.Code == code || seen[n.Code] {
					t.Errorf("Similar(%s) = %v, want seven distinct others", code, got)
				}
				seen[n.Code] = true
			}
			if len(got) != 7 {
				t.Errorf("Similar(%s) has %d neighbours, want 7", code, len(got))
			}
		})
	}
	t.Run("Stockholm is nearest Göteborg, then Malmö", func(t *testing.T) {
		got, err := kpi.Similar("0180", vars, nil, 0)
		if err != nil || got[0].Code != "1480" || got[1].Code != "1280" {
			t.Errorf("Similar(0180) = %v, %v, want 1480 Göteborg, 1280 Malmö first", got, err)
		}
	})
	t.Run("small Norsjö is near small municipalities", func(t *testing.T) {
		got, err := kpi.Similar("2417", vars, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range got {
			if pop := vars[n.Code][0]; pop >= 25000 {
				t.Errorf("Similar(2417) includes %s %s with %v inhabitants, want under 25,000", n.Code, names[n.Code], pop)
			}
		}
	})
}

func TestSimilarSymmetric(t *testing.T) {
	vars, _ := municipData(t, structureColumns()...)
	codes := []string{"0180", "1480", "1280", "2417", "0560", "0114"}
	dist := map[[2]string]float64{}
	for _, a := range codes {
		all, err := kpi.Similar(a, vars, []float64{2, 1, 1, 1, 0.5}, len(vars))
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(vars)-1 {
			t.Fatalf("Similar(%s, k = %d) has %d neighbours, want %d", a, len(vars), len(all), len(vars)-1)
		}
		for _, n := range all {
			dist[[2]string{a, n.Code}] = n.Distance
		}
	}
	for _, a := range codes {
		for _, b := range codes {
			if a != b && dist[[2]string{a, b}] != dist[[2]string{b, a}] {
				t.Errorf("distance(%s, %s) = %v, distance(%s, %s) = %v, want equal",
					a, b, dist[[2]string{a, b}], b, a, dist[[2]string{b, a}])
			}
		}
	}
}
