package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusState is the focused element as the keyboard tests see it.
type focusState struct {
	Key     string `json:"key"`     // its data-kbd number: which control it is
	What    string `json:"what"`    // tag, id, name or text, for messages
	Visible bool   `json:"visible"` // :focus-visible with an outline or shadow drawn
}

// markControls numbers every control a keyboard user must reach on the
// page (data-kbd) and returns how many there are: links, buttons, fields
// and summaries that are shown and not disabled.
func (c *chrome) markControls() []string {
	c.t.Helper()
	return get(c, chromedp.Evaluate[[]string](`(() => {
		const all = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")]
			.filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden"
				&& !e.closest("details:not([open]) > :not(summary)"));
		return all.map((e, i) => { e.dataset.kbd = String(i);
			return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? "[" + e.name + "]" : "") + " " + (e.textContent || "").trim().slice(0, 30) });
	})()`))
}

// focused is the element that has focus now.
func (c *chrome) focused() focusState {
	c.t.Helper()
	return get(c, chromedp.Evaluate[focusState](`(() => {
		const e = document.activeElement;
		if (!e || e === document.body) return {key: "", what: "body", visible: false};
		const s = getComputedStyle(e);
		const drawn = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
		return {key: e.dataset.kbd || "", visible: drawn,
			what: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? "[" + e.name + "]" : "") + " " + (e.textContent || "").trim().slice(0, 30)};
	})()`))
}

