package assign_test

import (
	"math/bits"

	"github.com/leanforum/awards/reports/assign"
)

// best is the optimum brute force finds: the least spread, the least sum
// of squared loads, and the greatest preference total among plans with
// that sum of squares.
type best struct {
	spread, squares, preference int
}

// bruteForce tries every valid assignment of a tiny instance (jurors fit
// in a bitmask) and returns the optimum, or false when none exists.
func bruteForce(in assign.Input) (best, bool) {
	f := factsOf(in)
	load := make([]int, len(in.Jurors))
	for j, juror := range in.Jurors {
		load[j] = f.fixedJuror[juror]
	}
	b := best{spread: -1}
	var walk func(a, preference int)
	walk = func(a, preference int) {
		if a == len(in.Applications) {
			b.consider(in, f, load, preference)
			return
		}
		app := in.Applications[a]
		need := in.PerApplication - f.fixedApp[app]
		for mask := 0; mask < 1<<len(in.Jurors); mask++ {
			if bits.OnesCount(uint(mask)) != need {
				continue
			}
			if gain, ok := chosen(in, f, app, mask); ok {
				addMask(load, mask, 1)
				walk(a+1, preference+gain)
				addMask(load, mask, -1)
			}
		}
	}
	walk(0, 0)
	return b, b.spread >= 0
}

// chosen reports whether the jurors in mask are all free for app, and
// their preference total.
func chosen(in assign.Input, f facts, app string, mask int) (int, bool) {
	gain := 0
	for j, juror := range in.Jurors {
		if mask&(1<<j) == 0 {
			continue
		}
		pair := assign.Pair{Juror: juror, Application: app}
		if !f.free(pair) {
			return 0, false
		}
		gain += in.Preferences[pair]
	}
	return gain, true
}

func addMask(load []int, mask, delta int) {
	for j := range load {
		if mask&(1<<j) != 0 {
			load[j] += delta
		}
	}
}

// consider folds one complete assignment into b.
func (b *best) consider(in assign.Input, f facts, load []int, preference int) {
	lo, hi, sq := load[0], load[0], 0
	for j, n := range load {
		if in.MaxLoad > 0 && n > max(in.MaxLoad, f.fixedJuror[in.Jurors[j]]) {
			return
		}
		lo, hi, sq = min(lo, n), max(hi, n), sq+n*n
	}
	if b.spread < 0 {
		*b = best{spread: hi - lo, squares: sq, preference: preference}
		return
	}
	b.spread = min(b.spread, hi-lo)
	switch {
	case sq < b.squares:
		b.squares, b.preference = sq, preference
	case sq == b.squares:
		b.preference = max(b.preference, preference)
	}
}
