package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// applicant signs a new applicant up for Malmö and starts a draft in the
// open demo cycle; it returns the browser and the draft's path.
func (s *site) applicant(email string) (*browser, string) {
	s.t.Helper()
	b := s.browser()
	p := b.get("/signup")
	b.post("/signup", url.Values{"key": {between(p.Body, `name="key" value="`, `"`)}, "name": {"Lena Ny"}, "email": {email},
		"password": {"ett långt lösenord"}, "password2": {"ett långt lösenord"}, "orgName": {"Malmö stad, IFO " + email},
		"kind": {"DISTRICT"}, "sector": {"PUBLIC"}, "municipality": {"1280"}}).wantStatus(http.StatusSeeOther)
	p = b.get("/dashboard").wantStatus(http.StatusOK)
	org := regexp.MustCompile(`<option value="(\d+)">Malmö stad, IFO`).FindStringSubmatch(p.Body)
	cycle := regexp.MustCompile(`<option value="(\d+)">Svenska Leanpriset \(demo, pågående\)`).FindStringSubmatch(p.Body)
	if org == nil || cycle == nil {
		s.t.Fatalf("the dashboard has no new-application form:\n%s", p.Body)
	}
	form := url.Values{"key": {between(p.Body, `name="key" value="`, `"`)}, "organisation": {org[1]}, "cycle": {cycle[1]},
		"title": {"Kortare väntan för barn och familjer"}}
	p = b.post("/applications", form).wantStatus(http.StatusSeeOther)
	path := p.location()
	if again := b.post("/applications", form); again.location() != path {
		s.t.Errorf("the same form twice made %s and %s, want one draft", path, again.location())
	}
	return b, path
}

