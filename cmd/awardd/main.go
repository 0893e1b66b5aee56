// Command awardd serves the award and benchmarking API and runs its
// maintenance tasks: awardd serve | migrate | seed-demo | create-admin.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "awardd:", err)
		os.Exit(1)
	}
}

// Main is the program, with its environment made explicit so end-to-end
// tests can drive it.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, when set, receives the address the server listens on.
	Ready chan<- string
}

const usage = `usage: awardd <command> [flags]

commands:
  serve         migrate, then serve the API (-addr, -log-format, -request-timeout, -dev,
                -login-limit, -login-window, -client-ip-header)
  migrate       apply the database migrations
  seed-demo     load the demo data set (idempotent)
  create-admin  create an administrator (-email, -name; password on stdin or ADMIN_PASSWORD)
  analyze icc   -in FILE: six Shrout–Fleiss ICCs from CSV target,rater,score
  analyze alpha -in FILE -level nominal|ordinal|interval|ratio: Krippendorff's alpha from CSV unit,rater,value
  report feedback -id APPLICATION -o FILE [-lang en]: an application's feedback report (PDF)
  report ranking  -id CYCLE -o FILE [-lang en]: a cycle's jury ranking report (PDF)
  report benchmark -id REPORT [-version N] -o FILE: a published benchmark report (or a preview)
  report profile -municipality CODE -year Y [-kpis a,b] [-similar c,d] -o FILE: a municipality profile
  analyze dea   -in FILE [-sep ';'] -id COL -inputs a,b -outputs c,d -rts crs|vrs|drs|irs -orientation in|out
  import        load benchmark data: import kolada (-dir, file flags, or -url) | import csv -in FILE

The database is DATABASE_URL (a postgres:// URL).`

// Run runs the command named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("no command\n%s", usage)
	}
	commands := map[string]func(context.Context, []string) error{
		"serve":        m.serve,
		"migrate":      m.migrate,
		"seed-demo":    m.seedDemo,
		"create-admin": m.createAdmin,
		"analyze":      m.analyze,
		"report":       m.report,
		"import":       m.importCmd,
	}
	cmd, ok := commands[args[0]]
	if !ok {
		if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
			fmt.Fprintln(m.Stdout, usage)
			return nil
		}
		return fmt.Errorf("unknown command %q\n%s", args[0], usage)
	}
	return cmd(ctx, args[1:])
}
