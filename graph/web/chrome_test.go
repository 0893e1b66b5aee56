package web_test

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource is axe-core, vendored from npm with its licence
// (testdata/axe), run on every page the browser tests visit.
//
//go:embed testdata/axe/axe.min.js
var axeSource string

// chromeTimeout bounds one browser test: generous, for a slow shared
// machine; nothing is timed.
const chromeTimeout = 4 * time.Minute

// chrome is one Chromium tab on a site, as one visitor.
type chrome struct {
	t     *testing.T
	s     *site
	ctx   context.Context
	js    bool
	shots string
	// stop closes the tab and its Chromium before the test ends.
	stop func()
}

// chromePath is Chromium's path: CHROME_PATH (make test sets it through
// .ci/chromium.sh) or one on PATH. Without one the test skips, or fails
// under CI.
func chromePath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium: .ci/chromium.sh installs Debian's chromium as root")
	}
	t.Skip("no Chromium: install Debian's chromium package (make test does so as root) or set CHROME_PATH")
	return ""
}

// newChrome starts Chromium on s, with JavaScript on or off.
func newChrome(t *testing.T, s *site, js bool) *chrome {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are not run with -short")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromePath(t)),
		chromedp.NoSandbox, // as root in CI
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "sv-SE"),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), chromeTimeout)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	c := &chrome{t: t, s: s, ctx: ctx, js: js, shots: screenshotDir(t), stop: func() { cancelTab(); cancelAlloc(); cancel() }}
	c.scripts(js)
	return c
}

