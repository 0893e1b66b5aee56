package main

import (
	"flag"
	"fmt"
	"log/slog"

	"github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/store"
)

// mailFlags are serve's settings of the outbox's sender.
type mailFlags struct {
	publicURL string
	sender    mail.Sender
}

func (f *mailFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.publicURL, "public-url", "", "the web application's address as mail links show it (PUBLIC_URL; default http:// and -addr)")
	fs.DurationVar(&f.sender.Keep, "mail-keep", mail.DefaultKeep, "how long sent mails stay in the outbox before they are purged")
	fs.IntVar(&f.sender.MaxAttempts, "mail-max-attempts", mail.DefaultMaxAttempts, "tries of a mail that keeps failing temporarily before it is marked failed")
	fs.DurationVar(&f.sender.Backoff, "mail-backoff", mail.DefaultBackoff, "the wait after a mail's first temporary failure; it doubles with each further one, with jitter")
	fs.DurationVar(&f.sender.MaxBackoff, "mail-max-backoff", mail.DefaultMaxBackoff, "the longest wait between two tries of a mail")
	fs.DurationVar(&f.sender.Lease, "mail-lease", mail.DefaultLease, "how long a claimed mail is left to its sender before another server may send it again")
	fs.DurationVar(&f.sender.Poll, "mail-poll", mail.DefaultPoll, "how often an idle sender looks for due mails")
	fs.IntVar(&f.sender.Batch, "mail-batch", mail.DefaultBatch, "mails claimed and sent over one connection")
}

// newSender builds the sender from the flags and SMTP_URL, MAIL_FROM and
// PUBLIC_URL. Without SMTP_URL mails wait in the outbox; a setting that
// does not parse stops the server from starting.
func (m *Main) newSender(f *mailFlags, addr string, db *store.DB, log *slog.Logger) (*mail.Sender, error) {
	public := f.publicURL
	if public == "" {
		public = m.Getenv("PUBLIC_URL")
	}
	if public == "" {
		public = "http://" + addr
		if addr != "" && addr[0] == ':' {
			public = "http://localhost" + addr
		}
	}
	r, err := mail.NewRenderer(public)
	if err != nil {
		return nil, err
	}
	s := f.sender
	s.DB, s.Renderer, s.Log = db, r, log
	smtpURL, from := m.Getenv("SMTP_URL"), m.Getenv("MAIL_FROM")
	if smtpURL == "" {
		if from != "" {
			return nil, fmt.Errorf("mail: MAIL_FROM is set but SMTP_URL is not")
		}
		log.Warn("mail: no SMTP_URL: mails stay in the outbox, noted " + store.NoMailServer)
		return &s, nil
	}
	cfg, err := mail.ParseConfig(smtpURL, from)
	if err != nil {
		return nil, err
	}
	s.SMTP = mail.NewSMTP(*cfg)
	log.Info("mail: sending", "host", cfg.Host, "port", cfg.Port, "security", cfg.Security, "from", cfg.From.Address)
	return &s, nil
}
