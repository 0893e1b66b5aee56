package graph_test

import (
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

// seedRanking writes a cycle in CONSENSUS with apps applications, each
// scored by every one of jurors jurors on crits criteria (storetest.SeedRanking).
func seedRanking(tb testing.TB, _ *env, dsn string, apps, jurors, crits int) string {
	tb.Helper()
	return storetest.SeedRanking(tb, dsn, apps, jurors, crits)
}

// fullRanking asks for the ranking in all three views with flags, juror
// severity and reliability (per-cell detail is a field of its own).
const fullRanking = `query($c: ID!) { cycle(id: $c) { ranking {
	applications { applicationId title organisationName raw { rank total percent coverage } zScore { rank total rankChange }
		severity { rank total rankChange } }
	flags { applicationId criterionId range sd byRange bySd hasConsensus }
	jurors { jurorId name n mean spread offset consensusN }
	reliability { cycle { icc { icc1 icc2 icc3 icc1k icc2k icc3k n k } iccNote alpha { level alpha units values } }
		criteria { code icc { icc1 icc2 icc3 n k } alpha { level alpha units } } } } } }`

func TestRankingStatementCount(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	cycle := seedRanking(t, e, dsn, 20, 7, 10)
	r := e.gql(e.admin(), fullRanking, map[string]any{"c": cycle}).ok()
	if n := len(r.get("cycle.ranking.applications").([]any)); n != 20 {
		t.Fatalf("ranked %d applications, want 20", n)
	}
	icc := r.get("cycle.ranking.reliability.cycle.icc").(map[string]any)
	if icc["n"] != 200.0 || icc["k"] != 7.0 {
		t.Errorf("cycle ICC used n = %v, k = %v; want 200 cells × 7 jurors", icc["n"], icc["k"])
	}
	// authentication, cycle, criteria, ranking data, jury
	if got := e.logs.lastStatements(); got != 5 {
		t.Errorf("the ranking took %d SQL statements, want 5", got)
	}
}

// BenchmarkRanking asks for the ranking of 200 applications × 7 jurors ×
// 10 criteria with every view and reliability, through the HTTP handler.
func BenchmarkRanking(b *testing.B) {
	dsn := storetest.NewDatabase(b)
	e := newEnvAt(b, dsn)
	cycle := seedRanking(b, e, dsn, 200, 7, 10)
	admin := e.admin()
	vars := map[string]any{"c": cycle}
	e.gql(admin, fullRanking, vars).ok()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		if status := e.serve(admin, fullRanking, vars); status != 200 {
			b.Fatalf("status %d", status)
		}
	}
	b.StopTimer()
	b.ReportMetric((processCPU()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(e.logs.lastStatements()), "statements/op")
}
