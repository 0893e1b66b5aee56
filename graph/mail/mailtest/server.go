// Package mailtest runs a real SMTP server in the test process
// (github.com/emersion/go-smtp) that records what it receives, with TLS
// from a certificate authority made for the test, and faults on demand.
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Mode is how clients reach the server.
type Mode int

// The modes: STARTTLS offered on a plain port, TLS from the first byte,
// or no TLS at all (a local relay).
const (
	StartTLS Mode = iota
	Implicit
	Plain
)

// Message is one mail the server accepted.
type Message struct {
	From      string
	To        []string
	Data      []byte
	MessageID string
	TLS       bool
	User      string // who authenticated, "" for nobody
}

// Header parses the message's header.
func (m *Message) Header() mail.Header {
	msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
	if err != nil {
		return mail.Header{}
	}
	return msg.Header
}

// Server is a running SMTP server.
type Server struct {
	// Addr is host:port; it stays the same across Stop and Start.
	Addr string
	// ClientTLS trusts the server's certificate.
	ClientTLS *tls.Config
	// User and Password, when set, are the only credentials accepted.
	User, Password string

	mode   Mode
	tls    *tls.Config
	mu     sync.Mutex
	srv    *smtp.Server
	msgs   []*Message
	reject func(rcpt string) error
	onData func(m *Message)
}

// Start runs a server in mode on 127.0.0.1, stopped when t ends.
func Start(t testing.TB, mode Mode) *Server {
	t.Helper()
	s := &Server{mode: mode}
	s.tls, s.ClientTLS = certificates(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Addr = ln.Addr().String()
	s.serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// Port is the server's port.
func (s *Server) Port() string {
	_, p, _ := net.SplitHostPort(s.Addr)
	return p
}

func (s *Server) serve(ln net.Listener) {
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		_, secure := c.TLSConnectionState()
		return &session{s: s, msg: &Message{TLS: secure}}, nil
	}))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.MaxMessageBytes = 1 << 20
	srv.MaxRecipients = 10
	switch s.mode {
	case StartTLS:
		srv.TLSConfig = s.tls
	case Implicit:
		ln = tls.NewListener(ln, s.tls)
	case Plain:
		srv.AllowInsecureAuth = true
	}
	s.mu.Lock()
	s.srv = srv
	s.mu.Unlock()
	go srv.Serve(ln)
}

// Stop closes the server: connections are refused until Start.
func (s *Server) Stop() {
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// Restart listens again on the same address.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	var ln net.Listener
	var err error
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if ln, err = net.Listen("tcp", s.Addr); err == nil {
			s.serve(ln)
			return
		}
	}
	t.Fatalf("listen again on %s: %v", s.Addr, err)
}

// Reject makes the server answer each recipient with f's error (nil
// accepts), such as &smtp.SMTPError{Code: 550, ...}; nil accepts all.
func (s *Server) Reject(f func(rcpt string) error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reject = f
}

// OnData calls f with each mail once the server has taken it, before it
// answers the DATA command.
func (s *Server) OnData(f func(m *Message)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onData = f
}

// Messages is what the server has accepted so far.
func (s *Server) Messages() []*Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Message(nil), s.msgs...)
}

// Wait waits up to timeout until n mails have arrived.
func (s *Server) Wait(t testing.TB, n int, timeout time.Duration) []*Message {
	t.Helper()
	for end := time.Now().Add(timeout); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if m := s.Messages(); len(m) >= n {
			return m
		}
	}
	m := s.Messages()
	t.Fatalf("%d mails arrived in %v, want %d", len(m), timeout, n)
	return m
}

type session struct {
	s   *Server
	msg *Message
}

func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if ss.s.User == "" || user != ss.s.User || pass != ss.s.Password {
			return smtp.ErrAuthFailed
		}
		ss.msg.User = user
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.User != "" && ss.msg.User == "" {
		return smtp.ErrAuthRequired
	}
	ss.msg.From = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.s.mu.Lock()
	reject := ss.s.reject
	ss.s.mu.Unlock()
	if reject != nil {
		if err := reject(to); err != nil {
			return err
		}
	}
	ss.msg.To = append(ss.msg.To, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := *ss.msg
	m.Data = b
	m.MessageID = m.Header().Get("Message-Id")
	ss.s.mu.Lock()
	ss.s.msgs = append(ss.s.msgs, &m)
	onData := ss.s.onData
	ss.s.mu.Unlock()
	if onData != nil {
		onData(&m)
	}
	return nil
}

func (ss *session) Reset() { ss.msg = &Message{TLS: ss.msg.TLS, User: ss.msg.User} }

func (ss *session) Logout() error { return nil }

// certificates makes a certificate authority and a certificate for
// 127.0.0.1 and localhost signed by it: the server's TLS settings, and a
// client's that trust only that authority.
func certificates(t testing.TB) (server, client *tls.Config) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailtest CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	must(t, err)
	caCert, err := x509.ParseCertificate(caDER)
	must(t, err)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	must(t, err)
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	server = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}
	client = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
	return server, client
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(errors.Join(errors.New("mailtest"), err))
	}
}

// Addresses lists the first recipient of each message.
func Addresses(msgs []*Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = strings.Join(m.To, ",")
	}
	return out
}
