package mail_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	awardmail "github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/graph/mail/mailtest"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
	"golang.org/x/crypto/bcrypt"
)

var adminCtx = store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})

// fixture is a database, an SMTP server and a sender between them.
type fixture struct {
	dsn    string
	db     *store.DB
	server *mailtest.Server
	sender *awardmail.Sender
}

func openDB(t testing.TB, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.BcryptCost = bcrypt.MinCost
	t.Cleanup(func() { db.Close() })
	return db
}

// newFixture starts a server in mode and a sender that reaches it through
// smtpURL, a format with one %s for the server's port.
func newFixture(t testing.TB, mode mailtest.Mode, smtpURL string) *fixture {
	t.Helper()
	f := &fixture{dsn: storetest.NewDatabase(t), server: mailtest.Start(t, mode)}
	f.db = openDB(t, f.dsn)
	f.sender = f.newSender(t, f.db, smtpURL)
	return f
}

func (f *fixture) newSender(t testing.TB, db *store.DB, smtpURL string) *awardmail.Sender {
	t.Helper()
	cfg, err := awardmail.ParseConfig(fmt.Sprintf(smtpURL, f.server.Port()), "Svenska Leanpriset <noreply@leanpriset.example.se>")
	if err != nil {
		t.Fatal(err)
	}
	tr := awardmail.NewSMTP(*cfg)
	tr.TLS, tr.Timeout = f.server.ClientTLS, 5*time.Second
	r, err := awardmail.NewRenderer("https://awards.example.se")
	if err != nil {
		t.Fatal(err)
	}
	return &awardmail.Sender{DB: db, SMTP: tr, Renderer: r, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Batch: 20, Poll: 10 * time.Millisecond, Lease: time.Minute, Backoff: 100 * time.Millisecond,
		MaxBackoff: 400 * time.Millisecond, MaxAttempts: 5}
}

// mails is every outbox row, oldest first.
func (f *fixture) mails(t testing.TB) []*store.Mail {
	t.Helper()
	ms, _, err := f.db.FindMails(adminCtx, store.MailFilter{}, store.Page{First: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	return ms
}

func (f *fixture) sendDue(t testing.TB) int {
	t.Helper()
	n, err := f.sender.SendDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// run runs the sender until the test ends.
func run(t testing.TB, s *awardmail.Sender) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

func TestDeliversMultipartUTF8OverTLS(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode mailtest.Mode
		url  string
	}{
		{"STARTTLS with a password", mailtest.StartTLS, "smtp://robot:hemligt%%20l%%C3%%B6sen@127.0.0.1:%s"},
		{"implicit TLS", mailtest.Implicit, "smtps://127.0.0.1:%s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.mode, tc.url)
			if strings.HasPrefix(tc.url, "smtp://robot") {
				f.server.User, f.server.Password = "robot", "hemligt lösen"
			}
			if _, err := f.db.CreateAdmin(context.Background(), "eva@example.se", "Eva Åström", "a long password 1"); err != nil {
				t.Fatal(err)
			}
			if err := f.db.RequestPasswordReset(context.Background(), "eva@example.se"); err != nil {
				t.Fatal(err)
			}
			row := f.mails(t)[0]
			token := *row.Secret
			if n := f.sendDue(t); n != 1 {
				t.Fatalf("SendDue claimed %d, want 1", n)
			}
			msgs := f.server.Messages()
			if len(msgs) != 1 {
				t.Fatalf("%d mails arrived, want 1", len(msgs))
			}
			m := msgs[0]
			if !m.TLS {
				t.Error("the mail travelled without TLS")
			}
			if m.From != "noreply@leanpriset.example.se" || len(m.To) != 1 || m.To[0] != "eva@example.se" {
				t.Errorf("envelope %s → %v", m.From, m.To)
			}
			h := m.Header()
			dec := new(mime.WordDecoder)
			if subject, err := dec.DecodeHeader(h.Get("Subject")); err != nil || subject != "Återställ ditt lösenord" {
				t.Errorf("Subject = %q (%v), want Återställ ditt lösenord", subject, err)
			}
			if to, err := h.AddressList("To"); err != nil || len(to) != 1 || to[0].Name != "Eva Åström" {
				t.Errorf("To = %q: %v %v", h.Get("To"), to, err)
			}
			if want := "<" + row.MessageID + "@leanpriset.example.se>"; m.MessageID != want {
				t.Errorf("Message-ID = %q, want %q", m.MessageID, want)
			}
			text, html := parts(t, m)
			if !strings.Contains(text, "Hej Eva Åström!") || !strings.Contains(text, "https://awards.example.se/password/reset?token="+token) {
				t.Errorf("text part:\n%s", text)
			}
			if !strings.Contains(html, `<html lang="sv">`) || !strings.Contains(html, "Välj ett nytt lösenord</a>") {
				t.Errorf("HTML part:\n%s", html)
			}
			after := f.mails(t)[0]
			if after.Status != store.MailSent || after.Secret != nil || after.SentAt == nil || after.Attempts != 1 {
				t.Errorf("after sending: status %s, secret %v, sent %v, attempts %d; want SENT, none, a time, 1",
					after.Status, after.Secret, after.SentAt, after.Attempts)
			}
		})
	}
}

// parts splits a multipart/alternative mail into its text and HTML.
func parts(t *testing.T, m *mailtest.Message) (text, html string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(string(m.Data)))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type = %q, want multipart/alternative", msg.Header.Get("Content-Type"))
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		ct, cp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if cp["charset"] != "UTF-8" && cp["charset"] != "utf-8" {
			t.Errorf("part %s has charset %q, want UTF-8", ct, cp["charset"])
		}
		switch ct {
		case "text/plain":
			text = string(b)
		case "text/html":
			html = string(b)
		}
	}
	if text == "" || html == "" {
		t.Fatalf("want a text and an HTML part:\n%s", m.Data)
	}
	return text, html
}

