package graph_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
)

var outboxAdmin = store.WithActor(context.Background(), &store.Actor{Role: store.RoleAdmin})

// lastMail is the newest outbox row, secret included (which the API
// never shows).
func (e *env) lastMail() *store.Mail {
	e.t.Helper()
	mails, _, err := e.db.FindMails(outboxAdmin, store.MailFilter{}, store.Page{First: 1})
	if err != nil || len(mails) == 0 {
		e.t.Fatalf("no mail in the outbox: %v", err)
	}
	return mails[0]
}

const invite = `mutation($in: InviteUserInput!) { inviteUser(input: $in) { email role language expiresAt organisation { name } } }`
const accept = `mutation($in: AcceptInvitationInput!) { acceptInvitation(input: $in) { token organisations { id } user { role language email name } } }`

func TestInvitationsThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	applicant, org := e.signUp("anna@sodertalje.se", "Södertälje kommun")

	r := e.gql(admin, invite, map[string]any{"in": map[string]any{"email": "jan@example.se", "role": "JUROR", "language": "en"}}).ok()
	if exp, _ := time.Parse(time.RFC3339, r.str("inviteUser.expiresAt")); exp.Sub(time.Now()) < 7*24*time.Hour-time.Minute || r.get("inviteUser.organisation") != nil {
		t.Errorf("invitation = %v, want 7 days and no organisation", r.Data)
	}
	first := *e.lastMail().Secret
	e.gql(admin, invite, map[string]any{"in": map[string]any{"email": "JAN@example.se", "role": "JUROR", "language": "en"}}).ok()
	mail := e.lastMail()
	second := *mail.Secret

	t.Run("the outbox shows the mail without its link", func(t *testing.T) {
		r := e.gql(admin, `query($id: ID!) { mail(id: $id) { kind to language status subject text lastError } }`, map[string]any{"id": fmt.Sprint(mail.ID)}).ok()
		if r.str("mail.kind") != "INVITATION" || r.str("mail.language") != "en" || r.str("mail.subject") != "Invitation to Svenska Leanpriset" {
			t.Errorf("mail = %v", r.Data)
		}
		if text := r.str("mail.text"); strings.Contains(text, second) || !strings.Contains(text, "as a juror") || !strings.Contains(text, "one-time link is not shown here") {
			t.Errorf("text shows the token or lacks the body:\n%s", text)
		}
		r = e.gql(admin, `{ outbox(status: PENDING first: 1) { totalCount nodes { to } pageInfo { hasNextPage } } }`, nil).ok()
		if r.num("outbox.totalCount") != 2 || r.get("outbox.pageInfo.hasNextPage") != true {
			t.Errorf("outbox = %v, want 2 pending, one on this page", r.Data)
		}
	})
	t.Run("the replaced link is refused", func(t *testing.T) {
		r := e.gql("", accept, map[string]any{"in": map[string]any{"token": first, "name": "Jan", "password": "jan password 1234"}}).wantCode("INVALID")
		if !strings.Contains(r.Errors[0].Message, "replaced") || r.Errors[0].Extensions["field"] != "token" {
			t.Errorf("error = %+v", r.Errors[0])
		}
	})
	r = e.gql("", accept, map[string]any{"in": map[string]any{"token": second, "name": "Jan Öberg", "password": "jan password 1234"}}).ok()
	if r.str("acceptInvitation.user.role") != "JUROR" || r.str("acceptInvitation.user.language") != "en" || !strings.EqualFold(r.str("acceptInvitation.user.email"), "jan@example.se") {
		t.Errorf("accepted = %v", r.Data)
	}
	t.Run("the used link is refused and changes nothing", func(t *testing.T) {
		r := e.gql("", accept, map[string]any{"in": map[string]any{"token": second, "name": "Other", "password": "other password 123"}}).wantCode("INVALID")
		if !strings.Contains(r.Errors[0].Message, "already been used") {
			t.Errorf("error = %+v", r.Errors[0])
		}
		e.login("jan@example.se", "jan password 1234")
	})
	t.Run("an applicant joins the organisation", func(t *testing.T) {
		r := e.gql(admin, invite, map[string]any{"in": map[string]any{"email": "bo@sodertalje.se", "role": "APPLICANT", "organisationId": org}}).ok()
		if r.str("inviteUser.organisation.name") != "Södertälje kommun" || r.str("inviteUser.language") != "sv" {
			t.Errorf("invitation = %v", r.Data)
		}
		r = e.gql("", accept, map[string]any{"in": map[string]any{"token": *e.lastMail().Secret, "name": "Bo", "password": "bo password 12345"}}).ok()
		if orgs := r.get("acceptInvitation.organisations").([]any); len(orgs) != 1 || fmt.Sprint(orgs[0].(map[string]any)["id"]) != org {
			t.Errorf("organisations = %v, want %s", orgs, org)
		}
	})
	t.Run("refusals", func(t *testing.T) {
		for _, tc := range []struct {
			token, code, field string
			in                 map[string]any
		}{
			{applicant, "FORBIDDEN", "", map[string]any{"email": "x@example.se", "role": "JUROR"}},
			{"", "FORBIDDEN", "", map[string]any{"email": "x@example.se", "role": "JUROR"}},
			{admin, "INVALID", "email", map[string]any{"email": "x@example.se\r\nBcc: y@example.se", "role": "JUROR"}},
			{admin, "INVALID", "email", map[string]any{"email": "Jan <x@example.se>", "role": "JUROR"}},
			{admin, "INVALID", "organisationId", map[string]any{"email": "x@example.se", "role": "APPLICANT"}},
			{admin, "INVALID", "organisationId", map[string]any{"email": "x@example.se", "role": "JUROR", "organisationId": org}},
			{admin, "CONFLICT", "email", map[string]any{"email": "Anna@Sodertalje.se", "role": "JUROR"}},
		} {
			r := e.gql(tc.token, invite, map[string]any{"in": tc.in})
			if r.code() != tc.code || (tc.field != "" && r.Errors[0].Extensions["field"] != tc.field) {
				t.Errorf("inviteUser(%v) = %+v, want %s at %q", tc.in, r.Errors, tc.code, tc.field)
			}
		}
		if n, _ := e.db.CountMails(outboxAdmin, store.MailFilter{Status: store.MailPending}); n != 3 {
			t.Errorf("%d mails pending, want the 3 invitations: a refusal wrote one", n)
		}
	})
	t.Run("an expired link is refused", func(t *testing.T) {
		e.gql(admin, invite, map[string]any{"in": map[string]any{"email": "late@example.se", "role": "ADMIN"}}).ok()
		token := *e.lastMail().Secret
		e.db.Now = func() time.Time { return time.Now().Add(store.InvitationTTL + time.Minute) }
		defer func() { e.db.Now = time.Now }()
		r := e.gql("", accept, map[string]any{"in": map[string]any{"token": token, "name": "Late", "password": "late password 1234"}}).wantCode("INVALID")
		if !strings.Contains(r.Errors[0].Message, "expired") {
			t.Errorf("error = %+v", r.Errors[0])
		}
	})
}

