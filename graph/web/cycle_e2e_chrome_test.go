package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/leanforum/awards/store"
)

// wholeCycle is the state the whole-cycle browser test carries from
// page to page: ids read off the pages' addresses and links.
type wholeCycle struct {
	t        *testing.T
	s        *site
	cycle    string   // /admin/cycles/N
	id       string   // N
	apps     []string // the applications' ids, app 0 conflicted for "cecilia"
	criteria []string // the scored criteria's ids, from the cycle page
	jurors   map[string]string
}

// e2eJurors are the four jurors by login name: the lead, and the
// conflicted juror (Cecilia, with app 0's organisation).
var e2eJurors = []string{"lena", "anna", "bo", "cecilia"}

const (
	e2ePassword = "ett långt lösenord 12"
	e2eApp0     = "Kortare väntan i Södra innerstaden"
	e2eApp1     = "Förbättringstavlor i hela Lomma"
)

func e2eEmail(name string) string { return name + "@e2e.jury.se" }

// tab is a fresh Chromium logged in as email (none for ""), JavaScript
// off: each visitor gets their own, closed when they are done.
func (w *wholeCycle) tab(email, password string) *chrome {
	w.t.Helper()
	c := newChrome(w.t, w.s, false)
	if email != "" {
		c.loginAs(email, password)
	}
	return c
}

// TestBrowserWholeCycle is issue 14's whole demo cycle through the pages
// on a fresh database: the secretariat creates a LEAN_PRIZE cycle and
// opens it; two applicants sign up and submit; the secretariat screens
// both, creates four jurors' accounts, one of whom declares a conflict
// with the first application's municipality, adds them to the jury and
// auto-assigns (the jury, conflicts and
// assignment pages are web6's); three jurors score, one harshly, so the severity view
// changes the ranking and a cell is flagged; the conflicted juror never
// sees the conflicted application on any page; the lead records
// consensus on the flagged cell and decides two shared winners; the
// secretariat publishes; the public results show both and each
// applicant gets the feedback PDF. axe-core on every page visited.
func TestBrowserWholeCycle(t *testing.T) {
	s := newSite(t)
	w := &wholeCycle{t: t, s: s, jurors: map[string]string{}}
	w.createAndOpen()
	for i, a := range []struct{ name, email, org, kind, code, title string }{
		{"Sara Sökande", "sara@e2e.example.se", "Södra innerstaden (e2e)", "DISTRICT", "1280", e2eApp0},
		{"Lars Sökande", "lars@e2e.example.se", "Lomma kommun (e2e)", "MUNICIPALITY", "1262", e2eApp1},
	} {
		w.apply(i, a.name, a.email, a.org, a.kind, a.code, a.title)
	}
	w.screenAndStaff()
	w.declareConflict()
	w.jury()
	fair, harsh := w.score()
	w.conflictedSeesNothing()
	w.deliberate(fair, harsh)
	w.publish()
}

// createAndOpen: the admin creates the award and a LEAN_PRIZE cycle and
// opens it, through the awards, new cycle, cycle and confirmation pages.
func (w *wholeCycle) createAndOpen() {
	c := w.tab(store.DemoAdminEmail, store.DemoPassword)
	defer c.stop()
	c.visit("/admin", "")
	c.submit(`main a[href="/admin/awards"]`, "")
	c.retype(map[string]string{"#f-name": "Svenska Leanpriset (e2e)"})
	c.submit(`form[action="/admin/awards"] button`, "")
	c.retype(map[string]string{"#f-title": "Svenska Leanpriset, hela omgången"})
	c.choose("#f-template", "LEAN_PRIZE")
	c.submit(`form[action$="/cycles"] button`, "e2e-cycle")
	w.cycle = c.location()
	w.id = strings.TrimPrefix(w.cycle, "/admin/cycles/")
	c.wantText("Kriterierna (3)")
	for _, m := range regexp.MustCompile(`/criteria/(\d+)"`).FindAllStringSubmatch(get(c, chromedp.OuterHTML(chromedp.CSS("main"))), -1) {
		w.criteria = append(w.criteria, m[1])
	}
	if len(w.criteria) != 3 {
		w.t.Fatalf("the cycle page links %d criteria, want 3", len(w.criteria))
	}
	w.advance(c, "öppen för ansökningar")
	for _, name := range e2eJurors {
		c.visit("/admin/users", "")
		c.retype(map[string]string{"#f-name": "Juror " + strings.ToUpper(name[:1]) + name[1:], "#f-email": e2eEmail(name), "#f-password": e2ePassword})
		c.choose("#f-role", "JUROR")
		c.submit(`form[action^="/admin/users"] button[type=submit]`, "")
		c.wantText("Kontot är skapat.")
	}
}

