package graph_test

import (
	"context"
	"testing"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

func TestDemoShowsThe2012Winners(t *testing.T) {
	e := newEnv(t)
	if _, err := e.db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := e.gql("", `{ awards { nodes { name cycles { year phase results { organisationName decision citation } } } } }`, nil).ok()
	award := r.get("awards.nodes").([]any)[0].(map[string]any)
	var winners []string
	var phases []string
	for _, c := range award["cycles"].([]any) {
		c := c.(map[string]any)
		phases = append(phases, c["phase"].(string))
		for _, res := range c["results"].([]any) {
			winners = append(winners, res.(map[string]any)["organisationName"].(string))
		}
	}
	if len(winners) != 2 || winners[0] != "DeLaval" || winners[1] != "Malmö stad, Individ- och familjeomsorgen Södra innerstaden" {
		t.Errorf("2012 winners = %v", winners)
	}
	if len(phases) != 3 || phases[0] != "OPEN" || phases[1] != "CONSENSUS" || phases[2] != "PUBLISHED" {
		t.Errorf("phases = %v, want the open cycle, the 2025 jury cycle, then 2012", phases)
	}
	t.Run("Malmö sees its decision and measured results", func(t *testing.T) {
		token := e.login(store.DemoMalmoEmail, store.DemoPassword)
		r := e.gql(token, `{ applications { nodes { decision indicators { name baselineValue currentValue legalLimit } } } }`, nil).ok()
		app := r.get("applications.nodes").([]any)[0].(map[string]any)
		inds := app["indicators"].([]any)
		if app["decision"] != "WINNER" || len(inds) != 2 || inds[1].(map[string]any)["legalLimit"] != 120.0 {
			t.Errorf("Malmö's application = %v", app)
		}
	})
	t.Run("Södertälje sees no decision before publication", func(t *testing.T) {
		token := e.login(store.DemoApplicantEmail, store.DemoPassword)
		r := e.gql(token, `{ applications { nodes { title status decision } } }`, nil).ok()
		app := r.get("applications.nodes").([]any)[0].(map[string]any)
		if app["title"] != "Huset för fler i arbete" || app["decision"] != nil {
			t.Errorf("Södertälje's application = %v", app)
		}
	})
}

func TestDemoJury(t *testing.T) {
	e := newEnv(t)
	if _, err := e.db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := e.gql("", `{ awards { nodes { cycles { id year } } } }`, nil).ok()
	var cycleID string
	for _, c := range r.get("awards.nodes").([]any)[0].(map[string]any)["cycles"].([]any) {
		if c.(map[string]any)["year"] == 2025.0 {
			cycleID = c.(map[string]any)["id"].(string)
		}
	}
	lead := e.login(store.DemoJurorEmail, store.DemoPassword)
	rank := e.gql(lead, rankingQuery, map[string]any{"c": cycleID}).ok()
	if n := len(rank.get("cycle.ranking.applications").([]any)); n != 6 {
		t.Errorf("the lead sees %d applications, want 6", n)
	}
	flags := rank.get("cycle.ranking.flags").([]any)
	agreed := 0
	for _, f := range flags {
		if f.(map[string]any)["hasConsensus"] == true {
			agreed++
		}
	}
	if len(flags) == 0 || agreed == 0 {
		t.Errorf("flags = %v, want disagreement with at least one agreed score", flags)
	}
	per := e.login("per@demo.jury.se", store.DemoPassword)
	for _, a := range e.gql(per, rankingQuery, map[string]any{"c": cycleID}).ok().get("cycle.ranking.applications").([]any) {
		if a.(map[string]any)["title"] == "Ständiga förbättringar i äldreomsorgen" {
			t.Error("Per, affiliated with Umeå, sees Umeå's application in the ranking")
		}
	}
}

func TestDemoPublishedReport(t *testing.T) {
	e := newEnv(t)
	if _, err := e.db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.PublishDemoReport(context.Background(), e.db); err != nil {
		t.Fatal(err)
	}
	r := e.gql("", `{ benchmarkReports { nodes { title versions { version content { synthetic sections { rows { code } } } pdf } } } }`, nil).ok()
	nodes := r.get("benchmarkReports.nodes").([]any)
	if len(nodes) != 1 {
		t.Fatalf("published reports = %v", nodes)
	}
	v := nodes[0].(map[string]any)["versions"].([]any)[0].(map[string]any)
	content := v["content"].(map[string]any)
	if content["synthetic"] != true || len(content["sections"].([]any)) != 9 {
		t.Errorf("demo report = %v", content)
	}
	if rec := e.get("", v["pdf"].(string)); rec.Code != 200 {
		t.Errorf("GET %s = %d", v["pdf"], rec.Code)
	}
}
