package benchmark

import (
	"fmt"
	"sort"

	"github.com/leanforum/awards/reports/kpi"
)

func section(def Definition, data Dataset, names map[string]string, k KPI, year int) (Section, error) {
	values := make([]kpi.Value, 0, len(data.Municipalities))
	for _, m := range data.Municipalities {
		v, ok := data.Values[Key{k.ID, m.Code, year}]
		values = append(values, kpi.Value{Code: m.Code, Value: v, Valid: ok})
	}
	places, err := kpi.Place(values, k.Direction, kpi.DefaultThresholds())
	if err != nil {
		return Section{}, fmt.Errorf("benchmark: %s %d: %w", k.ID, year, err)
	}
	s := Section{KPI: k, Year: year, Rows: rows(def, names, places), National: summary(values, nil)}
	for i := range s.Rows {
		s.Rows[i].Synthetic = data.SyntheticValues[Key{k.ID, s.Rows[i].Code, year}]
	}
	if len(def.GroupMembers) > 0 {
		g := summary(values, def.GroupMembers)
		s.Group = &g
	}
	if k.LegalLimit != nil && k.Direction != kpi.Neutral {
		c, err := kpi.CheckLimit(values, *k.LegalLimit, k.Direction)
		if err == nil {
			s.Compliance = &Compliance{Limit: *k.LegalLimit, Count: c.Count, Within: c.Within, Share: c.Share}
			gaps := make(map[string]float64, len(c.Gaps))
			for _, g := range c.Gaps {
				if g.Valid {
					gaps[g.Code] = g.Excess
				}
			}
			for i := range s.Rows {
				if g, ok := gaps[s.Rows[i].Code]; ok {
					s.Rows[i].Gap = &g
				}
			}
		}
	}
	return s, nil
}

func rows(def Definition, names map[string]string, places []kpi.Placing) []Row {
	group, focus := set(def.GroupMembers), set(def.Focus)
	out := make([]Row, 0, len(places))
	for _, p := range places {
		r := Row{Code: p.Code, Name: names[p.Code], Colour: p.Colour, InGroup: group[p.Code], Focus: focus[p.Code]}
		if p.Valid {
			v, pct := p.Value, p.Percentile
			r.Value, r.Rank, r.Percentile = &v, p.Rank, &pct
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Rank == 0) != (b.Rank == 0) {
			return b.Rank == 0
		}
		if a.Rank != b.Rank {
			return a.Rank < b.Rank
		}
		return a.Code < b.Code
	})
	return out
}

// summary is the mean and median over members (every municipality when
// nil), with how many of them there are.
func summary(values []kpi.Value, members []string) Summary {
	n := len(members)
	if members == nil {
		n = len(values)
	}
	s, err := kpi.GroupStats(values, members)
	if err != nil || s.Count == 0 {
		return Summary{Members: n}
	}
	mean, median := s.Mean, s.Median
	return Summary{Mean: &mean, Median: &median, Count: s.Count, Members: n}
}

func set(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

func trends(def Definition, data Dataset, k KPI, years []int) []Trend {
	var out []Trend
	for _, code := range def.Focus {
		series := map[int]float64{}
		for _, y := range years {
			if v, ok := data.Values[Key{k.ID, code, y}]; ok {
				series[y] = v
			}
		}
		t := Trend{KPI: k.ID, Code: code, Series: series}
		for _, y := range years {
			if data.SyntheticValues[Key{k.ID, code, y}] {
				t.SyntheticYears = append(t.SyntheticYears, y)
			}
		}
		if tr, err := kpi.TrendOf(series, k.Direction); err == nil {
			change, slope := tr.Change, tr.Slope
			t.Change, t.Slope, t.Improving = &change, &slope, tr.Improving
			if tr.HasPercent {
				pct := tr.PercentChange
				t.Percent = &pct
			}
		}
		out = append(out, t)
	}
	return out
}