// tab presses Tab (or Shift-Tab with back) until the focus moves to
// another element (a date field takes one Tab per part: year, month,
// day), and checks that each focus it lands on is drawn.
func (c *chrome) tab(back bool) focusState {
	c.t.Helper()
	from := c.focused()
	var f focusState
	for range 4 {
		if back {
			c.run(chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
		} else {
			c.run(chromedp.KeyEvent(kb.Tab))
		}
		f = c.focused()
		if f.What != "body" && !f.Visible {
			c.t.Errorf("Tab reached %s without a visible focus indicator", f.What)
		}
		if f.Key == "" || f.Key != from.Key {
			break
		}
	}
	return f
}

// tabThrough tabs from the top of the page to its end and fails unless
// every control was reached, each with a visible focus; then Shift-Tab
// goes back through them in the reverse order.
func (c *chrome) tabThrough(page string) {
	c.t.Helper()
	controls := c.markControls()
	get(c, chromedp.Evaluate[bool](`(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true })()`))
	var order []string
	reached := map[string]bool{}
	for range len(controls) + 5 {
		f := c.tab(false)
		if f.Key == "" || reached[f.Key] {
			break
		}
		reached[f.Key] = true
		order = append(order, f.Key)
	}
	var missed []string
	for i, what := range controls {
		if !reached[strconv.Itoa(i)] {
			missed = append(missed, what)
		}
	}
	if len(missed) > 0 {
		c.t.Errorf("%s: Tab never reached %d of %d controls:\n\t%s", page, len(missed), len(controls), strings.Join(missed, "\n\t"))
	}
	// Shift-Tab from the last control goes back through the ones before.
	if n := len(order); n > 1 {
		get(c, chromedp.Evaluate[bool](`(() => { document.querySelector('[data-kbd="`+order[n-1]+`"]').focus(); return true })()`))
		for i := n - 2; i >= max(0, n-5); i-- {
			if f := c.tab(true); f.Key != order[i] {
				k, _ := strconv.Atoi(order[i])
				c.t.Errorf("%s: Shift-Tab reached %s, want %s", page, f.What, controls[k])
				break
			}
		}
	}
}

// tabTo presses Tab until sel has the focus (each focus visible).
func (c *chrome) tabTo(sel string) {
	c.t.Helper()
	for range 400 {
		c.tab(false)
		if get(c, chromedp.Evaluate[bool](`document.activeElement.matches(`+"`"+sel+"`"+`)`)) {
			return
		}
	}
	c.t.Fatalf("Tab never reached %s", sel)
}

// typeKeys types s into the focused element, as keys.
func (c *chrome) typeKeys(s string) {
	c.t.Helper()
	c.run(chromedp.KeyEvent(s))
}

// press presses key (Enter or Space) on the focused element and checks
// the page it lands on.
func (c *chrome) press(key, what, shot string) {
	c.t.Helper()
	resp, err := chromedp.RunResponse(c.ctx, chromedp.KeyEvent(key))
	if err != nil {
		c.t.Fatalf("%s: %v", what, err)
	}
	c.landed(resp, what, shot)
}

// keyboardFill tabs to each field and types its value (the fields in
// page order). A date field's value is YYYY-MM-DD, typed part by part
// in the order the browser's locale shows them.
func (c *chrome) keyboardFill(fields ...string) {
	c.t.Helper()
	for i := 0; i+1 < len(fields); i += 2 {
		c.tabTo(fields[i])
		if get(c, chromedp.Evaluate[string](`document.activeElement.type`)) == "date" {
			c.typeDate(fields[i+1])
			continue
		}
		c.typeKeys(fields[i+1])
	}
}

// typeDate types the date iso (YYYY-MM-DD) into the focused date field:
// its parts in the locale's order, a Tab after a year that is not last
// (a year takes up to six digits; a month or a day moves on after two).
func (c *chrome) typeDate(iso string) {
	c.t.Helper()
	y, m, d := iso[:4], iso[5:7], iso[8:10]
	order := get(c, chromedp.Evaluate[[]string](`new Intl.DateTimeFormat(undefined, {year: "numeric", month: "2-digit", day: "2-digit"})
		.formatToParts(new Date(2021, 0, 2)).filter(p => p.type !== "literal").map(p => p.type)`))
	for i, part := range order {
		switch part {
		case "year":
			c.typeKeys(y)
			if i < len(order)-1 {
				c.run(chromedp.KeyEvent(kb.Tab))
			}
		case "month":
			c.typeKeys(m)
		case "day":
			c.typeKeys(d)
		}
	}
}

// TestBrowserApplicantByKeyboard: the applicant's journey with the
// keyboard alone (Tab, Shift-Tab, Enter, Space and typing; no mouse
// event): sign up, create a draft, write it with Malmö's indicator, save,
// answer every criterion and submit. On each page Tab reaches every
// control with a visible focus and Shift-Tab goes back.
func TestBrowserApplicantByKeyboard(t *testing.T) {
	s := newSite(t)
	c := newChrome(t, s, true)
	c.visit("/signup", "")
	c.tabThrough("sign-up")
	c.visit("/signup", "")
	if f := c.tab(false); !strings.Contains(f.What, "Hoppa till innehållet") {
		t.Errorf("the first Tab reaches %s, want the skip link", f.What)
	}
	c.keyboardFill("#f-name", "Lena Tangent", "#f-email", "tangent@example.se", "#f-password", "ett långt lösenord",
		"#f-password2", "ett långt lösenord", "#f-orgName", "Malmö stad, IFO Tangent",
		"#f-kind", "Stadsdel", "#f-municipality", "Malmö")
	c.tabTo(`form[action="/signup"] button[type=submit]`)
	c.press(kb.Enter, "Enter on sign up", "keyboard-dashboard")
	c.wantText("Välkommen!")
	c.tabThrough("dashboard")

	c.visit("/dashboard", "")
	c.keyboardFill("#f-title", "Kortare väntan, med tangentbordet")
	c.tabTo(`form[action="/applications"] button[type=submit]`)
	c.press(" ", "Space on create", "")
	path := c.location()
	if !strings.HasPrefix(path, "/applications/") {
		t.Fatalf("after creating a draft by keyboard: at %s", path)
	}
	c.tabThrough("editor")

	c.visit(path, "")
	c.keyboardFill("#f-summary", "Väntetiden kortades.",
		"#f-ind-0-name", "Utredningstid barn och unga", "#f-ind-0-unit", "dagar",
		"#f-ind-0-direction", "Lägre", "#f-ind-0-municipality", "Malmö", "#f-ind-0-kpi", "U33401",
		"#f-ind-0-baseline", "140", "#f-ind-0-baselineDate", "2021-01-01", "#f-ind-0-current", "105",
		"#f-ind-0-currentDate", "2023-06-01", "#f-ind-0-limit", "120")
	for sel, want := range map[string]string{"#f-ind-0-direction": "LOWER_IS_BETTER", "#f-ind-0-municipality": "1280",
		"#f-ind-0-baselineDate": "2021-01-01", "#f-ind-0-currentDate": "2023-06-01"} {
		if got := get(c, chromedp.Value(chromedp.CSS(sel))); got != want {
			t.Errorf("typed into %s: it holds %q, want %q", sel, got, want)
		}
	}
	c.tabTo(`button[value="save"]`)
	c.press(" ", "Space on save", "keyboard-editor")
	c.wantText("Utkastet är sparat.", "Officiell serie:")

	answers := get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("textarea[name^=answer-]")].map(t => "#" + t.id)`))
	for _, id := range answers {
		c.keyboardFill(id, "Vårt svar.")
	}
	c.tabTo(`button[value="submit"]`)
	c.press(kb.Enter, "Enter on submit", "keyboard-submitted")
	c.wantText("Ansökan är inskickad. Tack!")
	c.tabThrough("submitted application")
}
