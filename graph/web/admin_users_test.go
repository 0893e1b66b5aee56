package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/leanforum/awards/store"
)

// TestAdminUsersByRole: only the admin sees the accounts.
func TestAdminUsersByRole(t *testing.T) {
	s := newSite(t)
	checkAdminPages(t, s, []adminPage{
		{"/admin", []string{"<h1>Sekretariatet</h1>", `href="/admin/users"`}, nil},
		{"/admin/users", []string{"<h1>Användare</h1>", "eva@demo.jury.se", "Lena Demo, Malmö", "jurymedlem", "administratör"},
			[]string{store.DemoApplicantEmail, "per@demo.jury.se"}},
	})
	// The layout links the secretariat for the admin only.
	for name, b := range s.staffBrowsers() {
		if got := b.get("/").Body; (name == "admin") != regexp.MustCompile(`href="/admin"`).MatchString(got) {
			t.Errorf("%s: the home page's link to the secretariat is wrong", name)
		}
	}
}

// TestAdminCreateUser: the admin creates a juror; a double submit makes
// one account; a bad e-mail comes back at its field with what was typed
// (not the password); another role and a POST without its CSRF token
// change nothing.
func TestAdminCreateUser(t *testing.T) {
	s := newSite(t)
	bs := s.staffBrowsers()
	admin := bs["admin"]
	admin.get("/admin/users")
	form := url.Values{"name": {"Karin Jurymedlem"}, "email": {"karin@jury.example"}, "password": {"a long enough password"},
		"role": {"JUROR"}, "key": {"k-karin"}}
	if p := admin.post("/admin/users", cloneValues(form)); p.Status != http.StatusSeeOther || p.location() != "/admin/users" {
		t.Fatalf("create = %d to %q\n%s", p.Status, p.location(), p.Body)
	}
	admin.get("/admin/users").has("Kontot är skapat.", "karin@jury.example", "Karin Jurymedlem")
	admin.post("/admin/users", cloneValues(form)).wantStatus(http.StatusSeeOther)
	if n := s.usersWithEmail("karin@jury.example"); n != 1 {
		t.Errorf("after a double submit there are %d accounts, want 1", n)
	}
	bad := url.Values{"name": {"Olle"}, "email": {"not an address"}, "password": {"a long enough password"}, "role": {"ADMIN"}, "key": {"k-olle"}}
	p := admin.post("/admin/users", bad).wantStatus(http.StatusUnprocessableEntity)
	p.has(`id="f-email-error"`, "Ange en giltig e-postadress.", `value="not an address"`, `value="Olle"`, `<option value="ADMIN" selected>`).
		lacks("a long enough password")
	// Another role, and a POST without the token.
	for _, name := range []string{"applicant", "juror", "lead juror"} {
		b := bs[name]
		b.get("/")
		f := url.Values{"name": {"X"}, "email": {"x-" + regexp.MustCompile(`\W`).ReplaceAllString(name, "") + "@example.se"},
			"password": {"a long enough password"}, "role": {"ADMIN"}}
		b.post("/admin/users", f).wantStatus(http.StatusForbidden).has("Du har inte behörighet")
		if n := s.usersWithEmail(f.Get("email")); n != 0 {
			t.Errorf("%s created an account", name)
		}
	}
	admin.postRaw("/admin/users", url.Values{"name": {"Y"}, "email": {"y@example.se"}, "password": {"a long enough password"}, "role": {"ADMIN"}}).
		wantStatus(http.StatusForbidden)
	if n := s.usersWithEmail("y@example.se"); n != 0 {
		t.Errorf("a POST without the CSRF token created an account")
	}
}

// TestAdminAddMember: the admin adds an applicant to another
// organisation; a juror cannot be added; nothing chosen is refused at
// the fields.
func TestAdminAddMember(t *testing.T) {
	s := newSite(t)
	admin := s.browser()
	admin.login(store.DemoAdminEmail, store.DemoPassword)
	page := admin.get("/admin/users").Body
	lena := optionValue(t, page, "member_user", "Lena Demo, Malmö")
	org := optionValue(t, page, "member_org", "Södertälje kommun")
	admin.post("/admin/users/members", url.Values{}).wantStatus(http.StatusUnprocessableEntity).
		has("Välj en sökande.", "Välj en organisation.")
	p := admin.post("/admin/users/members", url.Values{"member_user": {lena}, "member_org": {org}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("add member = %d\n%s", p.Status, p.Body)
	}
	row := regexp.MustCompile(`<th scope="row">Lena Demo, Malmö</th>.*?</tr>`).FindString(squash(admin.get("/admin/users").Body))
	if !regexp.MustCompile(`Södertälje kommun`).MatchString(row) {
		t.Errorf("Lena's row does not list Södertälje kommun: %s", row)
	}
	// A juror's id posted by hand: the API's refusal at the field.
	eva := userID(t, s, "eva@demo.jury.se")
	admin.post("/admin/users/members", url.Values{"member_user": {eva}, "member_org": {org}}).
		wantStatus(http.StatusUnprocessableEntity).has("Bara sökande kan höra till en organisation.")
}
