package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/graph/mail/mailtest"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

func TestServeRefusesBadMailSettings(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"SMTP_URL": "smtp://user:p%zzword@mail.example.se", "MAIL_FROM": "noreply@example.se"}, "SMTP_URL does not parse"},
		{map[string]string{"SMTP_URL": "imap://mail.example.se", "MAIL_FROM": "noreply@example.se"}, "smtp:// or smtps://"},
		{map[string]string{"SMTP_URL": "smtp://mail.example.se"}, "MAIL_FROM"},
		{map[string]string{"MAIL_FROM": "noreply@example.se"}, "SMTP_URL is not"},
		{map[string]string{"PUBLIC_URL": "ftp://x"}, "PUBLIC_URL"},
	} {
		out := &bytes.Buffer{}
		tc.env["DATABASE_URL"] = dsn
		m := &Main{Stdout: out, Stderr: out, Getenv: func(k string) string { return tc.env[k] }}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := m.Run(ctx, []string{"serve", "-addr", "127.0.0.1:0"})
		cancel()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("serve with %v = %v, want an error saying %q", tc.env, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "p%zzword") {
			t.Errorf("the error shows the password: %v", err)
		}
	}
}

// A server killed after the SMTP server took a mail (its DATA) but before
// it marked the row sent: once the lease ends another server sends the
// mail again, with the same Message-ID, and marks it.
func TestKilledBetweenDataAndMarkingSentResendsWithSameMessageID(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	bin := buildAwardd(t)
	srv := mailtest.Start(t, mailtest.Plain)
	env := []string{"SMTP_URL=smtp://127.0.0.1:" + srv.Port() + "?tls=none", "MAIL_FROM=noreply@leanpriset.example.se"}
	flags := []string{"-mail-lease", "2s", "-mail-poll", "50ms"}

	killed := make(chan struct{})
	var first *process
	srv.OnData(func(*mailtest.Message) {
		first.cmd.Process.Kill()
		first.cmd.Wait()
		close(killed)
	})
	first = startAwarddWith(t, bin, dsn, env, flags...)
	storetest.QueueMails(t, dsn, 1)
	select {
	case <-killed:
	case <-time.After(30 * time.Second):
		t.Fatalf("the mail never arrived:\n%s", first.logs())
	}
	srv.OnData(nil)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	adminCtx := store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})
	m, err := db.FindMailByID(adminCtx, 1)
	if err != nil || m.Status != store.MailPending {
		t.Fatalf("after the kill the mail is %+v, %v; want PENDING", m, err)
	}

	second := startAwarddWith(t, bin, dsn, env, flags...)
	msgs := srv.Wait(t, 2, 30*time.Second)
	if msgs[0].MessageID != msgs[1].MessageID || msgs[0].MessageID != fmt.Sprintf("<%s@leanpriset.example.se>", m.MessageID) {
		t.Errorf("Message-IDs %q and %q, want both <%s@leanpriset.example.se>", msgs[0].MessageID, msgs[1].MessageID, m.MessageID)
	}
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if m, err = db.FindMailByID(adminCtx, 1); err == nil && m.Status == store.MailSent {
			break
		}
	}
	if m.Status != store.MailSent || m.Attempts != 2 {
		t.Errorf("mail: %s after %d attempts, want SENT after 2\n%s", m.Status, m.Attempts, second.logs())
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(srv.Messages()); n != 2 {
		t.Errorf("%d copies arrived, want 2", n)
	}
}
