package store_test

import (
	"context"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func TestSeedDemoIsIdempotent(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	for i, want := range []bool{true, false} {
		loaded, err := db.SeedDemo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if loaded != want {
			t.Errorf("SeedDemo run %d loaded = %v, want %v", i+1, loaded, want)
		}
	}
	admin := store.WithActor(ctx, &store.Actor{UserID: 1, Role: store.RoleAdmin})
	n, err := db.CountApplications(admin, store.ApplicationFilter{})
	if err != nil || n != 11 {
		t.Errorf("demo applications = %d, %v; want 11", n, err)
	}
	if _, err := db.Login(ctx, store.DemoApplicantEmail, store.DemoPassword); err != nil {
		t.Errorf("demo applicant cannot log in: %v", err)
	}
}
