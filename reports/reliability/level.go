package reliability

import (
	"fmt"
	"strings"
)

// Level is the level of measurement of the values given to Krippendorff's
// alpha; it selects the difference function δ². The zero Level is not a
// valid level, so that a forgotten setting is an error rather than a silent
// choice.
type Level int

// The levels of measurement, with their difference functions δ²(c, k) as in
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability".
const (
	// Nominal: δ² = 0 if c = k, else 1.
	Nominal Level = iota + 1
	// Ordinal: δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², where n_g are the
	// marginal frequencies of the coincidence matrix, so only the rank
	// order of the values matters.
	Ordinal
	// Interval: δ² = (c − k)².
	Interval
	// Ratio: δ² = ((c − k)/(c + k))²; values must not be negative.
	Ratio
)

// levelNames maps each valid Level to its name.
var levelNames = map[Level]string{
	Nominal:  "nominal",
	Ordinal:  "ordinal",
	Interval: "interval",
	Ratio:    "ratio",
}

// String returns the level's lowercase name, or "Level(n)" for an invalid one.
func (l Level) String() string {
	if name, ok := levelNames[l]; ok {
		return name
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// ParseLevel returns the Level named s: "nominal", "ordinal", "interval" or
// "ratio", case-insensitive and with surrounding space ignored.
func ParseLevel(s string) (Level, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for l := Nominal; l <= Ratio; l++ {
		if levelNames[l] == name {
			return l, nil
		}
	}
	return 0, errorf(ErrInvalid, "unknown level %q, want nominal, ordinal, interval or ratio", s)
}

// valid reports whether l is one of the four defined levels.
func (l Level) valid() bool {
	_, ok := levelNames[l]
	return ok
}

// distance returns δ² for the level as a function of two indexes into
// cm.values. The ordinal distance depends on the marginal frequencies of cm.
func (l Level) distance(cm *coincidences) func(c, k int) float64 {
	v := cm.values
	switch l {
	case Nominal:
		return func(c, k int) float64 {
			if c == k {
				return 0
			}
			return 1
		}
	case Ordinal:
		return ordinalDistance(cm.counts)
	case Interval:
		return func(c, k int) float64 { return sq(v[c] - v[k]) }
	default: // Ratio; Alpha rejects invalid levels before calling distance.
		return func(c, k int) float64 {
			if c == k {
				return 0 // also covers c = k = 0, where the ratio is 0/0
			}
			return sq((v[c] - v[k]) / (v[c] + v[k]))
		}
	}
}

// ordinalDistance returns the ordinal δ² for values whose marginal
// frequencies, in ascending order of value, are counts.
func ordinalDistance(counts []float64) func(c, k int) float64 {
	// cum[i] is the number of values below values[i].
	cum := make([]float64, len(counts)+1)
	for i, nc := range counts {
		cum[i+1] = cum[i] + nc
	}
	return func(c, k int) float64 {
		if c > k {
			c, k = k, c
		}
		between := cum[k+1] - cum[c] // Σ n_g for c ≤ g ≤ k
		return sq(between - (counts[c]+counts[k])/2)
	}
}
