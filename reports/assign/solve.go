package assign

// costLimit bounds edge cost times node count, so that path lengths and
// potentials stay clear of int64 overflow.
const costLimit = 1 << 60

// offer is the edge letting application a receive juror j.
type offer struct {
	edge, a, j int
}

// checkFeasible rejects inputs that plain counting shows to be impossible,
// naming the first application, in id order, that is short.
func (p *problem) checkFeasible() error {
	if p.r > len(p.jurors) {
		return &InfeasibleError{Reason: NotEnoughJurors, Need: p.r, Have: len(p.jurors)}
	}
	for a, id := range p.apps {
		if p.fixedPerApp[a] > p.r {
			return &InfeasibleError{Reason: OverFixed, Application: id, Need: p.r, Have: p.fixedPerApp[a]}
		}
		if have := p.candidates(a); have < p.need(a) {
			return &InfeasibleError{Reason: TooFewCandidates, Application: id, Need: p.need(a), Have: have}
		}
	}
	need, have := 0, 0
	for a := range p.apps {
		need += p.need(a)
	}
	for j := range p.jurors {
		have += p.capacity(j)
	}
	if need > have {
		return &InfeasibleError{Reason: OverCapacity, Need: need, Have: have}
	}
	return nil
}

// need returns how many new jurors application a still needs.
func (p *problem) need(a int) int { return p.r - p.fixedPerApp[a] }

// candidates returns how many jurors application a may still receive.
func (p *problem) candidates(a int) int {
	n := 0
	for _, c := range p.cells[a] {
		if c == free {
			n++
		}
	}
	return n
}

// capacity returns how many new applications juror j may receive.
func (p *problem) capacity(j int) int {
	n := 0
	for a := range p.cells {
		if p.cells[a][j] == free {
			n++
		}
	}
	if p.maxLoad > 0 {
		n = min(n, max(0, p.maxLoad-p.fixedLoad[j]))
	}
	return n
}

// solve finds the assignment as a min-cost flow.
//
// The network has a source, one node per application, one per juror and a
// sink. The source offers each application its need; every free pair is an
// edge of capacity 1 costing minus its preference; each juror reaches the
// sink through unit edges, the k-th costing scale·(fixed load + k). As scale
// exceeds any difference in preference totals, the flow first minimises
// the convex load cost (see the package comment) and only then maximises
// preferences.
func (p *problem) solve() (Plan, error) {
	g := newNetwork(len(p.apps) + len(p.jurors) + 2)
	source, sink := 0, len(g.adj)-1
	demand := make([]int, len(p.apps))
	total := 0
	for a := range p.apps {
		demand[a] = g.addEdge(source, p.appNode(a), p.need(a), 0)
		total += p.need(a)
	}
	offers := p.addOffers(g)
	scale := 2*int64(total)*int64(p.maxPref) + 1
	if err := p.addLoads(g, sink, scale); err != nil {
		return Plan{}, err
	}
	if flow := g.minCostFlow(source, sink, total); flow < total {
		return Plan{}, p.shortfall(g, demand, total, flow)
	}
	return p.plan(g, offers), nil
}

// appNode and jurorNode number the network's nodes: the source is 0, then
// come the applications, the jurors and finally the sink.
func (p *problem) appNode(a int) int   { return 1 + a }
func (p *problem) jurorNode(j int) int { return 1 + len(p.apps) + j }

// addOffers adds an edge for every free pair, in application then juror
// order, and returns them in that order.
func (p *problem) addOffers(g *network) []offer {
	var offers []offer
	for a, row := range p.cells {
		for j, c := range row {
			if c != free {
				continue
			}
			pref := p.prefs[Pair{Juror: p.jurors[j], Application: p.apps[a]}]
			id := g.addEdge(p.appNode(a), p.jurorNode(j), 1, -int64(pref))
			offers = append(offers, offer{edge: id, a: a, j: j})
		}
	}
	return offers
}

// addLoads adds each juror's unit edges to the sink with rising cost.
func (p *problem) addLoads(g *network, sink int, scale int64) error {
	limit := costLimit / int64(len(g.adj))
	for j := range p.jurors {
		capacity := p.capacity(j)
		if scale*int64(p.fixedLoad[j]+capacity) > limit/2 {
			return invalidf("instance too large for exact costs")
		}
		for k := 1; k <= capacity; k++ {
			g.addEdge(p.jurorNode(j), sink, 1, scale*int64(p.fixedLoad[j]+k))
		}
	}
	return nil
}

// shortfall reports a flow that fell short, naming the first application,
// in id order, left with an unmet need.
func (p *problem) shortfall(g *network, demand []int, total, flow int) error {
	e := &InfeasibleError{Reason: NoAssignment, Need: total, Have: flow}
	for a, id := range demand {
		if g.edges[id].cap > 0 {
			e.Application = p.apps[a]
			break
		}
	}
	return e
}

// plan reads the assignment off the flow. Offers are in application then
// juror order and ids are sorted, so the pairs come out sorted.
func (p *problem) plan(g *network, offers []offer) Plan {
	load := make(map[string]int, len(p.jurors))
	for j, id := range p.jurors {
		load[id] = p.fixedLoad[j]
	}
	pairs := []Pair{}
	for _, o := range offers {
		if g.flow(o.edge) == 0 {
			continue
		}
		pair := Pair{Juror: p.jurors[o.j], Application: p.apps[o.a]}
		pairs = append(pairs, pair)
		load[pair.Juror]++
	}
	return Plan{Pairs: pairs, Load: load}
}
