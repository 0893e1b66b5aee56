package dea_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/leanforum/awards/reports/dea"
)

// dataDir is the shared folder of real data files, read in place and never
// copied into the repository.
const dataDir = "../../../shared/data"

// municipCrossSection reads municip_data22.csv, the 290 Swedish
// municipalities in 2022, with the named input and output columns. It skips
// the test when the shared data folder is absent.
func municipCrossSection(tb testing.TB, inputs, outputs []string) dea.Problem {
	tb.Helper()
	f, err := os.Open(filepath.Join(dataDir, "municip_data22.csv"))
	if os.IsNotExist(err) {
		tb.Skipf("shared data file is absent (%v): skipping the test on real data", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	p, err := dea.ReadCSV(f, ',', "municip_name", inputs, outputs)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestSolveRealCrossSections solves real municipal cross-sections whose
// columns differ in scale by up to nine orders of magnitude (population
// against an age share). Expenditure and tax rate against population, tax
// base and the share aged 75+ made phase one of the simplex choose an
// artificial column that had left the basis, and the solver panicked with
// an index out of range (issue 11, defect 5).
func TestSolveRealCrossSections(t *testing.T) {
	inputs := []string{"expenditures", "tax_rate"}
	for _, outputs := range [][]string{
		{"pop", "tax_base", "share75_"},
		{"pop", "tax_base", "share_tertiary_school"},
		{"pop", "share0_19", "share75_"},
		{"tax_base", "share_tertiary_school", "nr_seats_council"},
	} {
		p := municipCrossSection(t, inputs, outputs)
		for _, rts := range []dea.RTS{dea.CRS, dea.VRS, dea.DRS, dea.IRS} {
			for _, o := range allOrientations {
				t.Run(fmt.Sprintf("%v %v %v", outputs, rts, o), func(t *testing.T) {
					q := with(p, rts, o)
					res, err := dea.Solve(context.Background(), q)
					if err != nil {
						t.Fatalf("Solve() error = %v", err)
					}
					for j, r := range res {
						checkResult(t, q, j, r)
					}
				})
			}
		}
	}
}
