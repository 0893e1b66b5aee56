package pdf_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
)

// leanBands are the six Lean Prize bands on 0–100 %, in Swedish.
func leanBands() []pdf.Band {
	return []pdf.Band{{0, 5, "ingen systematik"}, {10, 25, "tidig"}, {30, 45, "under utveckling"},
		{50, 65, "effektiv"}, {70, 85, "förfinad"}, {90, 100, "förebild"}}
}

// malmo2012 is the feedback to Malmö's 2012 winner. The results are the
// award material's (REFERENCE.md); scores, comments and the KPI series are
// invented for the tests.
func malmo2012() pdf.FeedbackReport {
	return pdf.FeedbackReport{
		Date:         time.Date(2012, 11, 15, 0, 0, 0, 0, time.UTC),
		Award:        "Svenska Leanpriset",
		Cycle:        "2012",
		Organisation: "Malmö stad, Individ- och familjeomsorgen Södra innerstaden",
		Application:  "Kortare väntan på stöd till barn och familjer",
		Overall:      ptr(70.0),
		Citation:     "Första offentliga verksamheten att vinna Svenska Leanpriset: mätbart kortare väntan för familjer.",
		OverallBands: leanBands(),
		Decision:     pdf.Winner,
		Criteria: []pdf.FeedbackCriterion{
			{Code: "1", Title: "Hur organisationen arbetar med lean", Weight: 1, Max: 100, Score: 75, Basis: pdf.Consensus, Bands: leanBands(),
				Strengths:    []string{"Daglig styrning vid tavlan i alla grupper.", "  daglig styrning vid  tavlan i alla grupper. ", ""},
				Improvements: []string{"Standardisera överlämningen mellan Södertälje-modellen och egna rutiner."}},
			{Code: "2", Title: "Vilka resultat lean har gett", Weight: 1, Max: 100, Score: 80, Basis: pdf.Mean, Jurors: 3, Bands: leanBands(),
				Strengths: []string{"Väntan på familjestöd halverad: 19 → 10 dagar."}},
			{Code: "3", Title: "Vad andra kan lära", Weight: 1, Max: 100, Score: 55, Basis: pdf.Median, Jurors: 4, Bands: leanBands(),
				Improvements: []string{"Beskriv metoden så att Åre, Umeå och Vännäs kan pröva den."}},
		},
		Indicators: []pdf.Indicator{
			{Name: "Väntetid familjestöd", Unit: "dagar", Direction: kpi.LowerIsBetter, Baseline: 19, Current: 10,
				BaselineOn: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), CurrentOn: time.Date(2012, 6, 1, 0, 0, 0, 0, time.UTC)},
			{Name: "Utredningstid barn och unga", Unit: "dagar", Direction: kpi.LowerIsBetter, Baseline: 140, Current: 105,
				BaselineOn: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), CurrentOn: time.Date(2012, 6, 1, 0, 0, 0, 0, time.UTC),
				LegalLimit: ptr(120.0),
				KPI: &pdf.KPIContext{ID: "U33401", Title: "Utredningstid barn och unga, dagar", Municipality: "Malmö",
					Group: "Storstäder", Values: pdf.Series{2008: 152, 2009: 148, 2010: 140, 2011: 121, 2012: 105},
					GroupMedian: pdf.Series{2008: 118, 2009: 120, 2010: 122, 2011: 119, 2012: 117}}},
		},
	}
}

func TestFeedbackContent(t *testing.T) {
	doc, err := pdf.Feedback(fonts(t), malmo2012())
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Återkopplingsrapport", "Svenska Leanpriset", "Malmö stad, Individ- och familjeomsorgen Södra innerstaden",
		"Totalt (viktat) 70,0 % – förfinad", "Beslut Vinnare",
		"1 Hur organisationen arbetar med lean 33 % 75,0 / 100 förfinad Konsensus",
		"2 Vilka resultat lean har gett 33 % 80,0 / 100 förfinad Medel av 3",
		"3 Vad andra kan lära 33 % 55,0 / 100 effektiv Median av 4",
		"Poäng: 80,0 / 100 (Medel av 3)",
		"Juryns motivering", "Första offentliga verksamheten att vinna Svenska Leanpriset",
		"Södertälje-modellen", "Åre, Umeå och Vännäs",
		"Utredningstid barn och unga (dagar) 140 (2010-01) 105 (2012-06) −35 −25,0 % bättre 120 (15 under)",
		"Lagkrav 120", "Redovisat före / redovisat efter",
		"Väntetid familjestöd (dagar) 19 (2010-01) 10 (2012-06) −9 −47,4 % bättre",
		"Officiell statistik: U33401", "Median i kommungruppen Storstäder",
		"Data per 2012-11-15", "Sida 1 av ")
	wantAll(t, flat(text), "juryns sammanvägning av jurymedlemmarnas egna poäng, inte en överenskommelse")
	if strings.Contains(flat(text), "Poängen är juryns samlade bedömning") {
		t.Error("the feedback calls aggregates the jury's consensus")
	}
	if n := strings.Count(text, "Daglig styrning vid tavlan"); n != 1 {
		t.Errorf("a strength repeated by two jurors is printed %d times, want once", n)
	}
	wantOrder(t, text, "Styrkor", "Daglig styrning", "Förbättringsområden", "Södertälje-modellen")
	for _, juror := range []string{"juror", "Jurymedlem 1"} {
		if strings.Contains(text, juror+" ") {
			t.Errorf("feedback names a juror: %q", juror)
		}
	}
}

func TestFeedbackEnglish(t *testing.T) {
	r := malmo2012()
	r.Lang = pdf.English
	doc, err := pdf.Feedback(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Feedback report", "Overall (weighted) 70.0% – förfinad", "Decision Winner",
		"−35 −25.0% better 120 (15 under)", "Page 1 of ", "Data as of 2012-11-15", "Malmö")
}

func TestFeedbackInvalid(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*pdf.FeedbackReport)
		field string
	}{
		{"no date", func(r *pdf.FeedbackReport) { r.Date = time.Time{} }, "Date"},
		{"no award", func(r *pdf.FeedbackReport) { r.Award = " " }, "Award"},
		{"no organisation", func(r *pdf.FeedbackReport) { r.Organisation = "" }, "Organisation"},
		{"no basis", func(r *pdf.FeedbackReport) { r.Criteria[0].Basis = "" }, "criterion 1: Basis"},
		{"NaN score", func(r *pdf.FeedbackReport) { r.Criteria[1].Score = math.NaN() }, "criterion 2: Score"},
		{"score above scale", func(r *pdf.FeedbackReport) { r.Criteria[0].Score = 105 }, "outside the scale"},
		{"zero weight", func(r *pdf.FeedbackReport) { r.Criteria[2].Weight = 0 }, "Weight"},
		{"infinite overall", func(r *pdf.FeedbackReport) { r.Overall = ptr(math.Inf(1)) }, "Overall"},
		{"unknown decision", func(r *pdf.FeedbackReport) { r.Decision = "GOLD" }, "decision"},
		{"bad language", func(r *pdf.FeedbackReport) { r.Lang = "de" }, "language"},
		{"no direction", func(r *pdf.FeedbackReport) { r.Indicators[0].Direction = 0 }, "indicator 1: Direction"},
		{"NaN in KPI series", func(r *pdf.FeedbackReport) { r.Indicators[1].KPI.Values[2011] = math.NaN() }, "KPI.Values"},
		{"NaN limit", func(r *pdf.FeedbackReport) { r.Indicators[1].LegalLimit = ptr(math.NaN()) }, "LegalLimit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := malmo2012()
			tt.edit(&r)
			doc, err := pdf.Feedback(fonts(t), r)
			if !errors.Is(err, pdf.ErrInvalid) || doc != nil {
				t.Fatalf("Feedback = %d bytes, %v; want no PDF and ErrInvalid", len(doc), err)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %q does not name %q", err, tt.field)
			}
		})
	}
	if _, err := pdf.Feedback(nil, malmo2012()); !errors.Is(err, pdf.ErrInvalid) {
		t.Errorf("Feedback(nil fonts) = %v, want ErrInvalid", err)
	}
}