// editorForm is the editor's form as the page has it filled in.
func editorForm(p *page) url.Values {
	v := url.Values{}
	for _, m := range regexp.MustCompile(`<input type="(?:text|hidden|date|search|email)" id="[^"]*" name="([^"]+)" value="([^"]*)"`).FindAllStringSubmatch(p.Body, -1) {
		v.Set(m[1], unescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)"`).FindAllStringSubmatch(p.Body, -1) {
		v.Set(m[1], unescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea id="[^"]*" name="([^"]+)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(p.Body, -1) {
		v.Set(m[1], unescape(m[2]))
	}
	for _, m := range regexp.MustCompile(`(?s)<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(p.Body, -1) {
		if sel := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(m[2]); sel != nil {
			v.Set(m[1], sel[1])
		} else {
			v.Set(m[1], "")
		}
	}
	v.Del("csrf")
	return v
}

var unescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`)

func unescape(s string) string { return unescaper.Replace(s) }

// malmoIndicator is row 0 of the editor: Malmö's child-welfare
// investigations, 140 → 105 days against a legal limit of 120.
func malmoIndicator(f url.Values) {
	for k, v := range map[string]string{"ind-0-name": "Utredningstid barn och unga", "ind-0-unit": "dagar",
		"ind-0-direction": "LOWER_IS_BETTER", "ind-0-kpi": "U33401", "ind-0-municipality": "1280",
		"ind-0-baseline": "140", "ind-0-baselineDate": "2021-01-01", "ind-0-current": "105", "ind-0-currentDate": "2023-06-01",
		"ind-0-limit": "120", "ind-0-evidence": "Verksamhetssystemet, uttag per kvartal."} {
		f.Set(k, v)
	}
}

// TestApplicantJourney goes through the editor without a browser: save,
// a lost version race, submit refused and accepted, withdraw.
func TestApplicantJourney(t *testing.T) {
	s := newSite(t)
	b, path := s.applicant("journey@example.se")
	p := b.get(path).wantStatus(http.StatusOK)
	p.has("Kortare väntan för barn och familjer", "föredöme", "Beskriv varför och hur ni arbetar med lean", "Du har 20\u00a0000 tecken kvar av 20\u00a0000", "Svar saknas för de här kriterierna:",
		`data-unsaved`, `list="kpis-0"`)
	f := editorForm(p)
	answers := regexp.MustCompile(`name="(answer-\d+)"`).FindAllStringSubmatch(p.Body, -1)
	if len(answers) < 3 {
		t.Fatalf("the editor has %d answer fields", len(answers))
	}
	f.Set("summary", "Väntetiden för familjestöd kortades från 19 till 10 dagar.")
	f.Set(answers[0][1], "Vi arbetar med flödeseffektivitet.")
	malmoIndicator(f)

	t.Run("a KPI search keeps what was typed and saves nothing", func(t *testing.T) {
		g := cloneValues(f)
		g.Set("ind-0-kpiq", "utredningstid")
		g.Set("action", "search-0")
		p := b.post(path, g).wantStatus(http.StatusOK)
		p.has(`<option value="U33401" selected>U33401 – Utredningstid`, "Vi arbetar med flödeseffektivitet.")
		b.get(path).lacks("Vi arbetar med flödeseffektivitet.")
	})
	t.Run("a malformed number is shown at its field, nothing saved", func(t *testing.T) {
		g := cloneValues(f)
		g.Set("ind-0-current", "hundrafem")
		g.Set("title", strings.Repeat("x", 201))
		g.Set("action", "save")
		p := b.post(path, g).wantStatus(http.StatusUnprocessableEntity)
		p.has(`id="f-ind-0-current-error"`, `href="#f-ind-0-current"`, `id="f-title-error"`, `value="hundrafem"`, "Vi arbetar med flödeseffektivitet.")
		b.get(path).lacks("Vi arbetar med flödeseffektivitet.")
	})
	f.Set("action", "save")
	p = b.post(path, f).wantStatus(http.StatusSeeOther)
	p = b.get(path).wantStatus(http.StatusOK)
	p.has("Utkastet är sparat.", "Vi arbetar med flödeseffektivitet.", "Officiell serie:", `<svg viewBox=`, "U33401", "lagkrav 120")
	saved := editorForm(p)

	t.Run("a stale version keeps the user's text and shows what changed", func(t *testing.T) {
		other := cloneValues(saved)
		other.Set("summary", "Någon annans sammanfattning.")
		other.Set("action", "save")
		b.post(path, other).wantStatus(http.StatusSeeOther)
		mine := cloneValues(saved) // the version from before the other save
		mine.Set("summary", "Min egen text som inte får försvinna.")
		mine.Set("action", "save")
		p := b.post(path, mine).wantStatus(http.StatusConflict)
		p.has("Någon annan sparade ansökan medan du skrev", "Min egen text som inte får försvinna.", "Någon annans sammanfattning.")
		again := editorForm(p)
		again.Set("action", "save")
		b.post(path, again).wantStatus(http.StatusSeeOther)
		b.get(path).has("Min egen text som inte får försvinna.").lacks("Någon annans sammanfattning.")
	})

	p = b.get(path)
	f = editorForm(p)
	f.Set("action", "submit")
	p = b.post(path, f).wantStatus(http.StatusUnprocessableEntity)
	p.has("kunde inte skickas in: svar saknas", `class="missing"`)
	f = editorForm(p)
	for _, a := range answers {
		f.Set(a[1], "Svar på "+a[1])
	}
	f.Set("action", "submit")
	b.post(path, f).wantStatus(http.StatusSeeOther)
	p = b.get(path).wantStatus(http.StatusOK).has("Ansökan är inskickad. Tack!", "inskickad", "Återkalla ansökan").lacks(`name="action"`)

	version := between(p.Body, `name="version" value="`, `"`)
	b.post(path+"/withdraw", url.Values{"version": {version}, "reason": {"  "}}).wantStatus(http.StatusUnprocessableEntity).has(`id="f-reason-error"`)
	b.post(path+"/withdraw", url.Values{"version": {version}, "reason": {"Vi söker nästa år."}}).wantStatus(http.StatusSeeOther)
	b.get(path).has("Ansökan är återkallad.", "Vi söker nästa år.").lacks("Återkalla ansökan")
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = append([]string(nil), x...)
	}
	return out
}

// TestApplicationByRole: only the owner's organisation and the staff see
// an application; nobody else learns it exists, and only its owner may
// change it.
func TestApplicationByRole(t *testing.T) {
	s := newSite(t)
	owner, path := s.applicant("owner@example.se")
	owner.get(path).wantStatus(http.StatusOK)
	bs := s.browsers()
	if p := bs["anonymous"].get(path); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.location(), "/login?next=") {
		t.Errorf("anonymous: %d to %q, want 303 to log in", p.Status, p.location())
	}
	for _, role := range []string{"owner", "other applicant", "juror"} { // "owner" is the demo's Malmö applicant, another organisation
		p := bs[role].get(path)
		p.wantStatus(http.StatusNotFound).lacks("Kortare väntan för barn och familjer")
		f := url.Values{"title": {"Kapad"}, "version": {"1"}, "action": {"save"}}
		bs[role].post(path, f).wantStatus(http.StatusNotFound)
		bs[role].post(path+"/withdraw", url.Values{"version": {"1"}, "reason": {"x"}}).wantStatus(http.StatusNotFound)
	}
	admin := bs["admin"]
	admin.get(path).wantStatus(http.StatusOK).has("Kortare väntan för barn och familjer")
	owner.get(path).has("Kortare väntan för barn och familjer").lacks("Kapad")
	if p := bs["anonymous"].get("/dashboard"); p.Status != http.StatusSeeOther {
		t.Errorf("anonymous dashboard: %d", p.Status)
	}
}

// TestSubmitAfterTheDeadline: after the closing time the submit is
// refused with a plain message, and the draft (with what was typed) is
// kept.
func TestSubmitAfterTheDeadline(t *testing.T) {
	s := newSite(t)
	b, path := s.applicant("late@example.se")
	f := editorForm(b.get(path))
	f.Set("summary", "Skrivet i sista stund.")
	f.Set("action", "submit")
	s.closeCycle(2)
	p := b.post(path, f).wantStatus(http.StatusUnprocessableEntity)
	p.has("Sista dagen för ansökan var", "Skrivet i sista stund.")
}

// TestFeedbackAfterPublication: the demo's Malmö applicant reads the 2012
// decision and citation, is told that the cycle is historical (imported
// without scores, so there is no table of scores), sees the
// organisation's municipality marked unverified, and gets the PDF.
func TestFeedbackAfterPublication(t *testing.T) {
	s := newSite(t)
	b := s.browser()
	b.login(store.DemoMalmoEmail, store.DemoPassword)
	p := b.get("/dashboard").wantStatus(http.StatusOK)
	p.has("Kommun", `<span class="tag warn">ej verifierad</span>`, "Sekretariatet har ännu inte kontrollerat")
	m := regexp.MustCompile(`<a href="(/applications/\d+)">Lean i socialtjänsten`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no 2012 application on Malmö's dashboard")
	}
	p = b.get(m[1]).wantStatus(http.StatusOK)
	p.has("Beslut och återkoppling", "Vinnare", "Första offentliga verksamheten",
		"En historisk omgång, importerad utan poäng", "<dt>Kommun</dt><dd><span class=\"org-municipality\">Malmö (1280) <span class=\"tag warn\">ej verifierad</span>").
		lacks(`name="action"`, "Återkalla ansökan", "Juryns samlade bedömning per kriterium")
	p = b.post(m[1]+"/feedback", url.Values{"lang": {"en"}}).wantStatus(http.StatusSeeOther)
	if !strings.HasPrefix(p.location(), "/reports/applications/") || !strings.Contains(p.location(), "lang=en") || !strings.Contains(p.location(), "sig=") {
		t.Fatalf("feedback PDF: to %q, want a signed report link in English", p.location())
	}
	pdf := b.get(p.location())
	if pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("the feedback PDF = %d %s", pdf.Status, pdf.Header.Get("Content-Type"))
	}
	other := s.browser()
	other.login(store.DemoApplicantEmail, store.DemoPassword)
	other.get(m[1]).wantStatus(http.StatusNotFound)
	if p := other.post(m[1]+"/feedback", url.Values{"lang": {"sv"}}); p.Status == http.StatusSeeOther {
		if pdf := other.get(p.location()); pdf.Status == http.StatusOK {
			t.Errorf("another applicant downloaded Malmö's feedback PDF")
		}
	}
}