const requestReset = `mutation($e: String!) { requestPasswordReset(email: $e) }`

func TestPasswordResetThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	e.admin()
	token, _ := e.signUp("anna@sodertalje.se", "Södertälje kommun")
	other := e.login("anna@sodertalje.se", "applicant password")

	t.Run("known and unknown addresses answer alike", func(t *testing.T) {
		for _, addr := range []string{"nobody@example.se", "ANNA@sodertalje.se"} {
			start := time.Now()
			r := e.gqlFrom("192.0.2.1:1000", nil, "", requestReset, map[string]any{"e": addr}).ok()
			// A lower bound only: both wait at least the same time.
			if took := time.Since(start); r.get("requestPasswordReset") != true || took < 300*time.Millisecond {
				t.Errorf("requestPasswordReset(%s) = %v after %v, want true after at least 300ms", addr, r.Data, took)
			}
		}
		if n, _ := e.db.CountMails(outboxAdmin, store.MailFilter{}); n != 1 || e.lastMail().To != "anna@sodertalje.se" {
			t.Errorf("%d mails, want the one to anna", n)
		}
		e.gql("", requestReset, map[string]any{"e": "not an address"}).wantCode("INVALID")
	})
	reset := *e.lastMail().Secret
	if len(reset) < 43 {
		t.Errorf("token %q is shorter than 256 bits in base64", reset)
	}
	const resetPw = `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`
	e.gql("", resetPw, map[string]any{"t": reset, "p": "short"}).wantCode("INVALID")
	e.gql("", resetPw, map[string]any{"t": reset, "p": "a new password 123"}).ok()
	t.Run("every session is revoked", func(t *testing.T) {
		for _, tok := range []string{token, other} {
			if r := e.gql(tok, `{ me { email } }`, nil); r.code() != "UNAUTHENTICATED" && r.get("me") != nil {
				t.Errorf("an old session still works: %+v", r)
			}
		}
		e.login("anna@sodertalje.se", "a new password 123")
	})
	t.Run("the used link is refused", func(t *testing.T) {
		r := e.gql("", resetPw, map[string]any{"t": reset, "p": "another password 1"}).wantCode("INVALID")
		if r.Errors[0].Extensions["field"] != "token" || !strings.Contains(r.Errors[0].Message, "already been used") {
			t.Errorf("error = %+v", r.Errors[0])
		}
		e.login("anna@sodertalje.se", "a new password 123")
	})
	t.Run("rate limited per address", func(t *testing.T) {
		var codes []string
		for i := range 6 {
			r := e.gqlFrom(fmt.Sprintf("198.51.100.%d:1", i+1), nil, "", requestReset, map[string]any{"e": "flood@example.se"})
			codes = append(codes, r.code())
		}
		if want := []string{"", "", "", "", "", "RATE_LIMITED"}; fmt.Sprint(codes) != fmt.Sprint(want) {
			t.Errorf("codes = %q, want %q", codes, want)
		}
	})
	t.Run("rate limited per client", func(t *testing.T) {
		var mu sync.Mutex
		limited := 0
		var wg sync.WaitGroup
		for i := range 21 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := e.gqlFrom("203.0.113.9:1", nil, "", requestReset, map[string]any{"e": fmt.Sprintf("c%d@example.se", i)})
				mu.Lock()
				defer mu.Unlock()
				if r.code() == "RATE_LIMITED" {
					limited++
				}
			}()
		}
		wg.Wait()
		if limited != 1 {
			t.Errorf("%d of 21 requests from one client were limited, want 1", limited)
		}
	})
}

