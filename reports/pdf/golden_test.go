package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/leanforum/awards/reports/pdf"
)

// goldenCase renders one document with the given fonts.
type goldenCase struct {
	name   string
	date   string // the data date, as the PDF's CreationDate should carry it
	render func(*pdf.Fonts) ([]byte, error)
}

// goldenCases are the documents kept in testdata.
func goldenCases(tb testing.TB) []goldenCase {
	feedback, jury, bench, profile := malmo2012(), juryRound(tb), benchmarkReport(tb, 30, 2), profileReport(tb)
	benchEN := benchmarkReport(tb, 30, 1)
	benchEN.Lang = pdf.English
	return []goldenCase{
		{"feedback", "20121115", func(f *pdf.Fonts) ([]byte, error) { return pdf.Feedback(f, feedback) }},
		{"jury", "20241001", func(f *pdf.Fonts) ([]byte, error) { return pdf.Jury(f, jury) }},
		{"benchmark", "20240331", func(f *pdf.Fonts) ([]byte, error) { return pdf.Benchmark(f, bench) }},
		{"benchmark_en", "20240331", func(f *pdf.Fonts) ([]byte, error) { return pdf.Benchmark(f, benchEN) }},
		{"profile", "20240331", func(f *pdf.Fonts) ([]byte, error) { return pdf.Profile(f, profile) }},
	}
}

// TestGolden renders each document twice, once with fonts of its own, and
// wants the same bytes both times and the bytes of testdata/<name>.pdf.
// After an intended change, rewrite the files with
//
//	go test ./reports/pdf -run Golden -update
//
// and look at them before committing.
func TestGolden(t *testing.T) {
	own, err := pdf.NewFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			first, err := c.render(fonts(t))
			if err != nil {
				t.Fatal(err)
			}
			second, err := c.render(own)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, second) {
				t.Fatalf("two renders of the same input differ (%d and %d bytes)", len(first), len(second))
			}
			if !bytes.Contains(first, []byte("/CreationDate (D:"+c.date+"000000)")) ||
				!bytes.Contains(first, []byte("/ModDate (D:"+c.date+"000000)")) {
				t.Errorf("creation and modification dates are not the data date %s", c.date)
			}
			path := filepath.Join("testdata", c.name+".pdf")
			if *update {
				if err := os.WriteFile(path, first, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (create it with -update)", err)
			}
			if !bytes.Equal(first, want) {
				t.Errorf("output (%d bytes) differs from %s (%d bytes): if the change is intended, run go test ./reports/pdf -run Golden -update and look at the file",
					len(first), path, len(want))
			}
		})
	}
}

// TestConcurrent renders documents from several goroutines sharing one
// Fonts, as a server does, and wants every result identical.
func TestConcurrent(t *testing.T) {
	f, r := fonts(t), malmo2012()
	want, err := pdf.Feedback(f, r)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() { got[i], _ = pdf.Feedback(f, r) })
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("concurrent render %d differs", i)
		}
	}
}