// TestFeedbackUnusualText sets text that gofpdf cannot take as it is:
// runes outside the Basic Multilingual Plane, control characters, invalid
// UTF-8 and a comment long enough to run over pages.
func TestFeedbackUnusualText(t *testing.T) {
	r := malmo2012()
	r.Organisation = "Malmö\tstad 😀 \x00\xff"
	r.Application = strings.Repeat("Ett mycket långt namn på ett bidrag ", 12)
	r.Criteria[0].Strengths = []string{strings.Repeat("Flödet från ansökan till beslut är kartlagt. ", 400)}
	doc, err := pdf.Feedback(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Malmö stad \uFFFD \uFFFD", "Flödet från ansökan till beslut är kartlagt.")
	if n := len(pages(pdfText(t, doc))); n < 3 {
		t.Errorf("a long comment gives %d pages, want it to run onto a third", n)
	}
}

// TestFeedbackHistorical is the feedback of a cycle imported without
// scores, as the demo's 2012 cycle is (Historical): the decision, the
// citation and the measured results, and a sentence that the cycle is
// historical and imported without scores.
func TestFeedbackHistorical(t *testing.T) {
	for _, lang := range []pdf.Lang{pdf.Swedish, pdf.English} {
		text := unscoredFeedback(t, lang, true)
		want := []string{"Beslut Vinnare", "Juryns motivering", "En historisk omgång, importerad utan poäng",
			"Första offentliga verksamheten", "Utredningstid barn och unga (dagar) 140 (2010-01) 105 (2012-06)"}
		if lang == pdf.English {
			want = []string{"Decision Winner", "The jury's citation", "A historical cycle, imported without scores",
				"Första offentliga verksamheten", "Utredningstid barn och unga (dagar) 140 (2010-01) 105 (2012-06)"}
		}
		wantAll(t, text, want...)
		if strings.Contains(text, "Totalt (viktat)") || strings.Contains(text, "Overall (weighted)") ||
			strings.Contains(text, "Konsensus") {
			t.Errorf("%s: a feedback without scores shows a total or a consensus", lang)
		}
	}
}

// unscoredFeedback is the text of malmo2012's feedback in lang with no
// criterion scored, in a historical cycle or not.
func unscoredFeedback(t *testing.T, lang pdf.Lang, historical bool) string {
	t.Helper()
	r := malmo2012()
	r.Lang, r.Overall, r.Historical = lang, nil, historical
	for i := range r.Criteria {
		r.Criteria[i].Basis, r.Criteria[i].Score = pdf.NotScored, 0
	}
	doc, err := pdf.Feedback(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	return flat(pdfText(t, doc))
}

// TestFeedbackNotHistorical: an application without scores in a cycle
// that is not historical is not called historical; it says only that no
// scores are recorded for it.
func TestFeedbackNotHistorical(t *testing.T) {
	text := unscoredFeedback(t, pdf.Swedish, false)
	wantAll(t, text, "Inga poäng finns registrerade för det här bidraget.")
	if strings.Contains(text, "historisk") {
		t.Errorf("a cycle that is not historical is called historical:\n%s", text)
	}
}

// TestFeedbackMunicipality: the organisation's municipality is printed,
// "not verified" until an admin has verified it, in both languages.
func TestFeedbackMunicipality(t *testing.T) {
	tests := []struct {
		lang     pdf.Lang
		verified bool
		want     string
	}{
		{pdf.Swedish, false, "Kommun Malmö (1280) – ej verifierad av sekretariatet"},
		{pdf.English, false, "Municipality Malmö (1280) – not verified by the secretariat"},
		{pdf.Swedish, true, "Kommun Malmö (1280) Bidrag"},
		{pdf.English, true, "Municipality Malmö (1280) Application"},
	}
	for _, tt := range tests {
		r := malmo2012()
		r.Lang, r.Municipality, r.MunicipalityVerified = tt.lang, "Malmö (1280)", tt.verified
		doc, err := pdf.Feedback(fonts(t), r)
		if err != nil {
			t.Fatal(err)
		}
		text := flat(pdfText(t, doc))
		wantAll(t, text, tt.want)
		if tt.verified && (strings.Contains(text, "verifierad") || strings.Contains(text, "verified")) {
			t.Errorf("%s: a verified municipality is called unverified", tt.lang)
		}
	}
}

// TestFeedbackSynthetic marks the KPI series synthetic: the chart's title
// and legend say so and "official statistics" appears nowhere.
func TestFeedbackSynthetic(t *testing.T) {
	r := malmo2012()
	k := r.Indicators[1].KPI
	k.Synthetic, k.GroupSynthetic = pdf.Marks{}, pdf.Marks{}
	for y := range k.Values {
		k.Synthetic[y], k.GroupSynthetic[y] = true, true
	}
	doc, err := pdf.Feedback(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, doc))
	wantAll(t, text, "Syntetiska demovärden, inte officiell statistik: U33401", "syntetiskt demovärde (inte officiellt)")
	if strings.Contains(text, "Officiell statistik") {
		t.Error("synthetic values are titled Officiell statistik")
	}
	if !strings.Contains(flat(pdfText(t, mustFeedback(t, malmo2012()))), "Officiell statistik: U33401") {
		t.Error("real values lose their title Officiell statistik")
	}
}

func mustFeedback(t *testing.T, r pdf.FeedbackReport) []byte {
	t.Helper()
	doc, err := pdf.Feedback(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
