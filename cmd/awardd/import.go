package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/leanforum/awards/store"
	"github.com/leanforum/awards/store/kolada"
)

const importUsage = `usage:
  awardd import kolada [-dir DIR] [-kpi F] [-municipality F] [-groups F] [-data F] [-counties F] [-skip-invalid]
  awardd import kolada -url https://api.kolada.se/v3 [-kpis IDS -municipalities IDS -years YEARS] [-data-only] [-skip-invalid]
  awardd import csv -in FILE [-skip-invalid]`

// importCmd runs awardd import kolada|csv.
func (m *Main) importCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New(importUsage)
	}
	switch args[0] {
	case "kolada":
		return m.importKolada(ctx, args[1:])
	case "csv":
		return m.importCSV(ctx, args[1:])
	}
	return fmt.Errorf("unknown import %q\n%s", args[0], importUsage)
}

// importJob is one input to import, in its own transaction.
type importJob struct {
	name string
	run  func(ctx context.Context, db *store.DB, opts store.ImportOptions) (*store.ImportSummary, error)
}

// runJobs migrates, then runs the jobs in order as the operator (an
// admin), printing a summary of each; it stops at the first that fails.
func (m *Main) runJobs(ctx context.Context, jobs []importJob, opts store.ImportOptions) error {
	if len(jobs) == 0 {
		return errors.New("nothing to import\n" + importUsage)
	}
	db, err := m.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = store.WithActor(ctx, &store.Actor{Role: store.RoleAdmin}) // the command line is the operator
	for _, j := range jobs {
		sum, err := j.run(ctx, db, opts)
		var se *store.Error
		if errors.As(err, &se) {
			return fmt.Errorf("%s: %s", j.name, se.Message) // the message names the line or record
		}
		if err != nil {
			return fmt.Errorf("%s: %w", j.name, err)
		}
		m.printSummary(j.name, sum)
	}
	return nil
}

func (m *Main) printSummary(name string, s *store.ImportSummary) {
	fmt.Fprintf(m.Stdout, "%s: %s read %d, written %d (%d new, %d updated), unchanged %d, skipped %d\n",
		name, s.Kind, s.Read, s.Written, s.Inserted, s.Updated, s.Unchanged, s.Skipped)
	for _, r := range s.SkippedRows {
		fmt.Fprintf(m.Stdout, "  skipped %s\n", r.Error())
	}
	if n := s.Skipped - len(s.SkippedRows); n > 0 {
		fmt.Fprintf(m.Stdout, "  and %d more\n", n)
	}
}

func (m *Main) importCSV(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import csv", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	in := fs.String("in", "", "the CSV file ("+store.CSVHeader+"), - for standard input")
	skip := fs.Bool("skip-invalid", false, "import the valid lines and list the invalid ones")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("import csv needs -in FILE")
	}
	job := importJob{name: *in, run: func(ctx context.Context, db *store.DB, o store.ImportOptions) (*store.ImportSummary, error) {
		f, err := m.openInput(*in)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return db.ImportCSV(ctx, f, o)
	}}
	return m.runJobs(ctx, []importJob{job}, store.ImportOptions{SkipInvalid: *skip})
}

// koladaFlags are the flags of import kolada.
type koladaFlags struct {
	dir, kpi, municipality, groups, data, counties string
	url, kpis, municipalities, years               string
	dataOnly, skip                                 bool
}

func (m *Main) importKolada(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import kolada", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var f koladaFlags
	fs.StringVar(&f.dir, "dir", "", "a folder of Kolada v3 files: kpi.json, municipality.json, municipality_groups.json, data*.json, municipality_county.csv")
	fs.StringVar(&f.kpi, "kpi", "", "a /kpi file")
	fs.StringVar(&f.municipality, "municipality", "", "a /municipality file")
	fs.StringVar(&f.groups, "groups", "", "a /municipality_groups file")
	fs.StringVar(&f.data, "data", "", "a /data file")
	fs.StringVar(&f.counties, "counties", "", "municipality_county.csv")
	fs.StringVar(&f.url, "url", "", "read the API at this base URL instead, such as https://api.kolada.se/v3")
	fs.StringVar(&f.kpis, "kpis", "", "with -url: the KPIs whose values to read, comma-separated")
	fs.StringVar(&f.municipalities, "municipalities", "", "with -url: municipalities or groups, comma-separated")
	fs.StringVar(&f.years, "years", "", "with -url: years, comma-separated")
	fs.BoolVar(&f.dataOnly, "data-only", false, "with -url: read values only, not the catalogue")
	fs.BoolVar(&f.skip, "skip-invalid", false, "import the valid records and list the invalid ones")
	if err := fs.Parse(args); err != nil {
		return err
	}
	jobs, err := f.jobs()
	if err != nil {
		return err
	}
	return m.runJobs(ctx, jobs, store.ImportOptions{SkipInvalid: f.skip})
}

