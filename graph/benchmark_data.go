package graph

import (
	"context"
	"sort"

	"github.com/leanforum/awards/reports/benchmark"
	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/store"
)

func sortedYears(series map[int]float64) []int {
	years := make([]int, 0, len(series))
	for y := range series {
		years = append(years, y)
	}
	sort.Ints(years)
	return years
}

// benchKPI is a stored KPI as reports/benchmark wants it.
func benchKPI(k *store.KPI) benchmark.KPI {
	d, err := kpi.ParseDirection(string(k.Direction))
	if err != nil {
		d = kpi.Neutral
	}
	return benchmark.KPI{ID: k.ID, Title: k.Title, Unit: k.Unit, Direction: d, LegalLimit: k.LegalLimit}
}

// definitionOf reads what a report definition names: its KPIs and group.
func definitionOf(ctx context.Context, db *store.DB, title string, kpiIDs []string, years []int, groupID *string, focus []string) (benchmark.Definition, error) {
	def := benchmark.Definition{Title: title, Years: years, Focus: focus}
	kpis, err := db.FindKPIs(ctx, store.KPIFilter{IDs: kpiIDs, Limit: len(kpiIDs)})
	if err != nil {
		return def, err
	}
	byID := map[string]*store.KPI{}
	for _, k := range kpis {
		byID[k.ID] = k
	}
	for _, id := range kpiIDs {
		k := byID[id]
		if k == nil {
			return def, store.InvalidField("kpiIds", "KPI %s not found", id)
		}
		def.KPIs = append(def.KPIs, benchKPI(k))
	}
	if groupID != nil && *groupID != "" {
		g, err := db.FindGroupByID(ctx, *groupID)
		if err != nil {
			return def, err
		}
		def.GroupTitle, def.GroupMembers = g.Title, g.Members
	}
	return def, nil
}

// panelDataset reads the values a definition needs for every municipality.
func panelDataset(ctx context.Context, db *store.DB, def benchmark.Definition) (benchmark.Dataset, error) {
	ms, err := db.FindMunicipalities(ctx, store.MunicipalityFilter{Type: "K"})
	if err != nil {
		return benchmark.Dataset{}, err
	}
	ids := make([]string, len(def.KPIs))
	for i, k := range def.KPIs {
		ids[i] = k.ID
	}
	vals, err := db.FindPanel(ctx, ids, def.Years)
	if err != nil {
		return benchmark.Dataset{}, err
	}
	d := benchmark.Dataset{Values: make(map[benchmark.Key]float64, len(vals)), SyntheticValues: map[benchmark.Key]bool{}}
	for _, m := range ms {
		d.Municipalities = append(d.Municipalities, benchmark.Municipality{Code: m.Code, Name: m.Name})
	}
	for _, v := range vals {
		key := benchmark.Key{KPI: v.KPIID, Code: v.Code, Year: v.Year}
		d.Values[key] = v.Value
		if v.Synthetic {
			d.Synthetic, d.SyntheticValues[key] = true, true
		}
	}
	return d, nil
}