// screenshotDir is where the tests write screenshots: $SCREENSHOTS, or
// .data/screenshots at the top of the checkout (not committed; make
// screenshots copies the README's into docs).
func screenshotDir(t *testing.T) string {
	d := os.Getenv("SCREENSHOTS")
	if d == "" {
		d = filepath.Join("..", "..", ".data", "screenshots")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func (c *chrome) run(actions ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	if err := chromedp.Do(c.ctx, actions...); err != nil {
		c.t.Fatalf("chromium: %v", err)
	}
}

// scripts turns the page's JavaScript on or off.
func (c *chrome) scripts(on bool) {
	c.t.Helper()
	if _, err := chromedp.Call(c.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		c.t.Fatalf("chromium: scripts on %v: %v", on, err)
	}
}

// get runs an action with a value.
func get[T any](c *chrome, a chromedp.Action[T]) T {
	c.t.Helper()
	v, err := chromedp.Run(c.ctx, a)
	if err != nil {
		c.t.Fatalf("chromium: %v", err)
	}
	return v
}

// visit opens path and checks the page it lands on.
func (c *chrome) visit(path, shot string) {
	c.t.Helper()
	resp, err := chromedp.RunResponse(c.ctx, chromedp.Navigate(c.s.srv.URL+path))
	if err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
	c.landed(resp, "GET "+path, shot)
}

// submit clicks sel (a submit button) and checks the page the form's
// answer lands on (after its redirect).
func (c *chrome) submit(sel, shot string) {
	c.t.Helper()
	resp, err := chromedp.RunResponse(c.ctx, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		c.t.Fatalf("submitting %s: %v", sel, err)
	}
	c.landed(resp, "submit "+sel, shot)
}

// landed checks a page the browser arrived at: no server error, axe-core
// finds nothing, and a screenshot named shot.
func (c *chrome) landed(resp *network.Response, what, shot string) {
	c.t.Helper()
	if resp != nil && resp.Status >= 500 {
		c.t.Errorf("%s: status %d", what, resp.Status)
	}
	c.run(chromedp.WaitReady(chromedp.CSS("body")))
	c.axe(what)
	c.requests(what)
	c.screenshot(shot)
}

// requests fails when the page needs more than 3 requests besides fonts
// and images: itself, its stylesheet and its script.
func (c *chrome) requests(what string) {
	c.t.Helper()
	assets := get(c, chromedp.Evaluate[[]string](`[...document.querySelectorAll("script[src], link[rel=stylesheet], link[rel=preload], link[rel=modulepreload], iframe[src]")].map(e => e.src || e.href)`))
	if len(assets) > 2 {
		c.t.Errorf("%s: the page needs %d requests besides fonts and images, want at most 3: itself and %v", what, 1+len(assets), assets)
	}
}

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axe runs axe-core's WCAG 2.1 A and AA rules (and its best practices)
// on the page; any violation fails the test. With JavaScript off it is
// turned on only for the check (the page's own script does not run).
func (c *chrome) axe(what string) {
	c.t.Helper()
	for _, v := range c.violations() {
		c.t.Errorf("%s: axe-core: %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// violations are what axe-core finds on the page.
func (c *chrome) violations() []violation {
	c.t.Helper()
	if !c.js {
		c.scripts(true)
		defer c.scripts(false)
	}
	check := `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)})))`
	get(c, chromedp.Evaluate[bool](axeSource+";true"))
	return get(c, chromedp.Evaluate[[]violation](check, chromedp.EvalAwaitPromise))
}

// screenshot writes the whole page as shot.png.
func (c *chrome) screenshot(shot string) {
	c.t.Helper()
	if shot == "" {
		return
	}
	png := get(c, chromedp.FullScreenshot(100))
	if err := os.MkdirAll(c.shots, 0o755); err != nil { // make screenshots may have emptied it
		c.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(c.shots, shot+".png"), png, 0o644); err != nil {
		c.t.Fatal(err)
	}
}

// text is the visible text of the page's main element.
func (c *chrome) text() string {
	c.t.Helper()
	return get(c, chromedp.TextContent(chromedp.CSS("main")))
}

// wantText fails unless the main element shows every s.
func (c *chrome) wantText(s ...string) {
	c.t.Helper()
	got := c.text()
	for _, x := range s {
		if !strings.Contains(got, x) {
			c.t.Errorf("the page does not show %q; it shows:\n%s", x, got)
		}
	}
}

// location is the tab's path and query.
func (c *chrome) location() string {
	c.t.Helper()
	return strings.TrimPrefix(get(c, chromedp.Location()), c.s.srv.URL)
}

// fill replaces what the fields named by the map's keys (CSS selectors)
// hold with the values, by keyboard as a person would (select all,
// delete, type), so that the page's input events fire and it works with
// the page's JavaScript off too; it fails unless each field then holds
// its value. (chromedp.Clear empties only the field's default value: a
// field already typed into kept its text.) Date fields and selects take
// choose.
func (c *chrome) fill(fields map[string]string) {
	c.t.Helper()
	for sel, v := range fields {
		c.run(chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
			chromedp.KeyEvent(kb.Backspace))
		if v != "" {
			c.run(chromedp.SendKeys(chromedp.CSS(sel), v))
		}
		if got := get(c, chromedp.Value(chromedp.CSS(sel))); got != v {
			c.t.Fatalf("chromium: %s holds %q after filling it with %q", sel, got, v)
		}
	}
}

// choose picks the option with value v in the select sel.
func (c *chrome) choose(sel, v string) {
	c.t.Helper()
	if err := chromedp.Do(c.ctx, chromedp.SetValue(chromedp.CSS(sel), v)); err != nil {
		c.t.Fatalf("chromium: choosing %q in %s: %v", v, sel, err)
	}
}

func (c *chrome) mode() string {
	if c.js {
		return "js"
	}
	return "nojs"
}

// name is a screenshot name for this mode.
func (c *chrome) name(page string) string { return fmt.Sprintf("%s-%s", page, c.mode()) }

// retype is fill, under the name other helpers' branches still call it
// by (this session); new tests call fill.
func (c *chrome) retype(fields map[string]string) {
	c.t.Helper()
	c.fill(fields)
}

// typeInto is fill of one field, under the name other helpers' branches
// still call it by (this session); new tests call fill.
func (c *chrome) typeInto(sel, v string) {
	c.t.Helper()
	c.fill(map[string]string{sel: v})
}