// advance moves the cycle on by its page's button and the confirmation.
func (w *wholeCycle) advance(c *chrome, to string) {
	w.t.Helper()
	c.visit(w.cycle, "")
	c.submit(`a[href="`+w.cycle+`/advance"]`, "")
	c.wantText("”" + to + "”")
	c.submit(`form[action="`+w.cycle+`/advance"] button`, "")
	c.wantText("Omgången har gått vidare till nästa fas.")
}

// apply: an applicant signs up with an organisation, starts an
// application in the cycle from the dashboard, answers every criterion
// and submits.
func (w *wholeCycle) apply(i int, name, email, org, kind, code, title string) {
	c := w.tab("", "")
	c.visit("/signup", "")
	c.fill(map[string]string{"#f-name": name, "#f-email": email, "#f-password": e2ePassword, "#f-password2": e2ePassword, "#f-orgName": org})
	c.choose("#f-kind", kind)
	c.choose("#f-municipality", code)
	c.submit(`form[action="/signup"] button[type=submit]`, "")
	c.wantText("Välkommen!")
	c.choose("#f-cycle", w.id)
	c.fill(map[string]string{"#f-title": title})
	c.submit(`form[action="/applications"] button[type=submit]`, "")
	path := c.location()
	if !strings.HasPrefix(path, "/applications/") {
		w.t.Fatalf("%s: after creating a draft at %s", name, path)
	}
	w.apps = append(w.apps, strings.TrimPrefix(path, "/applications/"))
	c.fill(map[string]string{"#f-summary": "Sammanfattning av " + org})
	for _, id := range get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("textarea[name^=answer-]")].map(t => "#" + t.id)`)) {
		c.fill(map[string]string{id: "Så arbetar " + org + " med lean."})
	}
	c.submit(`button[value="submit"]`, "")
	c.wantText("Ansökan är inskickad. Tack!")
	c.stop()
}

// screenAndStaff: the admin closes the cycle and screens both
// applications eligible on the screening page.
func (w *wholeCycle) screenAndStaff() {
	c := w.tab(store.DemoAdminEmail, store.DemoPassword)
	defer c.stop()
	w.advance(c, "stängd för ansökningar")
	c.visit(w.cycle+"/applications", "e2e-screening")
	c.wantText(e2eApp0, e2eApp1, "2 ogranskade")
	for _, a := range w.apps {
		c.run(chromedp.Click(chromedp.CSS("#f-eligibility-" + a + "-ELIGIBLE")))
		c.submit(`form[action$="/`+a+`/screen"] button`, "")
		c.wantText("Behörigheten är sparad.")
	}
	c.wantText("2 behöriga")
}

// declareConflict: Cecilia declares a conflict with Malmö, app 0's
// municipality, on her conflicts page (before any assignment the page
// offers municipalities; organisations are those of her assignments).
func (w *wholeCycle) declareConflict() {
	c := w.tab(e2eEmail("cecilia"), e2ePassword)
	defer c.stop()
	c.visit("/jury/conflicts", "")
	c.run(chromedp.Click(chromedp.CSS("#f-with-municipality")))
	c.choose("#f-municipality", "1280")
	c.fill(map[string]string{"#f-reason": "Jag har arbetat i Malmö stad."})
	c.submit(`form[action="/jury/conflicts"] button`, "")
	c.wantText("Jävet är anmält.")
}

// jury puts the four jurors on the cycle's jury page (Lena as lead),
// sees Cecilia's declared conflict on the conflicts overview, and
// auto-assigns three jurors to each application on the assignment
// matrix, then opens scoring.
func (w *wholeCycle) jury() {
	c := w.tab(store.DemoAdminEmail, store.DemoPassword)
	defer c.stop()
	for _, name := range e2eJurors {
		w.jurors[name] = userID(w.t, w.s, e2eEmail(name))
		c.visit(w.cycle+"/jury", "")
		c.choose("#f-juror", w.jurors[name])
		c.retype(map[string]string{"#f-affiliation": "Oberoende"})
		if name == "lena" {
			c.run(chromedp.Click(chromedp.CSS("#f-lead")))
		}
		c.submit(`form.narrow[action="`+w.cycle+`/jury"] button`, "")
		c.wantText("Jurymedlemmen är tillagd.")
	}
	c.visit(w.cycle+"/conflicts", "e2e-conflicts")
	c.wantText("Jag har arbetat i Malmö stad.")
	c.visit(w.cycle+"/assignments", "")
	c.retype(map[string]string{"#f-perApplication": "3"})
	c.submit(`form[action^="`+w.cycle+`/assignments/auto"] button`, "e2e-assignments")
	c.wantText("Alla ansökningar har fått sina jurymedlemmar.")
	w.advance(c, "juryn bedömer")
}

// score: each juror's page lists their assignments (app 0 never
// Cecilia's); the one on app 0 but not app 1 scores harshly (20, 65,
// 65), a juror on both scores fairly (80 on app 0, 70 on app 1), Cecilia
// scores app 1 at 75; each submits on the scoring page. It returns the
// fair and the harsh juror.
func (w *wholeCycle) score() (fair, harsh string) {
	assigned := map[string][2]bool{}
	for _, name := range e2eJurors {
		c := w.tab(e2eEmail(name), e2ePassword)
		c.visit("/jury", "")
		html := get(c, chromedp.OuterHTML(chromedp.CSS("main")))
		assigned[name] = [2]bool{strings.Contains(html, "/jury/applications/"+w.apps[0]+`"`), strings.Contains(html, "/jury/applications/"+w.apps[1]+`"`)}
		c.stop()
	}
	if assigned["cecilia"][0] || !assigned["cecilia"][1] {
		w.t.Fatalf("Cecilia's assignments = %v, want app 1 only", assigned["cecilia"])
	}
	for _, name := range []string{"anna", "bo", "lena"} {
		switch a := assigned[name]; {
		case a[0] && !a[1] && harsh == "":
			harsh = name
		case a[0] && a[1] && fair == "":
			fair = name
		}
	}
	if fair == "" || harsh == "" {
		w.t.Fatalf("the assignments %v have no juror on app 0 only and one on both", assigned)
	}
	w.scoreAs(fair, 0, "80", "80", "80")
	w.scoreAs(fair, 1, "70", "70", "70")
	w.scoreAs(harsh, 0, "20", "65", "65")
	w.scoreAs("cecilia", 1, "75", "75", "75")
	return fair, harsh
}

// scoreAs has juror name score app on the scoring page and submit.
func (w *wholeCycle) scoreAs(name string, app int, values ...string) {
	c := w.tab(e2eEmail(name), e2ePassword)
	defer c.stop()
	c.visit("/jury", "")
	c.submit(`a[href="/jury/applications/`+w.apps[app]+`"]`, "")
	for i, k := range w.criteria {
		c.typeInto("#f-score-"+k, values[i])
	}
	c.submit(`button[value=submit]`, "")
	c.wantText("Din bedömning är inlämnad.")
}

// conflictedSeesNothing: in CONSENSUS, Cecilia's pages (her assessments,
// conflicts, her scoring page, the ranking) never show app 0, and its
// pages answer as if it did not exist; her conflicts page still offers
// the other applicant.
func (w *wholeCycle) conflictedSeesNothing() {
	a := w.tab(store.DemoAdminEmail, store.DemoPassword)
	w.advance(a, "juryn enas")
	a.stop()
	c := w.tab(e2eEmail("cecilia"), e2ePassword)
	defer c.stop()
	for _, p := range []string{"/jury", "/jury/conflicts", "/jury/applications/" + w.apps[1], "/jury/cycles/" + w.id + "/ranking",
		"/jury/applications/" + w.apps[0], "/jury/cycles/" + w.id + "/applications/" + w.apps[0]} {
		c.visit(p, "")
		if html := get(c, chromedp.OuterHTML(chromedp.CSS("html"))); strings.Contains(html, e2eApp0) || strings.Contains(html, "Södra innerstaden (e2e)") {
			w.t.Errorf("Cecilia, conflicted, sees app 0 on %s", p)
		}
	}
	// Her conflicts page offers the cycle's other applicant to declare a
	// conflict with, and not Malmö's, which she already has one with.
	c.visit("/jury/conflicts", "e2e-conflicts-juror")
	offered := get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#f-organisation option")].map(o => o.textContent.trim())`))
	if len(offered) != 2 || offered[1] != "Lomma kommun (e2e)" {
		w.t.Errorf("Cecilia's conflicts page offers %q, want the placeholder and Lomma's", offered)
	}
}

