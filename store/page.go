package store

// MaxPageSize is the largest page a list returns.
const MaxPageSize = 100

// Page selects a slice of a list ordered by id: at most First items with
// an id greater than After.
type Page struct {
	First int
	After int64
}

// trimPage cuts the extra row fetched to learn whether more exist.
func trimPage[T any](rows []T, p Page) ([]T, bool) {
	if len(rows) > p.First {
		return rows[:p.First], true
	}
	return rows, false
}
