package graph_test

import (
	"context"
	"testing"

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
	if len(phases) != 2 || phases[0] != "OPEN" || phases[1] != "PUBLISHED" {
		t.Errorf("phases = %v, want the open cycle first, then 2012", phases)
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
