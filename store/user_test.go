package store_test

import (
	"context"
	"testing"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func TestMigrateIsIdempotent(t *testing.T) {
	db := storetest.MustOpenDB(t)
	applied, err := db.Migrate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Errorf("Migrate on a migrated database applied %v, want nothing", applied)
	}
}

func TestSignUpAndLogin(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	code := "0181"
	u, org, err := db.SignUp(ctx, store.NewUser{Email: "Anna@Sodertalje.se", Name: "Anna", Password: "correct horse battery"},
		store.OrganisationInput{Name: "Södertälje kommun", Kind: "MUNICIPALITY", Sector: "PUBLIC", MunicipalityCode: &code})
	if err != nil {
		t.Fatal(err)
	}
	if u.Role != store.RoleApplicant || org.Name != "Södertälje kommun" {
		t.Fatalf("SignUp = %+v, %+v", u, org)
	}
	t.Run("email is case-insensitive", func(t *testing.T) {
		s, err := db.Login(ctx, "anna@SODERTALJE.se", "correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		a, err := db.Authenticate(ctx, s.Token)
		if err != nil {
			t.Fatal(err)
		}
		if a.UserID != u.ID || !a.IsMember(org.ID) {
			t.Errorf("Authenticate = %+v, want user %d in org %d", a, u.ID, org.ID)
		}
	})
	t.Run("duplicate email is a conflict", func(t *testing.T) {
		_, _, err := db.SignUp(ctx, store.NewUser{Email: "anna@sodertalje.se", Name: "A", Password: "another long password"},
			store.OrganisationInput{Name: "X", Kind: "OTHER", Sector: "PRIVATE"})
		if store.ErrorCode(err) != store.Conflict {
			t.Errorf("SignUp(duplicate) = %v, want CONFLICT", err)
		}
	})
	t.Run("wrong email and wrong password are the same error", func(t *testing.T) {
		_, err1 := db.Login(ctx, "nobody@example.se", "correct horse battery")
		_, err2 := db.Login(ctx, "anna@sodertalje.se", "wrong password here")
		if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
			t.Errorf("Login errors = %v / %v, want the same error", err1, err2)
		}
	})
	t.Run("logout revokes the token", func(t *testing.T) {
		s, _ := db.Login(ctx, "anna@sodertalje.se", "correct horse battery")
		if err := db.Logout(ctx, s.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Authenticate(ctx, s.Token); store.ErrorCode(err) != store.Unauthenticated {
			t.Errorf("Authenticate(revoked) = %v, want UNAUTHENTICATED", err)
		}
	})
}
