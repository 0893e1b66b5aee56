package main

import (
	"fmt"
	"io"
	"sort"
	"time"
)

// median of xs (which it sorts).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	if n := len(xs); n%2 == 1 {
		return xs[n/2]
	} else {
		return (xs[n/2-1] + xs[n/2]) / 2
	}
}

func each(rs []round, f func(round) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// summary is one server's medians over the rounds.
type summary struct {
	rps, p50, p99, serverCPU, pgCPU float64
}

func summarise(rs []round) summary {
	return summary{
		rps:       median(each(rs, func(r round) float64 { return r.reqPerSec })),
		p50:       median(each(rs, func(r round) float64 { return ms(r.p50) })),
		p99:       median(each(rs, func(r round) float64 { return ms(r.p99) })),
		serverCPU: median(each(rs, func(r round) float64 { return r.serverCPUms / float64(r.requests) })),
		pgCPU:     median(each(rs, func(r round) float64 { return r.postgresCPUms / float64(r.requests) })),
	}
}

// report prints a Markdown table: medians over the rounds, and the
// median and range of the per-round ratio ours/PostGraphile.
func report(w io.Writer, c config, results []*result) {
	fmt.Fprintf(w, "\n%d interleaved rounds of wrk -t%d -c%d -d%s per query and server (medians; ratio = ours / PostGraphile per round)\n\n",
		c.rounds, c.load.threads, c.load.connections, c.load.duration)
	fmt.Fprintln(w, "| query | ours req/s | PostGraphile req/s | ratio (range) | p50 ms ours / PG | p99 ms ours / PG | CPU ms/req server ours / PG | CPU ms/req PostgreSQL ours / PG |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		o := summarise(r.ours)
		if len(r.pg) == 0 {
			fmt.Fprintf(w, "| %s | %.0f | | | %.2f | %.2f | %.2f | %.2f |\n", r.q.name, o.rps, o.p50, o.p99, o.serverCPU, o.pgCPU)
			continue
		}
		p := summarise(r.pg)
		var ratios []float64
		for i := range r.ours {
			ratios = append(ratios, r.ours[i].reqPerSec/r.pg[i].reqPerSec)
		}
		med := median(ratios) // sorts ratios
		fmt.Fprintf(w, "| %s | %.0f | %.0f | **%.2f** (%.2f–%.2f) | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |\n",
			r.q.name, o.rps, p.rps, med, ratios[0], ratios[len(ratios)-1], o.p50, p.p50, o.p99, p.p99,
			o.serverCPU, p.serverCPU, o.pgCPU, p.pgCPU)
	}
	fmt.Fprintln(w)
}
