package pdf_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/reports/scoring"
)

// shroutFleiss is the 6 × 4 matrix of Shrout & Fleiss (1979), REFERENCE.md.
var shroutFleiss = [][]float64{{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}}

// applicants name the six targets S1–S6.
var applicants = []pdf.Label{
	{ID: "S1", Name: "Lean i hemtjänsten", Detail: "Södertälje kommun"},
	{ID: "S2", Name: "Snabbare bygglov", Detail: "Malmö stad"},
	{ID: "S3", Name: "Flöden i skolan", Detail: "Åre kommun"},
	{ID: "S4", Name: "Ständiga förbättringar", Detail: "Umeå kommun"},
	{ID: "S5", Name: "Huset för fler i arbete", Detail: "Vännäs kommun"},
	{ID: "S6", Name: "Kortare väntetider", Detail: "Grästorps kommun"},
}

// juryRound ranks the Shrout–Fleiss matrix as one criterion on 0–10 and
// measures its reliability: a report with published figures to check.
func juryRound(tb testing.TB) pdf.JuryReport {
	tb.Helper()
	jurors := []string{"J1", "J2", "J3", "J4"}
	var scores []scoring.Score
	for s, row := range shroutFleiss {
		for j, v := range row {
			scores = append(scores, scoring.Score{Application: applicants[s].ID, Juror: jurors[j], Criterion: "C1", Value: v})
		}
	}
	ranking, err := scoring.Rank([]scoring.Criterion{{ID: "C1", Weight: 1, Max: 10}}, scores, scoring.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	icc, err := reliability.ICC(shroutFleiss)
	if err != nil {
		tb.Fatal(err)
	}
	alpha, err := reliability.Alpha(shroutFleiss, reliability.Interval)
	if err != nil {
		tb.Fatal(err)
	}
	iv, err := icc.Intervals(reliability.DefaultConfidence)
	if err != nil {
		tb.Fatal(err)
	}
	return pdf.JuryReport{
		Date: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), Award: "Svenska Leanpriset", Cycle: "2024",
		Applications: applicants,
		Criteria:     []pdf.Label{{ID: "C1", Name: "1 Hur organisationen arbetar med lean"}},
		Jurors:       []pdf.Label{{ID: "J1", Name: "Åsa Öberg"}, {ID: "J2", Name: "Jörgen Ärlig"}, {ID: "J3", Name: "Ulla Ström"}},
		Ranking:      ranking, ICC: &icc, Alpha: &alpha, Intervals: &iv,
		Block: pdf.ICCBlock{Targets: 6, Jurors: 4, Applications: 6, MinApplications: 5},
	}
}

func TestJuryContent(t *testing.T) {
	r := juryRound(t)
	doc, err := pdf.Jury(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	// The published order S5 > S3 > S1 > S6 > S4 > S2, in the raw view.
	wantOrder(t, text, "1 Huset för fler i arbete – Vännäs kommun", "2 Flöden i skolan – Åre kommun",
		"3 Lean i hemtjänsten – Södertälje kommun", "4 Kortare väntetider – Grästorps kommun",
		"5 Ständiga förbättringar – Umeå kommun", "6 Snabbare bygglov – Malmö stad")
	// The published ICCs (Shrout & Fleiss 1979), to three decimals.
	wantAll(t, text, "ICC(1,1) envägs slumpmässig, en bedömare 0,166", "ICC(2,1)", "0,290", "ICC(3,1)", "0,715",
		"ICC(1,k)", "0,443", "ICC(2,k)", "0,620", "ICC(3,k)", "0,909",
		"ICC: n = 6 ansökningar, k = 4 jurymedlemmar.", "Krippendorffs α intervallskala",
		// psych::ICC's McGraw & Wong intervals for the same data.
		"0,290 [0,019; 0,761]", "0,715 [0,342; 0,946]", "0,909 [0,676; 0,986]", "95 % KI",
		"KI: 95 %-konfidensintervall, F-baserat enligt McGraw & Wong (1996).",
		"Åsa Öberg", "Jörgen Ärlig", "J4", "Juryns rangordning", "Sida 1 av ", "Data per 2024-10-01")
	// Raw mean of S5 is 7.5 on 0–10: 75 %.
	wantAll(t, text, "1 Huset för fler i arbete – Vännäs kommun 7,5 75,0")
}

func TestJurySubset(t *testing.T) {
	r := juryRound(t)
	drop := func(ss []scoring.Standing) []scoring.Standing {
		return slices.DeleteFunc(slices.Clone(ss), func(s scoring.Standing) bool { return s.Application == "S3" })
	}
	r.Ranking.Raw, r.Ranking.ZScore, r.Ranking.Severity = drop(r.Ranking.Raw), drop(r.Ranking.ZScore), r.Ranking.Severity[:2]
	r.Ranking.Flags = nil
	r.ICC, r.Alpha = nil, nil
	doc, err := pdf.Jury(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	if strings.Contains(text, "Åre kommun") {
		t.Error("an application the caller left out is printed")
	}
	wantOrder(t, text, "1 Huset för fler", "3 Lean i hemtjänsten", "6 Snabbare bygglov")
	wantAll(t, text, "Ingen cell är flaggad.", "ICC är inte beräknad", "α är inte beräknad.")
}

func TestJuryEnglish(t *testing.T) {
	r := juryRound(t)
	r.Lang = pdf.English
	doc, err := pdf.Jury(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Jury ranking", "ICC(3,k) two-way mixed, consistency, mean of k raters 0.909 [0.676, 0.986]",
		"Page 1 of ", "Krippendorff's α interval", "95 % CI")
}

func TestJuryTooFewApplications(t *testing.T) {
	for _, c := range []struct {
		lang pdf.Lang
		want string
	}{
		{pdf.Swedish, "ICC: för få ansökningar för att skatta. Det största blocket bedömt av samma jurymedlemmar har 3 " +
			"ansökningar (k = 4 jurymedlemmar); omgången skattar ICC från 5 ansökningar."},
		{pdf.English, "ICC: too few applications to estimate. The largest block scored by the same jurors holds 3 " +
			"applications (k = 4 jurors); the cycle estimates ICC from 5 applications on."},
	} {
		r := juryRound(t)
		r.Lang = c.lang
		r.Block = pdf.ICCBlock{Targets: 15, Jurors: 4, Applications: 3, MinApplications: 5}
		doc, err := pdf.Jury(fonts(t), r)
		if err != nil {
			t.Fatal(err)
		}
		text := flat(pdfText(t, doc))
		wantAll(t, text, c.want)
		for _, number := range []string{"ICC(1,k)", "0,443", "0.443"} {
			if strings.Contains(text, number) {
				t.Errorf("%v: the report prints %q below the minimum", c.lang, number)
			}
		}
	}
}

func TestJuryCells(t *testing.T) {
	r := juryRound(t)
	r.Block = pdf.ICCBlock{Targets: 6, Jurors: 4, Applications: 5, MinApplications: 5}
	doc, err := pdf.Jury(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, squash(pdfText(t, doc)), "ICC: n = 6 bedömda celler (ansökan × kriterium) från 5 ansökningar, k = 4 jurymedlemmar.")
}

func TestJuryInvalid(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*pdf.JuryReport)
		field string
	}{
		{"empty ranking", func(r *pdf.JuryReport) { r.Ranking = scoring.Ranking{} }, "empty ranking"},
		{"NaN percent", func(r *pdf.JuryReport) { r.Ranking.Raw[2].Percent = math.NaN() }, "Ranking.Raw[2]: Percent"},
		{"repeated application", func(r *pdf.JuryReport) { r.Ranking.ZScore[1] = r.Ranking.ZScore[0] }, "appears twice"},
		{"no cycle", func(r *pdf.JuryReport) { r.Cycle = "" }, "Cycle"},
		{"no date", func(r *pdf.JuryReport) { r.Date = time.Time{} }, "Date"},
		{"NaN juror offset", func(r *pdf.JuryReport) { r.Ranking.Jurors[0].Offset = math.NaN() }, "juror J1: Offset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := juryRound(t)
			tt.edit(&r)
			doc, err := pdf.Jury(fonts(t), r)
			if !errors.Is(err, pdf.ErrInvalid) || doc != nil {
				t.Fatalf("Jury = %d bytes, %v; want no PDF and ErrInvalid", len(doc), err)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %q does not name %q", err, tt.field)
			}
		})
	}
}

