package assign_test

import (
	"math/rand/v2"
	"testing"

	"github.com/leanforum/awards/reports/assign"
)

// BenchmarkAssign staffs 200 applications from 15 jurors, 3 each, with
// about 10 % of pairs conflicted.
func BenchmarkAssign(b *testing.B) {
	rng := rand.New(rand.NewPCG(42, 0))
	in := randomInput(rng, shape{apps: 200, jurors: 15, r: 3, conflict: 0.10})
	if _, err := assign.Assign(in); err != nil {
		b.Fatalf("Assign error = %v, want a plan", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := assign.Assign(in); err != nil {
			b.Fatal(err)
		}
	}
}
