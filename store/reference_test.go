package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
)

func TestKPISettingsSurviveImport(t *testing.T) {
	db := fixtureDB(t)
	ctx := asAdmin()
	limit := 30.0
	k, err := db.UpdateKPISettings(ctx, "N01951", store.KPISettings{Unit: "invånare", Direction: store.HigherIsBetter, LegalLimit: &limit})
	if err != nil || k.Direction != store.HigherIsBetter || *k.LegalLimit != 30 {
		t.Fatalf("UpdateKPISettings = %+v, %v", k, err)
	}
	doc := `{"values":[{"id":"N01951","title":"Invånare totalt, antal","municipality_type":"A"}]}`
	sum, err := db.ImportKPIs(ctx, kolada.NewStream(strings.NewReader(doc)), store.ImportOptions{})
	if err != nil || sum.Updated != 1 {
		t.Fatalf("ImportKPIs = %+v, %v", sum, err)
	}
	k, err = db.FindKPIByID(ctx, "N01951")
	if err != nil || k.Title != "Invånare totalt, antal" || k.Unit != "invånare" || k.Direction != store.HigherIsBetter || *k.LegalLimit != 30 {
		t.Errorf("after import = %+v, %v; want the new title and the admin's settings", k, err)
	}
	t.Run("refusals", func(t *testing.T) {
		cases := []struct {
			ctx  context.Context
			id   string
			in   store.KPISettings
			code store.Code
		}{
			{context.Background(), "N01951", store.KPISettings{Direction: store.Neutral}, store.Forbidden},
			{ctx, "N01951", store.KPISettings{Direction: "UP"}, store.Invalid},
			{ctx, "N99999", store.KPISettings{Direction: store.Neutral}, store.NotFound},
		}
		for _, c := range cases {
			if _, err := db.UpdateKPISettings(c.ctx, c.id, c.in); store.ErrorCode(err) != c.code {
				t.Errorf("UpdateKPISettings(%s, %+v) = %v, want %s", c.id, c.in, err, c.code)
			}
		}
	})
	ks, err := db.FindKPIs(context.Background(), store.KPIFilter{Search: "utredning"})
	if err != nil || len(ks) != 1 || ks[0].ID != "U33401" {
		t.Errorf("FindKPIs(utredning) = %v, %v", ks, err)
	}
}

func TestCustomGroups(t *testing.T) {
	db := fixtureDB(t)
	ctx := asAdmin()
	g, err := db.CreateGroup(ctx, store.GroupInput{Title: " Leanpristagare ", Members: []string{"1280", "0181"}})
	if err != nil || g.ID != "A1" || g.Kind != store.KindCustom || g.Title != "Leanpristagare" ||
		strings.Join(g.Members, ",") != "0181,1280" {
		t.Fatalf("CreateGroup = %+v, %v", g, err)
	}
	if _, err := importCSV(db, "kpi,municipality,period,gender,value\nU33401,A1,2012,T,100\n", false); err != nil {
		t.Fatalf("a value for the new group: %v", err)
	}
	g, err = db.UpdateGroup(ctx, "A1", store.GroupInput{Title: "Pristagare", Members: []string{"1280"}})
	if err != nil || g.Title != "Pristagare" || len(g.Members) != 1 {
		t.Errorf("UpdateGroup = %+v, %v", g, err)
	}
	refusals := []struct {
		name string
		err  error
		code store.Code
	}{
		{"an applicant creates", second(db.CreateGroup(store.WithActor(ctx, &store.Actor{Role: store.RoleApplicant}),
			store.GroupInput{Title: "x", Members: []string{"1280"}})), store.Forbidden},
		{"unknown member", second(db.CreateGroup(ctx, store.GroupInput{Title: "x", Members: []string{"9999"}})), store.Invalid},
		{"no members", second(db.CreateGroup(ctx, store.GroupInput{Title: "x"})), store.Invalid},
		{"member twice", second(db.CreateGroup(ctx, store.GroupInput{Title: "x", Members: []string{"1280", "1280"}})), store.Invalid},
		{"Kolada's group", second(db.UpdateGroup(ctx, "G92787", store.GroupInput{Title: "x", Members: []string{"1280"}})), store.Forbidden},
		{"no such group", db.DeleteGroup(ctx, "A99"), store.NotFound},
	}
	for _, r := range refusals {
		if store.ErrorCode(r.err) != r.code {
			t.Errorf("%s: %v, want %s", r.name, r.err, r.code)
		}
	}
	if err := db.DeleteGroup(ctx, "A1"); err != nil {
		t.Fatal(err)
	}
	if n := countValues(t, db); n != 0 {
		t.Errorf("%d values left for the deleted group", n)
	}
	gs, err := db.FindGroups(context.Background(), store.GroupFilter{Member: "1280"})
	if err != nil || len(gs) != 1 || gs[0].ID != "G92787" {
		t.Errorf("groups of Malmö = %v, %v", gs, err)
	}
}

func second[T any](_ T, err error) error { return err }

func TestGroupMembershipChangesCountAsUpdates(t *testing.T) {
	db := fixtureDB(t)
	doc := `{"values":[{"id":"G92787","title":"Storstäder (ovägt medel)","members":[{"member_id":"0180"},{"member_id":"1280"}]}]}`
	sum, err := db.ImportGroups(asAdmin(), kolada.NewStream(strings.NewReader(doc)), store.ImportOptions{})
	if err != nil || sum.Updated != 1 || sum.Unchanged != 0 {
		t.Fatalf("ImportGroups = %+v, %v; want the group updated", sum, err)
	}
	g, err := db.FindGroupByID(context.Background(), "G92787")
	if err != nil || strings.Join(g.Members, ",") != "0180,1280" || g.Kind != store.KindKommungrupp {
		t.Errorf("group = %+v, %v", g, err)
	}
	m, err := db.FindMunicipalityByCode(context.Background(), "1480")
	if err != nil || m.KommungruppID != nil || *m.CountyCode != "14" {
		t.Errorf("Göteborg = %+v, %v; want no kommungrupp any more, county 14", m, err)
	}
}
