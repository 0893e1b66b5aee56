package pdf_test

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
)

// tableRow matches a row of the ranked table as pdftotext prints it: rank,
// name, value, percentile and colour. The table runs in two lanes, so a
// line of text holds up to two rows.
var tableRow = regexp.MustCompile(`(\d+|–) (.+?) (−?\d{1,3}(?: \d{3})*(?:,\d+)?|–) (\d+|–) (Grön|Gul|Röd|Grå)`)

// rankedRows returns the rows of the ranked table on one page of squashed
// text in reading order: down the left lane, then down the right one.
func rankedRows(page string) [][]string {
	var lanes [2][][]string
	for _, line := range strings.Split(page, "\n") {
		for i, m := range tableRow.FindAllStringSubmatch(line, 2) {
			lanes[i] = append(lanes[i], m)
		}
	}
	return append(lanes[0], lanes[1]...)
}

func TestBenchmarkLongTable(t *testing.T) {
	r := benchmarkReport(t, 290, 1)
	doc, err := pdf.Benchmark(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(pdfText(t, doc))
	for i := range ps {
		ps[i] = squash(ps[i])
	}
	rows, tablePages := tableRows(t, ps)
	if tablePages < 3 {
		t.Errorf("a 290-row table spans %d pages, want at least 3", tablePages)
	}
	seen := map[string]int{}
	for i, row := range rows {
		if seen[row[2]]++; seen[row[2]] > 1 {
			t.Errorf("%s is in the table more than once", row[2])
		}
		if i > 0 && rank(row) < rank(rows[i-1]) {
			t.Fatalf("rank %s follows rank %s: rows are not in rank order", row[1], rows[i-1][1])
		}
	}
	valued := 0
	for _, p := range r.KPIs[0].Placings {
		if p.Valid {
			valued++
		}
	}
	if len(seen) != valued || valued == 290 {
		t.Errorf("table has %d distinct municipalities, want the %d with a value (of 290)", len(seen), valued)
	}
	if !strings.Contains(flat(strings.Join(ps, "\n")), fmt.Sprintf("Utan värde 2023 (%d): ", 290-valued)) {
		t.Errorf("the %d municipalities without a value are not summarised in one line", 290-valued)
	}
	n := strconv.Itoa(len(ps))
	wantAll(t, ps[0], "Sida 1 av "+n)
	wantAll(t, ps[len(ps)-1], "Sida "+n+" av "+n)
}

// tableRows returns the rows of the ranked table over all pages and the
// number of pages it is on. It checks that every such page has the header
// once per lane and, after the first, the caption marked as continued.
func tableRows(t *testing.T, ps []string) ([][]string, int) {
	t.Helper()
	const header = "Plac. Kommun Värde Percentil Färg"
	var all [][]string
	n := 0
	for i, p := range ps {
		rows := rankedRows(p)
		if len(rows) == 0 {
			continue
		}
		if n++; n > 1 && !strings.Contains(p, "Rangordning: N31800 Nyckeltal 1 för äldreomsorg och skola (forts.)") {
			t.Errorf("continuation page %d lacks the caption with (forts.)", i+1)
		}
		if h := strings.Count(p, header); h != 2 {
			t.Errorf("page %d has %d rows and %d table headers, want one per lane", i+1, len(rows), h)
		}
		all = append(all, rows...)
	}
	return all, n
}

// rank returns a row's rank, with "–" (no value) after every number.
func rank(row []string) int {
	if n, err := strconv.Atoi(row[1]); err == nil {
		return n
	}
	return math.MaxInt
}

func TestBenchmarkContent(t *testing.T) {
	r := benchmarkReport(t, 40, 2)
	doc, err := pdf.Benchmark(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Jämförelse: Individ- och familjeomsorg 2023", "I fokus: Södertälje, Malmö, Åre, Umeå, Vännäs",
		"Lägre är bättre", "Högre är bättre", "Utveckling för kommunerna i fokus", "Metod och definitioner",
		"Kolada (RKA), SCB", "de bästa 25 % gröna och de sämsta 25 % röda", "Uppgifterna hämtades 2024-03-31.",
		"Data per 2024-03-31", "Grästorp", "Göteborg", "Örebro")
	k := r.KPIs[0]
	g := k.Groups[0].Summary
	wantAll(t, text, "Riket "+swedish(g.Mean, 2)+" "+swedish(g.Median, 2)+" "+strconv.Itoa(g.Count)+" av 40")
	if strings.Contains(text, "syntetisk") || strings.Contains(text, "*") {
		t.Error("a report on real values marks them synthetic")
	}
	for _, p := range k.Placings {
		if p.Code == "0181" {
			wantAll(t, text, strconv.Itoa(p.Rank)+" Södertälje "+swedish(p.Value, 1))
		}
	}
	wantOrder(t, text, "Rangordning: N31800", "Rangordning: N31801", "Metod och definitioner")
}

func TestBenchmarkEnglish(t *testing.T) {
	r := benchmarkReport(t, 30, 1)
	r.Lang = pdf.English
	doc, err := pdf.Benchmark(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Benchmark: Individ- och familjeomsorg 2023", "Rank Municipality Value Percentile Colour",
		"Lower is better", "Methods and definitions", "Page 1 of ", "Data as of 2024-03-31", "Umeå")
}

func TestBenchmarkInvalid(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*pdf.BenchmarkReport)
		field string
	}{
		{"no KPIs", func(r *pdf.BenchmarkReport) { r.KPIs = nil }, "no KPIs"},
		{"no title", func(r *pdf.BenchmarkReport) { r.Title = "" }, "Title"},
		{"no date", func(r *pdf.BenchmarkReport) { r.Date = time.Time{} }, "Date"},
		{"no placings", func(r *pdf.BenchmarkReport) { r.KPIs[0].Placings = nil }, "no placings"},
		{"NaN value", func(r *pdf.BenchmarkReport) { r.KPIs[0].Placings[3].Value = math.NaN() }, "not a number"},
		{"repeated code", func(r *pdf.BenchmarkReport) { r.KPIs[0].Placings[1].Code = r.KPIs[0].Placings[0].Code }, "appears twice"},
		{"bad code", func(r *pdf.BenchmarkReport) { r.KPIs[0].Placings[0].Code = "181" }, "four digits"},
		{"bad colour", func(r *pdf.BenchmarkReport) { r.KPIs[0].Placings[0].Colour = "BLUE" }, "unknown colour"},
		{"no direction", func(r *pdf.BenchmarkReport) { r.KPIs[0].Direction = 0 }, "Direction"},
		{"no year", func(r *pdf.BenchmarkReport) { r.KPIs[0].Year = 0 }, "Year"},
		{"NaN group mean", func(r *pdf.BenchmarkReport) { r.KPIs[0].Groups[0].Summary.Mean = math.NaN() }, "group 1: Mean"},
		{"NaN focus series", func(r *pdf.BenchmarkReport) { r.KPIs[0].Series["1280"][2019] = math.Inf(-1) }, "Series[1280]"},
		{"bad thresholds", func(r *pdf.BenchmarkReport) { r.Thresholds = kpi.Thresholds{Green: 60, Red: 60} }, "Thresholds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := benchmarkReport(t, 20, 1)
			tt.edit(&r)
			doc, err := pdf.Benchmark(fonts(t), r)
			if !errors.Is(err, pdf.ErrInvalid) || doc != nil {
				t.Fatalf("Benchmark = %d bytes, %v; want no PDF and ErrInvalid", len(doc), err)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %q does not name %q", err, tt.field)
			}
		})
	}
}

