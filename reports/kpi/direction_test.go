package kpi_test

import (
	"encoding/json"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

func TestParseDirection(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want kpi.Direction
	}{
		{"higher is better", "HIGHER_IS_BETTER", kpi.HigherIsBetter},
		{"lower is better", "LOWER_IS_BETTER", kpi.LowerIsBetter},
		{"neutral", "NEUTRAL", kpi.Neutral},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := kpi.ParseDirection(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseDirection(%q) = %v, %v, want %v, nil", tt.in, got, err, tt.want)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("%v.String() = %q, want %q", got, s, tt.in)
			}
		})
	}
}

func TestParseDirectionRejects(t *testing.T) {
	for _, in := range []string{"", "higher_is_better", "HIGHER", " NEUTRAL", "Direction(1)"} {
		t.Run("rejects "+in, func(t *testing.T) {
			if got, err := kpi.ParseDirection(in); err == nil {
				t.Errorf("ParseDirection(%q) = %v, nil, want an error", in, got)
			}
		})
	}
}

func TestDirectionString(t *testing.T) {
	t.Run("zero value is not a direction", func(t *testing.T) {
		if got, want := kpi.Direction(0).String(), "Direction(0)"; got != want {
			t.Errorf("Direction(0).String() = %q, want %q", got, want)
		}
	})
}

func TestDirectionJSON(t *testing.T) {
	t.Run("round trip through text", func(t *testing.T) {
		in := map[string]kpi.Direction{"U33401": kpi.LowerIsBetter}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(b), `{"U33401":"LOWER_IS_BETTER"}`; got != want {
			t.Errorf("json.Marshal(%v) = %s, want %s", in, got, want)
		}
		var out map[string]kpi.Direction
		if err := json.Unmarshal(b, &out); err != nil || out["U33401"] != kpi.LowerIsBetter {
			t.Errorf("json.Unmarshal(%s) = %v, %v, want LOWER_IS_BETTER", b, out, err)
		}
	})
	t.Run("invalid direction does not marshal", func(t *testing.T) {
		if b, err := json.Marshal(kpi.Direction(9)); err == nil {
			t.Errorf("json.Marshal(Direction(9)) = %s, nil, want an error", b)
		}
	})
}

func TestBetter(t *testing.T) {
	tests := []struct {
		name string
		d    kpi.Direction
		a, b float64
		want bool
	}{
		{"higher value wins when higher is better", kpi.HigherIsBetter, 2, 1, true},
		{"lower value loses when higher is better", kpi.HigherIsBetter, 1, 2, false},
		{"lower value wins when lower is better", kpi.LowerIsBetter, 105, 140, true},
		{"equal values are not better", kpi.LowerIsBetter, 5, 5, false},
		{"nothing is better when neutral", kpi.Neutral, 2, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Better(tt.a, tt.b); got != tt.want {
				t.Errorf("%v.Better(%v, %v) = %v, want %v", tt.d, tt.a, tt.b, got, tt.want)
			}
		})
	}
}
