package graph

import (
	"encoding/json"
	"sync"

	"github.com/leanforum/awards/reports/benchmark"
	"github.com/leanforum/awards/store"
)

// snapshotCacheSize bounds the decoded versions kept: a version of 290
// municipalities × 5 KPIs × 6 years decodes to about 1 MB.
const snapshotCacheSize = 16

// snapshotCache keeps the decoded content of the published versions read
// lately. A published version never changes (a trigger refuses UPDATE and
// DELETE on benchmark_report_versions), so its decoded snapshot is shared
// by every request instead of decoded again on each: decoding was half of
// the benchmark page's time. The resolvers only read a report (latest
// sections and filtered rows are new slices), never change it. The
// snapshot itself is still read on every request, so the statements a
// page runs do not depend on what is cached.
type snapshotCache struct {
	mu      sync.Mutex
	reports map[store.VersionKey]*benchmark.Report
	order   []store.VersionKey // oldest first
}

// decode returns the report in snapshot, the version k's, decoding it
// only when k is not cached.
func (c *snapshotCache) decode(k store.VersionKey, snapshot []byte) (*benchmark.Report, error) {
	c.mu.Lock()
	r, ok := c.reports[k]
	c.mu.Unlock()
	if ok {
		return r, nil
	}
	r = &benchmark.Report{}
	if err := json.Unmarshal(snapshot, r); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reports == nil {
		c.reports = map[store.VersionKey]*benchmark.Report{}
	}
	if _, ok := c.reports[k]; !ok {
		if len(c.order) == snapshotCacheSize {
			delete(c.reports, c.order[0])
			c.order = c.order[1:]
		}
		c.reports[k], c.order = r, append(c.order, k)
	}
	return c.reports[k], nil
}
