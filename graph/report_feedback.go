package graph

import (
	"context"
	"strconv"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// feedbackPDF renders an application's feedback report for the caller.
func (h *Handler) feedbackPDF(ctx context.Context, appID int64, lang pdf.Lang) ([]byte, error) {
	d, err := h.db.FindFeedbackData(ctx, appID)
	if err != nil {
		return nil, err
	}
	r, err := feedbackReport(d, lang)
	if err != nil {
		return nil, err
	}
	if err := h.addKPIContext(ctx, d, &r); err != nil {
		return nil, err
	}
	return pdf.Feedback(h.fonts, r)
}

// feedbackReport lays out the feedback: per scored criterion the agreed
// score (or, without one, the jurors' aggregated score) with the merged
// comments, never a juror's name.
func feedbackReport(d *store.FeedbackData, lang pdf.Lang) (pdf.FeedbackReport, error) {
	r := pdf.FeedbackReport{Lang: lang, Date: d.Application.UpdatedAt.UTC(), Award: d.AwardName,
		Cycle: strconv.Itoa(d.Cycle.Year), Organisation: d.Organisation.Name, Application: d.Application.Title}
	if d.Application.Decision != nil {
		r.Decision = pdf.Decision(*d.Application.Decision)
	}
	agreed := map[int64]*store.Consensus{}
	for _, c := range d.Consensus {
		agreed[c.CriterionID] = c
	}
	var weight, total float64
	for _, k := range scoredCriteria(d.Criteria) {
		fc, ok := feedbackCriterion(k, agreed[k.ID], d.Cells[k.ID], d.Cycle.Aggregation)
		if !ok {
			continue
		}
		r.Criteria = append(r.Criteria, fc)
		if !k.Independent {
			weight += k.Weight
			total += k.Weight * (fc.Score - fc.Min) / (fc.Max - fc.Min) * 100
		}
		if r.OverallBands == nil {
			r.OverallBands = percentBands(k)
		}
	}
	if len(r.Criteria) == 0 {
		return r, store.Errorf(store.WrongPhase, "application %d has no scores or agreed scores yet", d.Application.ID)
	}
	if weight > 0 {
		r.Overall = total / weight
	}
	for _, ind := range d.Indicators {
		r.Indicators = append(r.Indicators, indicatorOf(ind))
	}
	return r, nil
}

// addKPIContext gives each indicator that names a Kolada KPI and a
// municipality the official series and its kommungrupp's median by year.
func (h *Handler) addKPIContext(ctx context.Context, d *store.FeedbackData, r *pdf.FeedbackReport) error {
	var ids []string
	for _, ind := range d.Indicators {
		if ind.KpiID != nil && ind.MunicipalityCode != nil {
			ids = append(ids, *ind.KpiID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	series, err := h.db.FindSeriesByKPI(ctx, ids)
	if err != nil {
		return err
	}
	kpis, err := h.db.FindKPIsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	for i, ind := range d.Indicators {
		if ind.KpiID == nil || ind.MunicipalityCode == nil || kpis[*ind.KpiID] == nil {
			continue
		}
		c, err := h.kpiContext(ctx, kpis[*ind.KpiID], *ind.MunicipalityCode, series[*ind.KpiID])
		if err != nil {
			return err
		}
		r.Indicators[i].KPI = c
	}
	return nil
}

func (h *Handler) kpiContext(ctx context.Context, k *store.KPI, code string, values []store.PanelValue) (*pdf.KPIContext, error) {
	m, err := h.db.FindMunicipalityByCode(ctx, code)
	if store.ErrorCode(err) == store.NotFound {
		return nil, nil
	}
	if err != nil || m.KommungruppID == nil {
		return nil, err
	}
	g, err := h.db.FindGroupByID(ctx, *m.KommungruppID)
	if err != nil {
		return nil, err
	}
	pk, _ := profileKPI(k, code, 0, values, g.Members)
	if len(pk.Series) == 0 {
		return nil, nil
	}
	return &pdf.KPIContext{ID: k.ID, Title: k.Title, Municipality: m.Name, Group: g.Title,
		Values: pk.Series, GroupMedian: pk.GroupMedian}, nil
}

func feedbackCriterion(k *store.Criterion, c *store.Consensus, cell *store.FeedbackCell, aggregation string) (pdf.FeedbackCriterion, bool) {
	fc := pdf.FeedbackCriterion{Code: k.Code, Title: k.Title, Weight: k.Weight, Min: k.ScaleMin, Max: k.ScaleMax}
	for _, b := range k.Bands {
		fc.Bands = append(fc.Bands, pdf.Band{From: b.From, To: b.To, Label: b.Label})
	}
	if cell != nil {
		fc.Strengths, fc.Improvements = cell.Strengths, cell.Opportunities
	}
	switch {
	case c != nil:
		fc.Score = c.Value
		if c.Strengths != "" || c.Opportunities != "" {
			fc.Strengths, fc.Improvements = []string{c.Strengths}, []string{c.Opportunities}
		}
	case cell != nil && len(cell.Values) > 0:
		fc.Score = aggregate(cell.Values, aggregation)
	default:
		return fc, false
	}
	return fc, true
}

func aggregate(vs []float64, how string) float64 {
	st := scoring.Describe(vs)
	if how == "MEDIAN" {
		return st.Median
	}
	return st.Mean
}

// percentBands are a criterion's bands as percent of its scale.
func percentBands(k *store.Criterion) []pdf.Band {
	var out []pdf.Band
	for _, b := range k.Bands {
		pct := func(v float64) float64 { return (v - k.ScaleMin) / (k.ScaleMax - k.ScaleMin) * 100 }
		out = append(out, pdf.Band{From: pct(b.From), To: pct(b.To), Label: b.Label})
	}
	return out
}

// scoredCriteria are the criteria without items, in order.
func scoredCriteria(all []*store.Criterion) []*store.Criterion {
	parents := map[int64]bool{}
	for _, k := range all {
		if k.ParentID != nil {
			parents[*k.ParentID] = true
		}
	}
	var out []*store.Criterion
	for _, k := range all {
		if !parents[k.ID] {
			out = append(out, k)
		}
	}
	return out
}

func indicatorOf(ind *store.Indicator) pdf.Indicator {
	d, _ := kpi.ParseDirection(ind.Direction)
	return pdf.Indicator{Name: ind.Name, Unit: ind.Unit, Direction: d, Baseline: ind.BaselineValue,
		Current: ind.CurrentValue, BaselineOn: ind.BaselineOn, CurrentOn: ind.CurrentOn, LegalLimit: ind.LegalLimit}
}
