package assign

import "slices"

// cell is the state of one application–juror pair.
type cell uint8

const (
	free       cell = iota // the juror may be assigned
	conflicted             // the juror must never be assigned
	fixed                  // the juror is assigned already
)

// problem is a validated Input indexed by position: applications and jurors
// are sorted by id, so nothing downstream depends on input order.
type problem struct {
	apps, jurors []string
	r, maxLoad   int
	cells        [][]cell // [application][juror]
	fixedPerApp  []int
	fixedLoad    []int
	prefs        map[Pair]int
	maxPref      int // largest absolute preference on a free pair
}

// newProblem validates in and indexes it.
func newProblem(in Input) (*problem, error) {
	if in.PerApplication <= 0 {
		return nil, invalidf("%d jurors per application, want at least 1", in.PerApplication)
	}
	if in.MaxLoad < 0 {
		return nil, invalidf("maximum load %d, want 0 (no limit) or more", in.MaxLoad)
	}
	apps, err := sortedIDs("application", in.Applications)
	if err != nil {
		return nil, err
	}
	jurors, err := sortedIDs("juror", in.Jurors)
	if err != nil {
		return nil, err
	}
	p := &problem{
		apps: apps, jurors: jurors,
		r: in.PerApplication, maxLoad: in.MaxLoad,
		cells:       make([][]cell, len(apps)),
		fixedPerApp: make([]int, len(apps)),
		fixedLoad:   make([]int, len(jurors)),
		prefs:       in.Preferences,
	}
	for a := range p.cells {
		p.cells[a] = make([]cell, len(jurors))
	}
	p.markConflicts(in.Conflicts)
	if err := p.markFixed(in.Fixed); err != nil {
		return nil, err
	}
	if err := p.checkPreferences(); err != nil {
		return nil, err
	}
	return p, nil
}

// sortedIDs returns a sorted copy of ids, rejecting empty and repeated ones.
func sortedIDs(kind string, ids []string) ([]string, error) {
	s := slices.Clone(ids)
	slices.Sort(s)
	for i, id := range s {
		if id == "" {
			return nil, invalidf("empty %s id", kind)
		}
		if i > 0 && s[i-1] == id {
			return nil, invalidf("duplicate %s %q", kind, id)
		}
	}
	return s, nil
}

// index returns the positions of pair's application and juror.
func (p *problem) index(pair Pair) (a, j int, ok bool) {
	a, okA := slices.BinarySearch(p.apps, pair.Application)
	j, okJ := slices.BinarySearch(p.jurors, pair.Juror)
	return a, j, okA && okJ
}

// markConflicts records conflicts, ignoring pairs with unknown ids.
func (p *problem) markConflicts(conflicts []Pair) {
	for _, c := range conflicts {
		if a, j, ok := p.index(c); ok {
			p.cells[a][j] = conflicted
		}
	}
}

// markFixed records fixed assignments. It sorts them first so that the
// error reported for bad input does not depend on input order.
func (p *problem) markFixed(pairs []Pair) error {
	pairs = slices.Clone(pairs)
	slices.SortFunc(pairs, comparePairs)
	for _, f := range pairs {
		a, j, ok := p.index(f)
		if !ok {
			return invalidf("fixed pair (%q, %q) names an unknown juror or application", f.Juror, f.Application)
		}
		switch p.cells[a][j] {
		case conflicted:
			return invalidf("fixed pair (%q, %q) is a conflict", f.Juror, f.Application)
		case fixed:
			return invalidf("fixed pair (%q, %q) given twice", f.Juror, f.Application)
		}
		p.cells[a][j] = fixed
		p.fixedPerApp[a]++
		p.fixedLoad[j]++
	}
	return nil
}

// checkPreferences bounds the preferences on free pairs and records the
// largest magnitude. It looks pairs up in sorted order rather than ranging
// over the map, so the error reported is the same on every run.
func (p *problem) checkPreferences() error {
	if len(p.prefs) == 0 {
		return nil
	}
	for a, row := range p.cells {
		for j, c := range row {
			v, ok := p.prefs[Pair{Juror: p.jurors[j], Application: p.apps[a]}]
			if !ok || c != free {
				continue
			}
			if v < -MaxPreference || v > MaxPreference {
				return invalidf("preference %d for (%q, %q) outside [-%d, %d]",
					v, p.jurors[j], p.apps[a], MaxPreference, MaxPreference)
			}
			p.maxPref = max(p.maxPref, v, -v)
		}
	}
	return nil
}
