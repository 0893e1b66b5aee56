package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

var outboxAdmin = store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})

// lastToken is the one-time token of the newest mail in the outbox.
func (s *site) lastToken() string {
	s.t.Helper()
	mails, _, err := s.db.FindMails(outboxAdmin, store.MailFilter{}, store.Page{First: 1})
	if err != nil || len(mails) == 0 || mails[0].Secret == nil {
		s.t.Fatalf("no mail with a link in the outbox: %v", err)
	}
	return *mails[0].Secret
}

// invite has the demo's admin invite email as a juror.
func (s *site) invite(email string) string {
	s.t.Helper()
	r := s.api.Execute(context.Background(), graph.Caller{Token: s.adminToken()},
		`mutation($e: String!) { inviteUser(input: {email: $e role: JUROR}) { email } }`, map[string]any{"e": email})
	if len(r.Errors) > 0 {
		s.t.Fatalf("inviteUser: %v", r.Errors)
	}
	return s.lastToken()
}

func TestInvitationPage(t *testing.T) {
	s := newSite(t)
	token := s.invite("ny@example.se")
	b := s.browser()
	b.get("/invitation?token="+url.QueryEscape(token)).wantStatus(200).has("Skapa ditt konto", `name="token" value="`+token+`"`)
	p := b.post("/invitation", url.Values{"token": {token}, "name": {"Ny Jurymedlem"}, "password": {"ett långt lösenord"}, "password2": {"ett annat lösenord"}})
	p.wantStatus(422).has("Lösenorden är inte lika.", `value="Ny Jurymedlem"`).lacks("ett långt lösenord")
	p = b.post("/invitation", url.Values{"token": {token}, "name": {"Ny Jurymedlem"}, "password": {"ett långt lösenord"}, "password2": {"ett långt lösenord"}})
	if p.Status != 303 || p.location() != "/" {
		t.Fatalf("accepting: %d to %q, want 303 to /", p.Status, p.location())
	}
	b.get("/").has("Välkommen! Ditt konto är skapat")
	again := s.browser()
	again.get("/invitation?token=" + url.QueryEscape(token))
	again.post("/invitation", url.Values{"token": {token}, "name": {"Någon"}, "password": {"ett långt lösenord"}, "password2": {"ett långt lösenord"}}).
		wantStatus(422).has("Länken fungerar inte")
	if n := s.usersWithEmail("ny@example.se"); n != 1 {
		t.Errorf("%d accounts with the address, want 1", n)
	}
}

func TestPasswordPages(t *testing.T) {
	s := newSite(t)
	token := s.invite("glomsk@example.se")
	first := s.browser()
	first.get("/invitation?token=" + url.QueryEscape(token))
	if p := first.post("/invitation", url.Values{"token": {token}, "name": {"Glömsk"}, "password": {"det gamla lösenordet"},
		"password2": {"det gamla lösenordet"}}); p.Status != 303 {
		t.Fatalf("accepting the invitation: %d", p.Status)
	}
	b := s.browser()
	b.get("/login").has(`href="/password/forgot"`)
	for _, addr := range []string{"glomsk@example.se", "okand@example.se"} {
		b.post("/password/forgot", url.Values{"email": {addr}}).wantStatus(200).has("Om det finns ett konto med adressen " + addr)
	}
	b.post("/password/forgot", url.Values{"email": {"inte en adress"}}).wantStatus(422).has("f-email-error")
	token = s.lastToken()
	b.get("/password/reset?token=" + url.QueryEscape(token)).wantStatus(200).has("Välj ett nytt lösenord")
	b.post("/password/reset", url.Values{"token": {token}, "password": {"kort"}, "password2": {"kort"}}).wantStatus(422).has("f-password-error")
	p := b.post("/password/reset", url.Values{"token": {token}, "password": {"det nya lösenordet"}, "password2": {"det nya lösenordet"}})
	if p.Status != 303 || p.location() != "/login" {
		t.Fatalf("resetting: %d to %q, want 303 to /login\n%s", p.Status, p.location(), p.Body)
	}
	b.get("/login").has("Lösenordet är bytt")
	b.post("/password/reset", url.Values{"token": {token}, "password": {"ett tredje lösenord"}, "password2": {"ett tredje lösenord"}}).
		wantStatus(422).has("Länken fungerar inte")
	s.token("glomsk@example.se", "det nya lösenordet")
}

// TestBrowserAccountMails: an invited juror creates the account from the
// mail's link, forgets the password and resets it, with and without
// JavaScript, in Swedish.
func TestBrowserAccountMails(t *testing.T) {
	s := newSite(t)
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		email := fmt.Sprintf("jury-%s@example.se", c.mode())
		c.visit("/invitation?token="+url.QueryEscape(s.invite(email)), c.name("invitation"))
		c.submit(`main form button[type=submit]`, c.name("invitation-errors"))
		c.wantText("Skriv ditt namn.")
		c.fill(map[string]string{"#f-name": "Jan Öberg", "#f-password": "ett långt lösenord", "#f-password2": "ett långt lösenord"})
		c.submit(`main form button[type=submit]`, c.name("invitation-done"))
		c.wantText("Välkommen! Ditt konto är skapat")
		c.visit("/password/forgot", c.name("password-forgot"))
		c.fill(map[string]string{"#f-email": email})
		c.submit(`main form button[type=submit]`, c.name("password-forgot-sent"))
		c.wantText("Om det finns ett konto med adressen " + email)
		c.visit("/password/reset?token="+url.QueryEscape(s.lastToken()), c.name("password-reset"))
		c.fill(map[string]string{"#f-password": "ett nytt lösenord", "#f-password2": "ett nytt lösenord"})
		c.submit(`main form button[type=submit]`, c.name("password-reset-done"))
		if got := c.location(); !strings.HasPrefix(got, "/login") {
			t.Errorf("after the reset: at %s, want /login", got)
		}
		c.wantText("Lösenordet är bytt")
	}
}
