package scoring

import (
	"cmp"
	"slices"
)

// entry is one score inside a cell.
type entry struct {
	juror int     // position in dataset.jurors
	value float64 // the score, on the criterion's scale
	score int     // position in the caller's scores, for error messages
}

// dataset is validated input with ids replaced by positions. Applications
// and jurors are sorted by id; criteria keep the caller's order.
type dataset struct {
	criteria []Criterion
	apps     []string
	jurors   []string
	cells    [][]entry // at app·len(criteria)+criterion, sorted by juror
}

// cell returns the entries of application a on criterion c.
func (d *dataset) cell(a, c int) []entry { return d.cells[a*len(d.criteria)+c] }

// newDataset validates the scores and groups them into cells.
func newDataset(criteria []Criterion, byID map[string]int, scores []Score) (*dataset, error) {
	crit := make([]int, len(scores))
	for i, s := range scores {
		c, err := checkScore(i, s, criteria, byID)
		if err != nil {
			return nil, err
		}
		crit[i] = c
	}
	apps, app := intern(len(scores), func(i int) string { return scores[i].Application })
	jurors, juror := intern(len(scores), func(i int) string { return scores[i].Juror })
	d := &dataset{criteria: criteria, apps: apps, jurors: jurors}
	d.group(scores, app, juror, crit)
	return d, d.checkDuplicates(scores)
}

// intern returns the distinct ids of n scores, sorted, and for each score
// the position of its id.
func intern(n int, id func(i int) string) ([]string, []int) {
	seen := make(map[string]int)
	var names []string
	pos := make([]int, n)
	last, j := "", -1 // scores usually arrive grouped: skip the map for runs
	for i := range pos {
		if k := id(i); j < 0 || k != last {
			var ok bool
			if j, ok = seen[k]; !ok {
				j = len(names)
				seen[k] = j
				names = append(names, k)
			}
			last = k
		}
		pos[i] = j
	}
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(names[a], names[b]) })
	renumber := make([]int, len(names))
	sorted := make([]string, len(names))
	for n, old := range order {
		renumber[old] = n
		sorted[n] = names[old]
	}
	for i := range pos {
		pos[i] = renumber[pos[i]]
	}
	return sorted, pos
}

// group fills d.cells by a counting sort of the scores on their cell.
func (d *dataset) group(scores []Score, app, juror, crit []int) {
	nc := len(d.criteria)
	start := make([]int, len(d.apps)*nc+1)
	for i := range scores {
		start[app[i]*nc+crit[i]+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	entries := make([]entry, len(scores))
	next := slices.Clone(start[:len(start)-1])
	for i, s := range scores {
		k := app[i]*nc + crit[i]
		entries[next[k]] = entry{juror: juror[i], value: s.Value, score: i}
		next[k]++
	}
	d.cells = make([][]entry, len(start)-1)
	for k := range d.cells {
		cell := entries[start[k]:start[k+1]:start[k+1]]
		slices.SortStableFunc(cell, func(x, y entry) int { return cmp.Compare(x.juror, y.juror) })
		d.cells[k] = cell
	}
}

// checkDuplicates reports the first cell in which one juror has two scores.
func (d *dataset) checkDuplicates(scores []Score) error {
	for _, cell := range d.cells {
		for i := 1; i < len(cell); i++ {
			if cell[i].juror == cell[i-1].juror {
				first, again := cell[i-1].score, cell[i].score
				return scoreError(again, scores[again], "duplicates score %d", first)
			}
		}
	}
	return nil
}
