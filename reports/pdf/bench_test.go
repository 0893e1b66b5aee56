package pdf_test

import (
	"testing"

	"github.com/leanforum/awards/reports/pdf"
)

// The budgets: a feedback report under 50 ms, and a benchmark report of
// 290 municipalities × 5 KPIs under 300 ms and 50 MB allocated. The
// measured medians are in README.md.

func BenchmarkNewFonts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.NewFonts(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFeedback(b *testing.B) {
	f, r := fonts(b), malmo2012()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Feedback(f, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJury(b *testing.B) {
	f, r := fonts(b), juryRound(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Jury(f, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBenchmark290x5(b *testing.B) {
	f, r := fonts(b), benchmarkReport(b, 290, 5)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Benchmark(f, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProfile(b *testing.B) {
	f, r := fonts(b), profileReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Profile(f, r); err != nil {
			b.Fatal(err)
		}
	}
}
