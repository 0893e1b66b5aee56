// Package dea computes data envelopment analysis (DEA) efficiency scores
// with the envelopment form of the Charnes–Cooper–Rhodes and Banker–
// Charnes–Cooper models and their non-increasing and non-decreasing
// returns-to-scale variants, plus free disposal hull (FDH) by enumeration.
//
// Efficiency is reported in Farrell form: input-oriented θ ≤ 1 (the factor
// by which all inputs could shrink) and output-oriented φ ≥ 1 (the factor by
// which all outputs could grow). Peers, slacks and targets come from a
// second-stage LP that maximises the sum of slacks at the optimal θ or φ;
// see Solve.
package dea

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// RTS is the returns-to-scale assumption of the technology.
type RTS int

// Returns-to-scale assumptions.
const (
	CRS RTS = iota // constant: λ unrestricted in sum
	VRS            // variable: Σλ = 1
	DRS            // decreasing (non-increasing): Σλ ≤ 1
	IRS            // increasing (non-decreasing): Σλ ≥ 1
	FDH            // free disposal hull: one λ equals 1, the rest 0
)

var rtsNames = [...]string{CRS: "crs", VRS: "vrs", DRS: "drs", IRS: "irs", FDH: "fdh"}

// String returns the lower-case name accepted by ParseRTS.
func (r RTS) String() string {
	if r < 0 || int(r) >= len(rtsNames) {
		return fmt.Sprintf("RTS(%d)", int(r))
	}
	return rtsNames[r]
}

// ParseRTS parses "crs", "vrs", "drs", "irs" or "fdh", ignoring case.
// "nirs" and "ndrs" are accepted as synonyms of "drs" and "irs".
func ParseRTS(s string) (RTS, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nirs":
		return DRS, nil
	case "ndrs":
		return IRS, nil
	}
	for r, name := range rtsNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return RTS(r), nil
		}
	}
	return 0, fmt.Errorf("dea: unknown returns to scale %q (want crs, vrs, drs, irs or fdh)", s)
}

// Orientation says whether inputs are contracted or outputs expanded.
type Orientation int

// Orientations.
const (
	Input  Orientation = iota // minimise θ, the input contraction factor
	Output                    // maximise φ, the output expansion factor
)

// String returns "in" or "out", the names accepted by ParseOrientation.
func (o Orientation) String() string {
	switch o {
	case Input:
		return "in"
	case Output:
		return "out"
	}
	return fmt.Sprintf("Orientation(%d)", int(o))
}

// ParseOrientation parses "in"/"input" or "out"/"output", ignoring case.
func ParseOrientation(s string) (Orientation, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "in", "input":
		return Input, nil
	case "out", "output":
		return Output, nil
	}
	return 0, fmt.Errorf("dea: unknown orientation %q (want in or out)", s)
}

// Problem is a DEA data set: one row of inputs and one row of outputs per
// unit (decision-making unit), in the same order as IDs.
type Problem struct {
	IDs         []string
	InputNames  []string    // optional column names used in errors
	OutputNames []string    // optional column names used in errors
	Inputs      [][]float64 // Inputs[unit][input], each > 0
	Outputs     [][]float64 // Outputs[unit][output], each ≥ 0
	RTS         RTS
	Orientation Orientation
}

// ErrZeroOutput is set as Result.Err for a unit whose outputs are all zero
// under output orientation: no finite expansion factor φ exists.
var ErrZeroOutput = errors.New("dea: unit has no positive output; output-oriented efficiency is undefined")

// validate checks p's shape and values and returns the first problem found.
func (p *Problem) validate() error {
	n := len(p.IDs)
	if p.RTS < CRS || p.RTS > FDH {
		return fmt.Errorf("dea: unknown returns to scale %d", int(p.RTS))
	}
	if p.Orientation != Input && p.Orientation != Output {
		return fmt.Errorf("dea: unknown orientation %d", int(p.Orientation))
	}
	if len(p.Inputs) != n || len(p.Outputs) != n {
		return fmt.Errorf("dea: %d ids but %d input rows and %d output rows", n, len(p.Inputs), len(p.Outputs))
	}
	if n == 0 {
		return errors.New("dea: no units")
	}
	m, s := len(p.Inputs[0]), len(p.Outputs[0])
	if m == 0 {
		return errors.New("dea: no inputs")
	}
	if s == 0 {
		return errors.New("dea: no outputs")
	}
	if n < m+s {
		return fmt.Errorf("dea: %d units, want at least %d (inputs plus outputs)", n, m+s)
	}
	seen := make(map[string]int, n)
	for j, id := range p.IDs {
		if k, dup := seen[id]; dup {
			return fmt.Errorf("dea: units %d and %d share id %q", k+1, j+1, id)
		}
		seen[id] = j
		if err := p.validateUnit(j, m, s); err != nil {
			return err
		}
	}
	return nil
}

// validateUnit checks unit j's row lengths and values.
func (p *Problem) validateUnit(j, m, s int) error {
	id := p.IDs[j]
	if len(p.Inputs[j]) != m {
		return fmt.Errorf("dea: unit %q has %d inputs, want %d", id, len(p.Inputs[j]), m)
	}
	if len(p.Outputs[j]) != s {
		return fmt.Errorf("dea: unit %q has %d outputs, want %d", id, len(p.Outputs[j]), s)
	}
	for i, v := range p.Inputs[j] {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("dea: unit %q, %s: %v is not a finite number", id, colName(p.InputNames, i, "input"), v)
		}
		if v <= 0 {
			return fmt.Errorf("dea: unit %q, %s: %v is not positive", id, colName(p.InputNames, i, "input"), v)
		}
	}
	for r, v := range p.Outputs[j] {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("dea: unit %q, %s: %v is not a finite number", id, colName(p.OutputNames, r, "output"), v)
		}
		if v < 0 {
			return fmt.Errorf("dea: unit %q, %s: %v is negative", id, colName(p.OutputNames, r, "output"), v)
		}
	}
	return nil
}

// colName names column i for errors: `input "cost"`, or `input 2` when
// no name is given.
func colName(names []string, i int, kind string) string {
	if i < len(names) && names[i] != "" {
		return fmt.Sprintf("%s %q", kind, names[i])
	}
	return fmt.Sprintf("%s %d", kind, i+1)
}
