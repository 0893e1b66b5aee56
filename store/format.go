package store

import (
	"sort"
	"strconv"

	"github.com/lib/pq"
)

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// int64Array is ids as an SQL array argument.
func int64Array(ids []int64) any {
	if ids == nil {
		ids = []int64{}
	}
	return pq.Array(ids)
}

// sortedKeys returns m's keys in increasing order.
func sortedKeys[V any](m map[int64]V) []int64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
