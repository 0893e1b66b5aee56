package pdf_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
)

// areaPoints are eight operating areas with their mean percentiles, 506
// of 800 in all (the numbers of Grästorp's Kommunkompassen 2014 in
// REFERENCE.md, reused only as a fixture: AreaPoints is not
// Kommunkompassen, and the page says so). One neutral KPI is left out.
func areaPoints() *pdf.AreaPoints {
	names := []string{"Offentlighet och demokrati", "Tillgänglighet och brukarorientering",
		"Politisk styrning och kontroll", "Ledning, ansvar och delegering", "Resultatorientering",
		"Personalpolitik", "Verksamhetsutveckling", "Kommunen som samhällsbyggare"}
	points := []float64{61, 60, 73, 53, 70, 56, 65, 68}
	c := &pdf.AreaPoints{Year: 2014, Excluded: 1}
	for i, n := range names {
		c.Areas = append(c.Areas, pdf.AreaPoint{Name: n, Points: points[i], Max: 100, KPIs: 1 + i%3})
	}
	return c
}

// profileReport is Grästorp's profile among 40 municipalities. The KPI
// values, structure and group are invented for the tests; the similar
// municipalities come from kpi.Similar on that structure.
func profileReport(tb testing.TB) pdf.ProfileReport {
	tb.Helper()
	codes, names := municipalities(40)
	rng := rand.New(rand.NewPCG(1444, 2014))
	vars := map[string][]float64{}
	for _, c := range codes {
		vars[c] = []float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
	}
	similar, err := kpi.Similar("1444", vars, nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	r := pdf.ProfileReport{Date: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), Municipality: "1444", Names: names,
		Group: "Pendlingskommun nära större stad", Similar: similar, Areas: areaPoints()}
	for j, dir := range []kpi.Direction{kpi.LowerIsBetter, kpi.HigherIsBetter} {
		values := make([]kpi.Value, len(codes))
		for i, c := range codes {
			values[i] = kpi.Value{Code: c, Value: math.Round(rng.Float64()*1000) / 10, Valid: c == "1444" || rng.IntN(8) != 0}
		}
		placings, err := kpi.Place(values, dir, kpi.DefaultThresholds())
		if err != nil {
			tb.Fatal(err)
		}
		group, err := kpi.GroupStats(values, codes[:12])
		if err != nil {
			tb.Fatal(err)
		}
		r.KPIs = append(r.KPIs, pdf.ProfileKPI{ID: "U0000" + strconv.Itoa(j+1), Title: "Nöjdhet med äldreomsorgen",
			Unit: "%", Year: 2023, Direction: dir, Placings: placings, GroupStats: group,
			Series:      pdf.Series{2019: 70, 2020: 72, 2021: 75, 2022: 74, 2023: 78},
			GroupMedian: pdf.Series{2019: 71, 2020: 71, 2021: 73, 2022: 72, 2023: 74}})
	}
	return r
}

func TestProfileContent(t *testing.T) {
	r := profileReport(t)
	doc, err := pdf.Profile(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, text, "Kommunprofil: Grästorp", "Kommungrupp: Pendlingskommun nära större stad",
		"Percentilpoäng per verksamhetsområde 2014", "Offentlighet och demokrati 1 61 100", "Kommunen som samhällsbyggare 2 68 100",
		"Totalt 15 506 800", "Utelämnade ur poängen (varken högre eller lägre är bättre): 1 nyckeltal.",
		"Totalt 506 av 800 poäng (63 %).", "Nyckeltal", "U00001 Nöjdhet med äldreomsorgen (%), 2023 – lägre är bättre",
		"Medel, kommungrupp", "Median, liknande", "Sida 1 av ")
	wantAll(t, flat(text), "Median, Pendlingskommun nära större") // the legend wraps beside the table
	wantOrder(t, text, "Offentlighet och demokrati", "Tillgänglighet", "Politisk styrning", "Ledning, ansvar",
		"Resultatorientering", "Personalpolitik", "Verksamhetsutveckling", "Kommunen som samhällsbyggare")
	wantAll(t, flat(text), "Detta är inte SKR:s Kommunkompassen", "Nyckeltal där varken högre eller lägre är bättre ger inga poäng")
	k := r.KPIs[0]
	valued := 0
	for _, p := range k.Placings {
		if p.Valid {
			valued++
		}
	}
	own := placing(k.Placings, "1444")
	wantAll(t, text, "Grästorp "+swedish(own.Value, 1)+" "+strconv.Itoa(own.Rank)+" av "+strconv.Itoa(valued))
	var similar []string
	for _, n := range r.Similar {
		if p := placing(k.Placings, n.Code); p.Valid {
			similar = append(similar, r.Names[n.Code]+" "+swedish(p.Value, 1)+" "+strconv.Itoa(p.Rank)+" av ")
		}
	}
	wantOrder(t, text, similar...)
	wantAll(t, text, "Medel, kommungrupp "+swedish(k.GroupStats.Mean, 1))
	if strings.Contains(text, "Kommunkompassen 2014") || strings.Contains(text, "syntetisk") {
		t.Error("the profile calls its area points Kommunkompassen, or marks real values synthetic")
	}
}

