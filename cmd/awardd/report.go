package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// report renders a PDF report to a file, with the secretariat's rights:
// awardd report feedback|ranking -id N -o FILE [-lang en].
func (m *Main) report(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("report needs feedback or ranking")
	}
	kind := args[0]
	fs := flag.NewFlagSet("report "+kind, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	id := fs.Int64("id", 0, "the application (feedback) or cycle (ranking)")
	out := fs.String("o", "", "the PDF file to write")
	lang := fs.String("lang", "sv", "sv or en")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *id <= 0 || *out == "" {
		return errors.New("report needs -id and -o FILE")
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
	body, name, err := h.Render(ctx, kind, *id, l)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, body, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "wrote %s (%d bytes, %s)\n", *out, len(body), name)
	return nil
}
