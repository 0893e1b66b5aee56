package kpi_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// section returns a cross-section of municipalities 0001, 0002, … with the
// values xs in that order; NaN stands for a missing value.
func section(xs ...float64) []kpi.Value {
	out := make([]kpi.Value, len(xs))
	for i, x := range xs {
		out[i] = kpi.Value{Code: code(i + 1), Value: x, Valid: !math.IsNaN(x)}
	}
	return out
}

// code returns the four-digit code of municipality n.
func code(n int) string {
	return fmt.Sprintf("%04d", n)
}

// near reports whether got is within tol of want.
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol
}

// round1 rounds x to one decimal, as the award material prints percentages.
func round1(x float64) float64 {
	return math.Round(x*10) / 10
}

// formatFloat writes x for a subtest name.
func formatFloat(x float64) string {
	return fmt.Sprint(x)
}

// dataDir is the shared folder of real data files, read in place and
// never copied into the repository.
const dataDir = "../../../shared/data"

// municipData reads the named columns of municip_data22.csv, 290
// municipalities in 2022, by four-digit code, and the names by code. It
// skips the test when the shared data folder is absent.
func municipData(tb testing.TB, columns ...string) (map[string][]float64, map[string]string) {
	tb.Helper()
	path := filepath.Join(dataDir, "municip_data22.csv")
	if _, err := os.Stat(dataDir); os.IsNotExist(err) {
		tb.Skipf("shared data folder %s is absent: skipping the test on real data", dataDir)
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	index := make(map[string]int, len(rows[0]))
	for i, h := range rows[0] {
		index[h] = i
	}
	vars, names := make(map[string][]float64), make(map[string]string)
	for _, row := range rows[1:] {
		code := padCode(tb, row[index["municip_code"]])
		names[code] = row[index["municip_name"]]
		for _, c := range columns {
			x, err := strconv.ParseFloat(row[index[c]], 64)
			if err != nil {
				tb.Fatalf("%s: municipality %s, column %s: %v", path, code, c, err)
			}
			vars[code] = append(vars[code], x)
		}
	}
	return vars, names
}

// padCode turns municip_code, an integer without the leading zero, into
// the four-digit code.
func padCode(tb testing.TB, s string) string {
	tb.Helper()
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 9999 {
		tb.Fatalf("municip_code %q is not a municipality code", s)
	}
	return fmt.Sprintf("%04d", n)
}
