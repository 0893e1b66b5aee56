package web_test

import (
	"database/sql"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/storetest"
)

// outboxFixture fills the demo's outbox with a mail in every state: an
// invitation sent, one refused for good by the mail server, one whose
// link expired before it was sent and one waiting for a mail server,
// after 60 older resets (claimed, so waiting for their next try) so that
// the outbox has a second page. It returns
// the invitations' one-time tokens, which no page may show.
func outboxFixture(t *testing.T, s *site) (tokens []string) {
	t.Helper()
	storetest.QueueMails(t, s.dsn, 60)
	for _, email := range []string{"sent@jury.example", "refused@jury.example"} {
		tokens = append(tokens, s.invite(email))
	}
	claimed, err := s.db.ClaimMails(outboxAdmin, 100, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range claimed {
		switch m.To {
		case "sent@jury.example":
			err = s.db.MarkMailSent(outboxAdmin, m)
		case "refused@jury.example":
			err = s.db.MarkMailFailed(outboxAdmin, m, "550 5.1.1 <refused@jury.example>: mailbox unavailable")
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	tokens = append(tokens, s.invite("late@jury.example"))
	raw, err := sql.Open("postgres", s.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@jury.example'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.FailDeadLinks(outboxAdmin, nil); err != nil {
		t.Fatal(err)
	}
	tokens = append(tokens, s.invite("waiting@jury.example"))
	if err := s.db.NoteUnsentMails(outboxAdmin, store.NoMailServer); err != nil {
		t.Fatal(err)
	}
	return tokens
}

// mailID is the id of the newest mail to address.
func (s *site) mailID(t *testing.T, to string) string {
	t.Helper()
	ms, _, err := s.db.FindMails(outboxAdmin, store.MailFilter{}, store.Page{First: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.To == to {
			return itoa(int(m.ID))
		}
	}
	t.Fatalf("no mail to %s", to)
	return ""
}

// TestAdminOutboxByRole: only the admin reads the outbox and its mails;
// each state is worded, the server's answer shown, and no one-time link
// token appears anywhere.
func TestAdminOutboxByRole(t *testing.T) {
	s := newSite(t)
	tokens := outboxFixture(t, s)
	mail := "/admin/outbox/" + s.mailID(t, "waiting@jury.example")
	checkAdminPages(t, s, []adminPage{
		{"/admin", []string{`href="/admin/outbox"`, "Utkorg"}, nil},
		{"/admin/outbox", []string{"<h1>Utkorg</h1>", "waiting@jury.example", "Inte skickat: ingen e-postserver är konfigurerad",
			"sent@jury.example", ">Skickat<", "refused@jury.example", ">Misslyckades<",
			"<code>550 5.1.1 &lt;refused@jury.example&gt;: mailbox unavailable</code>", "late@jury.example",
			"Inte skickat: länken hade gått ut", "Inbjudan", "Återställning av lösenord", "Nästa sida",
			"E-postmeddelanden, senaste först (64 totalt)"}, nil},
		{mail, []string{"waiting@jury.example", "Inbjudan", "Message-ID", "Så som mottagaren läser den"}, nil},
	})
	admin := s.staffBrowsers()["admin"]
	for _, path := range []string{"/admin/outbox", "/admin/outbox?status=FAILED", mail, "/admin/outbox/" + s.mailID(t, "sent@jury.example")} {
		p := admin.get(path).wantStatus(http.StatusOK)
		for _, tok := range tokens {
			if strings.Contains(p.Body, tok) {
				t.Errorf("%s shows a one-time link token", path)
			}
		}
	}
	admin.get("/admin/outbox/999999").wantStatus(http.StatusNotFound)
	admin.get("/admin/outbox/x").wantStatus(http.StatusNotFound)
}

// TestAdminOutboxPagesAndFilter: 50 mails a page, newest first, with a
// link to the next and back to the first; the state filter keeps to one
// state across pages; the page is in English too.
func TestAdminOutboxPagesAndFilter(t *testing.T) {
	s := newSite(t)
	outboxFixture(t, s)
	admin := s.staffBrowsers()["admin"]
	first := admin.get("/admin/outbox").wantStatus(http.StatusOK)
	if n := strings.Count(first.Body, `href="/admin/outbox/`); n != 50 {
		t.Errorf("the first page lists %d mails, want 50", n)
	}
	next := regexpFind(t, first.Body, `href="(/admin/outbox\?after=[^"]+)">Nästa sida`)
	second := admin.get(unescape(next)).wantStatus(http.StatusOK).has("Första sidan", "test@1.example.se", "Väntar på att skickas").lacks("Nästa sida", "waiting@jury.example", "sent@jury.example")
	if n := strings.Count(second.Body, `href="/admin/outbox/`); n != 14 {
		t.Errorf("the second page lists %d mails, want 14", n)
	}
	failed := admin.get("/admin/outbox?status=FAILED").wantStatus(http.StatusOK)
	failed.has("refused@jury.example", "late@jury.example", "(2 totalt)", `<option value="FAILED" selected>`).lacks("sent@jury.example", "waiting@jury.example")
	admin.get("/admin/outbox?status=BOGUS").wantStatus(http.StatusOK).has("(64 totalt)")
	admin.english()
	admin.get("/admin/outbox").wantStatus(http.StatusOK).has("<h1>Outbox</h1>", "Not sent: no mail server configured",
		"Not sent: the link had expired", "Invitation", "Password reset", "Next page")
}

// regexpFind is the first group of pattern in s; none fails the test.
func regexpFind(t *testing.T, s, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s in the page", pattern)
	}
	return m[1]
}
