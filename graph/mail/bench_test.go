package mail_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	awardmail "github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/graph/mail/mailtest"
	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// BenchmarkDeliver10000 delivers 10,000 queued mails to the in-process
// SMTP server over STARTTLS, with one and with two senders (each its own
// pool, as two servers would be), and reports mails per second. One
// iteration is the whole 10,000: run it with -benchtime 1x -count N.
func BenchmarkDeliver10000(b *testing.B) {
	const n = 10000
	for _, senders := range []int{1, 2} {
		b.Run(fmt.Sprintf("senders=%d", senders), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				f := newFixture(b, mailtest.StartTLS, "smtp://127.0.0.1:%s")
				storetest.QueueMails(b, f.dsn, n)
				var ss []*awardmail.Sender
				for i := range senders {
					db := f.db
					if i > 0 {
						db = openDB(b, f.dsn)
					}
					s := f.newSender(b, db, "smtp://127.0.0.1:%s")
					s.Batch, s.Poll = awardmail.DefaultBatch, 5*time.Millisecond
					ss = append(ss, s)
				}
				b.StartTimer()
				start := time.Now()
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan struct{}, senders)
				for _, s := range ss {
					go func() { s.Run(ctx); done <- struct{}{} }()
				}
				f.server.Wait(b, n, 10*time.Minute)
				elapsed := time.Since(start)
				cancel()
				for range senders {
					<-done
				}
				b.StopTimer()
				if k, err := f.db.CountMails(adminCtx, store.MailFilter{Status: store.MailSent}); err != nil || k != n {
					b.Fatalf("%d marked sent (%v), want %d", k, err, n)
				}
				if got := len(f.server.Messages()); got != n {
					b.Fatalf("%d mails arrived, want %d", got, n)
				}
				b.ReportMetric(n/elapsed.Seconds(), "mails/s")
				b.StartTimer()
			}
		})
	}
}
