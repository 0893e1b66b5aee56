package graph_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/graph/mail/mailtest"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// TestDatabaseRestartLosesNoMail restarts PostgreSQL while a sender works
// through the outbox: every mail arrives, and the only copies are of mails
// the server took while their row could not be marked sent (same
// Message-ID, as the README says).
func TestDatabaseRestartLosesNoMail(t *testing.T) {
	const n, batch = 60, 5
	c := privateCluster(t)
	dsn := storetest.NewDatabase(t)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.QueueMails(t, dsn, n)
	srv := mailtest.Start(t, mailtest.StartTLS)
	srv.OnData(func(*mailtest.Message) { time.Sleep(20 * time.Millisecond) })
	cfg, err := mail.ParseConfig("smtp://127.0.0.1:"+srv.Port(), "noreply@example.se")
	if err != nil {
		t.Fatal(err)
	}
	tr := mail.NewSMTP(*cfg)
	tr.TLS = srv.ClientTLS
	r, _ := mail.NewRenderer("https://awards.example.se")
	s := &mail.Sender{DB: db, SMTP: tr, Renderer: r, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Batch: batch, Poll: 20 * time.Millisecond, Lease: 2 * time.Second, Backoff: 100 * time.Millisecond, MaxBackoff: 500 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx) }()
	defer func() { cancel(); <-done }()

	srv.Wait(t, 10, 30*time.Second)
	c.pgctl(t, "stop", "-m", "fast", "-w")
	time.Sleep(time.Second)
	c.pgctl(t, "start", "-w", "-t", "60", "-l", filepath.Join(c.dir, "server.log"), "-o", c.opts)

	admin := store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})
	if !waitFor(60*time.Second, func() bool {
		k, err := db.CountMails(admin, store.MailFilter{Status: store.MailSent})
		return err == nil && k == n
	}) {
		t.Fatalf("not every mail was marked sent after the restart")
	}
	mails, _, err := db.FindMails(admin, store.MailFilter{}, store.Page{First: n})
	if err != nil {
		t.Fatal(err)
	}
	copies := map[string]int{}
	for _, m := range srv.Messages() {
		copies[m.MessageID]++
	}
	extra := 0
	for _, m := range mails {
		k := copies["<"+m.MessageID+"@example.se>"]
		if k == 0 {
			t.Errorf("mail %d never arrived", m.ID)
		}
		extra += max(k-1, 0)
	}
	if len(copies) != n || extra > batch {
		t.Errorf("%d distinct mails arrived with %d extra copies; want %d, and copies only of the batch in flight (at most %d)",
			len(copies), extra, n, batch)
	}
	t.Logf("%d mails, %d sent again after the restart", n, extra)
}
