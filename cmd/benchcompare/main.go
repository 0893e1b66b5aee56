// Command benchcompare measures awardd against PostGraphile v4 on the same
// PostgreSQL data (make bench-compare, see README.md). It loads a
// generated data set through awardd's API and importer into a fresh
// database, installs PostGraphile with npm into a folder outside the
// repository, checks that each pair of queries answers the same values on
// both, then runs interleaved wrk rounds and prints requests/s, latency
// and CPU per request. It fails when any response is not a clean 200.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// config is the command line.
type config struct {
	rounds      int
	load        load
	awardd      string
	postgraphle string // the npm folder
	shared      string // ../shared/data
	database    string
	only        string   // measure the queries whose name holds it
	oursArgs    []string // more flags for awardd serve
	oursEnv     []string // more environment for awardd serve
}

func main() {
	var c config
	flag.IntVar(&c.rounds, "rounds", 5, "interleaved rounds per query")
	flag.DurationVar(&c.load.duration, "duration", 10*time.Second, "the length of each wrk run")
	flag.IntVar(&c.load.threads, "threads", 2, "wrk threads")
	flag.IntVar(&c.load.connections, "connections", 32, "wrk connections")
	flag.StringVar(&c.awardd, "awardd", "bin/awardd", "the awardd binary")
	flag.StringVar(&c.postgraphle, "postgraphile-dir", filepath.Join(os.TempDir(), "awards-postgraphile-v4"),
		"where npm installs PostGraphile v4 (outside the repository; reused when present)")
	flag.StringVar(&c.shared, "data", "../shared/data", "the shared data folder (Kolada catalogue, counties)")
	flag.StringVar(&c.database, "database", "awards_benchcompare", "the database to create afresh (dropped first)")
	flag.StringVar(&c.only, "only", "", "measure only the queries whose name contains this")
	flag.Func("serve-flag", "a flag for awardd serve, such as -reference-executor (repeatable)", func(v string) error {
		c.oursArgs = append(c.oursArgs, v)
		return nil
	})
	flag.Func("serve-env", "an environment variable for awardd serve, such as GOGC=100 (repeatable)", func(v string) error {
		c.oursEnv = append(c.oursEnv, v)
		return nil
	})
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, c config) error {
	work, err := os.MkdirTemp("", "awards-benchcompare-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	c.load.dir = work
	b, err := newBench(ctx, c, work)
	if err != nil {
		return err
	}
	defer b.close()
	fmt.Printf("awardd serve %s, environment %s\n", strings.Join(c.oursArgs, " "), strings.Join(c.oursEnv, " "))
	fmt.Printf("load before: %s\n", loadAverage())
	results, err := b.measure(ctx, c.rounds)
	if err != nil {
		return err
	}
	report(os.Stdout, c, results)
	fmt.Printf("peak resident memory (VmHWM, each server's processes): awardd %.0f MiB, PostGraphile %.0f MiB\n",
		peakMiB(b.ours.cmd.Process.Pid), peakMiB(b.pg.cmd.Process.Pid))
	fmt.Printf("load after: %s\n", loadAverage())
	return nil
}

// loadAverage is /proc/loadavg's first three fields.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	var a, b5, c float64
	fmt.Sscan(string(b), &a, &b5, &c)
	return fmt.Sprintf("%.2f %.2f %.2f (1, 5, 15 min), %d cores", a, b5, c, numCPU())
}
