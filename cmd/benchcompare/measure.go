package main

import (
	"context"
	"fmt"
	"time"
)

// result is one query's rounds on both servers (pg empty for ours only).
type result struct {
	q        pair
	ours, pg []round
}

// measure checks every pair, warms both servers up and runs the rounds,
// alternating which server goes first.
func (b *bench) measure(ctx context.Context, rounds int) ([]*result, error) {
	ours, pg := newClient(b.ours.url), newClient(b.pg.url)
	scripts := map[string][2]string{}
	var results []*result
	for i, q := range b.queries {
		if err := b.check(ours, pg, q); err != nil {
			return nil, fmt.Errorf("%s: %w", q.name, err)
		}
		token := ""
		if q.admin {
			token = b.oursToken
		}
		so, err := b.load.script(fmt.Sprintf("q%d-ours", i), body(q.ours, q.vars), token)
		if err != nil {
			return nil, err
		}
		sp := ""
		if q.pg != "" {
			if sp, err = b.load.script(fmt.Sprintf("q%d-pg", i), body(q.pg, nil), ""); err != nil {
				return nil, err
			}
		}
		scripts[q.name] = [2]string{so, sp}
		results = append(results, &result{q: q})
		fmt.Printf("same values on both: %s\n", q.name)
	}
	warm := b.load
	warm.duration = 2 * time.Second
	for _, r := range results {
		s := scripts[r.q.name]
		if _, err := warm.run(ctx, b.ours.url, s[0], b.ours.cmd.Process.Pid, b.postmaster); err != nil {
			return nil, err
		}
		if s[1] != "" {
			if _, err := warm.run(ctx, b.pg.url, s[1], b.pg.cmd.Process.Pid, b.postmaster); err != nil {
				return nil, err
			}
		}
	}
	for n := 0; n < rounds; n++ {
		for _, r := range results {
			if err := b.round(ctx, r, scripts[r.q.name], n%2 == 1); err != nil {
				return nil, fmt.Errorf("%s, round %d: %w", r.q.name, n+1, err)
			}
		}
		fmt.Printf("round %d of %d done (load %s)\n", n+1, rounds, loadAverage())
	}
	return results, nil
}

// round runs one query on both servers, PostGraphile first when pgFirst.
func (b *bench) round(ctx context.Context, r *result, s [2]string, pgFirst bool) error {
	type side struct {
		srv    *server
		script string
		out    *[]round
	}
	sides := []side{{b.ours, s[0], &r.ours}}
	if s[1] != "" {
		sides = append(sides, side{b.pg, s[1], &r.pg})
		if pgFirst {
			sides[0], sides[1] = sides[1], sides[0]
		}
	}
	for _, sd := range sides {
		res, err := b.load.run(ctx, sd.srv.url, sd.script, sd.srv.cmd.Process.Pid, b.postmaster)
		if err != nil {
			return err
		}
		if msg := res.clean(); msg != "" {
			return fmt.Errorf("%s: %s", sd.srv.name, msg)
		}
		*sd.out = append(*sd.out, res)
		fmt.Printf("  %s, %s: %.0f req/s, p50 %v, p99 %v, CPU ms/req %.2f, PostgreSQL %.2f\n", r.q.name, sd.srv.name,
			res.reqPerSec, res.p50, res.p99, res.serverCPUms/float64(res.requests), res.postgresCPUms/float64(res.requests))
	}
	return nil
}

// check asks both servers once and compares the values.
func (b *bench) check(ours, pg *client, q pair) error {
	ours.token = ""
	if q.admin {
		ours.token = b.oursToken
	}
	a, err := ours.do(q.ours, q.vars)
	if err != nil {
		return err
	}
	if q.pg == "" {
		if path(a, q.root...) == nil {
			return fmt.Errorf("ours answered nothing at %v", q.root)
		}
		return nil
	}
	p, err := pg.do(q.pg, nil)
	if err != nil {
		return err
	}
	if msg := q.equivalent(a, p); msg != "" {
		return fmt.Errorf("the servers disagree: %s", msg)
	}
	return nil
}
