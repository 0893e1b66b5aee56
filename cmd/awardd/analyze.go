package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/leanforum/awards/reports/dea"
	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/reports/spreadsheet"
)

// analyze runs the analysts' commands on CSV files: icc, alpha and dea.
func (m *Main) analyze(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("analyze needs icc, alpha or dea")
	}
	switch args[0] {
	case "icc":
		return m.analyzeICC(args[1:])
	case "alpha":
		return m.analyzeAlpha(args[1:])
	case "dea":
		return m.analyzeDEA(ctx, args[1:])
	}
	return fmt.Errorf("unknown analysis %q: use icc, alpha or dea", args[0])
}

// openInput opens -in, or standard input for "-".
func (m *Main) openInput(name string) (io.ReadCloser, error) {
	if name == "" {
		return nil, errors.New("-in FILE is required")
	}
	if name == "-" {
		return io.NopCloser(m.Stdin), nil
	}
	return os.Open(name)
}

func (m *Main) analyzeICC(args []string) error {
	fs := flag.NewFlagSet("analyze icc", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	in := fs.String("in", "", "CSV with header target,rater,score; every target rated by every rater")
	ci := fs.Float64("ci", 0, "also print each form's McGraw & Wong (1996) confidence interval at this level, such as 0.95: name,value,lower,upper")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := m.openInput(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	rt, err := reliability.ReadICCCSV(f)
	if err != nil {
		return err
	}
	res, err := reliability.ICC(rt.Scores)
	if err != nil {
		return err
	}
	if *ci == 0 {
		return reliability.FormatICC(m.Stdout, res)
	}
	iv, err := res.Intervals(*ci)
	if err != nil {
		return err
	}
	return reliability.FormatICCIntervals(m.Stdout, res, iv)
}

func (m *Main) analyzeAlpha(args []string) error {
	fs := flag.NewFlagSet("analyze alpha", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	in := fs.String("in", "", "CSV with header unit,rater,value; a missing value is a missing row")
	level := fs.String("level", "interval", "nominal, ordinal, interval or ratio")
	if err := fs.Parse(args); err != nil {
		return err
	}
	lvl, err := reliability.ParseLevel(*level)
	if err != nil {
		return err
	}
	f, err := m.openInput(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	rt, err := reliability.ReadAlphaCSV(f)
	if err != nil {
		return err
	}
	res, err := reliability.Alpha(rt.Scores, lvl)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(m.Stdout, "%.6f\n", res.Alpha)
	return err
}

func (m *Main) analyzeDEA(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("analyze dea", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	in := fs.String("in", "", "CSV with a header row")
	sep := fs.String("sep", ",", "field separator (with ';' a decimal comma is accepted)")
	id := fs.String("id", "", "the column naming each unit")
	inputs := fs.String("inputs", "", "input columns, comma-separated")
	outputs := fs.String("outputs", "", "output columns, comma-separated")
	rts := fs.String("rts", "crs", "returns to scale: crs, vrs, drs or irs")
	orient := fs.String("orientation", "in", "in or out")
	format := fs.String("format", "plain", "output CSV: plain, or excel-sv (semicolons, decimal commas, UTF-8 with BOM)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dialect, err := spreadsheet.ParseDialect(*format)
	if err != nil {
		return err
	}
	r, err := dea.ParseRTS(*rts)
	if err != nil {
		return err
	}
	o, err := dea.ParseOrientation(*orient)
	if err != nil {
		return err
	}
	if len([]rune(*sep)) != 1 || *id == "" || *inputs == "" || *outputs == "" {
		return errors.New("analyze dea needs -id, -inputs, -outputs and a one-character -sep")
	}
	f, err := m.openInput(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := dea.ReadCSV(f, []rune(*sep)[0], *id, splitList(*inputs), splitList(*outputs))
	if err != nil {
		return err
	}
	p.RTS, p.Orientation = r, o
	res, err := dea.Solve(ctx, p)
	if err != nil {
		return err
	}
	return dea.WriteSheet(m.Stdout, res, dialect)
}
