package mail

import (
	"context"
	"fmt"
	"maps"
	"mime"
	"slices"
	"strings"
	"testing"

	gomail "github.com/wneessen/go-mail"

	"github.com/leanforum/awards/graph/mail/mailtest"
	"github.com/leanforum/awards/store"
)

// sampleParams are parameters of each kind as the store writes them.
var sampleParams = map[store.MailKind]string{
	store.MailInvitation:           `{"role": "APPLICANT", "organisation": "Malmö stad", "expiresAt": "2026-12-10T16:00:00Z"}`,
	store.MailPasswordReset:        `{"expiresAt": "2026-12-10T16:00:00Z"}`,
	store.MailApplicationSubmitted: `{"applicationId": 7, "application": "Kortare väntan", "organisation": "Malmö stad", "cycle": "Svenska Leanpriset", "year": 2026, "submittedAt": "2026-03-01T10:00:00.123456Z"}`,
	store.MailApplicationWithdrawn: `{"applicationId": 7, "application": "Kortare väntan", "organisation": "Malmö stad", "cycle": "Svenska Leanpriset", "year": 2026, "reason": "Vi söker nästa år"}`,
	store.MailApplicationRejected:  `{"applicationId": 7, "application": "Kortare väntan", "organisation": "Malmö stad", "cycle": "Svenska Leanpriset", "year": 2026, "reason": "Resultaten är inte mätta"}`,
	store.MailJurorAssigned:        `{"cycleId": 3, "cycle": "Svenska Leanpriset", "year": 2026, "scoringClosesAt": "2026-05-01T15:00:00Z", "applications": [{"id": 7, "title": "Kortare väntan"}, {"id": 9, "title": "Flöde i hemtjänsten"}]}`,
	store.MailDeadlineReminder:     `{"cycle": "Svenska Leanpriset", "year": 2026, "closesAt": "2026-04-01T15:00:00Z", "days": 7, "applications": [{"id": 7, "title": "Kortare väntan"}]}`,
	store.MailScoringReminder:      `{"cycleId": 3, "cycle": "Svenska Leanpriset", "year": 2026, "scoringClosesAt": "2026-05-01T15:00:00Z", "days": 1, "count": 2}`,
	store.MailResultsPublished:     `{"applicationId": 7, "application": "Kortare väntan", "organisation": "Malmö stad", "cycle": "Svenska Leanpriset", "year": 2026}`,
}

func TestCatalogueComplete(t *testing.T) {
	sv, en := slices.Sorted(maps.Keys(catalogue["sv"])), slices.Sorted(maps.Keys(catalogue["en"]))
	for _, k := range sv {
		if _, ok := catalogue["en"][k]; !ok {
			t.Errorf("%q is in sv, not in en", k)
		}
	}
	for _, k := range en {
		if _, ok := catalogue["sv"][k]; !ok {
			t.Errorf("%q is in en, not in sv", k)
		}
	}
	for _, lang := range store.Languages {
		if catalogue[lang] == nil {
			t.Errorf("no catalogue for %s", lang)
		}
		for _, kind := range store.MailKinds {
			for _, part := range []string{"subject", "body", "action"} {
				if _, ok := catalogue[lang][string(kind)+"."+part]; !ok {
					t.Errorf("%s: no %s.%s", lang, kind, part)
				}
			}
		}
	}
}

func TestRenderEveryKindInEveryLanguage(t *testing.T) {
	r, err := NewRenderer("https://awards.example.se/")
	if err != nil {
		t.Fatal(err)
	}
	secret := "tok+en/1"
	for _, kind := range store.MailKinds {
		for _, lang := range store.Languages {
			t.Run(fmt.Sprint(kind, "/", lang), func(t *testing.T) {
				m := &store.Mail{ID: 1, Kind: kind, To: "a@example.se", ToName: "Åsa", Language: lang,
					Params: []byte(sampleParams[kind]), Secret: &secret}
				c, err := r.Render(m)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range []string{c.Subject, c.Text, c.HTML} {
					if strings.Contains(s, "<no value>") || strings.Contains(s, "%!") {
						t.Errorf("a hole in:\n%s", s)
					}
				}
				if c.Subject == "" || strings.ContainsAny(c.Subject, "\r\n") {
					t.Errorf("subject %q", c.Subject)
				}
				link := r.link(m, map[string]any{"applicationId": "7", "cycleId": "3"})
				if !strings.HasPrefix(link, "https://awards.example.se/") || !strings.Contains(c.Text, link) {
					t.Errorf("text lacks the link %s:\n%s", link, c.Text)
				}
				if kind == store.MailApplicationSubmitted && !strings.Contains(c.Text, "2026-03-01 11:00") {
					t.Errorf("the submission time is not in Swedish time:\n%s", c.Text)
				}
			})
		}
	}
}

