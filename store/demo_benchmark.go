package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"strings"

	"github.com/lib/pq"
)

// The years of the demo's benchmark values.
const (
	DemoFirstYear = 2018
	DemoLastYear  = 2023
)

// DemoStatus is the status of every value the demo makes up, so that the
// word shows wherever a value's status does.
const DemoStatus = "syntetisk"

// benchmark loads the demo's benchmark set: the award material's
// municipalities with their kommungrupp peers, the groups, the KPIs and
// synthetic values for DemoFirstYear–DemoLastYear, generated here
// deterministically and marked synthetic. Nothing already stored (say, by
// an import of Kolada's files) is overwritten.
func (d *demoSet) benchmark(ctx context.Context) error {
	steps := []func(context.Context) error{d.benchmarkMunicipalities, d.benchmarkKPIs, d.benchmarkValues}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return fmt.Errorf("store: demo benchmark: %w", err)
		}
	}
	return nil
}

// demoMember is a municipality of a demo kommungrupp.
type demoMember struct{ code, name string }

func (g demoKommungrupp) memberList() []demoMember {
	var out []demoMember
	for _, m := range strings.Split(g.members, "; ") {
		code, name, _ := strings.Cut(m, " ")
		out = append(out, demoMember{code, name})
	}
	return out
}

func (d *demoSet) benchmarkMunicipalities(ctx context.Context) error {
	var codes, names, counties, countyNames, groups []string
	for _, g := range demoKommungrupper {
		for _, m := range g.memberList() {
			codes, names, groups = append(codes, m.code), append(names, m.name), append(groups, g.id)
			counties, countyNames = append(counties, m.code[:2]), append(countyNames, demoCounties[m.code[:2]])
		}
		if _, err := d.tx.exec(ctx, `INSERT INTO municipality_groups (id, title, kind, demo)
			VALUES ($1, $2, 'KOMMUNGRUPP', true) ON CONFLICT DO NOTHING`, g.id, g.title); err != nil {
			return err
		}
	}
	if _, err := d.tx.exec(ctx, `INSERT INTO municipalities (code, name, type, county_code, county_name, demo)
		SELECT c, n, 'K', cc, cn, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(c, n, cc, cn)
		ON CONFLICT DO NOTHING`, pq.Array(codes), pq.Array(names), pq.Array(counties), pq.Array(countyNames)); err != nil {
		return err
	}
	_, err := d.tx.exec(ctx, `INSERT INTO municipality_group_members (group_id, municipality_code)
		SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, pq.Array(groups), pq.Array(codes))
	return err
}

func (d *demoSet) benchmarkKPIs(ctx context.Context) error {
	for _, k := range demoKPIs {
		s := DefaultKPISettings(k.id)
		_, err := d.tx.exec(ctx, `INSERT INTO kpis (id, title, is_divided_by_gender, municipality_type,
				operating_area, perspective, unit, direction, legal_limit, demo)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true) ON CONFLICT DO NOTHING`,
			k.id, k.title, k.byGender, k.municipalityType, k.area, k.perspective, s.Unit, s.Direction, s.LegalLimit)
		if err != nil {
			return err
		}
	}
	return nil
}

// benchmarkValues makes up every member's values, and each group's as the
// unweighted mean of its members' (as Kolada computes it), and copies
// them in; a record already stored is kept.
func (d *demoSet) benchmarkValues(ctx context.Context) error {
	cp, err := d.tx.stage(ctx, "demo_values_in", `kpi_id text, municipality_id text, period smallint,
		gender text, value double precision`, "kpi_id", "municipality_id", "period", "gender", "value")
	if err != nil {
		return err
	}
	defer cp.stmt.Close()
	for _, g := range demoKommungrupper {
		for _, k := range demoKPIs {
			for year := DemoFirstYear; year <= DemoLastYear; year++ {
				if err := copyDemoValues(ctx, cp, g, k, year); err != nil {
					return err
				}
			}
		}
	}
	if err := cp.flush(ctx); err != nil {
		return err
	}
	_, err = d.tx.exec(ctx, `INSERT INTO kpi_records (kpi_id, municipality_id, period, `+
		perGender(`value_%[1]s, status_%[1]s`, ", ")+`, synthetic)
		SELECT kpi_id, municipality_id, period, `+
		perGender(`max(value) FILTER (WHERE gender = upper('%[1]s')),
			CASE WHEN bool_or(gender = upper('%[1]s')) THEN $1 END`, ", ")+`, true
		FROM demo_values_in GROUP BY kpi_id, municipality_id, period
		ON CONFLICT DO NOTHING`, DemoStatus)
	return err
}

// copyDemoValues sends the values of kpi in year for the members of g and
// for g itself.
func copyDemoValues(ctx context.Context, cp *copier, g demoKommungrupp, k demoKPI, year int) error {
	members := g.memberList()
	var sums []genderValue
	for _, m := range members {
		for i, v := range k.genders(k.value(g, m.code, year), m.code, year) {
			if i == len(sums) {
				sums = append(sums, genderValue{gender: v.gender})
			}
			sums[i].value += v.value
			if err := cp.add(ctx, k.id, m.code, year, v.gender, v.value); err != nil {
				return err
			}
		}
	}
	for _, s := range sums {
		if err := cp.add(ctx, k.id, g.id, year, s.gender, round(s.value/float64(len(members)), 1)); err != nil {
			return err
		}
	}
	return nil
}

// value makes up the total (T) value of k for a municipality of g in a
// year: the municipality's standing (fixed over the years), the group's
// rurality, a trend and a yearly wobble.
func (k demoKPI) value(g demoKommungrupp, code string, year int) float64 {
	u := demoNoise(k.id, code, 0)
	e := demoNoise(k.id, code, year)
	t := float64(year - DemoFirstYear)
	switch k.id {
	case "N01951": // population, around the group's typical size
		return round(g.population*math.Exp(k.spread*(2*u-1))*(1+k.trend*t), 0)
	case "N20900": // net cost deviation, percentage points around zero
		return round(k.spread*(2*u-1)+k.rural*g.rural+2*(2*e-1)+k.trend*t, k.decimals)
	}
	v := k.level * (1 + k.rural*g.rural) * (1 + k.spread*(2*u-1)) * (1 + k.trend*t) * (1 + 0.05*(2*e-1))
	return k.clamp(round(v, k.decimals))
}

// genders splits a total into T, K and M, for a KPI divided by gender.
func (k demoKPI) genders(total float64, code string, year int) []genderValue {
	t := genderValue{gender: "T", value: total}
	if !k.byGender {
		return []genderValue{t}
	}
	if k.id == "N01951" {
		women := math.Round(total * 0.497)
		return []genderValue{t, {gender: "K", value: women}, {gender: "M", value: total - women}}
	}
	gap := 0.08 * (2*demoNoise(k.id+"/gender", code, year) - 1)
	return []genderValue{t, {gender: "K", value: k.clamp(round(total*(1+gap), k.decimals))},
		{gender: "M", value: k.clamp(round(total*(1-gap), k.decimals))}}
}

// clamp keeps a share at most 100 %.
func (k demoKPI) clamp(v float64) float64 {
	if DefaultKPISettings(k.id).Unit == "%" {
		return math.Min(v, 100)
	}
	return v
}

// demoNoise is a number in [0, 1) fixed by its arguments.
func demoNoise(kpi, code string, year int) float64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%s/%d", kpi, code, year)
	return float64(h.Sum64()>>11) / (1 << 53)
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}