// deliberate: the ranking shows the severity view moving the harshly
// judged application and one flagged cell; the lead records consensus
// on it with the two jurors who disagreed; the secretariat decides two
// shared winners.
func (w *wholeCycle) deliberate(fair, harsh string) {
	c := w.tab(e2eEmail("lena"), e2ePassword)
	defer c.stop()
	c.visit("/jury", "")
	c.submit(`a[href="/jury/cycles/`+w.id+`/ranking"]`, "e2e-ranking")
	c.wantText("1 flaggade celler saknar ännu")
	// The harshly judged app 0 is second raw and first once severity is
	// corrected; app 1 the other way round.
	rows := get(c, chromedp.Evaluate[map[string][]string](`Object.fromEntries([...document.querySelectorAll("#ranking + p + .scroll tbody tr")].map(
		tr => [tr.querySelector("th a").textContent.trim(), [...tr.querySelectorAll("td")].map(td => td.textContent.trim())]))`))
	for app, want := range map[string][2]string{e2eApp0: {"2", "1 ▲ 1 upp"}, e2eApp1: {"1", "2 ▼ 1 ned"}} {
		if r := rows[app]; len(r) != 8 || r[0] != want[0] || r[5]+" "+r[6] != want[1] {
			w.t.Errorf("the ranking's row of %q = %q, want raw place %s and severity-corrected %s", app, r, want[0], want[1])
		}
	}
	c.visit("/jury/cycles/"+w.id+"/applications/"+w.apps[0], "e2e-deliberation")
	k := w.criteria[0]
	c.typeInto("#f-value-"+k, "50")
	c.typeInto("#f-rationale-"+k, "Juryn enades efter samtal om bevisen.")
	for _, name := range []string{fair, harsh} {
		label := "Juror " + strings.ToUpper(name[:1]) + name[1:]
		id := get(c, chromedp.Evaluate[string](`[...document.querySelectorAll("label[for^='f-participants-`+k+`-']")].find(l => l.textContent.trim() === "`+label+`").htmlFor`))
		if !get(c, chromedp.Evaluate[bool](`document.getElementById("`+id+`").checked`)) { // the page checks those who scored
			c.run(chromedp.Click(chromedp.CSS("#" + id)))
		}
	}
	c.submit(`form[action$="/consensus/`+k+`"] button`, "")
	if !strings.Contains(c.text(), "Det överenskomna värdet är sparat.") {
		w.t.Fatalf("the consensus was not recorded: %s", c.text())
	}
	c.visit("/jury/cycles/"+w.id+"/ranking", "")
	c.wantText("Alla flaggade celler har ett överenskommet värde.")

	a := w.tab(store.DemoAdminEmail, store.DemoPassword)
	defer a.stop()
	a.visit("/jury/cycles/"+w.id+"/decisions", "e2e-decisions")
	for _, app := range w.apps {
		a.run(chromedp.Click(chromedp.CSS("#f-decision-" + app + "-WINNER")))
		a.typeInto("#f-citation-"+app, "Delad vinst 2026")
		a.submit(`form[action$="/decisions/`+app+`"] button`, "")
		a.wantText("Beslutet är sparat.")
	}
}

