package assign_test

import (
	"errors"
	"testing"

	"github.com/leanforum/awards/reports/assign"
)

func TestAssignInfeasible(t *testing.T) {
	xyz := []string{"x", "y", "z"}
	tests := []struct {
		name string
		in   assign.Input
		want assign.InfeasibleError
		msg  string
	}{{
		name: "more jurors per application than jurors",
		in:   assign.Input{Applications: []string{"a"}, Jurors: []string{"x", "y"}, PerApplication: 3},
		want: assign.InfeasibleError{Reason: assign.NotEnoughJurors, Need: 3, Have: 2},
		msg:  "assign: 3 jurors per application required but only 2 jurors available",
	}, {
		name: "application with more fixed jurors than required",
		in: assign.Input{
			Applications: []string{"a"}, Jurors: xyz, PerApplication: 1,
			Fixed: []assign.Pair{pair("x", "a"), pair("y", "a")},
		},
		want: assign.InfeasibleError{Reason: assign.OverFixed, Application: "a", Need: 1, Have: 2},
		msg:  `assign: application "a" already has 2 fixed jurors, more than the 1 required`,
	}, {
		name: "application with too few unconflicted jurors",
		in: assign.Input{
			Applications: []string{"a", "b"}, Jurors: xyz, PerApplication: 2,
			Conflicts: []assign.Pair{pair("x", "b"), pair("y", "b")},
		},
		want: assign.InfeasibleError{Reason: assign.TooFewCandidates, Application: "b", Need: 2, Have: 1},
		msg:  `assign: application "b" needs 2 more jurors but only 1 are unconflicted and not yet assigned`,
	}, {
		name: "fixed jurors leave too few candidates",
		in: assign.Input{
			Applications: []string{"a"}, Jurors: xyz, PerApplication: 3,
			Conflicts: []assign.Pair{pair("z", "a")}, Fixed: []assign.Pair{pair("x", "a")},
		},
		want: assign.InfeasibleError{Reason: assign.TooFewCandidates, Application: "a", Need: 2, Have: 1},
	}, {
		name: "maximum load below the total work",
		in: assign.Input{
			Applications: []string{"a", "b", "c"}, Jurors: []string{"x", "y"}, PerApplication: 1, MaxLoad: 1,
		},
		want: assign.InfeasibleError{Reason: assign.OverCapacity, Need: 3, Have: 2},
		msg:  "assign: 3 assignments needed but jurors can take only 2 more within the maximum load",
	}, {
		name: "conflicts and load limit together leave an application short",
		in: assign.Input{
			Applications: []string{"a", "b", "c"}, Jurors: xyz, PerApplication: 1, MaxLoad: 1,
			Conflicts: []assign.Pair{pair("y", "a"), pair("z", "a"), pair("y", "b"), pair("z", "b")},
		},
		want: assign.InfeasibleError{Reason: assign.NoAssignment, Application: "b", Need: 3, Have: 2},
		msg:  `assign: conflicts and load limits allow only 2 of 3 assignments; application "b" cannot be filled`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := assign.Assign(tt.in)
			var got *assign.InfeasibleError
			if !errors.As(err, &got) {
				t.Fatalf("Assign(%+v) = %v, %v, want *InfeasibleError", tt.in, plan, err)
			}
			if *got != tt.want {
				t.Errorf("Assign(%+v) error = %+v, want %+v", tt.in, *got, tt.want)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("Assign(%+v) error = %q, want %q", tt.in, err, tt.msg)
			}
			if plan.Pairs != nil || plan.Load != nil {
				t.Errorf("Assign(%+v) plan = %+v, want none", tt.in, plan)
			}
		})
	}
}

func TestAssignInvalidInput(t *testing.T) {
	base := func(edit func(*assign.Input)) assign.Input {
		in := assign.Input{Applications: []string{"a", "b"}, Jurors: []string{"x", "y"}, PerApplication: 1}
		edit(&in)
		return in
	}
	tests := []struct {
		name string
		in   assign.Input
	}{
		{"zero jurors per application", base(func(in *assign.Input) { in.PerApplication = 0 })},
		{"negative jurors per application", base(func(in *assign.Input) { in.PerApplication = -1 })},
		{"negative maximum load", base(func(in *assign.Input) { in.MaxLoad = -1 })},
		{"duplicate application", base(func(in *assign.Input) { in.Applications = []string{"a", "b", "a"} })},
		{"empty juror id", base(func(in *assign.Input) { in.Jurors = []string{"x", ""} })},
		{"fixed pair with unknown juror", base(func(in *assign.Input) { in.Fixed = []assign.Pair{pair("w", "a")} })},
		{"fixed pair with unknown application", base(func(in *assign.Input) { in.Fixed = []assign.Pair{pair("x", "c")} })},
		{"fixed pair given twice", base(func(in *assign.Input) { in.Fixed = []assign.Pair{pair("x", "a"), pair("x", "a")} })},
		{"fixed pair that is a conflict", base(func(in *assign.Input) {
			in.Fixed = []assign.Pair{pair("x", "a")}
			in.Conflicts = []assign.Pair{pair("x", "a")}
		})},
		{"preference out of range", base(func(in *assign.Input) {
			in.Preferences = map[assign.Pair]int{pair("x", "a"): assign.MaxPreference + 1}
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := assign.Assign(tt.in)
			if !errors.Is(err, assign.ErrInvalidInput) {
				t.Errorf("Assign(%+v) = %v, %v, want ErrInvalidInput", tt.in, plan, err)
			}
		})
	}
}

func TestAssignIgnoresUnknownIDsOutsideFixed(t *testing.T) {
	in := assign.Input{
		Applications: []string{"a"}, Jurors: []string{"x"}, PerApplication: 1,
		Conflicts:   []assign.Pair{pair("x", "withdrawn"), pair("retired", "a")},
		Preferences: map[assign.Pair]int{pair("x", "withdrawn"): 10 * assign.MaxPreference},
	}
	got, err := assign.Assign(in)
	if err != nil {
		t.Fatalf("Assign(%+v) error = %v, want nil", in, err)
	}
	checkPlan(t, in, got)
}

func TestReasonString(t *testing.T) {
	tests := []struct {
		in   assign.Reason
		want string
	}{
		{assign.NotEnoughJurors, "not_enough_jurors"},
		{assign.OverFixed, "over_fixed"},
		{assign.TooFewCandidates, "too_few_candidates"},
		{assign.OverCapacity, "over_capacity"},
		{assign.NoAssignment, "no_assignment"},
		{assign.Reason(99), "reason(99)"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Reason(%d).String() = %q, want %q", int(tt.in), got, tt.want)
		}
	}
}
