package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func adminCtx() context.Context {
	return store.WithActor(context.Background(), &store.Actor{UserID: 0, Role: store.RoleAdmin})
}

func pendingMails(t *testing.T, db *store.DB) []*store.Mail {
	t.Helper()
	mails, _, err := db.FindMails(adminCtx(), store.MailFilter{Status: store.MailPending}, store.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	return mails
}

func TestPasswordReset(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	if _, err := db.CreateAdmin(ctx, "eva@example.se", "Eva Åström", "old password 1234"); err != nil {
		t.Fatal(err)
	}
	session, err := db.Login(ctx, "eva@example.se", "old password 1234")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("an unknown address answers the same and mails nothing", func(t *testing.T) {
		c, counter := store.WithStatementCounter(ctx)
		if err := db.RequestPasswordReset(c, "nobody@example.se"); err != nil {
			t.Fatal(err)
		}
		c2, known := store.WithStatementCounter(ctx)
		if err := db.RequestPasswordReset(c2, "EVA@example.se"); err != nil {
			t.Fatal(err)
		}
		if counter.Count() != known.Count() {
			t.Errorf("statements: unknown %d, known %d; want the same", counter.Count(), known.Count())
		}
		if m := pendingMails(t, db); len(m) != 1 || m[0].To != "eva@example.se" || m[0].Kind != store.MailPasswordReset {
			t.Fatalf("outbox = %+v, want one reset mail to eva", m)
		}
	})
	t.Run("malformed address is INVALID at email", func(t *testing.T) {
		err := db.RequestPasswordReset(ctx, "eva@example.se\r\nBcc: x@y.se")
		if e, ok := err.(*store.Error); !ok || e.Code != store.Invalid || e.Field != "email" {
			t.Errorf("err = %v, want INVALID at email", err)
		}
	})
	token := *pendingMails(t, db)[0].Secret
	if err := db.ResetPassword(ctx, token, "short"); store.ErrorCode(err) != store.Invalid {
		t.Errorf("short password: %v", err)
	}
	if err := db.ResetPassword(ctx, token, "new password 12345"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Authenticate(ctx, session.Token); store.ErrorCode(err) != store.Unauthenticated {
		t.Errorf("old session after reset: %v, want UNAUTHENTICATED", err)
	}
	if _, err := db.Login(ctx, "eva@example.se", "new password 12345"); err != nil {
		t.Errorf("login with the new password: %v", err)
	}
	if err := db.ResetPassword(ctx, token, "another password 1"); store.ErrorCode(err) != store.Invalid {
		t.Errorf("reused token: %v, want INVALID", err)
	}
	t.Run("expired", func(t *testing.T) {
		db.RequestPasswordReset(ctx, "eva@example.se")
		tok := *pendingMails(t, db)[0].Secret
		db.Now = func() time.Time { return time.Now().Add(store.ResetTTL + time.Minute) }
		defer func() { db.Now = time.Now }()
		if err := db.ResetPassword(ctx, tok, "another password 1"); store.ErrorCode(err) != store.Invalid {
			t.Errorf("expired token: %v, want INVALID", err)
		}
	})
}

func TestInvitation(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	admin, err := db.CreateAdmin(ctx, "admin@example.se", "Admin", "admin password 1234")
	if err != nil {
		t.Fatal(err)
	}
	actx := store.WithActor(ctx, &store.Actor{UserID: admin.ID, Role: store.RoleAdmin})
	if _, err := db.InviteUser(actx, store.InvitationInput{Email: "not an address", Role: store.RoleJuror}); store.ErrorCode(err) != store.Invalid {
		t.Errorf("malformed address: %v", err)
	}
	if _, err := db.InviteUser(actx, store.InvitationInput{Email: "jan@example.se", Role: store.RoleJuror, Language: "en"}); err != nil {
		t.Fatal(err)
	}
	first := *pendingMails(t, db)[0].Secret
	if _, err := db.InviteUser(actx, store.InvitationInput{Email: "jan@example.se", Role: store.RoleJuror, Language: "en"}); err != nil {
		t.Fatal(err)
	}
	mails := pendingMails(t, db)
	if len(mails) != 2 || mails[0].Language != "en" {
		t.Fatalf("outbox = %+v", mails)
	}
	second := *mails[0].Secret
	if _, err := db.AcceptInvitation(ctx, store.Acceptance{Token: first, Name: "Jan", Password: "jan password 1234"}); store.ErrorCode(err) != store.Invalid {
		t.Errorf("revoked invitation: %v, want INVALID", err)
	}
	u, err := db.AcceptInvitation(ctx, store.Acceptance{Token: second, Name: "Jan Öberg", Password: "jan password 1234"})
	if err != nil {
		t.Fatal(err)
	}
	if u.Role != store.RoleJuror || u.Language != "en" || u.Email != "jan@example.se" {
		t.Errorf("user = %+v", u)
	}
	if _, err := db.AcceptInvitation(ctx, store.Acceptance{Token: second, Name: "Jan", Password: "jan password 1234"}); store.ErrorCode(err) != store.Invalid {
		t.Errorf("reused invitation: %v, want INVALID", err)
	}
}

func TestClaimMailsOnce(t *testing.T) {
	db := storetest.MustOpenDB(t)
	ctx := context.Background()
	for i := range 30 {
		db.RequestPasswordReset(ctx, "nobody@example.se")
		_ = i
	}
	if _, err := db.CreateAdmin(ctx, "eva@example.se", "Eva", "old password 1234"); err != nil {
		t.Fatal(err)
	}
	for range 30 {
		if err := db.RequestPasswordReset(ctx, "eva@example.se"); err != nil {
			t.Fatal(err)
		}
	}
	a, err := db.ClaimMails(ctx, 20, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.ClaimMails(ctx, 20, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, m := range append(a, b...) {
		if seen[m.ID] {
			t.Errorf("mail %d claimed twice", m.ID)
		}
		seen[m.ID] = true
	}
	if len(a) != 20 || len(b) != 10 {
		t.Errorf("claimed %d then %d, want 20 then 10", len(a), len(b))
	}
	if err := db.MarkMailSent(ctx, a[0]); err != nil {
		t.Fatal(err)
	}
	if m := pendingMails(t, db); len(m) != 29 {
		t.Errorf("%d pending after one sent, want 29", len(m))
	}
}

// TestClaimIsIndexScan shows that the claim reads the partial index of
// due mails, in its order, however many mails wait (the README quotes
// the plan).
func TestClaimIsIndexScan(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	storetest.QueueMails(t, dsn, 10000)
	raw, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE outbox SET status = 'SENT', sent_at = now() WHERE id % 2 = 0; ANALYZE outbox`); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	plan, err := db.ExplainClaim(context.Background(), 50)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("claim plan with 5,000 pending and 5,000 sent mails:\n%s", plan)
	if !strings.Contains(plan, "Index Scan using outbox_due_idx") || !strings.Contains(plan, "Index Cond: (next_attempt_at <= now())") ||
		strings.Contains(plan, "Seq Scan") || strings.Contains(plan, "Sort") {
		t.Errorf("the claim does not read outbox_due_idx in order:\n%s", plan)
	}
}
