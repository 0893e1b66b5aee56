package store_test

import (
	"context"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func seededDB(t *testing.T) *store.DB {
	t.Helper()
	db := storetest.MustOpenDB(t)
	if _, err := db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestDemoBenchmarkSet(t *testing.T) {
	db := seededDB(t)
	ctx := context.Background()
	named := map[string]string{"0181": "G92790", "1280": "G92787", "0580": "G92790", "2583": "G92791", "2321": "G92794",
		"2480": "G92790", "0182": "G92793", "1470": "G92789", "0127": "G92793", "1262": "G92793"}
	for code, group := range named {
		m, err := db.FindMunicipalityByCode(ctx, code)
		if err != nil || deref(m.KommungruppID) != group || !m.Demo || m.CountyName == nil {
			t.Errorf("demo municipality %s = %+v, %v; want kommungrupp %s", code, m, err, group)
		}
	}
	ms, err := db.FindMunicipalities(ctx, store.MunicipalityFilter{})
	if err != nil || len(ms) != 176 {
		t.Errorf("%d demo municipalities, %v; want 176 (the named ones and their kommungrupp peers)", len(ms), err)
	}
	k, err := db.FindKPIByID(ctx, "U33401")
	if err != nil || k.Direction != store.LowerIsBetter || k.LegalLimit == nil || *k.LegalLimit != 120 || !k.Demo {
		t.Errorf("demo U33401 = %+v, %v", k, err)
	}
	// 182 municipalities and groups × 6 years × (6 KPIs by gender × 3 + 4 × 1)
	real, synthetic, err := db.CountKPIValues(ctx)
	if err != nil || real != 0 || synthetic != 182*6*22 {
		t.Errorf("values = %d real, %d synthetic, %v; want %d synthetic", real, synthetic, err, 182*6*22)
	}
	vs, err := db.FindKPIValues(ctx, store.KPIValueFilter{KPIIDs: []string{"U33401"}, FromYear: 2020, ToYear: 2020, Genders: []string{"T"}})
	if err != nil {
		t.Fatal(err)
	}
	byArea := map[string]float64{}
	for _, v := range vs {
		if !v.Synthetic || v.Status != store.DemoStatus || v.Value == nil {
			t.Fatalf("value %+v is not marked synthetic", v)
		}
		byArea[v.MunicipalityID] = *v.Value
	}
	for _, code := range []string{"0180", "1280", "1480", "G92787"} {
		if _, ok := byArea[code]; !ok {
			t.Fatalf("no 2020 value for %s", code)
		}
	}
	mean := (byArea["0180"] + byArea["1280"] + byArea["1480"]) / 3
	if math.Abs(byArea["G92787"]-mean) > 0.05 {
		t.Errorf("Storstäder 2020 = %v, want the members' mean %.2f", byArea["G92787"], mean)
	}
}

func TestDemoBenchmarkIsDeterministic(t *testing.T) {
	f := store.KPIValueFilter{KPIIDs: []string{"N01951", "U21468", "N20900"}, MunicipalityIDs: []string{"2583", "0181", "G92791"}}
	var got [2][]string
	for i := range got {
		vs, err := seededDB(t).FindKPIValues(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			got[i] = append(got[i], strings.Join([]string{v.KPIID, v.MunicipalityID, v.Gender, fmtFloat(v.Value)}, " "))
		}
	}
	if len(got[0]) != 3*6*(3+3+1) || !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("two demo loads differ or are incomplete: %d and %d values", len(got[0]), len(got[1]))
	}
}

func TestRealValuesReplaceSyntheticOnes(t *testing.T) {
	db := seededDB(t)
	sum, err := importCSV(db, "kpi,municipality,period,gender,value,status\nU33401,1280,2020,T,101,\n", false)
	if err != nil || sum.Updated != 1 {
		t.Fatalf("import over the demo = %+v, %v", sum, err)
	}
	vs, err := db.FindKPIValues(context.Background(), store.KPIValueFilter{KPIIDs: []string{"U33401"},
		MunicipalityIDs: []string{"1280"}, FromYear: 2020, ToYear: 2020, Genders: []string{"T"}})
	if err != nil || len(vs) != 1 || vs[0].Synthetic || vs[0].Status != "" || *vs[0].Value != 101 {
		t.Errorf("value = %+v, %v; want the real one", vs, err)
	}
}

func fmtFloat(v *float64) string {
	if v == nil {
		return "null"
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}