func TestJurorInvitationHasNoOrganisation(t *testing.T) {
	r, _ := NewRenderer("https://awards.example.se")
	for _, lang := range store.Languages {
		m := &store.Mail{Kind: store.MailInvitation, Language: lang, Params: []byte(`{"role": "JUROR", "expiresAt": "2026-12-10T16:00:00Z"}`)}
		c, err := r.Render(m)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"sv": "som jurymedlem.", "en": "as a juror."}[lang]; !strings.Contains(c.Text, want) {
			t.Errorf("%s:\n%s", lang, c.Text)
		}
	}
}

func TestLinkTokenIsEscapedAndDroppedOnceGone(t *testing.T) {
	r, _ := NewRenderer("https://awards.example.se")
	secret := "a+b/c"
	m := &store.Mail{Kind: store.MailInvitation, Language: "en", Params: []byte(sampleParams[store.MailInvitation]), Secret: &secret}
	c, err := r.Render(m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Text, "https://awards.example.se/invitation?token=a%2Bb%2Fc") {
		t.Errorf("text:\n%s", c.Text)
	}
	m.Secret = nil
	if c, _ = r.Render(m); strings.Contains(c.Text, "token=") || !strings.Contains(c.Text, "one-time link is not shown here") {
		t.Errorf("without its secret:\n%s", c.Text)
	}
}

func TestHeaderInjectionIsDefused(t *testing.T) {
	srv := mailtest.Start(t, mailtest.StartTLS)
	cfg, err := ParseConfig("smtp://127.0.0.1:"+srv.Port(), "Leanpriset <noreply@example.se>")
	if err != nil {
		t.Fatal(err)
	}
	tr := NewSMTP(*cfg)
	tr.TLS = srv.ClientTLS
	r, _ := NewRenderer("https://awards.example.se")
	s := &Sender{SMTP: tr, Renderer: r}
	m := &store.Mail{ID: 1, MessageID: "abc", Kind: store.MailApplicationSubmitted, To: "eva@example.se",
		ToName: "Eva\r\nBcc: evil@example.se", Language: "sv",
		Params: []byte(`{"applicationId": 7, "application": "Titel\r\nBcc: evil2@example.se\r\n\r\nfake body", "organisation": "Org",
			"cycle": "C", "year": 2026, "submittedAt": "2026-03-01T10:00:00Z"}`)}
	msg, err := s.message(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range tr.Send(context.Background(), []*gomail.Msg{msg}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	got := srv.Wait(t, 1, 5e9)[0]
	if len(got.To) != 1 || got.To[0] != "eva@example.se" {
		t.Errorf("recipients %v, want only eva", got.To)
	}
	h := got.Header()
	if b := h.Get("Bcc"); b != "" || strings.Contains(string(got.Data), "evil@example.se>") {
		t.Errorf("a Bcc header got through: %q\n%s", b, got.Data)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if want := "Kvitto: ansökan ”Titel Bcc: evil2@example.se fake body” är inskickad"; subject != want {
		t.Errorf("Subject = %q, want %q", subject, want)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "eva@example.se" || strings.ContainsAny(to[0].Name, "\r\n") {
		t.Errorf("To = %q (%v)", h.Get("To"), err)
	}
}

func TestParseConfig(t *testing.T) {
	for _, tc := range []struct {
		url, from string
		want      Security
		port      int
		err       string
	}{
		{"smtp://u:p@mail.example.se", "noreply@example.se", StartTLS, 587, ""},
		{"smtp://relay:25?tls=none", "Leanpriset <noreply@example.se>", NoTLS, 25, ""},
		{"smtps://mail.example.se", "noreply@example.se", Implicit, 465, ""},
		{"smtps://mail.example.se?tls=none", "noreply@example.se", "", 0, "only smtp:// takes tls=none"},
		{"http://mail.example.se", "noreply@example.se", "", 0, "must start with smtp:// or smtps://"},
		{"smtp://mail.example.se:99999", "noreply@example.se", "", 0, "not a port number"},
		{"smtp://mail.example.se?tls=maybe", "noreply@example.se", "", 0, "tls="},
		{"smtp://mail.example.se?foo=1", "noreply@example.se", "", 0, "unknown setting"},
		{"smtp://u:secret%zz@host", "noreply@example.se", "", 0, "does not parse"},
		{"smtp://", "noreply@example.se", "", 0, "must be smtp://"},
		{"smtp://mail.example.se", "", "", 0, "MAIL_FROM"},
		{"smtp://mail.example.se", "not an address", "", 0, "MAIL_FROM"},
	} {
		c, err := ParseConfig(tc.url, tc.from)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseConfig(%q, %q) = %v, want an error with %q", tc.url, tc.from, err, tc.err)
			}
			if err != nil && (strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "ss@wo")) {
				t.Errorf("ParseConfig(%q): the error shows the password: %v", tc.url, err)
			}
			continue
		}
		if err != nil || c.Security != tc.want || c.Port != tc.port {
			t.Errorf("ParseConfig(%q) = %+v, %v; want %s on %d", tc.url, c, err, tc.want, tc.port)
		}
	}
}
