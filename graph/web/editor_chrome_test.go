package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// applicantPassword is the password site.applicant signs up with.
const applicantPassword = "ett långt lösenord"

// openEditor signs up a new applicant with a draft, logs the tab in and
// opens the draft's editor; it returns the editor's path.
func (c *chrome) openEditor(email string) string {
	c.t.Helper()
	_, path := c.s.applicant(email)
	c.loginAs(email, applicantPassword)
	c.visit(path, "")
	return path
}

// spaced is s with every run of white space (also no-break spaces, as
// numbers are grouped) as one space.
func spaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestBrowserKPITypeahead: typing in an indicator's KPI field fills its
// list of suggestions from /kpis/search as you type, by name or by id.
func TestBrowserKPITypeahead(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.openEditor("typeahead@example.se")
	if n := get(c, chromedp.Evaluate[int](`document.querySelectorAll("#kpis-0 option").length`)); n != 0 {
		t.Fatalf("the KPI list holds %d suggestions before anything is typed", n)
	}
	suggestions := func(want string) string {
		c.t.Helper()
		ctx, cancel := context.WithTimeout(c.ctx, 20*time.Second)
		defer cancel()
		got, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
			const s = [...document.querySelectorAll("#kpis-0 option")].map(o => o.value + " " + o.textContent).join("\n");
			return s.includes(`+"`"+want+"`"+`) ? s : false })()`, chromedp.WithPollingInterval(100*time.Millisecond)))
		if err != nil {
			got = get(c, chromedp.Evaluate[string](`[...document.querySelectorAll("#kpis-0 option")].map(o => o.value + " " + o.textContent).join("\n")`))
			t.Fatalf("the KPI list never showed %q; it holds:\n%s", want, got)
		}
		return got
	}
	c.fill(map[string]string{"#f-ind-0-kpi": "utredningstid"})
	got := suggestions("U33401")
	if !strings.Contains(got, "U33401 – ") {
		t.Errorf("a suggestion is not labelled with its title:\n%s", got)
	}
	c.screenshot("editor-typeahead-js")
	// By id, and the list follows what is typed now.
	c.fill(map[string]string{"#f-ind-0-kpi": "u21468"})
	if got := suggestions("U21468"); strings.Contains(got, "U33401") {
		t.Errorf("after typing u21468 the list still holds U33401:\n%s", got)
	}
}

// TestBrowserCharacterCounter: a textarea's counter follows what is typed
// against the API's limit, in the page's language, and says when the text
// is too long; without JavaScript it is counted when the page is drawn.
func TestBrowserCharacterCounter(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.openEditor("counter@example.se")
	counter := func() (string, bool) {
		c.t.Helper()
		text := get(c, chromedp.TextContent(chromedp.CSS("#f-summary-count")))
		over := get(c, chromedp.Evaluate[bool](`document.getElementById("f-summary-count").classList.contains("over")`))
		return spaced(text), over
	}
	if got, over := counter(); got != "Du har 5 000 tecken kvar av 5 000" || over {
		t.Errorf("the empty summary's counter = %q (over %v)", got, over)
	}
	if d := get(c, chromedp.AttributeValue(chromedp.CSS("#f-summary"), "aria-describedby")).Value; !strings.Contains(d, "f-summary-count") {
		t.Errorf("the summary's aria-describedby = %q, want its counter", d)
	}
	c.fill(map[string]string{"#f-summary": "Väntetiden kortades."})
	if got, _ := counter(); got != "Du har 4 980 tecken kvar av 5 000" {
		t.Errorf("after 20 characters the counter = %q", got)
	}
	// Up to the limit, then past it: the rest is typed.
	get(c, chromedp.Evaluate[bool](`(() => { document.getElementById("f-summary").value = "x".repeat(4999); return true })()`))
	c.run(chromedp.SendKeys(chromedp.CSS("#f-summary"), "åä"))
	if got, over := counter(); got != "Du har 1 tecken för mycket (högst 5 000)" || !over {
		t.Errorf("at 5 001 characters the counter = %q (over %v)", got, over)
	}
	c.screenshot("editor-counter-js")
	c.run(chromedp.KeyEvent("\b"))
	if got, over := counter(); got != "Du har 0 tecken kvar av 5 000" || over {
		t.Errorf("back at 5 000 characters the counter = %q (over %v)", got, over)
	}

	// Without JavaScript, the page draws the count of what was saved.
	n := newChrome(t, s, false)
	path := n.openEditor("counter-nojs@example.se")
	n.fill(map[string]string{"#f-summary": "Tjugo tecken exakt.."})
	n.submit(`button[value="save"]`, "")
	if n.location() != path {
		t.Fatalf("after saving: at %s, want %s", n.location(), path)
	}
	if got := spaced(get(n, chromedp.TextContent(chromedp.CSS("#f-summary-count")))); got != "Du har 4 980 tecken kvar av 5 000" {
		t.Errorf("without JavaScript the saved summary's counter = %q", got)
	}
}

// dialogs records the JavaScript dialogs the tab opens and answers each
// with accept (for beforeunload: true leaves the page, false stays). The
// function it returns waits (up to 10 s) until want dialogs have opened
// in all, and a moment more for any further one, and returns their types.
func (c *chrome) dialogs(accept bool) func(want int) []string {
	var seen []string
	opened := make(chan string, 8)
	events := chromedp.Events(c.ctx, cdpage.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			opened <- string(ev.Type)
			go chromedp.Call(c.ctx, cdpage.HandleJavaScriptDialog, cdpage.HandleJavaScriptDialogParams{Accept: accept})
		}
	}()
	return func(want int) []string {
		deadline := time.After(10 * time.Second)
		for {
			wait := 500 * time.Millisecond
			if len(seen) < want {
				wait = 10 * time.Second
			}
			select {
			case d := <-opened:
				seen = append(seen, d)
			case <-deadline:
				return seen
			case <-time.After(wait):
				return seen
			}
		}
	}
}

// TestBrowserUnsavedWarning: leaving the editor after typing asks first
// (beforeunload), and staying keeps what was typed; leaving after saving,
// or without having typed, does not ask.
func TestBrowserUnsavedWarning(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	path := c.openEditor("unsaved@example.se")
	seen := c.dialogs(false)

	// Nothing typed: the link leaves at once.
	c.submit(`header a[href="/"]`, "")
	if got := seen(0); len(got) != 0 || c.location() != "/" {
		t.Fatalf("leaving an untouched editor: dialogs %v, at %s", got, c.location())
	}
	c.visit(path, "")
	c.fill(map[string]string{"#f-summary": "Text som inte är sparad."})
	if err := chromedp.Do(c.ctx, chromedp.Click(chromedp.CSS(`header a[href="/"]`))); err != nil {
		t.Fatal(err)
	}
	if got := seen(1); len(got) != 1 || got[0] != "beforeunload" {
		t.Fatalf("leaving with unsaved text opened the dialogs %v, want one beforeunload", got)
	}
	if got := c.location(); got != path {
		t.Errorf("after choosing to stay: at %s, want %s", got, path)
	}
	if got := get(c, chromedp.Value(chromedp.CSS("#f-summary"))); got != "Text som inte är sparad." {
		t.Errorf("after choosing to stay the summary holds %q", got)
	}
	// Saving is leaving too, but not a loss: no question.
	c.submit(`button[value="save"]`, "")
	c.wantText("Utkastet är sparat.")
	c.submit(`header a[href="/"]`, "")
	if got := seen(1); len(got) != 1 || c.location() != "/" {
		t.Errorf("saving and leaving: dialogs %v, at %s; want no new one", got, c.location())
	}
}
