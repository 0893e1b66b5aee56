package web_test

import (
	"testing"

	"github.com/leanforum/awards/store"
)

// staffLogin logs the tab in as email through the login page.
func (c *chrome) staffLogin(email string) {
	c.t.Helper()
	c.visit("/login", "")
	c.fill(map[string]string{"#f-email": email, "#f-password": store.DemoPassword})
	c.submit(`main form button[type=submit]`, "")
}

// TestBrowserAdminUsers: the admin lists the accounts, is refused a bad
// e-mail at its field, creates a juror and adds an applicant to an
// organisation, with JavaScript on and off.
func TestBrowserAdminUsers(t *testing.T) {
	s := newSite(t)
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		c.staffLogin(store.DemoAdminEmail)
		c.visit("/admin", c.name("admin"))
		c.wantText("Sekretariatet", "Användare")
		c.submit(`main a[href="/admin/users"]`, c.name("admin-users"))
		c.wantText("Alla konton", "eva@demo.jury.se")
		email := "karin-" + c.mode() + "@jury.example"
		c.fill(map[string]string{"#f-name": "Karin Jurymedlem", "#f-email": "karin at jury", "#f-password": "a long enough password"})
		c.submit(`form[action^="/admin/users"] button[type=submit]`, c.name("admin-users-error"))
		c.wantText("Det finns fel i formuläret", "Ange en giltig e-postadress.")
		c.fill(map[string]string{"#f-email": email, "#f-password": "a long enough password"})
		c.submit(`form[action^="/admin/users"] button[type=submit]`, "")
		c.wantText("Kontot är skapat.", email)
		c.choose("#f-member_user", userID(t, s, store.DemoMalmoEmail))
		org := map[bool]string{true: "Södertälje kommun", false: "Vara kommun"}[js]
		c.choose("#f-member_org", orgID(t, s, org))
		c.submit(`form[action^="/admin/users/members"] button[type=submit]`, c.name("admin-users-added"))
		c.wantText("Den sökande är tillagd i organisationen.")
	}
}
