package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/leanforum/awards/store"
)

// loginAs logs in through the login page.
func (c *chrome) loginAs(email, password string) {
	c.t.Helper()
	c.visit("/login", "")
	c.typeInto("#f-email", email)
	c.typeInto("#f-password", password)
	c.submit(`form[action="/login"] button[type=submit]`, "")
}

// typeInto empties the field sel and types v into it.
func (c *chrome) typeInto(sel, v string) {
	c.t.Helper()
	get(c, chromedp.Evaluate[bool](`(() => { document.querySelector(`+"`"+sel+"`"+`).value = ""; return true })()`))
	c.run(chromedp.SendKeys(chromedp.CSS(sel), v))
}

// TestBrowserJurorPages: a juror's pages, with JavaScript on and off,
// pass axe-core and are photographed: my assessments, conflicts, the
// scoring page (also with an error from the API), the recusal
// confirmation.
func TestBrowserJurorPages(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "ALWAYS")
	f.score("conflicted", 1, 40, "Tydliga mått på ledtider")
	for _, js := range []bool{true, false} {
		c := newChrome(t, s, js)
		c.loginAs(jurorEmail("assigned"), jurorPassword)
		c.visit("/jury", c.name("jury"))
		c.wantText(app0Title, app1Title, "0 inlämnade")
		c.visit("/jury/conflicts", c.name("jury-conflicts"))
		c.wantText("Anmäl jäv", app0Org)
		c.visit("/jury/applications/"+f.apps[0], c.name("jury-scoring"))
		c.wantText("Utredningstid barn och unga", "90–100: föredöme", "Officiell serie")
		c.typeInto("#f-score-"+f.criteria[0], "42")
		c.submit(`button[value=save]`, c.name("jury-scoring-error"))
		c.wantText("SCORE_OFF_STEP")
		c.visit("/jury/applications/"+f.apps[1], c.name("jury-scoring-others"))
		c.wantText("Tydliga mått på ledtider", "Juror conflicted")
		c.visit("/jury/applications/"+f.apps[1]+"/recuse", c.name("jury-recuse"))
		c.wantText("lämnar dina poäng och kommentarer på ansökan alla sammanställningar")
	}
}

// TestBrowserScoringByKeyboard: the scoring page works from the keyboard
// alone: Tab reaches the skip link first, then every score field in
// order; the juror types the scores, and Enter on the submit button
// submits the assessment.
func TestBrowserScoringByKeyboard(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	c := newChrome(t, s, true)
	c.loginAs(jurorEmail("assigned"), jurorPassword)
	c.visit("/jury/applications/"+f.apps[0], "")
	focused := func() string {
		return get(c, chromedp.Evaluate[string](`(document.activeElement.id || "") + "|" + (document.activeElement.className || "") + "|" +
			(document.activeElement.getAttribute("value") || "")`))
	}
	c.run(chromedp.KeyEvent(kb.Tab))
	if got := focused(); !strings.Contains(got, "skip") {
		t.Errorf("the first Tab reaches %q, want the skip link", got)
	}
	scores := map[string]string{}
	for i, k := range f.criteria {
		scores["f-score-"+k] = []string{"60", "75", "90"}[i%3]
	}
	typed := 0
	for range 400 {
		c.run(chromedp.KeyEvent(kb.Tab))
		got := focused()
		id, _, _ := strings.Cut(got, "|")
		if v, ok := scores[id]; ok {
			c.run(chromedp.KeyEvent(v))
			typed++
			delete(scores, id)
			continue
		}
		if strings.HasSuffix(got, "|submit") {
			break
		}
	}
	if len(scores) > 0 {
		t.Fatalf("Tab never reached %v (typed %d scores)", scores, typed)
	}
	resp, err := chromedp.RunResponse(c.ctx, chromedp.KeyEvent(kb.Enter))
	if err != nil {
		t.Fatal(err)
	}
	c.landed(resp, "Enter on submit", "jury-scoring-keyboard")
	c.wantText("Din bedömning är inlämnad.")
	if got := f.myScores("assigned", 0); got[f.criteria[0]] != "60" || got[f.criteria[2]] != "90" {
		t.Errorf("stored after the keyboard submit = %v, want 60, 75, 90", got)
	}
}

// TestBrowserLeadPages: the lead juror's and the secretariat's pages pass
// axe-core and are photographed: ranking and reliability, the
// deliberation on a flagged application (also after a refused form),
// decisions (also after CONSENSUS_REQUIRED) and the confirmation of the
// next phase.
func TestBrowserLeadPages(t *testing.T) {
	s := newSite(t)
	f := newDeliberation(t, s)
	c := newChrome(t, s, false)
	c.loginAs(jurorEmail("lead"), jurorPassword)
	c.visit("/jury", "")
	c.submit(`a[href="/jury/cycles/`+f.cycle+`/ranking"]`, "jury-ranking")
	c.wantText("3 flaggade celler saknar ännu", "strängare än de andra", "Krippendorffs alfa (intervallskala)", "för få ansökningar för att skatta")
	c.visit("/jury/cycles/"+f.cycle+"/applications/"+f.apps[1], "jury-deliberation")
	c.wantText("Svagt", "Jurymedlemmar som deltog")
	c.typeInto("#f-value-"+f.criteria[0], "50")
	c.submit(`form[action$="/consensus/`+f.criteria[0]+`"] button`, "jury-deliberation-error")
	c.visit("/jury/cycles/"+f.cycle+"/decisions", "")
	c.run(chromedp.Click(chromedp.CSS("#f-decision-" + f.apps[1] + "-WINNER")))
	c.submit(`form[action$="/decisions/`+f.apps[1]+`"] button`, "jury-decisions-error")
	c.wantText("CONSENSUS_REQUIRED")
	a := newChrome(t, s, true)
	a.loginAs(store.DemoAdminEmail, store.DemoPassword)
	a.visit("/jury/cycles/"+f.cycle+"/decisions", "jury-decisions")
	a.visit("/jury/cycles/"+f.cycle+"/advance", "jury-advance")
	a.wantText("besluten är fastställda och kan publiceras")
}