// publish: the secretariat moves the cycle to DECIDED and publishes; the
// public results page shows both winners; each applicant reads the
// decision on their application's page and gets its feedback PDF from
// the form there.
func (w *wholeCycle) publish() {
	a := w.tab(store.DemoAdminEmail, store.DemoPassword)
	w.advance(a, "beslutad")
	w.advance(a, "resultat publicerade")
	a.stop()
	c := w.tab("", "")
	defer c.stop()
	c.visit("/cycles/"+w.id+"/results", "e2e-results")
	c.wantText(e2eApp0, e2eApp1, "Delad vinst 2026")
	for i, email := range []string{"sara@e2e.example.se", "lars@e2e.example.se"} {
		p := w.tab(email, e2ePassword)
		p.visit("/applications/"+w.apps[i], "")
		p.wantText("Beslut och återkoppling", "Vinnare")
		p.stop()
		// The PDF is a download, which Chromium's test mode does not
		// keep: the same form is posted by an HTTP client with the
		// applicant's session.
		b := w.s.browser()
		b.login(email, e2ePassword)
		b.get("/applications/" + w.apps[i]).has(`action="/applications/` + w.apps[i] + `/feedback"`)
		r := b.post("/applications/"+w.apps[i]+"/feedback", url.Values{"lang": {"sv"}}).wantStatus(http.StatusSeeOther)
		if pdf := b.get(r.location()); pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" {
			w.t.Errorf("%s's feedback PDF = %d %s", email, pdf.Status, pdf.Header.Get("Content-Type"))
		}
	}
}
