package web

import (
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// sourceFS is the package's source directory.
func sourceFS(t *testing.T) fs.FS {
	t.Helper()
	return os.DirFS(".")
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		lang string
		v    float64
		d    int
		want string
	}{
		{"sv", 1234.5, 1, "1\u00a0234,5"},
		{"en", 1234.5, 1, "1,234.5"},
		{"sv", 1234567, 0, "1\u00a0234\u00a0567"},
		{"en", 1234567, 0, "1,234,567"},
		{"sv", 140, 1, "140"},
		{"sv", 0.25, 2, "0,25"},
		{"en", -12.04, 1, "−12"},
		{"sv", -0.04, 1, "0"},
		{"sv", 999.96, 1, "1\u00a0000"},
		{"en", 100, 1, "100"},
	}
	for _, c := range cases {
		if got := formatNumber(c.lang, c.v, c.d); got != c.want {
			t.Errorf("formatNumber(%s, %v, %d) = %q, want %q", c.lang, c.v, c.d, got, c.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	midsummer := time.Date(2026, 6, 19, 22, 30, 0, 0, time.UTC) // 00:30 the next day in Stockholm
	cases := []struct {
		lang string
		t    time.Time
		f    func(string, time.Time) string
		want string
	}{
		{"sv", d, formatDate, "3 december 2026"},
		{"en", d, formatDate, "3 December 2026"},
		{"sv", d, formatDateTime, "3 december 2026 kl. 13:00"},
		{"en", d, formatDateTime, "3 December 2026, 13:00"},
		{"sv", midsummer, formatDate, "20 juni 2026"},
		{"sv", time.Time{}, formatDate, ""},
	}
	for _, c := range cases {
		if got := c.f(c.lang, c.t); got != c.want {
			t.Errorf("format(%s, %v) = %q, want %q", c.lang, c.t, got, c.want)
		}
	}
}

func TestNumberAsTyped(t *testing.T) {
	for in, want := range map[string]float64{"140": 140, "1 234,5": 1234.5, "1\u00a0234.5": 1234.5, "−3,5": -3.5, " 105 ": 105} {
		got, ok := number(in)
		if !ok || got == nil || *got != want {
			t.Errorf("number(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if got, ok := number(""); !ok || got != nil {
		t.Errorf("number(\"\") = %v, %v; want nil, true", got, ok)
	}
	for _, in := range []string{"abc", "1,2,3", "12x", "NaN", "Inf", "1e999"} {
		if v, ok := number(in); ok {
			t.Errorf("number(%q) = %v, true; want refused", in, v)
		}
	}
}

func TestSafeNext(t *testing.T) {
	cases := map[string]string{
		"/cycles/1":               "/cycles/1",
		"/benchmarks?v=1&lang=en": "/benchmarks?v=1&lang=en",
		"":                        "/",
		"cycles/1":                "/",
		"https://evil.example/":   "/",
		"//evil.example/x":        "/",
		"/\\evil.example":         "/",
		"/\tevil":                 "/",
		"/x\r\nLocation: y":       "/",
		"javascript:alert(1)":     "/",
		"http:/evil.example":      "/",
		"/%2f%2fevil.example":     "/%2f%2fevil.example",
	}
	for in, want := range cases {
		if got := safeNext(in, "/"); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCataloguesAreComplete: both languages have every key, and every
// key the templates and handlers name is in them.
func TestCataloguesAreComplete(t *testing.T) {
	cats, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	sv, en := cats["sv"], cats["en"]
	if m := missingKeys(sv, en); len(m) > 0 {
		t.Errorf("en lacks %v", m)
	}
	if m := missingKeys(en, sv); len(m) > 0 {
		t.Errorf("sv lacks %v", m)
	}
	for key := range usedKeys(t) {
		if _, ok := sv[key]; !ok {
			t.Errorf("the key %q is used but in no catalogue", key)
		}
	}
	for _, family := range dynamicKeys {
		for _, k := range family {
			if _, ok := sv[k]; !ok {
				t.Errorf("the key %q (built from a value) is in no catalogue", k)
			}
		}
	}
}

// dynamicKeys are keys the templates build from a value, by family.
var dynamicKeys = map[string][]string{
	"phase":       {"phase.DRAFT", "phase.OPEN", "phase.CLOSED", "phase.SCORING", "phase.CONSENSUS", "phase.DECIDED", "phase.PUBLISHED"},
	"results":     {"results.WINNER", "results.FINALIST", "results.HONOURABLE_MENTION"},
	"colour":      {"colour.GREEN", "colour.YELLOW", "colour.RED", "colour.GREY"},
	"direction":   {"direction.LOWER_IS_BETTER", "direction.HIGHER_IS_BETTER", "direction.NEUTRAL"},
	"status":      {"status.DRAFT", "status.SUBMITTED", "status.WITHDRAWN"},
	"iccReason":   {"iccReason.NO_CROSSED_BLOCK", "iccReason.TOO_FEW_APPLICATIONS", "iccReason.NO_VARIATION", "iccReason.NOT_COMPUTABLE"},
	"eligibility": {"eligibility.PENDING", "eligibility.ELIGIBLE", "eligibility.NOT_ELIGIBLE"},
	"rule": {"rule.DECISIONS_COMPLETE", "rule.WINNER_OR_NO_AWARD", "rule.CONSENSUS", "rule.SCORED", "rule.SCREENED_ELIGIBLE",
		"rule.SUBMITTED", "rule.NO_AWARD"},
	"adminAdvance.needs": {"adminAdvance.needs.OPEN", "adminAdvance.needs.CLOSED", "adminAdvance.needs.SCORING",
		"adminAdvance.needs.CONSENSUS", "adminAdvance.needs.DECIDED", "adminAdvance.needs.PUBLISHED"},
	"cycle.field": {"cycle.field.title", "cycle.field.opensAt", "cycle.field.closesAt", "cycle.field.scoringClosesAt",
		"cycle.field.scoreVisibility", "cycle.field.aggregation", "cycle.field.jurorsPerApplication", "cycle.field.flagRangeShare",
		"cycle.field.flagSdShare", "cycle.field.lockScoresAfterSeeing", "cycle.field.reliabilityMinApplications"},
	"cycle.aggregation": {"cycle.aggregation.MEAN", "cycle.aggregation.MEDIAN"},
	"adminConflictKind": {"admin.conflicts.kind.DECLARED_ORGANISATION", "admin.conflicts.kind.DECLARED_MUNICIPALITY",
		"admin.conflicts.kind.OWN_ORGANISATION", "admin.conflicts.kind.OWN_MUNICIPALITY"},
	"adminMatrixState": {"admin.assignments.state.conflicted", "admin.assignments.state.submitted",
		"admin.assignments.state.recused", "admin.assignments.state.ineligible"},
	"adminEligibility": {"admin.assignments.eligibility.PENDING", "admin.assignments.eligibility.NOT_ELIGIBLE"},
	"adminExport":      {"admin.exports.kind.scores", "admin.exports.kind.normalised", "admin.exports.kind.consensus", "admin.exports.kind.audit"},
	"adminCycleTab":    {"admin.cycle.jury", "admin.cycle.conflicts", "admin.cycle.assignments", "admin.cycle.exports", "admin.cycle.audit"},
	"error":            {"error.notFound.text", "error.forbidden.text", "error.internal.text", "error.invalid.text", "error.csrf.text", "error.tooLarge.text"},
}

var (
	templateAction = regexp.MustCompile(`{{.*?}}`)
	quotedKey      = regexp.MustCompile(`"([a-z][a-zA-Z0-9]*\.[a-zA-Z0-9_.]+)"`)
	goKey          = regexp.MustCompile(`(?:text|T|TitleKey:|key =|setFlash\(w,|fail\([a-z"]+,)\s*\(?"([a-z][a-zA-Z0-9]*\.[a-zA-Z0-9_.]+)"`)
)

// usedKeys are the message keys written out in templates and Go code.
func usedKeys(t *testing.T) map[string]bool {
	keys := map[string]bool{}
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := files.ReadFile(p)
		for _, a := range templateAction.FindAllString(string(b), -1) {
			for _, m := range quotedKey.FindAllStringSubmatch(a, -1) {
				keys[m[1]] = true
			}
		}
		return nil
	})
	goFiles, _ := fs.Glob(sourceFS(t), "*.go")
	for _, n := range goFiles {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		b, _ := fs.ReadFile(sourceFS(t), n)
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
	}
	if len(keys) < 20 {
		t.Fatalf("only %d keys found: the scan is broken", len(keys))
	}
	return keys
}

// TestNoInlineScriptOrStyle: the CSP forbids inline script and style, so
// no template may hold any (it would silently not work).
func TestNoInlineScriptOrStyle(t *testing.T) {
	bad := regexp.MustCompile(`(?i)\son[a-z]+\s*=|\sstyle\s*=|<style|javascript:`)
	script := regexp.MustCompile(`(?i)<script[^>]*>[^<]*`)
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := files.ReadFile(p)
		if m := bad.FindString(string(b)); m != "" {
			t.Errorf("%s: %q is refused by the CSP", p, m)
		}
		for _, m := range script.FindAllString(string(b), -1) {
			if !strings.Contains(m, " src=") || !strings.HasSuffix(m, ">") {
				t.Errorf("%s: inline script %q is refused by the CSP", p, m)
			}
		}
		return nil
	})
}

func TestSwedishOrder(t *testing.T) {
	names := []string{"Örebro", "Åre", "Västerås", "Ängelholm", "Vårgårda", "Växjö", "Uppsala", "Älmhult", "Värmdö"}
	sort.Slice(names, func(i, j int) bool { return swedishKey(names[i]) < swedishKey(names[j]) })
	want := "Uppsala Vårgårda Värmdö Västerås Växjö Åre Älmhult Ängelholm Örebro"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("sorted = %s, want %s", got, want)
	}
}