// closeCycle moves cycle id's closing time to a minute ago, as the admin
// does through the API; its phase stays OPEN.
func (s *site) closeCycle(id int) {
	s.t.Helper()
	c := graph.Caller{Token: s.adminToken()}
	r := s.api.Execute(context.Background(), c, `query($id: ID!) { cycle(id: $id) { version title opensAt scoringClosesAt } }`, map[string]any{"id": id})
	var out struct {
		Cycle struct {
			Version                         int
			Title, OpensAt, ScoringClosesAt string
		}
	}
	if err := r.Decode(&out); err != nil || len(r.Errors) > 0 {
		s.t.Fatalf("cycle %d: %v %v", id, r.Errors, err)
	}
	in := map[string]any{"title": out.Cycle.Title, "opensAt": out.Cycle.OpensAt, "scoringClosesAt": out.Cycle.ScoringClosesAt,
		"closesAt": time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)}
	r = s.api.Execute(context.Background(), c, `mutation($id: ID!, $v: Int!, $in: CycleSettingsInput!) { updateCycle(id: $id, version: $v, input: $in) { closesAt } }`,
		map[string]any{"id": id, "v": out.Cycle.Version, "in": in})
	if len(r.Errors) > 0 {
		s.t.Fatalf("closing cycle %d: %v", id, r.Errors)
	}
}
