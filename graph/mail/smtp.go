package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	netmail "net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Security is how the connection to the mail server is protected.
type Security string

// The kinds of connection security.
const (
	StartTLS Security = "starttls" // smtp://, the default: STARTTLS required
	Implicit Security = "implicit" // smtps://: TLS from the first byte
	NoTLS    Security = "none"     // smtp://…?tls=none: a local relay only
)

// Config is a mail server, from SMTP_URL and MAIL_FROM.
type Config struct {
	Host               string
	Port               int
	Username, Password string
	Security           Security
	From               netmail.Address
}

// ParseConfig reads SMTP_URL (smtp://user:pass@host:587, with ?tls=none
// for a local relay without TLS, or smtps://host:465) and MAIL_FROM (an
// address, optionally with a name: "Leanpriset <noreply@example.se>").
func ParseConfig(smtpURL, from string) (*Config, error) {
	u, err := url.Parse(smtpURL)
	if err != nil {
		// The error would quote the URL, password and all: name the fault only.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("mail: SMTP_URL does not parse: %v (a password with @, : or / must be percent-encoded)", err)
	}
	c := &Config{Host: u.Hostname(), Security: StartTLS, Port: 587}
	switch u.Scheme {
	case "smtp":
	case "smtps":
		c.Security, c.Port = Implicit, 465
	default:
		return nil, fmt.Errorf("mail: SMTP_URL must start with smtp:// or smtps://, not %q", u.Scheme+"://")
	}
	if c.Host == "" || u.Path != "" && u.Path != "/" || u.Fragment != "" {
		return nil, errors.New("mail: SMTP_URL must be smtp://[user:password@]host[:port][?tls=none]")
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return nil, fmt.Errorf("mail: SMTP_URL port %q is not a port number", p)
		}
	}
	q := u.Query()
	for k := range q {
		if k != "tls" {
			return nil, fmt.Errorf("mail: SMTP_URL has an unknown setting %q (only tls=none is known)", k)
		}
	}
	if t := q.Get("tls"); t != "" {
		if t != "none" || c.Security == Implicit {
			return nil, fmt.Errorf("mail: SMTP_URL tls=%q: only smtp:// takes tls=none", t)
		}
		c.Security = NoTLS
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	a, err := netmail.ParseAddress(from)
	if err != nil || strings.ContainsAny(from, "\r\n") {
		return nil, fmt.Errorf("mail: MAIL_FROM must be an e-mail address such as \"Leanpriset <noreply@example.se>\", not %q", from)
	}
	c.From = *a
	return c, nil
}

// SMTP delivers mails to one server, one connection per batch.
type SMTP struct {
	cfg Config
	// TLS, when set, replaces the default TLS settings (tests trust their
	// own certificate authority with it).
	TLS *tls.Config
	// Timeout bounds connecting and each command (30 s when zero).
	Timeout time.Duration
}

// NewSMTP makes a transport for cfg.
func NewSMTP(cfg Config) *SMTP { return &SMTP{cfg: cfg} }

// From is the sender's address.
func (s *SMTP) From() netmail.Address { return s.cfg.From }

func (s *SMTP) client() (*gomail.Client, error) {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTimeout(timeout)}
	switch s.cfg.Security {
	case Implicit:
		opts = append(opts, gomail.WithSSL())
	case NoTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	tc := s.TLS
	if tc == nil {
		tc = &tls.Config{ServerName: s.cfg.Host, MinVersion: tls.VersionTLS12}
	}
	opts = append(opts, gomail.WithTLSConfig(tc))
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	return gomail.NewClient(s.cfg.Host, opts...)
}

// Send delivers msgs over one connection and returns each one's error
// (nil when the server accepted it). When the connection cannot be made,
// every message gets that error.
func (s *SMTP) Send(ctx context.Context, msgs []*gomail.Msg) []error {
	errs := make([]error, len(msgs))
	c, err := s.client()
	if err == nil {
		err = c.DialWithContext(ctx)
	}
	if err != nil {
		for i := range errs {
			errs[i] = &deliveryError{err: err}
		}
		return errs
	}
	defer c.Close()
	for i, m := range msgs {
		if err := c.Send(m); err != nil {
			errs[i] = classify(err)
		}
	}
	return errs
}

// deliveryError is a failed delivery: permanent when the server refused
// the mail with a 5xx answer, temporary otherwise (4xx, a refused
// connection, a timeout).
type deliveryError struct {
	err       error
	permanent bool
}

func (e *deliveryError) Error() string { return e.err.Error() }
func (e *deliveryError) Unwrap() error { return e.err }

func classify(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500 {
		return &deliveryError{err: err, permanent: true}
	}
	return &deliveryError{err: err}
}

// Permanent reports whether err means the mail will never be accepted.
func Permanent(err error) bool {
	var de *deliveryError
	return errors.As(err, &de) && de.permanent
}
