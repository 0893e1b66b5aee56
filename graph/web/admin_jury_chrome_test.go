package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/leanforum/awards/store"
)

// TestBrowserAdminJury: the secretariat adds a juror to the jury, names
// a lead, records a conflict, changes the assignment matrix by keyboard
// (space ticks a box, Enter on the button saves) and is told in words
// why auto-assignment cannot be done, with JavaScript on and off; then
// the pages in English. axe-core on every page.
func TestBrowserAdminJury(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	base := "/admin/cycles/" + f.cycle
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		c.staffLogin(store.DemoAdminEmail)
		email := "juror-" + c.mode() + "@jury.example.se"
		id := str(s.gql(f.admin, `mutation($e: String!) { createUser(input: {email: $e, name: "Ny jurymedlem", password: "juror password 12",
			role: JUROR}) { id } }`, map[string]any{"e": email}), "createUser.id")
		c.visit(base+"/jury", c.name("admin-jury"))
		c.wantText("Juryn för Leanpriset 2026 (test)", "Juror conflicted", "Egen kommun: Malmö")
		c.choose("#f-juror", id)
		c.fill(map[string]string{"#f-affiliation": "Lunds universitet"})
		c.submit(`form[action="`+base+`/jury"]:not(.inline) button[type=submit]`, "")
		c.wantText("Jurymedlemmen är tillagd.", "Lunds universitet")
		c.submit(`form.inline input[value="`+id+`"] ~ button`, "")
		c.wantText("Jurymedlemmen är ändrad.", "Ta bort Ny jurymedlem som ordförande")
		c.visit(base+"/conflicts", c.name("admin-conflicts"))
		c.wantText("Egen kommun: Malmö stad")
		if js {
			c.choose("#f-juror", f.ids["unassigned"])
			c.choose("#f-organisation", f.orgs[1])
			c.fill(map[string]string{"#f-reason": "Sitter i styrelsen"})
			c.submit(`form[action^="`+base+`/conflicts"] button[type=submit]`, c.name("admin-conflicts-recorded"))
			c.wantText("Jävet är registrerat.", "Anmält jäv mot organisationen: Sitter i styrelsen")
		}
		c.visit(base+"/assignments", c.name("admin-assignments"))
		c.wantText("Tilldelning i Leanpriset 2026 (test)", "Jäv")
		// Tick a box with the keyboard and save with Enter.
		box := "#p-" + f.apps[0] + "-" + f.ids["lead"]
		c.run(chromedp.Focus(chromedp.CSS(box)), chromedp.KeyEvent(" "))
		c.run(chromedp.Focus(chromedp.CSS(`form[action^="` + base + `/assignments"]:not([action*=auto]) button[type=submit]`)))
		c.keySubmit(kb.Enter, "")
		c.wantText("Tilldelningarna är sparade.")
		if !get(c, chromedp.Evaluate[bool](`document.querySelector("`+box+`").checked`)) {
			t.Errorf("%s: the ticked box is not checked after saving", c.mode())
		}
		// With JavaScript, an application lacks unconflicted jurors; without,
		// the jury is too small.
		n, why := "5", "”"+app0Title+"” har för få jurymedlemmar utan jäv: den behöver 3 till, men bara 2"
		if !js {
			n, why = "9", "9 jurymedlemmar per ansökan begärdes, men juryn har bara 6."
		}
		c.fill(map[string]string{"#f-perApplication": n})
		c.submit(`form[action$="/assignments/auto"] button`, c.name("admin-assignments-infeasible"))
		c.wantText("Det gick inte att tilldela automatiskt", why, "Ingenting är ändrat.")
		// Untick it again for the other mode.
		c.run(chromedp.Focus(chromedp.CSS(box)), chromedp.KeyEvent(" "))
		c.submit(`form[action^="`+base+`/assignments"]:not([action*=auto]) button[type=submit]`, "")
	}
	c := newChrome(t, s, true)
	c.staffLogin(store.DemoAdminEmail)
	c.visit(base+"/jury", "")
	c.english()
	c.visit(base+"/jury", "admin-jury-en")
	c.wantText("The jury of Leanpriset 2026 (test)", "Own municipality: Malmö")
	c.visit(base+"/conflicts", "admin-conflicts-en")
	c.wantText("Own municipality: Malmö stad")
	c.visit(base+"/assignments", "admin-assignments-en")
	c.fill(map[string]string{"#f-perApplication": "6"})
	c.submit(`form[action$="/assignments/auto"] button`, "admin-assignments-infeasible-en")
	c.wantText("Automatic assignment is not possible", "has too few jurors without a conflict: it needs 5 more", "Nothing has changed.")
}

// keySubmit presses key on the focused element and checks the page the
// form's answer lands on.
func (c *chrome) keySubmit(key, shot string) {
	c.t.Helper()
	resp, err := chromedp.RunResponse(c.ctx, chromedp.KeyEvent(key))
	if err != nil {
		c.t.Fatalf("pressing %q: %v", key, err)
	}
	c.landed(resp, "key "+key, shot)
}

// TestBrowserAdminExportsAndAudit: the exports page and the audit log,
// filtered by keyboard-typed values and paged, in Swedish and English,
// with JavaScript off; axe-core on every page.
func TestBrowserAdminExportsAndAudit(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	base := "/admin/cycles/" + f.cycle
	c := newChrome(t, s, false)
	c.staffLogin(store.DemoAdminEmail)
	c.visit(base+"/exports", "admin-exports")
	c.wantText("Export och PDF för Leanpriset 2026 (test)", "Alla poäng", "Juryns rankning", "Återkoppling: "+app0Title)
	c.visit(base+"/audit", "admin-audit")
	c.wantText("Logg för Leanpriset 2026 (test)", "juror.add", "Gammalt → nytt")
	c.retype(map[string]string{"#f-entity": "assignment"})
	c.submit(`form.filters button[type=submit]`, "admin-audit-filtered")
	c.wantText("Loggen (3 händelser)", "assignment.add")
	c.choose("#f-from", "2026-05-02")
	c.choose("#f-to", "2026-05-01")
	c.submit(`form.filters button[type=submit]`, "admin-audit-error")
	c.wantText("Slutdatumet måste vara samma dag som eller efter startdatumet.")
	c.visit(base+"/audit", "")
	c.choose("#f-actor", userID(t, s, store.DemoAdminEmail))
	c.submit(`form.filters button[type=submit]`, "admin-audit-who")
	c.wantText("Demo Admin (sekretariatet) (", "juror.add")
	c.english()
	c.visit(base+"/exports", "admin-exports-en")
	c.wantText("Exports and PDFs of Leanpriset 2026 (test)", "Every score", "In English")
	c.visit(base+"/audit?entity=juror", "admin-audit-en")
	c.wantText("Audit log of Leanpriset 2026 (test)", "The audit log (4 entries)")
	who := get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#f-actor option")].map(o => o.textContent.trim())`))
	if len(who) < 2 || who[0] != "Anyone" || !strings.HasPrefix(who[1], "Demo Admin (sekretariatet) (") || !strings.HasSuffix(who[1], " entries)") {
		t.Errorf("the English who filter offers %q, want Anyone and the admin with a count of entries", who)
	}
}