// claimsRound adds two claimed results: Vännäs's disagrees in 2023, Åre's
// baseline year is not published and stands in with 2013.
func claimsRound(tb testing.TB) pdf.JuryReport {
	r := juryRound(tb)
	place := func(rank int) *kpi.Placing { return &kpi.Placing{Rank: rank, Valid: true, Colour: kpi.Green} }
	r.Claims = []pdf.Claim{
		{Application: "S5", Indicator: "Utredningstid barn och unga", KPI: "U33401", Municipality: "Vännäs (2460)",
			Baseline: kpi.ClaimCheck{Claim: kpi.Claim{Year: 2012, Value: 140}, OfficialYear: 2012, Official: 141,
				Verdict: kpi.Agrees, National: place(250), NationalSize: 290},
			Current: kpi.ClaimCheck{Claim: kpi.Claim{Year: 2023, Value: 105}, OfficialYear: 2023, Official: 174,
				Verdict: kpi.Disagrees, National: place(285), NationalSize: 290}},
		{Application: "S3", Indicator: "Väntetid familjestöd", KPI: "U33402", Municipality: "Åre (2321)",
			OtherMunicipality: true, Unverified: true,
			Baseline: kpi.ClaimCheck{Claim: kpi.Claim{Year: 2012, Value: 19}, OfficialYear: 2013, Official: 18.5,
				Verdict: kpi.NoOfficialValue, National: place(100), NationalSize: 280},
			Current: kpi.ClaimCheck{Claim: kpi.Claim{Year: 2020, Value: 10}, Verdict: kpi.NoOfficialValue}},
	}
	return r
}

func TestJuryClaims(t *testing.T) {
	for _, c := range []struct {
		lang  pdf.Lang
		wants []string
	}{
		{pdf.Swedish, []string{"Redovisade resultat mot officiell statistik", "2023: 105 / off. 174 · 285", "AVVIKER",
			"2012: 19 / off. 18,5 (2013)", "2020: 10 / inget", "kan inte prövas", "organisationens kommun", "ej verifierad",
			"(!) Ett redovisat resultat avviker från den officiella statistiken"}},
		{pdf.English, []string{"Claimed results against official statistics", "2023: 105 / off. 174 · 285", "DISAGREES",
			"2012: 19 / off. 18.5 (2013)", "not checkable", "organisation's", "not verified"}},
	} {
		r := claimsRound(t)
		r.Lang = c.lang
		doc, err := pdf.Jury(fonts(t), r)
		if err != nil {
			t.Fatal(err)
		}
		text := flat(pdfText(t, doc))
		wantAll(t, text, c.wants...)
		// Only Vännäs's line of the ranking (first, wrapped) carries the mark.
		ranking := text[:strings.Index(text, "Total: ")]
		if strings.Count(ranking, "(!)") != 1 || strings.Index(ranking, "(!)") > strings.Index(ranking, "2 Flöden i skolan") {
			t.Errorf("%v: the ranking marks %q, want Vännäs alone", c.lang, ranking)
		}
	}
}
