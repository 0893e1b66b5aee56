package pdf

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/leanforum/awards/reports/kpi"
)

// benchmarkText holds the fixed texts of the benchmark report.
type benchmarkText struct {
	title, counts, focus, kpiLine, groups, group, mean, median, withValue   string
	trends, municipality, trend, years, first, last, change                 string
	ranking, rank, value, percentile, colour                                string
	methods, definition, direction, source, year, unit, general, dataDate   string
	colours, noColours, percentileDef, rankDef, groupDef, trendDef, dateDef string
	synthetic, syntheticTitle, syntheticNote, syntheticBars, limit          string
	complianceLine, atMost, atLeast, withinLimit, overYears, noValue        string
}

// benchmarkWords returns the benchmark report's texts in the language.
func benchmarkWords(l Lang) benchmarkText {
	if l == English {
		return benchmarkText{title: "Benchmark", counts: "%d KPIs", focus: "In focus",
			kpiLine: "%s · %d of %d municipalities have a value.", groups: "Groups", group: "Group", mean: "Mean",
			median: "Median", withValue: "With value", trends: "Trends of the municipalities in focus",
			municipality: "Municipality", trend: "Trend", years: "Years", first: "First", last: "Latest",
			change: "Change", ranking: "Ranking", rank: "Rank", value: "Value", percentile: "Percentile",
			colour: "Colour", methods: "Methods and definitions", definition: "Definition", direction: "Direction",
			source: "Source", year: "Year", unit: "Unit", general: "How the figures are computed", dataDate: "Data date",
			colours:        "Colours: of the municipalities with a value, the best %s are green and the worst %s red, the others yellow; a municipality without a value is grey. A KPI for which neither way is better is yellow throughout.",
			noColours:      "Colours: no cut-offs were set, so every municipality with a value is yellow and one without a value grey.",
			percentileDef:  "Percentile: the share of the other municipalities with a value that the municipality beats, an equal value counting as half; the sole best scores 100 and the sole worst 0.",
			rankDef:        "Rank: best first; equal values share a rank and the next rank skips the places they took (1, 2, 2, 4).",
			groupDef:       "Group mean: the unweighted mean of the members with a value, as Kolada computes group values; a small municipality weighs as much as a large one. Median: the middle value.",
			trendDef:       "Trend: the change from the first to the latest year with a value.",
			dateDef:        "The data were retrieved on %s.",
			synthetic:      "Contains synthetic demo values (not official statistics), marked *.",
			syntheticTitle: "synthetic demo values", syntheticNote: "* synthetic demo value, not official statistics.",
			syntheticBars: "bars: synthetic demo values", limit: "Legal limit",
			complianceLine: "Legal limit %s (%s): %d of %d municipalities with a value are within it (%s).",
			atMost:         "at most", atLeast: "at least", withinLimit: "Within limit",
			overYears: "Over the years %d–%d", noValue: "No value in %d (%d): %s."}
	}
	return benchmarkText{title: "Jämförelse", counts: "%d nyckeltal", focus: "I fokus",
		kpiLine: "%s · %d av %d kommuner har ett värde.", groups: "Grupper", group: "Grupp", mean: "Medel",
		median: "Median", withValue: "Med värde", trends: "Utveckling för kommunerna i fokus",
		municipality: "Kommun", trend: "Trend", years: "År", first: "Första", last: "Senaste",
		change: "Förändring", ranking: "Rangordning", rank: "Plac.", value: "Värde", percentile: "Percentil",
		colour: "Färg", methods: "Metod och definitioner", definition: "Definition", direction: "Riktning",
		source: "Källa", year: "År", unit: "Enhet", general: "Så beräknas siffrorna", dataDate: "Datum för data",
		colours:        "Färger: av kommunerna med ett värde är de bästa %s gröna och de sämsta %s röda, övriga gula; en kommun utan värde är grå. Ett nyckeltal där varken högre eller lägre är bättre är gult rakt igenom.",
		noColours:      "Färger: inga gränser är satta, så alla kommuner med ett värde är gula och de utan värde grå.",
		percentileDef:  "Percentil: andelen av de andra kommunerna med ett värde som kommunen slår, där lika värde räknas som hälften; ensam bäst får 100 och ensam sämst 0.",
		rankDef:        "Placering: bäst först; lika värden delar placering och nästa placering hoppar över de platser de tog (1, 2, 2, 4).",
		groupDef:       "Gruppens medel: oviktat medelvärde av medlemmarna med ett värde, som Kolada beräknar gruppvärden; en liten kommun väger lika mycket som en stor. Median: mittvärdet.",
		trendDef:       "Utveckling: förändringen från det första till det senaste året med ett värde.",
		dateDef:        "Uppgifterna hämtades %s.",
		synthetic:      "Innehåller syntetiska demovärden (inte officiell statistik), markerade *.",
		syntheticTitle: "syntetiska demovärden", syntheticNote: "* syntetiskt demovärde, inte officiell statistik.",
		syntheticBars: "staplar: syntetiska demovärden", limit: "Lagkrav",
		complianceLine: "Lagkrav %s (%s): %d av %d kommuner med ett värde ligger inom gränsen (%s).",
		atMost:         "högst", atLeast: "minst", withinLimit: "Inom lagkrav",
		overYears: "Över åren %d–%d", noValue: "Utan värde %d (%d): %s."}
}

// appendix draws the methods appendix on a new page.
func (b *benchmark) appendix() {
	b.pdf.AddPage()
	b.heading(b.t.methods, 20)
	for _, k := range b.r.KPIs {
		b.subheading(kpiTitle(k.ID, k.Title, "", 0), 16)
		fs := []fact{{b.t.direction, capitalise(b.words.direction(k.Direction))}, {b.t.year, itoa(k.Year)}}
		if k.Unit != "" {
			fs = append(fs, fact{b.t.unit, k.Unit})
		}
		if k.Definition != "" {
			fs = append(fs, fact{b.t.definition, k.Definition})
		}
		if k.Source != "" {
			fs = append(fs, fact{b.t.source, k.Source})
		}
		b.facts(fs)
	}
	b.subheading(b.t.general, 30)
	th := b.r.Thresholds
	colours := b.t.noColours
	if th.Green > 0 || th.Red > 0 {
		colours = fmt.Sprintf(b.t.colours, b.lang.percent(th.Green, 0), b.lang.percent(th.Red, 0))
	}
	for _, s := range []string{colours, b.t.percentileDef, b.t.rankDef, b.t.groupDef, b.t.trendDef,
		fmt.Sprintf(b.t.dateDef, date(b.date))} {
		b.paragraph(s)
	}
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// barColour and cellColour are the strong and the light shade of a
// traffic-light colour, for bars and for table cells.
func barColour(c kpi.Colour) rgb {
	switch c {
	case kpi.Green:
		return 0x43A047
	case kpi.Yellow:
		return 0xFBC02D
	case kpi.Red:
		return 0xE53935
	}
	return 0x9E9E9E
}

// cellColour is the light shade of c; see barColour.
func cellColour(c kpi.Colour) rgb {
	switch c {
	case kpi.Green:
		return 0xA5D6A7
	case kpi.Yellow:
		return 0xFFF176
	case kpi.Red:
		return 0xEF9A9A
	}
	return 0xE0E0E0
}
