package scoring

import (
	"cmp"
	"math"
	"slices"
)

// Standing is one application's weighted total in one view.
type Standing struct {
	Application string
	// Total is the weighted mean of the application's cell values over the
	// summed criteria, on the criteria's scale.
	Total float64
	// Percent is the weighted mean of the cell values as percentages of
	// their criteria's scales; rankings are by Percent.
	Percent float64
	// Coverage is the share of the summed criteria's weight on which the
	// application has scores: 1 when complete, 0 when it has none (then
	// Total and Percent are 0 and the application is unranked).
	Coverage float64
	// Rank is the competition rank ("1224"), or 0 when unranked.
	Rank int
	// Change is the raw rank minus this rank: positive when the application
	// moved up against the raw view, 0 in the raw view or when unranked.
	Change int
}

// totals returns the unranked standing of every application, by position,
// in the view whose cell value is value.
func totals(d *dataset, g grid, value func(*Cell) float64) []Standing {
	all := 0.0
	for _, c := range d.criteria {
		if !c.Independent {
			all += c.Weight
		}
	}
	type sums struct{ weight, total, percent float64 }
	acc := make([]sums, len(d.apps))
	for i := range g.cells {
		cr := d.criteria[g.crit[i]]
		if cr.Independent {
			continue
		}
		v := value(&g.cells[i])
		s := &acc[g.app[i]]
		s.weight += cr.Weight
		s.total += cr.Weight * v
		s.percent += cr.Weight * cr.percent(v)
	}
	out := make([]Standing, len(d.apps))
	for a, id := range d.apps {
		out[a].Application = id
		if s := acc[a]; s.weight > 0 {
			out[a].Total = s.total / s.weight
			out[a].Percent = s.percent / s.weight
			out[a].Coverage = s.weight / all
		}
	}
	return out
}

// rawValue, zValue and adjustedValue select a cell's value in each view.
func rawValue(c *Cell) float64      { return c.Value }
func zValue(c *Cell) float64        { return c.ZValue }
func adjustedValue(c *Cell) float64 { return c.Adjusted }

// Place is one id's position in a competition ranking.
type Place struct {
	ID    string
	Value float64
	Rank  int
}

// RankValues ranks values from highest to lowest by standard competition
// ranking ("1224"): values within tol of the first value of a tie group share
// its rank, and the next rank skips the places they took. Places are
// returned in rank order, ties ordered by id. NaN values rank last.
func RankValues(values map[string]float64, tol float64) []Place {
	places := make([]Place, 0, len(values))
	for id, v := range values {
		places = append(places, Place{ID: id, Value: v})
	}
	order, ranks := competition(len(places),
		func(i int) float64 { return places[i].Value },
		func(i int) string { return places[i].ID }, tol)
	out := make([]Place, len(places))
	for p, i := range order {
		out[p] = places[i]
		out[p].Rank = ranks[p]
	}
	return out
}

// competition orders n items from the highest value to the lowest and
// returns that order with the competition rank at each position. Ties are
// ordered by id.
func competition(n int, value func(int) float64, id func(int) string, tol float64) (order, ranks []int) {
	order = make([]int, n)
	for i := range order {
		order[i] = i
	}
	byID := func(a, b int) int { return cmp.Compare(id(a), id(b)) }
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(value(b), value(a)); c != 0 {
			return c
		}
		return byID(a, b)
	})
	ranks = make([]int, n)
	lead := 0
	for p := range order {
		if p > 0 && math.Abs(value(order[lead])-value(order[p])) <= tol {
			ranks[p] = ranks[lead]
			continue
		}
		slices.SortFunc(order[lead:p], byID)
		lead = p
		ranks[p] = p + 1
	}
	slices.SortFunc(order[lead:], byID)
	return order, ranks
}

// rankStandings ranks the standings by Percent and returns them in rank
// order; applications without coverage follow, unranked, by id.
func rankStandings(all []Standing, tol float64) []Standing {
	var ranked, unranked []Standing
	for _, s := range all {
		if s.Coverage > 0 {
			ranked = append(ranked, s)
		} else {
			unranked = append(unranked, s)
		}
	}
	order, ranks := competition(len(ranked),
		func(i int) float64 { return ranked[i].Percent },
		func(i int) string { return ranked[i].Application }, tol)
	out := make([]Standing, 0, len(all))
	for p, i := range order {
		s := ranked[i]
		s.Rank = ranks[p]
		out = append(out, s)
	}
	return append(out, unranked...)
}

// setChanges sets each ranked standing's Change against the raw standings.
func setChanges(view, raw []Standing) {
	rawRank := make(map[string]int, len(raw))
	for _, s := range raw {
		rawRank[s.Application] = s.Rank
	}
	for i := range view {
		if r := rawRank[view[i].Application]; r > 0 && view[i].Rank > 0 {
			view[i].Change = r - view[i].Rank
		}
	}
}