// jobs lists the imports the flags ask for, reference data first.
func (f *koladaFlags) jobs() ([]importJob, error) {
	if f.url != "" {
		return f.urlJobs()
	}
	pick := func(flagged, name string) string {
		if flagged != "" || f.dir == "" {
			return flagged
		}
		if p := filepath.Join(f.dir, name); fileExists(p) {
			return p
		}
		return ""
	}
	var jobs []importJob
	add := func(path string, run importFunc) {
		if path != "" {
			jobs = append(jobs, fileJob(path, run))
		}
	}
	add(pick(f.kpi, "kpi.json"), (*store.DB).ImportKPIs)
	add(pick(f.municipality, "municipality.json"), (*store.DB).ImportMunicipalities)
	if p := pick(f.counties, "municipality_county.csv"); p != "" {
		jobs = append(jobs, countiesJob(p))
	}
	add(pick(f.groups, "municipality_groups.json"), (*store.DB).ImportGroups)
	data := []string{f.data}
	if f.data == "" && f.dir != "" {
		data, _ = filepath.Glob(filepath.Join(f.dir, "data*.json"))
	}
	for _, p := range data {
		add(p, (*store.DB).ImportKoladaData)
	}
	return jobs, nil
}

// importFunc is one of the store's Kolada imports.
type importFunc func(*store.DB, context.Context, *kolada.Stream, store.ImportOptions) (*store.ImportSummary, error)

func fileJob(path string, run importFunc) importJob {
	return importJob{name: path, run: func(ctx context.Context, db *store.DB, o store.ImportOptions) (*store.ImportSummary, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return run(db, ctx, kolada.NewStream(f), o)
	}}
}

func countiesJob(path string) importJob {
	return importJob{name: path, run: func(ctx context.Context, db *store.DB, o store.ImportOptions) (*store.ImportSummary, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return db.ImportCounties(ctx, f, o)
	}}
}

// urlJobs reads the catalogue and, when KPIs are named, their values
// from the API.
func (f *koladaFlags) urlJobs() ([]importJob, error) {
	c := &kolada.Client{BaseURL: f.url, HTTP: &http.Client{Timeout: 2 * time.Minute}}
	var jobs []importJob
	if !f.dataOnly {
		jobs = append(jobs, streamJob(f.url+"/kpi", c.KPIs, (*store.DB).ImportKPIs),
			streamJob(f.url+"/municipality", c.Municipalities, (*store.DB).ImportMunicipalities),
			streamJob(f.url+"/municipality_groups", c.Groups, (*store.DB).ImportGroups))
	}
	if f.kpis == "" {
		if f.dataOnly {
			return nil, errors.New("-data-only needs -kpis")
		}
		return jobs, nil
	}
	q := kolada.DataQuery{KPIs: splitList(f.kpis), Municipalities: splitList(f.municipalities)}
	for _, y := range splitList(f.years) {
		n, err := strconv.Atoi(y)
		if err != nil {
			return nil, fmt.Errorf("-years: %q is not a year", y)
		}
		q.Years = append(q.Years, n)
	}
	if _, err := q.Paths(); err != nil {
		return nil, err
	}
	data := func(ctx context.Context) *kolada.Stream {
		s, _ := c.Data(ctx, q) // the query is checked above
		return s
	}
	return append(jobs, streamJob(f.url+"/data", data, (*store.DB).ImportKoladaData)), nil
}

func streamJob(name string, open func(context.Context) *kolada.Stream, run importFunc) importJob {
	return importJob{name: name, run: func(ctx context.Context, db *store.DB, o store.ImportOptions) (*store.ImportSummary, error) {
		s := open(ctx)
		defer s.Close()
		return run(db, ctx, s, o)
	}}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
