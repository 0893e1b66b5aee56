package graph

import (
	"context"
	"math"
	"net/url"
	"strconv"
	gostrings "strings"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// maxPDFProfileKPIs bounds a profile PDF asked for without naming KPIs.
const maxPDFProfileKPIs = 10

// profilePDF renders a municipality's profile from public data: ?year=
// (required), ?kpis= (comma-separated; default the first ten with a
// value), ?similar= (structural KPIs for the similar municipalities).
func (h *Handler) profilePDF(ctx context.Context, code string, q url.Values, lang pdf.Lang) ([]byte, error) {
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 1900 || year > 2100 {
		return nil, store.InvalidField("year", "give ?year=, such as 2022")
	}
	m, err := h.db.FindMunicipalityByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	ids := splitList(q.Get("kpis"))
	if len(ids) == 0 {
		if ids, err = h.db.FindKPIIDsWithValue(ctx, code, year, maxPDFProfileKPIs); err != nil {
			return nil, err
		}
	}
	r, err := h.profileReport(ctx, m, ids, year, lang)
	if err != nil {
		return nil, err
	}
	if similar := splitList(q.Get("similar")); len(similar) > 0 {
		vars, err := matrix(ctx, h.db, similar, year)
		if err != nil {
			return nil, err
		}
		if r.Similar, err = kpi.Similar(code, vars, nil, kpi.DefaultNeighbours); err != nil {
			return nil, analysisError(err)
		}
	}
	return pdf.Profile(h.fonts, r)
}

func splitList(s string) []string {
	var out []string
	for _, x := range gostrings.Split(s, ",") {
		if x = gostrings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (h *Handler) profileReport(ctx context.Context, m *store.Municipality, ids []string, year int, lang pdf.Lang) (pdf.ProfileReport, error) {
	r := pdf.ProfileReport{Lang: lang, Municipality: m.Code, Names: map[string]string{}, Group: deref(m.KommungruppTitle)}
	if r.Group == "" {
		r.Group = "–"
	}
	all, err := h.db.FindMunicipalities(ctx, store.MunicipalityFilter{Type: "K"})
	if err != nil {
		return r, err
	}
	for _, x := range all {
		r.Names[x.Code] = x.Name
	}
	var members []string
	if m.KommungruppID != nil {
		g, err := h.db.FindGroupByID(ctx, *m.KommungruppID)
		if err != nil {
			return r, err
		}
		members = g.Members
	}
	kpis, err := h.db.FindKPIsByIDs(ctx, ids)
	if err != nil {
		return r, err
	}
	series, err := h.db.FindSeriesByKPI(ctx, ids)
	if err != nil {
		return r, err
	}
	for _, id := range ids {
		if k := kpis[id]; k != nil {
			if pk, ok := profileKPI(k, m.Code, year, series[id], members); ok {
				r.KPIs = append(r.KPIs, pk)
			}
		}
	}
	if len(r.KPIs) == 0 {
		return r, store.InvalidField("kpis", "%s has no value of these KPIs in %d", m.Code, year)
	}
	r.Areas = areaPoints(r.KPIs, kpis, m.Code, year, lang)
	r.Date, err = h.db.DataDate(ctx, ids)
	return r, err
}

func profileKPI(k *store.KPI, code string, year int, values []store.PanelValue, members []string) (pdf.ProfileKPI, bool) {
	pk := pdf.ProfileKPI{ID: k.ID, Title: k.Title, Unit: k.Unit, Year: year, Direction: benchKPI(k).Direction,
		Series: pdf.Series{}, GroupMedian: pdf.Series{}, LegalLimit: k.LegalLimit,
		Synthetic: map[string]bool{}, SeriesSynthetic: pdf.Marks{}, GroupSynthetic: pdf.Marks{}}
	inGroup := map[string]bool{}
	for _, c := range members {
		inGroup[c] = true
	}
	byYear := map[int][]float64{}
	var cross []kpi.Value
	for _, v := range values {
		if v.Year == year {
			cross = append(cross, kpi.Value{Code: v.Code, Value: v.Value, Valid: true})
			if v.Synthetic {
				pk.Synthetic[v.Code] = true
			}
		}
		if v.Code == code {
			pk.Series[v.Year] = v.Value
			pk.SeriesSynthetic[v.Year] = v.Synthetic
		}
		if inGroup[v.Code] {
			byYear[v.Year] = append(byYear[v.Year], v.Value)
			pk.GroupSynthetic[v.Year] = pk.GroupSynthetic[v.Year] || v.Synthetic
		}
	}
	for y, vs := range byYear {
		pk.GroupMedian[y] = scoring.Describe(vs).Median
	}
	places, err := kpi.Place(cross, pk.Direction, kpi.DefaultThresholds())
	if err != nil || !hasCode(places, code) {
		return pk, false
	}
	pk.Placings = places
	if ms := present(cross, members); len(ms) > 0 {
		pk.GroupStats, _ = kpi.GroupStats(cross, ms)
	}
	return pk, true
}

func hasCode(places []kpi.Placing, code string) bool {
	for _, p := range places {
		if p.Code == code && p.Valid {
			return true
		}
	}
	return false
}

// areaPoints is the municipality's mean percentile (0–100) by operating
// area of the chosen KPIs, out of 100 per area. A KPI for which neither
// way is better has no percentile that means better and is left out of
// the points, and counted as left out.
func areaPoints(items []pdf.ProfileKPI, kpis map[string]*store.KPI, code string, year int, lang pdf.Lang) *pdf.AreaPoints {
	sums, counts := map[string]float64{}, map[string]int{}
	c := &pdf.AreaPoints{Year: year}
	var areas []string
	for _, it := range items {
		if it.Direction == kpi.Neutral {
			c.Excluded++
			continue
		}
		area := kpis[it.ID].OperatingArea
		if area == "" {
			area = reportWords(lang).otherArea
		}
		for _, p := range it.Placings {
			if p.Code == code && p.Valid {
				if counts[area] == 0 {
					areas = append(areas, area)
				}
				sums[area] += p.Percentile
				counts[area]++
			}
		}
	}
	for _, a := range areas {
		c.Areas = append(c.Areas, pdf.AreaPoint{Name: a, Points: math.Round(sums[a] / float64(counts[a])), Max: 100, KPIs: counts[a]})
	}
	return c
}
