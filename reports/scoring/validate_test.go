package scoring_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/scoring"
)

func TestRankValidation(t *testing.T) {
	good := []scoring.Criterion{criterion("c", 0, 100)}
	score := func(app, juror, crit string, v float64) scoring.Score {
		return scoring.Score{Application: app, Juror: juror, Criterion: crit, Value: v}
	}
	ok := []scoring.Score{score("a", "j", "c", 50)}
	tests := []struct {
		name     string
		criteria []scoring.Criterion
		scores   []scoring.Score
		opt      scoring.Options
		want     string
	}{
		{"no criteria", nil, ok, scoring.Options{}, "no criteria"},
		{"empty criterion id", []scoring.Criterion{criterion("", 0, 1)}, nil, scoring.Options{}, "criterion 0: empty id"},
		{"duplicate criterion", []scoring.Criterion{criterion("c", 0, 1), criterion("c", 0, 1)}, nil,
			scoring.Options{}, `criterion "c": duplicate id`},
		{"zero weight", []scoring.Criterion{{ID: "c", Max: 1}}, nil, scoring.Options{}, "weight 0"},
		{"NaN weight", []scoring.Criterion{{ID: "c", Weight: math.NaN(), Max: 1}}, nil, scoring.Options{}, "weight NaN"},
		{"empty scale", []scoring.Criterion{criterion("c", 5, 5)}, nil, scoring.Options{}, "scale [5, 5] is empty"},
		{"infinite scale", []scoring.Criterion{criterion("c", 0, math.Inf(1))}, nil, scoring.Options{}, "not finite"},
		{"all criteria independent", []scoring.Criterion{{ID: "c", Weight: 1, Max: 1, Independent: true}}, nil,
			scoring.Options{}, "no summed criterion"},
		{"unknown criterion", good, []scoring.Score{score("a", "j", "x", 1)}, scoring.Options{}, "unknown criterion"},
		{"value above scale", good, []scoring.Score{score("a", "j", "c", 101)}, scoring.Options{}, "value 101 outside scale [0, 100]"},
		{"value below scale", good, []scoring.Score{score("a", "j", "c", -5)}, scoring.Options{}, "value -5 outside scale"},
		{"NaN value", good, []scoring.Score{score("a", "j", "c", math.NaN())}, scoring.Options{}, "value NaN is not a finite number"},
		{"infinite value", good, []scoring.Score{score("a", "j", "c", math.Inf(-1))}, scoring.Options{}, "value -Inf"},
		{"empty application", good, []scoring.Score{score("", "j", "c", 1)}, scoring.Options{}, "empty application id"},
		{"empty juror", good, []scoring.Score{score("a", "", "c", 1)}, scoring.Options{}, "empty juror id"},
		{"duplicate score", good,
			[]scoring.Score{score("a", "j", "c", 1), score("a", "k", "c", 2), score("a", "j", "c", 3)},
			scoring.Options{}, `score 2 (application "a", juror "j", criterion "c"): duplicates score 0`},
		{"unknown aggregation", good, ok, scoring.Options{Aggregation: 7}, "unknown aggregation Aggregation(7)"},
		{"negative range share", good, ok, scoring.Options{RangeShare: -0.1}, "range share -0.1"},
		{"NaN sd share", good, ok, scoring.Options{SDShare: math.NaN()}, "sd share NaN"},
		{"negative tolerance", good, ok, scoring.Options{Tolerance: -1}, "tolerance -1"},
		{"consensus on unknown criterion", good, ok,
			scoring.Options{Consensus: map[scoring.CellKey]float64{{"a", "x"}: 1}}, `unknown criterion "x"`},
		{"consensus outside scale", good, ok,
			scoring.Options{Consensus: map[scoring.CellKey]float64{{"a", "c"}: 200}}, "value 200 outside scale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scoring.Rank(tt.criteria, tt.scores, tt.opt)
			if !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("Rank(%s) = %v, want an error wrapping ErrInvalid", tt.name, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "scoring: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("Rank(%s) = %q, want %q after the prefix \"scoring: \"", tt.name, msg, tt.want)
			}
		})
	}
}

func TestRankEmpty(t *testing.T) {
	r, err := scoring.Rank([]scoring.Criterion{criterion("c", 0, 1)}, nil, scoring.Options{})
	if err != nil || len(r.Cells) != 0 || len(r.Raw) != 0 || len(r.Jurors) != 0 {
		t.Errorf("Rank(no scores) = %+v, %v, want an empty ranking, nil", r, err)
	}
}

func TestRankConsensusErrorIsDeterministic(t *testing.T) {
	crit := []scoring.Criterion{criterion("c", 0, 100)}
	scores := []scoring.Score{{Application: "a", Juror: "j", Criterion: "c", Value: 1}}
	consensus := map[scoring.CellKey]float64{}
	for _, app := range []string{"m", "b", "x", "d", "q", "k", "z", "f"} {
		consensus[scoring.CellKey{Application: app, Criterion: "c"}] = 101
	}
	for range 20 {
		_, err := scoring.Rank(crit, scores, scoring.Options{Consensus: consensus})
		if err == nil || !strings.Contains(err.Error(), `application "b"`) {
			t.Fatalf("Rank(bad consensus) = %v, want the error for application \"b\"", err)
		}
	}
}
