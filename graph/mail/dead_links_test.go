package mail_test

import (
	"context"
	"database/sql"
	"sort"
	"testing"
	"time"

	_ "github.com/lib/pq"

	"github.com/leanforum/awards/graph/mail/mailtest"
	"github.com/leanforum/awards/store"
)

// deadLinkFixture queues, in order: an invitation to old@ that a second
// one replaces, the second one, an invitation to late@ whose link has
// expired, a reset for user@ whose link was used, a fresh reset for
// user@, and a reset for other@ whose link has expired.
func deadLinkFixture(t *testing.T, f *fixture) {
	t.Helper()
	admin, err := f.db.CreateAdmin(context.Background(), "admin@example.se", "Admin", "a long enough password")
	if err != nil {
		t.Fatal(err)
	}
	ctx := store.WithActor(context.Background(), &store.Actor{UserID: admin.ID, Role: store.RoleAdmin})
	for _, email := range []string{"old@example.se", "old@example.se", "late@example.se"} {
		if _, err := f.db.InviteUser(ctx, store.InvitationInput{Email: email, Role: store.RoleJuror}); err != nil {
			t.Fatal(err)
		}
	}
	for _, email := range []string{"user@example.se", "other@example.se"} {
		if _, err := f.db.CreateUser(ctx, store.NewUser{Email: email, Name: "Användare", Password: "a long enough password",
			Role: store.RoleJuror}, nil); err != nil {
			t.Fatal(err)
		}
	}
	reset := func(email string) {
		if err := f.db.RequestPasswordReset(context.Background(), email); err != nil {
			t.Fatal(err)
		}
	}
	reset("user@example.se")
	ms := f.mails(t)
	if err := f.db.ResetPassword(context.Background(), *ms[len(ms)-1].Secret, "a new long password"); err != nil {
		t.Fatal(err)
	}
	reset("user@example.se")
	reset("other@example.se")
	raw, err := sql.Open("postgres", f.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.se'`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE password_resets SET expires_at = now() - interval '1 minute'
		WHERE user_id = (SELECT id FROM users WHERE email = 'other@example.se')`); err != nil {
		t.Fatal(err)
	}
}

// deadLinkWant is what becomes of each mail of deadLinkFixture, in order:
// its state and the reason it was not sent ("" for sent).
var deadLinkWant = []struct {
	to, status, reason string
}{
	{"old@example.se", store.MailFailed, store.LinkReplaced},
	{"old@example.se", store.MailSent, ""},
	{"late@example.se", store.MailFailed, store.LinkExpired},
	{"user@example.se", store.MailFailed, store.LinkUsed},
	{"user@example.se", store.MailSent, ""},
	{"other@example.se", store.MailFailed, store.LinkExpired},
}

// TestDeadLinksAreNeverSent: an invitation or reset mail whose link has
// expired, was used or was replaced by a newer invitation is never sent:
// the sender marks it FAILED with the reason and drops its token, and
// sends the others.
func TestDeadLinksAreNeverSent(t *testing.T) {
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	deadLinkFixture(t, f)
	if n := f.sendDue(t); n != len(deadLinkWant) {
		t.Fatalf("claimed %d mails, want %d", n, len(deadLinkWant))
	}
	got := f.server.Wait(t, 2, 5*time.Second)
	time.Sleep(100 * time.Millisecond)
	if got = f.server.Messages(); len(got) != 2 {
		t.Fatalf("%d mails arrived, want 2 (the live links)", len(got))
	}
	to := mailtest.Addresses(got)
	sort.Strings(to)
	if len(to) != 2 || to[0] != "old@example.se" || to[1] != "user@example.se" {
		t.Errorf("mails arrived for %v, want old@ and user@ (the live links)", to)
	}
	checkDeadLinks(t, f)
}

// TestDeadLinksWithoutMailServer: a server without SMTP does not leave a
// mail with a dead link noted "no mail server configured" for a server
// that can send it: its housekeeping marks it FAILED with the reason.
func TestDeadLinksWithoutMailServer(t *testing.T) {
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	deadLinkFixture(t, f)
	f.sender.SMTP = nil
	f.sender.Housekeeping = 10 * time.Millisecond
	run(t, f.sender)
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if ms := f.mails(t); ms[0].Status == store.MailFailed && ms[1].LastError != "" {
			break
		}
	}
	for i, m := range f.mails(t) {
		w := deadLinkWant[i]
		want, reason := w.status, w.reason
		if want == store.MailSent {
			want, reason = store.MailPending, store.NoMailServer
		}
		if m.To != w.to || m.Status != want || m.LastError != reason {
			t.Errorf("mail %d to %s: %s, %q; want %s, %q", i, m.To, m.Status, m.LastError, want, reason)
		}
	}
}

func checkDeadLinks(t *testing.T, f *fixture) {
	t.Helper()
	ms := f.mails(t)
	if len(ms) != len(deadLinkWant) {
		t.Fatalf("%d mails in the outbox, want %d", len(ms), len(deadLinkWant))
	}
	for i, m := range ms {
		w := deadLinkWant[i]
		if m.To != w.to || m.Status != w.status || m.LastError != w.reason || m.Secret != nil {
			t.Errorf("mail %d to %s: %s, %q, token kept %v; want %s, %q and no token", i, m.To, m.Status, m.LastError,
				m.Secret != nil, w.status, w.reason)
		}
	}
}