func TestSetLanguageAndRetryMail(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	token, _ := e.signUp("anna@sodertalje.se", "Södertälje kommun")
	e.gql(token, `mutation { setLanguage(language: en) { language } }`, nil).ok()
	e.gql("", requestReset, map[string]any{"e": "anna@sodertalje.se"}).ok()
	if m := e.lastMail(); m.Language != "en" {
		t.Errorf("the reset mail is in %s, want the user's en", m.Language)
	}
	e.gql("", `mutation { setLanguage(language: en) { language } }`, nil).wantCode("UNAUTHENTICATED")

	mails, err := e.db.ClaimMails(context.Background(), 1, time.Minute)
	if err != nil || len(mails) != 1 {
		t.Fatal(mails, err)
	}
	if err := e.db.MarkMailFailed(context.Background(), mails[0], "550 no such mailbox"); err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprint(mails[0].ID)
	r := e.gql(admin, `query($id: ID!) { mail(id: $id) { status lastError attempts } }`, map[string]any{"id": id}).ok()
	if r.str("mail.status") != "FAILED" || r.str("mail.lastError") != "550 no such mailbox" {
		t.Errorf("mail = %v", r.Data)
	}
	e.gql(token, `mutation($id: ID!) { retryMail(id: $id) { status } }`, map[string]any{"id": id}).wantCode("FORBIDDEN")
	e.gql(admin, `mutation($id: ID!) { retryMail(id: $id) { status } }`, map[string]any{"id": id}).wantCode("WRONG_PHASE")
	e.gql(admin, `mutation { retryMail(id: "999999") { status } }`, nil).wantCode("NOT_FOUND")
}
