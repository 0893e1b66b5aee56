package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// report renders a PDF report to a file, with the secretariat's rights:
// awardd report feedback|ranking|benchmark|profile … -o FILE [-lang en].
func (m *Main) report(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("report needs feedback, ranking, benchmark or profile")
	}
	kind := args[0]
	fs := flag.NewFlagSet("report "+kind, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	id := fs.Int64("id", 0, "the application (feedback), cycle (ranking) or benchmark report")
	version := fs.Int("version", 0, "the published version of a benchmark report (0: a preview of today's values)")
	code := fs.String("municipality", "", "the municipality of a profile")
	year := fs.Int("year", 0, "the year of a profile")
	kpis := fs.String("kpis", "", "a profile's KPIs, comma-separated")
	similar := fs.String("similar", "", "structural KPIs for a profile's similar municipalities")
	out := fs.String("o", "", "the PDF file to write")
	lang := fs.String("lang", "sv", "sv or en")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	path, q, err := reportPath(kind, *id, *version, *code)
	if err != nil {
		return err
	}
	q.Set("year", strconv.Itoa(*year))
	q.Set("kpis", *kpis)
	q.Set("similar", *similar)
	if *out == "" {
		return errors.New("report needs -o FILE")
	}
	l, err := pdf.ParseLang(*lang)
	if err != nil {
		return err
	}
	db, err := m.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	h, err := graph.NewHandler(db, graph.Options{})
	if err != nil {
		return err
	}
	ctx = store.WithActor(ctx, &store.Actor{Role: store.RoleAdmin})
	body, name, err := h.Render(ctx, path, q, l)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, body, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "wrote %s (%d bytes, %s)\n", *out, len(body), name)
	return nil
}

// reportPath is the report's URL path.
func reportPath(kind string, id int64, version int, code string) (string, url.Values, error) {
	q := url.Values{}
	needID := func(p string) (string, url.Values, error) {
		if id <= 0 {
			return "", nil, fmt.Errorf("report %s needs -id", kind)
		}
		return p, q, nil
	}
	switch kind {
	case "feedback":
		return needID(fmt.Sprintf("/reports/applications/%d/feedback.pdf", id))
	case "ranking":
		return needID(fmt.Sprintf("/reports/cycles/%d/ranking.pdf", id))
	case "benchmark":
		if version > 0 {
			return needID(fmt.Sprintf("/reports/benchmarks/%d/versions/%d.pdf", id, version))
		}
		return needID(fmt.Sprintf("/reports/benchmarks/%d/preview.pdf", id))
	case "profile":
		if code == "" {
			return "", nil, errors.New("report profile needs -municipality CODE and -year")
		}
		return "/reports/municipalities/" + code + "/profile.pdf", q, nil
	}
	return "", nil, fmt.Errorf("unknown report %q: use feedback, ranking, benchmark or profile", kind)
}
