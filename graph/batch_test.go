package graph_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
)

// seedApplications creates n organisations, each with an application
// carrying an answer per criterion and two indicators.
func seedApplications(tb testing.TB, e *env, c cycle, n int) {
	tb.Helper()
	ctx := store.WithActor(context.Background(), &store.Actor{UserID: 1, Role: store.RoleAdmin})
	day := time.Date(2012, 6, 1, 0, 0, 0, 0, time.UTC)
	inds := []store.IndicatorInput{
		{Name: "Väntetid", Direction: "LOWER_IS_BETTER", BaselineValue: 19, BaselineOn: day, CurrentValue: 10, CurrentOn: day},
		{Name: "Utredningstid", Direction: "LOWER_IS_BETTER", BaselineValue: 140, BaselineOn: day, CurrentValue: 105, CurrentOn: day},
	}
	var ans []store.AnswerInput
	for _, k := range c.criteria {
		var id int64
		fmt.Sscan(k, &id)
		ans = append(ans, store.AnswerInput{CriterionID: id, Text: "Svar"})
	}
	var cycleID int64
	fmt.Sscan(c.id, &cycleID)
	for i := 0; i < n; i++ {
		o, err := e.db.CreateOrganisation(ctx, store.OrganisationInput{Name: fmt.Sprintf("Kommun %d", i), Kind: "MUNICIPALITY", Sector: "PUBLIC"})
		if err != nil {
			tb.Fatal(err)
		}
		a, err := e.db.CreateApplication(ctx, store.NewApplication{CycleID: cycleID, OrganisationID: o.ID, Title: fmt.Sprint("Ansökan ", i)})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := e.db.UpdateApplication(ctx, a.ID, a.Version, store.ApplicationUpdate{Answers: ans, Indicators: &inds}); err != nil {
			tb.Fatal(err)
		}
	}
}

const listApps = `{ applications(first: 100) {
	nodes { id title organisation { name members { email } } answers { text } indicators { name } cycle { title award { name } criteria { code } } }
	pageInfo { hasNextPage endCursor } } }`

func TestBatchedLoading(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	for _, n := range []int{10, 100} {
		seedApplications(t, e, c, n-e.gql(admin, `{ applications { totalCount } }`, nil).ok().num("applications.totalCount"))
		r := e.gql(admin, listApps, nil).ok()
		if got := len(r.get("applications.nodes").([]any)); got != n {
			t.Fatalf("nodes = %d, want %d", got, n)
		}
		// authentication, applications, organisations, members, answers,
		// indicators, cycles, awards, criteria: one statement each.
		if got := e.logs.lastStatements(); got != 9 {
			t.Errorf("%d applications with nested fields took %d SQL statements, want 9", n, got)
		}
	}
}

func TestPagination(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	seedApplications(t, e, c, 5)
	const q = `query($after: String) { applications(first: 2, after: $after) { totalCount nodes { title } pageInfo { hasNextPage endCursor } } }`
	var titles []string
	var after any
	for page := 0; page < 5; page++ {
		r := e.gql(admin, q, map[string]any{"after": after}).ok()
		for _, n := range r.get("applications.nodes").([]any) {
			titles = append(titles, n.(map[string]any)["title"].(string))
		}
		if r.num("applications.totalCount") != 5 {
			t.Errorf("totalCount = %d", r.num("applications.totalCount"))
		}
		if r.get("applications.pageInfo.hasNextPage") != true {
			break
		}
		after = r.get("applications.pageInfo.endCursor")
	}
	if fmt.Sprint(titles) != "[Ansökan 0 Ansökan 1 Ansökan 2 Ansökan 3 Ansökan 4]" {
		t.Errorf("titles = %v", titles)
	}
	t.Run("first is at most 100", func(t *testing.T) {
		e.gql(admin, `{ applications(first: 101) { totalCount } }`, nil).wantCode("INVALID")
		e.gql(admin, `{ applications(first: 0) { totalCount } }`, nil).wantCode("INVALID")
	})
	t.Run("a forged cursor is invalid", func(t *testing.T) {
		e.gql(admin, `{ applications(after: "bm90LWEtY3Vyc29y") { totalCount } }`, nil).wantCode("INVALID")
	})
}
