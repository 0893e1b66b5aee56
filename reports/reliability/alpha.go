package reliability

import (
	"math"
	"slices"
)

// AlphaResult is Krippendorff's alpha with the quantities it is built from.
type AlphaResult struct {
	Alpha    float64 // 1 − Observed/Expected; 1 is perfect agreement, 0 chance
	Observed float64 // observed disagreement D_o
	Expected float64 // expected disagreement D_e, always > 0
	Units    int     // pairable units: units with at least two values
	Values   int     // pairable values n: all values in pairable units
	Level    Level
}

// Alpha computes Krippendorff's alpha for reliability data with one row per
// unit and one column per rater, by the coincidence-matrix method of
// Krippendorff (2011). A missing value is math.NaN(); a row shorter than
// others is missing its trailing raters. Units with fewer than two values
// are not pairable and are ignored.
//
// It returns an error wrapping ErrInvalid for an invalid level, an infinite
// value or, at the ratio level, a negative value; ErrInsufficientData when no
// unit is pairable; and ErrNoVariation when every pairable value is the
// same (or the values differ so little that expected disagreement underflows
// to zero). Expected disagreement is then zero and alpha is undefined (0/0):
// the data show agreement but cannot show reliability, so Alpha reports an
// error rather than choosing a number.
func Alpha(data [][]float64, level Level) (AlphaResult, error) {
	rs, err := AlphaLevels(data, level)
	if err != nil {
		return AlphaResult{}, err
	}
	return rs[0], nil
}

