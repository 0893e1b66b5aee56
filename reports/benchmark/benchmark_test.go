package benchmark_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/leanforum/awards/reports/benchmark"
	"github.com/leanforum/awards/reports/kpi"
)

func fixture() (benchmark.Definition, benchmark.Dataset) {
	limit := 120.0
	def := benchmark.Definition{Title: "Utredningstid", Years: []int{2012, 2011},
		KPIs:       []benchmark.KPI{{ID: "U33401", Title: "Utredningstid", Unit: "dagar", Direction: kpi.LowerIsBetter, LegalLimit: &limit}},
		GroupTitle: "Storstäder", GroupMembers: []string{"1280", "0181"}, Focus: []string{"1280"}}
	data := benchmark.Dataset{
		Municipalities: []benchmark.Municipality{{"0181", "Södertälje"}, {"0580", "Linköping"}, {"1280", "Malmö"}, {"2480", "Umeå"}},
		Values: map[benchmark.Key]float64{
			{"U33401", "1280", 2011}: 140, {"U33401", "1280", 2012}: 105,
			{"U33401", "0181", 2012}: 140, {"U33401", "0580", 2012}: 120,
		},
	}
	return def, data
}

func TestBuild(t *testing.T) {
	def, data := fixture()
	r, err := benchmark.Build(def, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 2 || r.Sections[0].Year != 2011 || r.Sections[1].Year != 2012 {
		t.Fatalf("sections = %+v, want 2011 then 2012", r.Sections)
	}
	s := r.Sections[1]
	var order []string
	for _, row := range s.Rows {
		order = append(order, row.Code)
	}
	if got := order; got[0] != "1280" || got[1] != "0580" || got[2] != "0181" || got[3] != "2480" {
		t.Errorf("rows = %v, want Malmö (105), Linköping (120), Södertälje (140), Umeå (missing)", got)
	}
	if s.Rows[0].Rank != 1 || s.Rows[0].Colour != kpi.Green || s.Rows[3].Colour != kpi.Grey || s.Rows[3].Value != nil {
		t.Errorf("rows = %+v", s.Rows)
	}
	if !s.Rows[0].Focus || !s.Rows[0].InGroup || s.Rows[1].InGroup {
		t.Errorf("focus and group marks wrong: %+v", s.Rows)
	}
	if s.Group == nil || *s.Group.Mean != 122.5 || s.Group.Count != 2 {
		t.Errorf("group = %+v, want mean 122.5 of 2", s.Group)
	}
	if *s.National.Median != 120 || s.National.Count != 3 || s.National.Members != 4 {
		t.Errorf("national = %+v, want median 120, 3 of 4 with a value", s.National)
	}
	if s.Group.Members != 2 {
		t.Errorf("group = %+v, want 2 members", s.Group)
	}
	// Gaps against the 120-day limit: Malmö 15 within, Linköping at it,
	// Södertälje 20 past it, Umeå without a value.
	var gaps []any
	for _, row := range s.Rows {
		if row.Gap == nil {
			gaps = append(gaps, nil)
		} else {
			gaps = append(gaps, *row.Gap)
		}
	}
	if got := fmt.Sprint(gaps); got != "[-15 0 20 <nil>]" {
		t.Errorf("gaps = %s, want [-15 0 20 <nil>]", got)
	}
	if c := s.Compliance; c == nil || c.Within != 2 || c.Count != 3 || math.Abs(c.Share-66.666667) > 1e-6 {
		t.Errorf("compliance = %+v, want 2 of 3 within 120", c)
	}
	tr := r.Trends[0]
	if *tr.Change != -35 || math.Abs(*tr.Percent+25) > 1e-9 || !tr.Improving {
		t.Errorf("Malmö's trend = %+v, want −35 days, −25.0 %%, improving", tr)
	}
}

func TestBuildIsPlainData(t *testing.T) {
	def, data := fixture()
	r, _ := benchmark.Build(def, data)
	b1, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back benchmark.Report
	if err := json.Unmarshal(b1, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if string(b1) != string(b2) {
		t.Errorf("the report does not survive a JSON round trip:\n%s\n%s", b1, b2)
	}
}

func TestBuildRefuses(t *testing.T) {
	_, data := fixture()
	if _, err := benchmark.Build(benchmark.Definition{Title: "x"}, data); !errors.Is(err, benchmark.ErrInvalid) {
		t.Errorf("Build(no KPI) = %v, want ErrInvalid", err)
	}
}
