package assign_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/leanforum/awards/reports/assign"
)

// pair abbreviates an assign.Pair literal.
func pair(juror, application string) assign.Pair {
	return assign.Pair{Juror: juror, Application: application}
}

func TestAssign(t *testing.T) {
	tests := []struct {
		name      string
		in        assign.Input
		wantPairs []assign.Pair // nil: any valid pairs
		wantLoad  map[string]int
	}{{
		name: "equal loads when the work divides evenly",
		in: assign.Input{
			Applications: []string{"a", "b", "c", "d", "e", "f"}, Jurors: []string{"x", "y", "z"},
			PerApplication: 2,
		},
		wantLoad: map[string]int{"x": 4, "y": 4, "z": 4},
	}, {
		name: "loads differ by one when they cannot be equal",
		in: assign.Input{
			Applications: []string{"a", "b", "c", "d", "e"}, Jurors: []string{"x", "y", "z"},
			PerApplication: 2,
		},
		wantLoad: map[string]int{"x": 4, "y": 3, "z": 3},
	}, {
		name: "conflict steers the choice",
		in: assign.Input{
			Applications: []string{"a", "b"}, Jurors: []string{"x", "y"}, PerApplication: 1,
			Conflicts: []assign.Pair{pair("x", "a")},
		},
		wantPairs: []assign.Pair{pair("y", "a"), pair("x", "b")},
		wantLoad:  map[string]int{"x": 1, "y": 1},
	}, {
		name: "fixed pairs count toward need and load",
		in: assign.Input{
			Applications: []string{"a", "b", "c"}, Jurors: []string{"x", "y", "z"}, PerApplication: 1,
			Fixed: []assign.Pair{pair("x", "a")},
		},
		wantPairs: []assign.Pair{pair("y", "b"), pair("z", "c")},
		wantLoad:  map[string]int{"x": 1, "y": 1, "z": 1},
	}, {
		name: "preferences choose among balanced plans",
		in: assign.Input{
			Applications: []string{"a", "b"}, Jurors: []string{"x", "y"}, PerApplication: 1,
			Preferences: map[assign.Pair]int{pair("y", "a"): 2, pair("x", "b"): 1},
		},
		wantPairs: []assign.Pair{pair("y", "a"), pair("x", "b")},
		wantLoad:  map[string]int{"x": 1, "y": 1},
	}, {
		name: "balance outranks preferences",
		in: assign.Input{
			Applications: []string{"a", "b"}, Jurors: []string{"x", "y"}, PerApplication: 1,
			Preferences: map[assign.Pair]int{pair("x", "a"): assign.MaxPreference, pair("x", "b"): assign.MaxPreference},
		},
		wantLoad: map[string]int{"x": 1, "y": 1},
	}, {
		name: "maximum load is respected",
		in: assign.Input{
			Applications: []string{"a", "b", "c"}, Jurors: []string{"x", "y"}, PerApplication: 1, MaxLoad: 2,
			Fixed: []assign.Pair{pair("x", "a"), pair("x", "b")},
		},
		wantPairs: []assign.Pair{pair("y", "c")},
		wantLoad:  map[string]int{"x": 2, "y": 1},
	}, {
		name:      "no applications leaves every juror idle",
		in:        assign.Input{Jurors: []string{"x", "y"}, PerApplication: 1},
		wantPairs: []assign.Pair{},
		wantLoad:  map[string]int{"x": 0, "y": 0},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := assign.Assign(tt.in)
			if err != nil {
				t.Fatalf("Assign(%+v) error = %v, want nil", tt.in, err)
			}
			checkPlan(t, tt.in, got)
			if tt.wantPairs != nil && !reflect.DeepEqual(got.Pairs, tt.wantPairs) {
				t.Errorf("Assign(%+v).Pairs = %v, want %v", tt.in, got.Pairs, tt.wantPairs)
			}
			if !reflect.DeepEqual(got.Load, tt.wantLoad) {
				t.Errorf("Assign(%+v).Load = %v, want %v", tt.in, got.Load, tt.wantLoad)
			}
		})
	}
}

func TestAssignMinimisesSpread(t *testing.T) {
	feasible, balanced := 0, 0
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 1))
		in := randomInput(rng, randomShape(rng, 40, 12))
		want, ok := minSpread(in)
		got, err := assign.Assign(in)
		if !ok {
			if err == nil {
				t.Errorf("seed %d: Assign = %v, want an error (no valid assignment exists)", seed, got.Pairs)
			}
			continue
		}
		if err != nil {
			t.Errorf("seed %d: Assign error = %v, want a plan with spread %d", seed, err, want)
			continue
		}
		checkPlan(t, in, got)
		if s := spread(got.Load); s != want {
			t.Errorf("seed %d: spread(Assign(in).Load) = %d, want %d", seed, s, want)
		}
		feasible++
		if want <= 1 {
			balanced++
		}
	}
	t.Logf("%d feasible instances, %d of them balanceable to within 1", feasible, balanced)
	if feasible < 100 || balanced < 50 {
		t.Errorf("only %d feasible and %d balanceable instances, want a richer sample", feasible, balanced)
	}
}

