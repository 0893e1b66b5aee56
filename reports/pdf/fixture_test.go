package pdf_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
)

// realNames are some municipalities by their real codes, with å, ä and ö.
var realNames = [][2]string{
	{"0181", "Södertälje"}, {"1280", "Malmö"}, {"2321", "Åre"}, {"2480", "Umeå"}, {"2460", "Vännäs"},
	{"1444", "Grästorp"}, {"0180", "Stockholm"}, {"1480", "Göteborg"}, {"0580", "Linköping"}, {"1470", "Vara"},
	{"1880", "Örebro"}, {"1980", "Västerås"}, {"0680", "Jönköping"}, {"2580", "Luleå"}, {"0780", "Växjö"},
	{"1490", "Borås"}, {"2281", "Sundsvall"}, {"0305", "Håbo"}, {"2584", "Kiruna"}, {"1283", "Helsingborg"},
}

// municipalities returns n codes in ascending order and their names: the
// real ones above, then invented codes from 3001 named "Kommun 3001" and
// so on.
func municipalities(n int) ([]string, map[string]string) {
	names := make(map[string]string, n)
	codes := make([]string, 0, n)
	for _, rn := range realNames[:min(n, len(realNames))] {
		codes = append(codes, rn[0])
		names[rn[0]] = rn[1]
	}
	for i := 1; len(codes) < n; i++ {
		c := fmt.Sprintf("%04d", 3000+i)
		codes = append(codes, c)
		names[c] = "Kommun " + c
	}
	return codes, names
}

// benchmarkFocus are the focus municipalities of the fixtures.
var benchmarkFocus = []string{"0181", "1280", "2321", "2480", "2460"}

// benchmarkReport returns a report on n municipalities and k KPIs, drawn
// from a fixed seed: about one municipality in thirty lacks a value, and
// the focus municipalities have nine years of history.
func benchmarkReport(tb testing.TB, n, k int) pdf.BenchmarkReport {
	tb.Helper()
	codes, names := municipalities(n)
	rng := rand.New(rand.NewPCG(2024, uint64(n*10+k)))
	r := pdf.BenchmarkReport{
		Date: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), Title: "Individ- och familjeomsorg 2023",
		Names: names, Focus: benchmarkFocus, Thresholds: kpi.DefaultThresholds(),
	}
	for j := range k {
		dir := []kpi.Direction{kpi.LowerIsBetter, kpi.HigherIsBetter}[j%2]
		values := make([]kpi.Value, n)
		for i, c := range codes {
			v := math.Round((100+30*rng.NormFloat64())*10) / 10
			values[i] = kpi.Value{Code: c, Value: v, Valid: rng.IntN(30) != 0 || i < len(benchmarkFocus)}
		}
		r.KPIs = append(r.KPIs, benchmarkKPI(tb, j, dir, values, codes, rng))
	}
	return r
}

// benchmarkKPI places values and adds groups and focus series.
func benchmarkKPI(tb testing.TB, j int, dir kpi.Direction, values []kpi.Value, codes []string, rng *rand.Rand) pdf.BenchmarkKPI {
	tb.Helper()
	placings, err := kpi.Place(values, dir, kpi.DefaultThresholds())
	if err != nil {
		tb.Fatal(err)
	}
	all, err := kpi.GroupStats(values, nil)
	if err != nil {
		tb.Fatal(err)
	}
	group, err := kpi.GroupStats(values, codes[:len(codes)/4])
	if err != nil {
		tb.Fatal(err)
	}
	series := map[string]pdf.Series{}
	for i, c := range benchmarkFocus {
		s := pdf.Series{}
		for y := 2015; y <= 2023; y++ {
			s[y] = math.Round((values[i].Value+float64(2023-y)*rng.NormFloat64()*3)*10) / 10
		}
		s[2023] = values[i].Value
		series[c] = s
	}
	return pdf.BenchmarkKPI{
		ID: fmt.Sprintf("N%05d", 31800+j), Title: fmt.Sprintf("Nyckeltal %d för äldreomsorg och skola", j+1),
		Unit: "kr/inv", Year: 2023, Direction: dir, Definition: "Kostnad per invånare, enligt räkenskapssammandraget.",
		Source: "Kolada (RKA), SCB", Placings: placings,
		Groups: []pdf.GroupSummary{{Name: "Riket", Summary: all}, {Name: "Storstäder och förorter", Summary: group}},
		Series: series,
	}
}