// placing returns the placing of code.
func placing(ps []kpi.Placing, code string) kpi.Placing {
	for _, p := range ps {
		if p.Code == code {
			return p
		}
	}
	return kpi.Placing{}
}

func TestProfileEnglish(t *testing.T) {
	r := profileReport(t)
	r.Lang = pdf.English
	r.KPIs = nil
	doc, err := pdf.Profile(fonts(t), r)
	if err != nil {
		t.Fatal(err)
	}
	text := squash(pdfText(t, doc))
	wantAll(t, flat(text), "This is not SKR's Kommunkompassen")
	wantAll(t, text, "Municipality profile: Grästorp", "Percentile points by operating area 2014", "Total 15 506 800", "Total 506 of 800 points (63%).", "Page 1 of 1")
}

func TestProfileInvalid(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*pdf.ProfileReport)
		field string
	}{
		{"no municipality name", func(r *pdf.ProfileReport) { delete(r.Names, "1444") }, "Names[Municipality]"},
		{"bad code", func(r *pdf.ProfileReport) { r.Municipality = "14x4"; r.Names["14x4"] = "X" }, "four digits"},
		{"nothing to show", func(r *pdf.ProfileReport) { r.KPIs, r.Areas = nil, nil }, "neither KPIs nor Areas"},
		{"points above max", func(r *pdf.ProfileReport) { r.Areas.Areas[3].Points = 101 }, "area 4"},
		{"NaN points", func(r *pdf.ProfileReport) { r.Areas.Areas[0].Points = math.NaN() }, "area 1: Points"},
		{"no areas year", func(r *pdf.ProfileReport) { r.Areas.Year = 0 }, "Areas.Year"},
		{"municipality not placed", func(r *pdf.ProfileReport) { r.KPIs[1].Placings = r.KPIs[1].Placings[:5] }, "has no placing"},
		{"NaN group mean", func(r *pdf.ProfileReport) { r.KPIs[0].GroupStats.Mean = math.NaN() }, "GroupStats.Mean"},
		{"NaN series", func(r *pdf.ProfileReport) { r.KPIs[0].Series[2021] = math.NaN() }, "Series"},
		{"no group", func(r *pdf.ProfileReport) { r.Group = "" }, "Group"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := profileReport(t)
			tt.edit(&r)
			doc, err := pdf.Profile(fonts(t), r)
			if !errors.Is(err, pdf.ErrInvalid) || doc != nil {
				t.Fatalf("Profile = %d bytes, %v; want no PDF and ErrInvalid", len(doc), err)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %q does not name %q", err, tt.field)
			}
		})
	}
}

// TestProfileHugeValues draws a profile whose values lie near the float
// limit: the chart's axis must stay finite (it looped for ever on an
// infinite bound) and no number printed may be infinite.
func TestProfileHugeValues(t *testing.T) {
	for _, big := range []float64{1e15, 1e300, math.MaxFloat64} {
		r := profileReport(t)
		k := &r.KPIs[0]
		for y := range k.Series {
			k.Series[y] = big
		}
		k.GroupMedian = pdf.Series{2022: -big, 2023: big}
		k.GroupStats.Mean, k.GroupStats.Median = big, big
		done := make(chan error, 1)
		var doc []byte
		go func() {
			var err error
			doc, err = pdf.Profile(fonts(t), r)
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("Profile(values near %g) error = %v", big, err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("Profile(values near %g) did not finish", big)
		}
		if text := pdfText(t, doc); strings.Contains(text, "Inf") || strings.Contains(text, "NaN") {
			t.Errorf("Profile(values near %g) prints a non-finite number:\n%s", big, text)
		}
	}
}
