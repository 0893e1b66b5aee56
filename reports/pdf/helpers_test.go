package pdf_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/leanforum/awards/reports/pdf"
)

// update rewrites the golden files: go test ./reports/pdf -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden PDFs in testdata")

// sharedFonts loads the fonts once per test binary, as main does once per
// process.
var sharedFonts = sync.OnceValues(pdf.NewFonts)

// fonts returns the shared fonts.
func fonts(tb testing.TB) *pdf.Fonts {
	tb.Helper()
	f, err := sharedFonts()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// pdfText returns the text of doc as pdftotext -layout extracts it, pages
// separated by form feeds. The test is skipped when pdftotext is missing:
// make test installs it (poppler-utils) when run as root.
func pdfText(tb testing.TB, doc []byte) string {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		tb.Skip("pdftotext not found: install poppler-utils (make test does so when run as root)")
	}
	if !bytes.HasPrefix(doc, []byte("%PDF-")) || !bytes.Contains(doc[max(0, len(doc)-1024):], []byte("%%EOF")) {
		tb.Fatalf("output is not a complete PDF: %d bytes starting %q", len(doc), doc[:min(len(doc), 16)])
	}
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		tb.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

// pages splits extracted text into its pages.
func pages(text string) []string {
	ps := strings.Split(text, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// squash collapses runs of spaces, which -layout inserts between table
// columns, so that tests can look for a row's cells in order.
func squash(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// flat joins all the text's words with single spaces, so that tests can
// find a sentence that wraps over lines.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// wantAll fails for each of wants missing from text.
func wantAll(tb testing.TB, text string, wants ...string) {
	tb.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			tb.Errorf("text lacks %q", w)
		}
	}
}

// wantOrder fails unless the wants occur in text in the order given.
func wantOrder(tb testing.TB, text string, wants ...string) {
	tb.Helper()
	at := 0
	for _, w := range wants {
		i := strings.Index(text[at:], w)
		if i < 0 {
			tb.Errorf("text lacks %q after position %d (or the order is wrong)", w, at)
			return
		}
		at += i + len(w)
	}
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }
