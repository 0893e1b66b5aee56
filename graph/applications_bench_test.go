package graph_test

import (
	"testing"

	"github.com/leanforum/awards/graph"
)

// BenchmarkApplicationsList asks for 100 applications with organisation,
// members, answers, indicators, cycle, award and criteria through the HTTP
// handler, as an admin, and reports the allocations of one request, with
// the compiled executor and with graphql-go's alone.
func BenchmarkApplicationsList(b *testing.B) {
	e := newEnv(b)
	admin := e.admin()
	seedApplications(b, e, e.openCycle(admin, 2026), 100)
	for _, bb := range []struct {
		name string
		opts graph.Options
	}{{"compiled", graph.Options{}}, {"reference", graph.Options{ReferenceExecutor: true}}} {
		b.Run(bb.name, func(b *testing.B) {
			e := e.with(bb.opts)
			r := e.gql(admin, listApps, nil).ok()
			if n := len(r.get("applications.nodes").([]any)); n != 100 {
				b.Fatalf("nodes = %d, want 100", n)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if status := e.serve(admin, listApps, nil); status != 200 {
					b.Fatalf("status %d", status)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(e.logs.lastStatements()), "statements/op")
		})
	}
}
