package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/leanforum/awards/store"
)

// Sender delivers the outbox. Every server runs one: each claims due
// mails with FOR UPDATE SKIP LOCKED and a lease (store.ClaimMails), so
// however many run, a mail goes to one of them at a time. A sender that
// dies between the server's acceptance and marking the mail sent leaves
// it to be sent again when its lease ends, with the same Message-ID, by
// which receiving systems can tell the copy.
type Sender struct {
	DB       *store.DB
	SMTP     *SMTP // nil: no mail server; mails wait, noted NoMailServer
	Renderer *Renderer
	Log      *slog.Logger
	// Batch is how many mails are claimed and sent over one connection.
	Batch int
	// Poll is how long an idle sender waits before looking again.
	Poll time.Duration
	// Lease is how long a claimed mail is left to its sender; it must
	// outlast a batch's delivery.
	Lease time.Duration
	// MaxAttempts bounds the tries of a mail that keeps failing
	// temporarily; then it is marked failed.
	MaxAttempts int
	// Backoff is the wait after the first temporary failure; it doubles
	// with each further one, up to MaxBackoff, and each wait is drawn at
	// random from its upper half (jitter) so that senders spread out.
	Backoff, MaxBackoff time.Duration
	// Keep is how long sent mails stay in the outbox before they are purged.
	Keep time.Duration
	// Housekeeping is how often reminders are written and old mails purged.
	Housekeeping time.Duration
}

// Defaults of a Sender.
const (
	DefaultBatch       = 50
	DefaultPoll        = 2 * time.Second
	DefaultLease       = 5 * time.Minute
	DefaultMaxAttempts = 10
	DefaultBackoff     = 30 * time.Second
	DefaultMaxBackoff  = 2 * time.Hour
	DefaultKeep        = 30 * 24 * time.Hour
)

func (s *Sender) defaults() {
	set := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	set(&s.Poll, DefaultPoll)
	set(&s.Lease, DefaultLease)
	set(&s.Backoff, DefaultBackoff)
	set(&s.MaxBackoff, DefaultMaxBackoff)
	set(&s.Keep, DefaultKeep)
	set(&s.Housekeeping, time.Minute)
	if s.Batch == 0 {
		s.Batch = DefaultBatch
	}
	if s.MaxAttempts == 0 {
		s.MaxAttempts = DefaultMaxAttempts
	}
	if s.Log == nil {
		s.Log = slog.Default()
	}
}

// Run sends due mails, writes reminders and purges sent mails until ctx
// ends. A database or mail server that is down is waited for.
func (s *Sender) Run(ctx context.Context) {
	s.defaults()
	var chores time.Time
	for ctx.Err() == nil {
		if time.Since(chores) >= s.Housekeeping {
			chores = time.Now()
			s.housekeep(ctx)
		}
		n := 0
		if s.SMTP != nil {
			var err error
			if n, err = s.SendDue(ctx); err != nil && ctx.Err() == nil {
				s.Log.Warn("mail: cannot claim mails", "err", err)
			}
		}
		if n < s.Batch {
			select {
			case <-ctx.Done():
			case <-time.After(s.Poll):
			}
		}
	}
}

func (s *Sender) housekeep(ctx context.Context) {
	if n, err := s.DB.EnqueueReminders(ctx); err != nil {
		s.Log.Warn("mail: reminders", "err", err)
	} else if n > 0 {
		s.Log.Info("mail: reminders queued", "mails", n)
	}
	if dead, err := s.DB.FailDeadLinks(ctx, nil); err != nil {
		s.Log.Warn("mail: dead links", "err", err)
	} else if len(dead) > 0 {
		s.Log.Info("mail: mails with a dead link not sent", "mails", len(dead))
	}
	if n, err := s.DB.PurgeSentMails(ctx, s.Keep); err != nil {
		s.Log.Warn("mail: purge", "err", err)
	} else if n > 0 {
		s.Log.Info("mail: sent mails purged", "mails", n)
	}
	if s.SMTP == nil {
		if err := s.DB.NoteUnsentMails(ctx, store.NoMailServer); err != nil {
			s.Log.Warn("mail: note unsent", "err", err)
		}
	}
}

