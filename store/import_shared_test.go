package store_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
	"github.com/leanforum/awards/store/storetest"
)

// asAdmin is a context acting as an administrator.
func asAdmin() context.Context {
	return store.WithActor(context.Background(), &store.Actor{UserID: 1, Role: store.RoleAdmin})
}

// importSharedFiles imports the real Kolada files and the county list in
// ../shared/data and returns the summaries by kind.
func importSharedFiles(t *testing.T, db *store.DB) map[string]*store.ImportSummary {
	t.Helper()
	ctx := asAdmin()
	out := map[string]*store.ImportSummary{}
	kinds := []struct {
		file string
		run  func(*kolada.Stream) (*store.ImportSummary, error)
	}{
		{"kolada/kpi.json", func(s *kolada.Stream) (*store.ImportSummary, error) {
			return db.ImportKPIs(ctx, s, store.ImportOptions{})
		}},
		{"kolada/municipality.json", func(s *kolada.Stream) (*store.ImportSummary, error) {
			return db.ImportMunicipalities(ctx, s, store.ImportOptions{})
		}},
		{"kolada/municipality_groups.json", func(s *kolada.Stream) (*store.ImportSummary, error) {
			return db.ImportGroups(ctx, s, store.ImportOptions{})
		}},
		{"kolada/data_samples.json", func(s *kolada.Stream) (*store.ImportSummary, error) {
			return db.ImportKoladaData(ctx, s, store.ImportOptions{})
		}},
	}
	for _, k := range kinds {
		f, err := os.Open(storetest.SharedData(t, k.file))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := k.run(kolada.NewStream(f))
		f.Close()
		if err != nil {
			t.Fatalf("import %s: %v", k.file, err)
		}
		out[sum.Kind] = sum
	}
	f, err := os.Open(storetest.SharedData(t, "municipality_county.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sum, err := db.ImportCounties(ctx, f, store.ImportOptions{})
	if err != nil {
		t.Fatalf("import municipality_county.csv: %v", err)
	}
	out[sum.Kind] = sum
	return out
}

func TestImportSharedFiles(t *testing.T) {
	db := storetest.MustOpenDB(t)
	first := importSharedFiles(t, db)
	want := map[string]int{"kpis": 6099, "municipalities": 312, "groups": 3630, "data": 303, "counties": 290}
	for kind, n := range want {
		s := first[kind]
		inserted := n
		if kind == "counties" {
			inserted = 0 // the municipalities exist; their counties are set
		}
		if s.Read != n || s.Inserted != inserted || s.Written != n || s.Skipped != 0 {
			t.Errorf("first %s import = %+v, want %d read and written", kind, s, n)
		}
	}
	checkSharedReference(t, db)
	t.Run("a second import changes nothing", func(t *testing.T) {
		again := importSharedFiles(t, db)
		for kind, n := range want {
			if s := again[kind]; s.Read != n || s.Written != 0 || s.Unchanged != n {
				t.Errorf("second %s import = %+v, want %d read, none written", kind, s, n)
			}
		}
		real, synthetic, err := db.CountKPIValues(context.Background())
		if err != nil || real != 303 || synthetic != 0 {
			t.Errorf("values = %d real, %d synthetic, %v; want 303 real", real, synthetic, err)
		}
	})
}

// checkSharedReference checks facts of the real files once imported.
func checkSharedReference(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	k, err := db.FindKPIByID(ctx, "U33401")
	if err != nil || k.Direction != store.LowerIsBetter || k.LegalLimit == nil || *k.LegalLimit != 120 || k.Unit != "dagar" {
		t.Errorf("U33401 = %+v, %v; want LOWER_IS_BETTER in dagar with a legal limit of 120", k, err)
	}
	if k != nil && (!k.IsDividedByGender || k.OperatingArea != "Individ- och familjeomsorg" || k.MunicipalityType != "K") {
		t.Errorf("U33401 Kolada fields = %+v", k)
	}
	for id, dir := range map[string]store.Direction{"U21468": store.HigherIsBetter, "N20016": store.Neutral,
		"N23009": store.LowerIsBetter, "N00945": store.Neutral} {
		if k, err := db.FindKPIByID(ctx, id); err != nil || k.Direction != dir {
			t.Errorf("%s direction = %v, %v; want %s", id, k, err, dir)
		}
	}
	m, err := db.FindMunicipalityByCode(ctx, "1280")
	if err != nil || m.Name != "Malmö" || m.Type != "K" || deref(m.CountyCode) != "12" ||
		deref(m.CountyName) != "Skåne län" || deref(m.KommungruppID) != "G92787" ||
		!strings.HasPrefix(deref(m.KommungruppTitle), "Storstäder") {
		t.Errorf("Malmö = %+v, %v", m, err)
	}
	kinds := map[store.GroupKind]int{store.KindKommungrupp: 9, store.KindCounty: 21, store.KindSizeClass: 9}
	for kind, n := range kinds {
		gs, err := db.FindGroups(ctx, store.GroupFilter{Kind: kind})
		if err != nil || len(gs) != n {
			t.Errorf("%s groups = %d, %v; want %d", kind, len(gs), err, n)
		}
	}
	peers, err := db.FindMunicipalities(ctx, store.MunicipalityFilter{GroupID: "G92787"})
	if err != nil || len(peers) != 3 {
		t.Errorf("Storstäder members = %d, %v; want Stockholm, Göteborg and Malmö", len(peers), err)
	}
	vs, err := db.FindKPIValues(ctx, store.KPIValueFilter{KPIIDs: []string{"N00945"}, MunicipalityIDs: []string{"1280"}, ToYear: 2000})
	if err != nil || len(vs) != 1 || vs[0].Value == nil || *vs[0].Value != 28.36722648 || vs[0].Gender != "T" {
		t.Errorf("N00945 Malmö 2000 = %+v, %v; want 28.36722648", vs, err)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