// AlphaLevels computes alpha at each of levels from one coincidence matrix,
// which is cheaper than calling Alpha once per level. Errors are as for
// Alpha; an error at any level is returned for the call.
func AlphaLevels(data [][]float64, levels ...Level) ([]AlphaResult, error) {
	for _, level := range levels {
		if !level.valid() {
			return nil, errorf(ErrInvalid, "unknown level %v", level)
		}
		if err := checkReliabilityData(data, level); err != nil {
			return nil, err
		}
	}
	cm := newCoincidences(data)
	if cm.units == 0 {
		return nil, errorf(ErrInsufficientData, "no unit has two or more values")
	}
	if len(cm.values) < 2 {
		return nil, errorf(ErrNoVariation,
			"every pairable value is %v: alpha is undefined", cm.values[0])
	}
	out := make([]AlphaResult, 0, len(levels))
	for _, level := range levels {
		r, err := cm.alpha(level)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// alpha computes alpha at one level from the coincidence matrix.
func (cm *coincidences) alpha(level Level) (AlphaResult, error) {
	delta := level.distance(cm)
	r := AlphaResult{
		Observed: cm.observed(delta),
		Expected: cm.expected(delta),
		Units:    cm.units,
		Values:   int(cm.n),
		Level:    level,
	}
	if !isFinite(r.Observed) || !isFinite(r.Expected) {
		return AlphaResult{}, errorf(ErrInvalid, "values too large: disagreement overflows")
	}
	if r.Expected == 0 { // distinct values whose δ² underflows, such as 0 and 1e-300
		return AlphaResult{}, errorf(ErrNoVariation, "values differ too little: expected disagreement underflows to 0")
	}
	r.Alpha = 1 - r.Observed/r.Expected
	return r, nil
}

// checkReliabilityData rejects infinite values, and negative values at the
// ratio level, where ((c−k)/(c+k))² is not a distance.
func checkReliabilityData(data [][]float64, level Level) error {
	for i, row := range data {
		for j, x := range row {
			switch {
			case math.IsInf(x, 0):
				return errorf(ErrInvalid, "unit %d, rater %d: value %v is not a finite number", i+1, j+1, x)
			case level == Ratio && x < 0:
				return errorf(ErrInvalid, "unit %d, rater %d: negative value %v at the ratio level", i+1, j+1, x)
			}
		}
	}
	return nil
}

// coincidences is the coincidence matrix of the pairable values: o_ck is the
// number of c–k pairs of values within units, each unit u with m_u values
// contributing its m_u(m_u−1) ordered pairs with weight 1/(m_u−1).
type coincidences struct {
	values []float64 // distinct pairable values, ascending
	counts []float64 // n_c = Σ_k o_ck, the marginal frequency of values[c]
	cells  []cell    // the non-zero o_ck, ordered by c then k
	n      float64   // Σ_c n_c, the number of pairable values
	units  int       // number of pairable units
}

// cell is one non-zero entry o_ck of a coincidence matrix.
type cell struct {
	c, k int
	o    float64
}

// newCoincidences builds the coincidence matrix of data, ignoring NaN.
// The pairable units' values are copied into one array, and each value
// is found among the distinct values by binary search: a scale has a few
// dozen distinct values where a jury gives thousands.
func newCoincidences(data [][]float64) *coincidences {
	cm := &coincidences{}
	size := 0
	for _, row := range data {
		size += len(row)
	}
	flat := make([]float64, 0, size)
	ends := make([]int, 0, len(data))
	for _, row := range data {
		start := len(flat)
		for _, v := range row {
			if !math.IsNaN(v) {
				flat = append(flat, v)
			}
		}
		if len(flat)-start < 2 {
			flat = flat[:start]
			continue
		}
		ends = append(ends, len(flat))
	}
	cm.units = len(ends)
	distinct := map[float64]struct{}{}
	for _, v := range flat {
		distinct[v] = struct{}{}
	}
	cm.values = make([]float64, 0, len(distinct))
	for v := range distinct {
		cm.values = append(cm.values, v)
	}
	slices.Sort(cm.values)
	cm.counts = make([]float64, len(cm.values))
	o := newPairs(len(cm.values))
	var idx []int
	start := 0
	for _, end := range ends {
		idx = idx[:0]
		for _, v := range flat[start:end] {
			i, _ := slices.BinarySearch(cm.values, v)
			idx = append(idx, i)
		}
		addUnit(o, idx)
		for _, c := range idx {
			cm.counts[c]++ // n_c, counted rather than summed from o
		}
		cm.n += float64(end - start)
		start = end
	}
	cm.cells = o.cells()
	return cm
}

// addUnit adds one pairable unit's pairs, given as value indices, to o. A
// unit in which value c occurs n_uc times contributes n_uc·n_uk/(m_u−1) to
// o_ck for c ≠ k and n_uc(n_uc−1)/(m_u−1) to o_cc.
func addUnit(o *pairs, idx []int) {
	slices.Sort(idx)
	w := 1 / float64(len(idx)-1)
	for i := 0; i < len(idx); {
		c, nc := runAt(idx, i)
		for j := 0; j < len(idx); {
			k, nk := runAt(idx, j)
			if c == k {
				o.add(c, c, nc*(nc-1)*w)
			} else {
				o.add(c, k, nc*nk*w)
			}
			j += int(nk)
		}
		i += int(nc)
	}
}

// runAt returns the value at i of sorted idx and how often it repeats.
func runAt(idx []int, i int) (int, float64) {
	n := 1
	for i+n < len(idx) && idx[i+n] == idx[i] {
		n++
	}
	return idx[i], float64(n)
}

// pairs accumulates o_ck: densely for few distinct values, sparsely for
// many.
type pairs struct {
	v      int
	dense  []float64
	sparse map[[2]int]float64
}

// maxDense is the most distinct values held in a dense v×v matrix.
const maxDense = 256

func newPairs(v int) *pairs {
	if v <= maxDense {
		return &pairs{v: v, dense: make([]float64, v*v)}
	}
	return &pairs{v: v, sparse: make(map[[2]int]float64)}
}

func (p *pairs) add(c, k int, w float64) {
	if p.dense != nil {
		p.dense[c*p.v+k] += w
		return
	}
	p.sparse[[2]int{c, k}] += w
}

// cells returns the non-zero entries ordered by c then k, so every later
// sum is independent of map order and the same data always give
// bit-identical results.
func (p *pairs) cells() []cell {
	var out []cell
	if p.dense != nil {
		for i, o := range p.dense {
			if o != 0 {
				out = append(out, cell{c: i / p.v, k: i % p.v, o: o})
			}
		}
		return out
	}
	for key, o := range p.sparse {
		out = append(out, cell{c: key[0], k: key[1], o: o})
	}
	slices.SortFunc(out, func(a, b cell) int {
		if a.c != b.c {
			return a.c - b.c
		}
		return a.k - b.k
	})
	return out
}

// observed returns D_o = (1/n) Σ_c Σ_k o_ck δ²_ck.
func (cm *coincidences) observed(delta func(c, k int) float64) float64 {
	var sum float64
	for _, e := range cm.cells {
		sum += e.o * delta(e.c, e.k)
	}
	return sum / cm.n
}

// expected returns D_e = 1/(n(n−1)) Σ_c Σ_k n_c n_k δ²_ck.
func (cm *coincidences) expected(delta func(c, k int) float64) float64 {
	var sum float64
	for c := range cm.counts {
		for k := c + 1; k < len(cm.counts); k++ {
			sum += 2 * cm.counts[c] * cm.counts[k] * delta(c, k)
		}
	}
	return sum / (cm.n * (cm.n - 1))
}