// SendDue claims one batch of due mails, sends it and records the
// outcome of each; it returns how many it claimed.
func (s *Sender) SendDue(ctx context.Context) (int, error) {
	s.defaults()
	if s.SMTP == nil {
		return 0, errors.New("mail: no mail server configured")
	}
	mails, err := s.DB.ClaimMails(ctx, s.Batch, s.Lease)
	if err != nil || len(mails) == 0 {
		return 0, err
	}
	dead, err := s.DB.FailDeadLinks(ctx, linkMails(mails))
	if err != nil {
		// Nothing is sent: the lease runs out and the mails are claimed again.
		return 0, err
	}
	// The outcome is recorded even when ctx ends meanwhile: the mails
	// have gone.
	mark, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	var msgs []*gomail.Msg
	var sending []*store.Mail
	for _, m := range mails {
		if dead[m.ID] {
			s.Log.Info("mail: link dead, not sent", "id", m.ID, "kind", m.Kind)
			continue
		}
		msg, err := s.message(m)
		if err != nil {
			s.Log.Error("mail: cannot write mail", "id", m.ID, "err", err)
			s.record(mark, m, fmt.Errorf("cannot write the mail: %w", err), true)
			continue
		}
		msgs, sending = append(msgs, msg), append(sending, m)
	}
	for i, err := range s.SMTP.Send(ctx, msgs) {
		s.record(mark, sending[i], err, Permanent(err))
	}
	return len(mails), nil
}

// linkMails are the ids of the mails that carry a one-time link, whose
// link must still work when they are sent.
func linkMails(mails []*store.Mail) []int64 {
	ids := []int64{}
	for _, m := range mails {
		if m.Secret != nil {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

// record stores the outcome of one delivery.
func (s *Sender) record(ctx context.Context, m *store.Mail, sendErr error, permanent bool) {
	var err error
	switch {
	case sendErr == nil:
		err = s.DB.MarkMailSent(ctx, m)
	case permanent:
		s.Log.Warn("mail: failed for good", "id", m.ID, "kind", m.Kind, "err", sendErr)
		err = s.DB.MarkMailFailed(ctx, m, reason(sendErr))
	case m.Attempts >= s.MaxAttempts:
		s.Log.Warn("mail: giving up", "id", m.ID, "attempts", m.Attempts, "err", sendErr)
		err = s.DB.MarkMailFailed(ctx, m, fmt.Sprintf("gave up after %d attempts: %s", m.Attempts, reason(sendErr)))
	default:
		err = s.DB.RetryMailLater(ctx, m, s.backoff(m.Attempts), reason(sendErr))
	}
	if err != nil {
		// The lease runs out and the mail is tried again, same Message-ID.
		s.Log.Warn("mail: cannot record the outcome", "id", m.ID, "sent", sendErr == nil, "err", err)
	}
}

// backoff is the wait after the attempt-th try: Backoff·2^(attempt−1)
// capped at MaxBackoff, drawn from its upper half.
func (s *Sender) backoff(attempt int) time.Duration {
	d := s.Backoff
	for i := 1; i < attempt && d < s.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, s.MaxBackoff)
	return d/2 + rand.N(d/2+1)
}

// reason is a failure as admins read it: the server's answer, on one line.
func reason(err error) string {
	r := oneLine(err.Error())
	if len(r) > 1000 {
		r = r[:1000]
	}
	return r
}

// message builds m as a MIME mail: plain text with an HTML alternative,
// UTF-8 throughout, and the Message-ID that stays with the row.
func (s *Sender) message(m *store.Mail) (*gomail.Msg, error) {
	c, err := s.Renderer.Render(m)
	if err != nil {
		return nil, err
	}
	from := s.SMTP.From()
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP))
	if err := msg.FromFormat(oneLine(from.Name), from.Address); err != nil {
		return nil, err
	}
	if err := msg.AddToFormat(oneLine(m.ToName), m.To); err != nil {
		return nil, err
	}
	msg.Subject(c.Subject)
	msg.SetMessageIDWithValue(MessageID(m, from.Address))
	msg.SetDate()
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, c.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, c.HTML)
	return msg, nil
}

// MessageID is m's Message-ID (without the angle brackets): the row's own
// random id at the sender's domain, the same on every try.
func MessageID(m *store.Mail, from string) string {
	domain := from[strings.LastIndex(from, "@")+1:]
	return m.MessageID + "@" + domain
}