// swedish formats v as the Swedish documents do for small numbers: a
// decimal comma and a minus sign.
func swedish(v float64, dec int) string {
	s := strconv.FormatFloat(v, 'f', dec, 64)
	s = strings.Replace(s, ".", ",", 1)
	return strings.Replace(s, "-", "−", 1)
}

// TestBenchmarkLimitAndSynthetic gives the first KPI U33401's 120-day
// limit with its compliance over three years and marks the values
// synthetic: the PDF text must carry the limit, the share within it per
// year, and say "synthetic" at the values and in the headings.
func TestBenchmarkLimitAndSynthetic(t *testing.T) {
	r := benchmarkReport(t, 40, 1)
	k := &r.KPIs[0]
	k.ID, k.Title, k.Unit = "U33401", "Utredningstid barn och unga, medelvärde", "dagar"
	k.LegalLimit = ptr(120.0)
	k.Compliance = &pdf.Compliance{Limit: 120, Count: 39, Within: 31, Share: 31.0 / 39 * 100}
	for i, y := range []int{2021, 2022, 2023} {
		k.Years = append(k.Years, pdf.BenchmarkYear{Year: y, Groups: k.Groups,
			Compliance: &pdf.Compliance{Limit: 120, Count: 39, Within: 29 + i, Share: float64(29+i) / 39 * 100}})
	}
	k.Synthetic = map[string]bool{}
	for _, p := range k.Placings {
		if p.Valid {
			k.Synthetic[p.Code] = true
		}
	}
	doc, err := pdf.Benchmark(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, flat(text), "Lagkrav 120 dagar (högst): 31 av 39 kommuner med ett värde ligger inom gränsen (79,5 %).",
		"Lagkrav 120", "Över åren 2021–2023", "74,4 %", "76,9 %", "79,5 %",
		"U33401 Utredningstid barn och unga, medelvärde (dagar), 2023 – syntetiska demovärden",
		"Innehåller syntetiska demovärden (inte officiell statistik)", "staplar: syntetiska demovärden",
		"* syntetiskt demovärde, inte officiell statistik.")
	if strings.Contains(text, "Officiell statistik") {
		t.Error("synthetic values are called official statistics")
	}
	for _, p := range k.Placings {
		if p.Code == "0181" {
			wantAll(t, text, strconv.Itoa(p.Rank)+" Södertälje "+swedish(p.Value, 1)+"*")
		}
	}
}
