package assign

import "math"

// unreachable is the distance of a node no residual path reaches.
const unreachable = math.MaxInt64

// network is a flow network solved for min-cost flow by the primal-dual
// method: Dijkstra's algorithm on costs reduced by node potentials finds the
// shortest-path length, then a blocking flow saturates every shortest path
// at once, as in Dinic's algorithm. Edges are stored in pairs, the forward
// edge at an even index and its residual reverse at the next, and are
// scanned in insertion order with ties between nodes broken by index, so
// the same network always yields the same flow.
type network struct {
	adj   [][]int // edge ids leaving each node, in insertion order
	edges []edge
}

// edge is one direction of a residual pair.
type edge struct {
	to   int
	cap  int // residual capacity
	cost int64
}

// newNetwork returns an empty network on n nodes.
func newNetwork(n int) *network {
	return &network{adj: make([][]int, n)}
}

// addEdge adds an edge and returns its id.
func (g *network) addEdge(from, to, capacity int, cost int64) int {
	id := len(g.edges)
	g.edges = append(g.edges, edge{to: to, cap: capacity, cost: cost}, edge{to: from, cost: -cost})
	g.adj[from] = append(g.adj[from], id)
	g.adj[to] = append(g.adj[to], id+1)
	return id
}

// flow returns the flow on the forward edge id.
func (g *network) flow(id int) int { return g.edges[id^1].cap }

// from returns the tail of edge id.
func (g *network) from(id int) int { return g.edges[id^1].to }

// search holds the working state of minCostFlow, reused between rounds to
// spare allocations.
type search struct {
	h     []int64 // node potentials
	dist  []int64 // reduced-cost distance from the source
	level []int   // breadth-first depth in the admissible graph, or -1
	next  []int   // per node, the first adj entry not yet exhausted
	queue queue
}

// minCostFlow sends up to limit units from s to t at least total cost
// among flows of that value, and returns the value sent. It expects no
// negative-cost cycle, which holds for the acyclic networks built here.
func (g *network) minCostFlow(s, t, limit int) int {
	n := len(g.adj)
	sp := &search{h: g.potentials(), dist: make([]int64, n), level: make([]int, n), next: make([]int, n)}
	sent := 0
	for sent < limit {
		g.shortestPaths(sp, s, t)
		dt := sp.dist[t]
		if dt == unreachable {
			break
		}
		// Nodes not settled before t are at least dt away: capping every
		// distance at dt keeps all reduced costs non-negative, and makes
		// the edges of every shortest s–t path cost exactly 0.
		for v, d := range sp.dist {
			sp.h[v] += min(d, dt)
		}
		sent += g.blockingFlows(sp, s, t, limit-sent)
	}
	return sent
}

// potentials returns node potentials making every reduced cost
// c(u,v) + h[u] − h[v] of a residual edge non-negative: shortest distances
// from a virtual node joined to all nodes at cost 0, by Bellman-Ford.
func (g *network) potentials() []int64 {
	h := make([]int64, len(g.adj))
	for range len(g.adj) {
		changed := false
		for id, e := range g.edges {
			if e.cap > 0 && h[g.from(id)]+e.cost < h[e.to] {
				h[e.to] = h[g.from(id)] + e.cost
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return h
}

// shortestPaths runs Dijkstra's algorithm from s on reduced costs
// c(u,v) + h[u] − h[v], stopping once t is settled.
func (g *network) shortestPaths(sp *search, s, t int) {
	for v := range sp.dist {
		sp.dist[v] = unreachable
	}
	sp.dist[s] = 0
	sp.queue = append(sp.queue[:0], item{dist: 0, node: s})
	for len(sp.queue) > 0 {
		it := sp.queue.pop()
		if it.node == t {
			return
		}
		if it.dist > sp.dist[it.node] {
			continue
		}
		for _, id := range g.adj[it.node] {
			e := &g.edges[id]
			if e.cap == 0 {
				continue
			}
			if d := it.dist + e.cost + sp.h[it.node] - sp.h[e.to]; d < sp.dist[e.to] {
				sp.dist[e.to] = d
				sp.queue.push(item{dist: d, node: e.to})
			}
		}
	}
}

// admissible reports whether edge id, leaving u, has residual capacity and
// zero reduced cost, that is, lies on a shortest path.
func (g *network) admissible(sp *search, u, id int) bool {
	e := &g.edges[id]
	return e.cap > 0 && e.cost+sp.h[u]-sp.h[e.to] == 0
}

// blockingFlows pushes up to limit units along admissible edges until no
// admissible s–t path remains, and returns the amount pushed. Levels keep
// the search off zero-cost cycles.
func (g *network) blockingFlows(sp *search, s, t, limit int) int {
	sent := 0
	for sent < limit && g.levels(sp, s, t) {
		clear(sp.next)
		for sent < limit {
			f := g.pushPath(sp, s, t, limit-sent)
			if f == 0 {
				break
			}
			sent += f
		}
	}
	return sent
}

// levels labels nodes with their breadth-first depth from s over
// admissible edges and reports whether t is reached.
func (g *network) levels(sp *search, s, t int) bool {
	for v := range sp.level {
		sp.level[v] = -1
	}
	sp.level[s] = 0
	frontier := []int{s}
	for len(frontier) > 0 && sp.level[t] < 0 {
		var next []int
		for _, u := range frontier {
			for _, id := range g.adj[u] {
				if v := g.edges[id].to; sp.level[v] < 0 && g.admissible(sp, u, id) {
					sp.level[v] = sp.level[u] + 1
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	return sp.level[t] >= 0
}

// pushPath sends up to limit units from u to t along one admissible path
// that climbs one level per edge, and returns the amount sent. Edges that
// lead nowhere are skipped for the rest of the phase.
func (g *network) pushPath(sp *search, u, t, limit int) int {
	if u == t {
		return limit
	}
	for ; sp.next[u] < len(g.adj[u]); sp.next[u]++ {
		id := g.adj[u][sp.next[u]]
		v := g.edges[id].to
		if sp.level[v] != sp.level[u]+1 || !g.admissible(sp, u, id) {
			continue
		}
		if f := g.pushPath(sp, v, t, min(limit, g.edges[id].cap)); f > 0 {
			g.edges[id].cap -= f
			g.edges[id^1].cap += f
			return f
		}
	}
	return 0
}

// item is a node waiting in Dijkstra's queue.
type item struct {
	dist int64
	node int
}

// queue is a binary min-heap of items ordered by distance, then node
// index. It is typed rather than built on container/heap to avoid boxing
// every item.
type queue []item

// less orders items by distance, then node index.
func (q queue) less(i, j int) bool {
	if q[i].dist != q[j].dist {
		return q[i].dist < q[j].dist
	}
	return q[i].node < q[j].node
}

// push adds it to the heap.
func (q *queue) push(it item) {
	*q = append(*q, it)
	h := *q
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			break
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

// pop removes and returns the least item; the heap must not be empty.
func (q *queue) pop() item {
	h := *q
	top, n := h[0], len(h)-1
	h[0] = h[n]
	h = h[:n]
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < n && h.less(l, least) {
			least = l
		}
		if r < n && h.less(r, least) {
			least = r
		}
		if least == i {
			break
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
	*q = h
	return top
}
