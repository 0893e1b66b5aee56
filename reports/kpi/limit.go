package kpi

import "fmt"

// Gap is one municipality's position against a legal limit.
type Gap struct {
	Code  string
	Value float64 // 0 when the municipality has no value
	Valid bool    // false when the municipality has no value
	// Excess is how far the value lies on the wrong side of the limit:
	// positive past it, negative inside it, 0 exactly at it. For a
	// LOWER_IS_BETTER KPI, a maximum such as 120 days, it is Value − limit;
	// for a HIGHER_IS_BETTER KPI, a minimum, it is limit − Value.
	Excess float64
	// Within reports whether the value meets the limit, the limit itself
	// included (Excess <= 0). False when the municipality has no value.
	Within bool
}

// Compliance is a cross-section measured against a legal limit.
type Compliance struct {
	Gaps   []Gap   // one per municipality, in the order given
	Count  int     // municipalities with a value
	Within int     // municipalities with a value within the limit
	Share  float64 // Within / Count × 100
}

// CheckLimit measures every municipality in values against limit for a KPI
// in direction d. A NEUTRAL KPI has no wrong side, so it is an error. It
// returns ErrNoValues when no municipality has a value.
func CheckLimit(values []Value, limit float64, d Direction) (Compliance, error) {
	if err := d.check(); err != nil {
		return Compliance{}, err
	}
	if d == Neutral {
		return Compliance{}, fmt.Errorf("kpi: a limit needs a direction, not %v", d)
	}
	if !finite(limit) {
		return Compliance{}, fmt.Errorf("kpi: limit %v is not a number", limit)
	}
	if err := checkValues(values); err != nil {
		return Compliance{}, err
	}
	c := Compliance{Gaps: make([]Gap, len(values))}
	for i, v := range values {
		c.Gaps[i] = Gap{Code: v.Code}
		if !v.has() {
			continue
		}
		g := &c.Gaps[i]
		g.Value, g.Valid = v.Value, true
		g.Excess = excess(v.Value, limit, d)
		g.Within = g.Excess <= 0
		c.Count++
		if g.Within {
			c.Within++
		}
	}
	if c.Count == 0 {
		return Compliance{}, ErrNoValues
	}
	c.Share = float64(c.Within) / float64(c.Count) * 100
	return c, nil
}

// excess returns how far x lies past limit in direction d.
func excess(x, limit float64, d Direction) float64 {
	if d == HigherIsBetter {
		return limit - x
	}
	return x - limit
}