func TestSTARTTLSIsRequiredUnlessTLSNone(t *testing.T) {
	f := newFixture(t, mailtest.Plain, "smtp://127.0.0.1:%s")
	storetest.QueueMails(t, f.dsn, 1)
	f.sendDue(t)
	if n := len(f.server.Messages()); n != 0 {
		t.Fatalf("%d mails went to a server without STARTTLS, want none", n)
	}
	m := f.mails(t)[0]
	if m.Status != store.MailPending || !strings.Contains(strings.ToLower(m.LastError), "tls") {
		t.Errorf("status %s, last error %q; want PENDING and a TLS error", m.Status, m.LastError)
	}
	relay := f.newSender(t, f.db, "smtp://127.0.0.1:%s?tls=none")
	time.Sleep(150 * time.Millisecond) // the back-off
	if _, err := relay.SendDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.server.Wait(t, 1, 5*time.Second)
}

func TestServerDownThenUp(t *testing.T) {
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	// Waits of 1–2 s: long enough to check on a loaded machine that
	// nothing is tried again before the back-off ends.
	f.sender.Backoff, f.sender.MaxBackoff = 2*time.Second, 2*time.Second
	f.server.Stop()
	storetest.QueueMails(t, f.dsn, 5)
	start := time.Now()
	if n := f.sendDue(t); n != 5 {
		t.Fatalf("claimed %d, want 5", n)
	}
	for _, m := range f.mails(t) {
		if m.Status != store.MailPending || m.Attempts != 1 || m.LastError == "" {
			t.Errorf("mail %d: %s, %d attempts, %q; want PENDING after 1 attempt, with the error", m.ID, m.Status, m.Attempts, m.LastError)
		}
		// Back-off with jitter: from half the first wait to all of it.
		if wait := m.NextAttemptAt.Sub(start); wait < 900*time.Millisecond || wait > 5*time.Second {
			t.Errorf("mail %d is tried again after %v, want 1–2 s", m.ID, wait)
		}
	}
	if n := f.sendDue(t); n != 0 {
		t.Errorf("claimed %d again at once, want 0 until the back-off ends", n)
	}
	f.server.Restart(t)
	run(t, f.sender)
	f.server.Wait(t, 5, 10*time.Second)
	time.Sleep(300 * time.Millisecond) // time for any duplicate to arrive
	assertOnce(t, f.server.Messages(), 5)
	for _, m := range f.mails(t) {
		if m.Status != store.MailSent || m.Attempts != 2 {
			t.Errorf("mail %d: %s after %d attempts, want SENT after 2", m.ID, m.Status, m.Attempts)
		}
	}
}

// assertOnce checks that msgs are n mails with n distinct Message-IDs.
func assertOnce(t *testing.T, msgs []*mailtest.Message, n int) {
	t.Helper()
	seen := map[string]int{}
	for _, m := range msgs {
		seen[m.MessageID]++
	}
	for id, c := range seen {
		if c > 1 {
			t.Errorf("mail %s arrived %d times", id, c)
		}
	}
	if len(msgs) != n || len(seen) != n {
		t.Errorf("%d mails with %d Message-IDs arrived, want %d", len(msgs), len(seen), n)
	}
}

