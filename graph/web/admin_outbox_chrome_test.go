package web_test

import (
	"testing"

	"github.com/leanforum/awards/store"
)

// TestBrowserAdminOutbox: the admin reaches the outbox from the
// secretariat's page, filters it to failed mails and reads one mail's
// text, with JavaScript on and off; axe-core finds nothing on any page.
func TestBrowserAdminOutbox(t *testing.T) {
	s := newSite(t)
	outboxFixture(t, s)
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		c.staffLogin(store.DemoAdminEmail)
		c.visit("/admin", "")
		c.submit(`main a[href="/admin/outbox"]`, c.name("admin-outbox"))
		c.wantText("Utkorg", "Inte skickat: ingen e-postserver är konfigurerad", "Inte skickat: länken hade gått ut", "mailbox unavailable")
		c.choose("#f-status", "FAILED")
		c.submit(`form.filter button[type=submit]`, c.name("admin-outbox-failed"))
		c.wantText("refused@jury.example", "(2 totalt)")
		c.submit(`main table a[href^="/admin/outbox/"]`, c.name("admin-mail"))
		c.wantText("Inte skickat: länken hade gått ut", "Message-ID", "Så som mottagaren läser den", "Engångslänken visas inte här")
	}
}