func TestAssignMatchesBruteForce(t *testing.T) {
	feasible := 0
	for seed := range uint64(400) {
		rng := rand.New(rand.NewPCG(seed, 2))
		in := randomInput(rng, randomShape(rng, 5, 4))
		want, ok := bruteForce(in)
		got, err := assign.Assign(in)
		if !ok {
			if err == nil {
				t.Errorf("seed %d: Assign = %v, want an error (brute force finds none)", seed, got.Pairs)
			}
			continue
		}
		if err != nil {
			t.Errorf("seed %d: Assign error = %v, want a plan", seed, err)
			continue
		}
		checkPlan(t, in, got)
		if s := spread(got.Load); s != want.spread {
			t.Errorf("seed %d: spread = %d, want %d", seed, s, want.spread)
		}
		if sq := squares(got.Load); sq != want.squares {
			t.Errorf("seed %d: sum of squared loads = %d, want %d", seed, sq, want.squares)
		}
		if p := preferenceTotal(in, got.Pairs); p != want.preference {
			t.Errorf("seed %d: preference total = %d, want %d", seed, p, want.preference)
		}
		feasible++
	}
	t.Logf("%d feasible instances", feasible)
	if feasible < 150 {
		t.Errorf("only %d feasible instances, want a richer sample", feasible)
	}
}

func TestAssignForcedImbalance(t *testing.T) {
	// Only x may judge a, b and c, so x carries at least 3, and d alone is
	// left for y and z: one of them stays idle, so the best spread is 3.
	in := assign.Input{
		Applications: []string{"a", "b", "c", "d"}, Jurors: []string{"x", "y", "z"}, PerApplication: 1,
		Conflicts: []assign.Pair{
			pair("y", "a"), pair("z", "a"), pair("y", "b"), pair("z", "b"), pair("y", "c"), pair("z", "c"),
		},
	}
	got, err := assign.Assign(in)
	if err != nil {
		t.Fatalf("Assign error = %v, want a plan", err)
	}
	checkPlan(t, in, got)
	want, ok := bruteForce(in)
	if !ok || want.spread != 3 {
		t.Fatalf("bruteForce = %+v, %t, want spread 3", want, ok)
	}
	if s := spread(got.Load); s != want.spread {
		t.Errorf("spread(Assign(in).Load) = %d, want %d", s, want.spread)
	}
	if got.Load["x"] != 3 {
		t.Errorf("Load[x] = %d, want 3 (d must go to y or z)", got.Load["x"])
	}
}

func TestAssignKeepsFixed(t *testing.T) {
	in := assign.Input{
		Applications: []string{"a", "b", "c", "d"}, Jurors: []string{"x", "y", "z"}, PerApplication: 2,
		Fixed: []assign.Pair{pair("x", "a"), pair("x", "b"), pair("x", "c"), pair("y", "a")},
	}
	got, err := assign.Assign(in)
	if err != nil {
		t.Fatalf("Assign error = %v, want a plan", err)
	}
	checkPlan(t, in, got)
	want := map[string]int{"x": 3, "y": 3, "z": 2}
	if !reflect.DeepEqual(got.Load, want) {
		t.Errorf("Assign(in).Load = %v, want %v", got.Load, want)
	}
	for _, p := range got.Pairs {
		if p.Application == "a" {
			t.Errorf("new pair %v for a, whose fixed jurors already fill it", p)
		}
	}
}

func TestAssignDeterministic(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 3))
		in := randomInput(rng, shape{apps: 60, jurors: 9, r: 3, conflict: 0.15, fixed: 0.05, prefs: true})
		want, err := assign.Assign(in)
		if err != nil {
			t.Fatalf("seed %d: Assign error = %v, want a plan", seed, err)
		}
		for range 5 {
			shuffled := shuffle(rng, in)
			got, err := assign.Assign(shuffled)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d: Assign(shuffled) = %v, %v, want %v, nil", seed, got, err, want)
			}
		}
	}
}

// shuffle returns in with every slice permuted and the preferences map
// rebuilt in a random order.
func shuffle(rng *rand.Rand, in assign.Input) assign.Input {
	out := in
	out.Applications = slices.Clone(in.Applications)
	out.Jurors = slices.Clone(in.Jurors)
	out.Conflicts = slices.Clone(in.Conflicts)
	out.Fixed = slices.Clone(in.Fixed)
	for _, s := range [][]string{out.Applications, out.Jurors} {
		rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	}
	for _, s := range [][]assign.Pair{out.Conflicts, out.Fixed} {
		rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	}
	keys := make([]assign.Pair, 0, len(in.Preferences))
	for k := range in.Preferences {
		keys = append(keys, k)
	}
	rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	out.Preferences = make(map[assign.Pair]int, len(keys))
	for _, k := range keys {
		out.Preferences[k] = in.Preferences[k]
	}
	return out
}