func TestPermanentAndTemporaryRefusals(t *testing.T) {
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	f.sender.MaxAttempts = 2
	f.server.Reject(func(rcpt string) error {
		switch rcpt {
		case "test@2.example.se":
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox here"}
		case "test@3.example.se":
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
		}
		return nil
	})
	storetest.QueueMails(t, f.dsn, 3)
	run(t, f.sender)
	f.server.Wait(t, 1, 5*time.Second)
	var byTo map[string]*store.Mail
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		byTo = map[string]*store.Mail{}
		done := true
		for _, m := range f.mails(t) {
			byTo[m.To] = m
			done = done && m.Status != store.MailPending
		}
		if done {
			break
		}
	}
	if m := byTo["test@1.example.se"]; m.Status != store.MailSent {
		t.Errorf("accepted mail: %s", m.Status)
	}
	if m := byTo["test@2.example.se"]; m.Status != store.MailFailed || m.Attempts != 1 || !strings.Contains(m.LastError, "550") || !strings.Contains(m.LastError, "no such mailbox here") {
		t.Errorf("550: %s after %d attempts, %q; want FAILED after 1, with the server's answer", m.Status, m.Attempts, m.LastError)
	}
	if m := byTo["test@3.example.se"]; m.Status != store.MailFailed || m.Attempts != 2 ||
		!strings.Contains(m.LastError, "gave up after 2 attempts") || !strings.Contains(m.LastError, "451") {
		t.Errorf("451: %s after %d attempts, %q; want FAILED after 2, with the server's answer", m.Status, m.Attempts, m.LastError)
	}
	if m := byTo["test@2.example.se"]; m.Secret != nil {
		t.Error("a failed mail keeps its link token")
	}
	if n := len(f.server.Messages()); n != 1 {
		t.Errorf("%d mails arrived, want 1", n)
	}
}

func TestTwoSendersSendEachMailOnce(t *testing.T) {
	const n = 400
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	storetest.QueueMails(t, f.dsn, n)
	other := f.newSender(t, openDB(t, f.dsn), "smtp://127.0.0.1:%s")
	for _, s := range []*awardmail.Sender{f.sender, other} {
		s.Batch = 7
		run(t, s)
	}
	f.server.Wait(t, n, 60*time.Second)
	time.Sleep(300 * time.Millisecond)
	assertOnce(t, f.server.Messages(), n)
	for _, m := range f.mails(t) {
		if m.Status != store.MailSent || m.Attempts != 1 {
			t.Fatalf("mail %d: %s after %d attempts, want SENT after 1", m.ID, m.Status, m.Attempts)
		}
	}
}

func TestWithoutMailServerMailsWaitWithANote(t *testing.T) {
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	storetest.QueueMails(t, f.dsn, 2)
	f.sender.SMTP = nil
	f.sender.Housekeeping = 10 * time.Millisecond
	run(t, f.sender)
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if ms := f.mails(t); ms[0].LastError != "" && ms[1].LastError != "" {
			break
		}
	}
	for _, m := range f.mails(t) {
		if m.Status != store.MailPending || m.LastError != store.NoMailServer || m.Attempts != 0 {
			t.Errorf("mail %d: %s, %q, %d attempts; want PENDING, %q, 0", m.ID, m.Status, m.LastError, m.Attempts, store.NoMailServer)
		}
	}
	if n := len(f.server.Messages()); n != 0 {
		t.Errorf("%d mails arrived without a mail server configured", n)
	}
}

func TestPurgeSentMails(t *testing.T) {
	f := newFixture(t, mailtest.StartTLS, "smtp://127.0.0.1:%s")
	storetest.QueueMails(t, f.dsn, 3)
	f.sender.Batch = 2
	f.sendDue(t)
	time.Sleep(50 * time.Millisecond)
	if n, err := f.db.PurgeSentMails(context.Background(), time.Hour); err != nil || n != 0 {
		t.Errorf("purge of mails younger than the time kept: %d, %v; want 0", n, err)
	}
	if n, err := f.db.PurgeSentMails(context.Background(), 10*time.Millisecond); err != nil || n != 2 {
		t.Errorf("purge: %d, %v; want the 2 sent", n, err)
	}
	if ms := f.mails(t); len(ms) != 1 || ms[0].Status != store.MailPending {
		t.Errorf("left: %d mails, want the pending one", len(ms))
	}
}
