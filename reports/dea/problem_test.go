package dea_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/dea"
)

func TestSolveRejectsInvalidProblems(t *testing.T) {
	named := func() dea.Problem {
		p := coelli()
		p.InputNames, p.OutputNames = []string{"cost", "staff"}, []string{"quality"}
		return p
	}
	tests := []struct {
		name   string
		change func(p *dea.Problem)
		want   string
	}{
		{"zero input names unit and column", func(p *dea.Problem) { p.Inputs[2][1] = 0 }, `dea: unit "C", input "staff": 0 is not positive`},
		{"negative input", func(p *dea.Problem) { p.Inputs[0][0] = -1 }, `dea: unit "A", input "cost": -1 is not positive`},
		{"negative output", func(p *dea.Problem) { p.Outputs[4][0] = -2 }, `dea: unit "E", output "quality": -2 is negative`},
		{"NaN input", func(p *dea.Problem) { p.Inputs[1][0] = math.NaN() }, `dea: unit "B", input "cost": NaN is not a finite number`},
		{"infinite output", func(p *dea.Problem) { p.Outputs[3][0] = math.Inf(1) }, `dea: unit "D", output "quality": +Inf is not a finite number`},
		{"unnamed column by position", func(p *dea.Problem) { p.InputNames = nil; p.Inputs[1][1] = 0 }, `dea: unit "B", input 2: 0 is not positive`},
		{"ragged input row", func(p *dea.Problem) { p.Inputs[3] = []float64{1} }, `dea: unit "D" has 1 inputs, want 2`},
		{"ragged output row", func(p *dea.Problem) { p.Outputs[1] = []float64{1, 2} }, `dea: unit "B" has 2 outputs, want 1`},
		{"too few units", func(p *dea.Problem) { p.IDs, p.Inputs, p.Outputs = p.IDs[:2], p.Inputs[:2], p.Outputs[:2] }, "dea: 2 units, want at least 3 (inputs plus outputs)"},
		{"no inputs", func(p *dea.Problem) {
			for j := range p.Inputs {
				p.Inputs[j] = nil
			}
		}, "dea: no inputs"},
		{"no outputs", func(p *dea.Problem) {
			for j := range p.Outputs {
				p.Outputs[j] = []float64{}
			}
		}, "dea: no outputs"},
		{"no units", func(p *dea.Problem) { p.IDs, p.Inputs, p.Outputs = nil, nil, nil }, "dea: no units"},
		{"ids and rows differ", func(p *dea.Problem) { p.IDs = p.IDs[:4] }, "dea: 4 ids but 5 input rows and 5 output rows"},
		{"duplicate id", func(p *dea.Problem) { p.IDs[3] = "A" }, `dea: units 1 and 4 share id "A"`},
		{"unknown rts", func(p *dea.Problem) { p.RTS = 9 }, "dea: unknown returns to scale 9"},
		{"unknown orientation", func(p *dea.Problem) { p.Orientation = -1 }, "dea: unknown orientation -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := named()
			tt.change(&p)
			res, err := dea.Solve(context.Background(), p)
			if err == nil || err.Error() != tt.want || res != nil {
				t.Errorf("Solve() = %d results, %v, want error %q", len(res), err, tt.want)
			}
		})
	}
}

func TestParseRTS(t *testing.T) {
	tests := []struct {
		in   string
		want dea.RTS
	}{
		{"crs", dea.CRS}, {"VRS", dea.VRS}, {" drs ", dea.DRS}, {"irs", dea.IRS},
		{"nirs", dea.DRS}, {"ndrs", dea.IRS}, {"fdh", dea.FDH},
	}
	for _, tt := range tests {
		got, err := dea.ParseRTS(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseRTS(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
		if back, _ := dea.ParseRTS(got.String()); back != got {
			t.Errorf("ParseRTS(%v.String()) = %v, want %v", got, back, got)
		}
	}
	if _, err := dea.ParseRTS("bcc"); err == nil || !strings.HasPrefix(err.Error(), "dea: unknown returns to scale") {
		t.Errorf(`ParseRTS("bcc") error = %v, want unknown returns to scale`, err)
	}
}

func TestParseOrientation(t *testing.T) {
	tests := []struct {
		in   string
		want dea.Orientation
	}{
		{"in", dea.Input}, {"Input", dea.Input}, {"out", dea.Output}, {"OUTPUT", dea.Output},
	}
	for _, tt := range tests {
		got, err := dea.ParseOrientation(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseOrientation(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
		if back, _ := dea.ParseOrientation(got.String()); back != got {
			t.Errorf("ParseOrientation(%v.String()) = %v, want %v", got, back, got)
		}
	}
	if _, err := dea.ParseOrientation("sideways"); err == nil {
		t.Errorf(`ParseOrientation("sideways") error = nil, want an error`)
	}
}
