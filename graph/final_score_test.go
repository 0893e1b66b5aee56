package graph_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

const finalScoresQuery = `{ applications(first: 100) { nodes { id title decision citation
	finalScores { criterion { code } value band basis jurors strengths opportunities } } } }`

// appsByTitle returns the applications a caller lists, by title.
func appsByTitle(t *testing.T, e *env, token string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, n := range e.gql(token, finalScoresQuery, nil).ok().get("applications.nodes").([]any) {
		a := n.(map[string]any)
		out[a["title"].(string)] = a
	}
	return out
}

// TestFinalScores wants every scored criterion in the applicant's view
// with its basis: the agreed consensus where the jury recorded one, the
// jury's aggregate (never called a consensus) elsewhere, and NONE with no
// value in a cycle recorded without scores.
func TestFinalScores(t *testing.T) {
	e := newEnv(t)
	_, hap := demoIDs(t, e)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	t.Run("agreed and aggregated criteria side by side", func(t *testing.T) {
		a := appsByTitle(t, e, admin)["Gränsöverskridande service"]
		fs := a["finalScores"].([]any)
		if len(fs) != 3 {
			t.Fatalf("finalScores = %v, want the three scored criteria", fs)
		}
		bases := map[string]int{}
		for _, f := range fs {
			f := f.(map[string]any)
			bases[f["basis"].(string)]++
			if f["value"] == nil || f["band"] == nil {
				t.Errorf("criterion %v has no value or band: %v", f["criterion"], f)
			}
			switch f["basis"] {
			case "CONSENSUS":
				if f["value"] != 60.0 || f["jurors"] != 0.0 {
					t.Errorf("the agreed score = %v, want 60 from no juror count", f)
				}
			case "MEAN", "MEDIAN":
				if f["jurors"] != 3.0 {
					t.Errorf("an aggregate of %v jurors, want 3", f["jurors"])
				}
			default:
				t.Errorf("basis %v on a scored criterion", f["basis"])
			}
		}
		if bases["CONSENSUS"] != 1 || bases["CONSENSUS"]+bases["MEAN"]+bases["MEDIAN"] != 3 {
			t.Errorf("bases = %v, want one consensus and two aggregates", bases)
		}
		pdf := pdfText(t, e.get(admin, "/reports/applications/"+hap+"/feedback.pdf").Body.Bytes())
		if !strings.Contains(pdf, "Konsensus") || !strings.Contains(pdf, "Medel av 3") ||
			strings.Contains(pdf, "Poängen är juryns samlade bedömning") {
			t.Errorf("the feedback does not say which score is agreed and which aggregated:\n%s", pdf)
		}
	})
	t.Run("a historical cycle for its applicant", func(t *testing.T) {
		lena := e.login(store.DemoMalmoEmail, store.DemoPassword)
		var malmo map[string]any
		for title, a := range appsByTitle(t, e, lena) {
			if strings.HasPrefix(title, "Lean i socialtjänsten") {
				malmo = a
			}
		}
		if malmo == nil || malmo["decision"] != "WINNER" {
			t.Fatalf("Lena's 2012 application = %v", malmo)
		}
		fs := malmo["finalScores"].([]any)
		if len(fs) == 0 {
			t.Fatal("a historical cycle lists no criteria")
		}
		for _, f := range fs {
			if f := f.(map[string]any); f["basis"] != "NONE" || f["value"] != nil {
				t.Errorf("a criterion of a cycle without scores = %v, want basis NONE and no value", f)
			}
		}
		rec := e.get(lena, "/reports/applications/"+malmo["id"].(string)+"/feedback.pdf")
		if rec.Code != 200 {
			t.Fatalf("the 2012 winner's feedback = %d %s", rec.Code, rec.Body)
		}
		text := strings.Join(strings.Fields(pdfText(t, rec.Body.Bytes())), " ")
		for _, want := range []string{"Beslut Vinnare", "Juryns motivering", malmo["citation"].(string),
			"En historisk omgång, importerad utan poäng", "Kommun Malmö (1280) – ej verifierad", "Utredningstid barn och unga", "Lagkrav 120",
			"Syntetiska demovärden, inte officiell statistik: U33401", "Data per 2012-09-01"} {
			if !strings.Contains(text, want) {
				t.Errorf("the 2012 feedback lacks %q:\n%s", want, text)
			}
		}
		if strings.Contains(text, "Officiell statistik") {
			t.Error("the demo's synthetic series is titled Officiell statistik")
		}
	})
	t.Run("hidden from others before publication", func(t *testing.T) {
		omar := e.login("omar@demo.jury.se", store.DemoPassword) // assigned, not lead
		for _, a := range appsByTitle(t, e, omar) {
			if a["finalScores"] != nil {
				t.Errorf("a juror who is not lead sees finalScores of %v", a["title"])
			}
		}
	})
}

// TestDemoBenchmarkPDFLimit reads the demo's published benchmark PDF: the
// 120-day limit of U33401 and the share within it, every year the report
// covers, and synthetic values said to be synthetic.
func TestDemoBenchmarkPDFLimit(t *testing.T) {
	e := newEnv(t)
	if _, err := e.db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.PublishDemoReport(context.Background(), e.db); err != nil {
		t.Fatal(err)
	}
	r := e.gql("", `{ benchmarkReports { nodes { versions { pdf content { sections { kpi { id } year compliance { within count } } } } } } }`, nil).ok()
	v := r.get("benchmarkReports.nodes").([]any)[0].(map[string]any)["versions"].([]any)[0].(map[string]any)
	var within, count float64
	for _, s := range v["content"].(map[string]any)["sections"].([]any) {
		s := s.(map[string]any)
		if s["kpi"].(map[string]any)["id"] == "U33401" && s["year"] == float64(store.DemoLastYear) {
			c := s["compliance"].(map[string]any)
			within, count = c["within"].(float64), c["count"].(float64)
		}
	}
	for _, lang := range []string{"", "?lang=en"} {
		text := strings.Join(strings.Fields(pdfText(t, e.get("", v["pdf"].(string)+lang).Body.Bytes())), " ")
		want := []string{"Lagkrav 120 dagar (högst): " + itoaF(within) + " av " + itoaF(count), "Över åren 2021–2023",
			"syntetiska demovärden", "* syntetiskt demovärde"}
		if lang != "" {
			want = []string{"Legal limit 120 dagar (at most): " + itoaF(within) + " of " + itoaF(count), "Over the years 2021–2023",
				"synthetic demo values", "* synthetic demo value"}
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("the benchmark PDF%s lacks %q", lang, w)
			}
		}
		if strings.Contains(text, "Officiell statistik") || strings.Contains(text, "Official statistics") {
			t.Error("the demo's benchmark calls synthetic values official")
		}
	}
}

func itoaF(f float64) string { return fmtFloat(f) }

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) }
