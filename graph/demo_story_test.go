package graph_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// newDemoEnv is an environment with the whole demo loaded, its
// benchmark report published, as make run serves it.
func newDemoEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	if _, err := e.db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.PublishDemoReport(context.Background(), e.db); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestDemoStoryIsPresent checks, through the API, every relation that the
// README's "Demo data" section tells: a demo whose story names a
// relation that is not there misleads everyone who follows it.
func TestDemoStoryIsPresent(t *testing.T) {
	e := newDemoEnv(t)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	cycles := map[int]string{}
	for _, c := range e.gql(admin, `{ awards { nodes { name cycles { id year phase } } } }`, nil).ok().get("awards.nodes").([]any)[0].(map[string]any)["cycles"].([]any) {
		c := c.(map[string]any)
		cycles[int(c["year"].(float64))] = c["id"].(string)
	}
	apps := func(cycle string) map[string]map[string]any {
		r := e.gql(admin, `query($c: ID) { applications(cycleId: $c, first: 50) { nodes { id title status
			organisation { id name municipalityCode } } } }`, map[string]any{"c": cycle}).ok()
		m := map[string]map[string]any{}
		for _, a := range r.get("applications.nodes").([]any) {
			a := a.(map[string]any)
			m[a["organisation"].(map[string]any)["name"].(string)] = a
		}
		return m
	}

	t.Run("the open cycle has Södertälje submitted, Linköping's draft and Vara withdrawn", func(t *testing.T) {
		var open string
		for y, id := range cycles {
			if y != 2012 && y != 2025 {
				open = id
			}
		}
		got := map[string]string{}
		for name, a := range apps(open) {
			got[strings.Fields(name)[0]] = a["status"].(string)
		}
		want := map[string]string{"Södertälje": "SUBMITTED", "Linköpings": "DRAFT", "Vara": "WITHDRAWN"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("open cycle: %s = %q, want %q (all: %v)", k, got[k], v, got)
			}
		}
	})

	t.Run("the 2012 cycle is historical, Malmö and DeLaval its winners audited as recorded without scores", func(t *testing.T) {
		r := e.gql(admin, `query($c: ID!) { cycle(id: $c) { phase historical results { organisationName decision }
			auditLog(first: 100) { nodes { action newValue } } } }`, map[string]any{"c": cycles[2012]}).ok()
		var winners []string
		for _, w := range r.get("cycle.results").([]any) {
			if w := w.(map[string]any); w["decision"] == "WINNER" {
				winners = append(winners, strings.Fields(w["organisationName"].(string))[0])
			}
		}
		sort.Strings(winners)
		if r.str("cycle.phase") != "PUBLISHED" || r.get("cycle.historical") != true || strings.Join(winners, " ") != "DeLaval Malmö" {
			t.Errorf("2012 = %v, winners %v", r.Data, winners)
		}
		audited := 0
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			n := n.(map[string]any)
			if n["action"] == "decision.record" && strings.Contains(n["newValue"].(string), `"withoutScores": true`) {
				audited++
			}
		}
		if audited != 2 {
			t.Errorf("%d decisions of 2012 audited without scores, want 2", audited)
		}
	})

	entrants := apps(cycles[2025])
	jury := e.gql(admin, `query($c: ID!) { cycle(id: $c) { phase jury { userId name email lead municipalityCode }
		assignments { applicationId jurorId recusedAt } } }`, map[string]any{"c": cycles[2025]}).ok()
	jurors := map[string]map[string]any{}
	for _, j := range jury.get("cycle.jury").([]any) {
		j := j.(map[string]any)
		jurors[j["email"].(string)] = j
	}

	t.Run("the 2025 cycle is in CONSENSUS with six entrants and a jury of five led by the demo juror", func(t *testing.T) {
		if p := jury.str("cycle.phase"); p != "CONSENSUS" {
			t.Errorf("phase = %s", p)
		}
		var names []string
		for n := range entrants {
			names = append(names, strings.Fields(n)[0])
		}
		sort.Strings(names)
		if strings.Join(names, " ") != "Botkyrka Haparanda Lomma Nacka Umeå Åre" {
			t.Errorf("entrants = %v", names)
		}
		if len(jurors) != 5 || jurors[store.DemoJurorEmail]["lead"] != true {
			t.Errorf("jury = %v, want five led by %s", jurors, store.DemoJurorEmail)
		}
	})

	t.Run("Per is affiliated with Umeå", func(t *testing.T) {
		if got, umea := jurors["per@demo.jury.se"]["municipalityCode"], entrants["Umeå kommun"]["organisation"].(map[string]any)["municipalityCode"]; got != umea || got == nil {
			t.Errorf("Per's municipality = %v, Umeå's = %v", got, umea)
		}
	})

	sara := jurors["sara@demo.jury.se"]["userId"].(string)
	t.Run("Sara has declared a conflict with Nacka", func(t *testing.T) {
		r := e.gql(admin, `query($j: ID) { conflicts(jurorId: $j) { organisationId reason declaredBy } }`, map[string]any{"j": sara}).ok()
		nacka := entrants["Nacka kommun"]["organisation"].(map[string]any)["id"]
		found := false
		for _, c := range r.get("conflicts").([]any) {
			c := c.(map[string]any)
			found = found || (c["organisationId"] == nacka && c["declaredBy"] == sara && c["reason"] != "")
		}
		if !found {
			t.Errorf("Sara's conflicts = %v, want one with Nacka (%v)", r.get("conflicts"), nacka)
		}
	})

	t.Run("three unconflicted jurors per application", func(t *testing.T) {
		per := map[string]int{}
		for _, a := range jury.get("cycle.assignments").([]any) {
			a := a.(map[string]any)
			if a["recusedAt"] == nil {
				per[a["applicationId"].(string)]++
			}
			if a["jurorId"] == sara && a["applicationId"] == entrants["Nacka kommun"]["id"] {
				t.Error("Sara is assigned to Nacka's application")
			}
		}
		for name, a := range entrants {
			if per[a["id"].(string)] != 3 {
				t.Errorf("%s has %d jurors, want 3", name, per[a["id"].(string)])
			}
		}
	})

	lead := e.login(store.DemoJurorEmail, store.DemoPassword)
	rank := e.gql(lead, rankingQuery, map[string]any{"c": cycles[2025]}).ok()
	t.Run("Sara scores strictly", func(t *testing.T) {
		var saraOffset float64
		lowest := true
		for _, j := range rank.get("cycle.ranking.jurors").([]any) {
			j := j.(map[string]any)
			if j["jurorId"] == sara {
				saraOffset = j["offset"].(float64)
			}
		}
		for _, j := range rank.get("cycle.ranking.jurors").([]any) {
			j := j.(map[string]any)
			if j["jurorId"] != sara && j["offset"].(float64) <= saraOffset {
				lowest = false
			}
		}
		if saraOffset >= 0 || !lowest {
			t.Errorf("Sara's offset = %v, want the lowest, below zero (%v)", saraOffset, rank.get("cycle.ranking.jurors"))
		}
	})

	t.Run("Haparanda's results are flagged and agreed", func(t *testing.T) {
		haparanda := entrants["Haparanda stad"]["id"]
		agreed := false
		for _, f := range rank.get("cycle.ranking.flags").([]any) {
			f := f.(map[string]any)
			agreed = agreed || (f["applicationId"] == haparanda && f["hasConsensus"] == true)
		}
		if !agreed {
			t.Errorf("flags = %v, want an agreed flag on Haparanda (%v)", rank.get("cycle.ranking.flags"), haparanda)
		}
	})

	t.Run("the published benchmark report covers U33401, U31402 and U21468 with four municipalities in focus", func(t *testing.T) {
		r := e.gql("", `{ benchmarkReports { nodes { title versions { content { synthetic focus { name } sections { kpi { id } } } } } } }`, nil).ok()
		n := r.get("benchmarkReports.nodes").([]any)[0].(map[string]any)
		if !strings.HasPrefix(n["title"].(string), "Väntetider och utredningstider i större städer") {
			t.Errorf("title = %v", n["title"])
		}
		content := n["versions"].([]any)[0].(map[string]any)["content"].(map[string]any)
		kpis := map[string]bool{}
		for _, s := range content["sections"].([]any) {
			kpis[s.(map[string]any)["kpi"].(map[string]any)["id"].(string)] = true
		}
		var focus []string
		for _, f := range content["focus"].([]any) {
			focus = append(focus, strings.Fields(f.(map[string]any)["name"].(string))[0])
		}
		sort.Strings(focus)
		if strings.Join(focus, " ") != "Linköping Malmö Södertälje Umeå" {
			t.Errorf("focus = %v", focus)
		}
		if len(kpis) != 3 || !kpis["U33401"] || !kpis["U31402"] || !kpis["U21468"] {
			t.Errorf("report KPIs = %v", kpis)
		}
	})

	t.Run("every demo account logs in", func(t *testing.T) {
		for _, email := range []string{store.DemoAdminEmail, store.DemoJurorEmail, store.DemoApplicantEmail, store.DemoMalmoEmail,
			"eva@demo.jury.se", "per@demo.jury.se", "sara@demo.jury.se", "omar@demo.jury.se"} {
			if e.login(email, store.DemoPassword) == "" {
				t.Errorf("%s cannot log in", email)
			}
		}
	})
}
