package graph

import (
	"context"
	"strconv"
	"time"

	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
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
	if r.Municipality, err = h.municipalityLabel(ctx, d.Organisation.MunicipalityCode); err != nil {
		return nil, err
	}
	return pdf.Feedback(h.fonts, r)
}

// feedbackReport lays out the feedback: per scored criterion its final
// score (the agreed consensus, else the jury's aggregate, saying which)
// with the merged comments, never a juror's name; the decision with the
// jury's citation; and the measured results. A cycle recorded without
// scores (a historical one) still has its feedback, which says so.
func feedbackReport(d *store.FeedbackData, lang pdf.Lang) (pdf.FeedbackReport, error) {
	r := pdf.FeedbackReport{Lang: lang, Date: feedbackDate(d), Award: d.AwardName,
		Cycle: strconv.Itoa(d.Cycle.Year), Organisation: d.Organisation.Name, Application: d.Application.Title,
		Citation: d.Application.Citation, Historical: d.Cycle.Historical,
		MunicipalityVerified: d.Organisation.MunicipalityVerified()}
	if d.Application.Decision != nil {
		r.Decision = pdf.Decision(*d.Application.Decision)
	}
	fs := finalScores(d)
	for _, f := range fs {
		r.Criteria = append(r.Criteria, feedbackCriterion(f))
		if r.OverallBands == nil {
			r.OverallBands = percentBands(f.Criterion)
		}
	}
	r.Overall = overallPercent(fs)
	if r.Overall == nil && d.Cycle.Phase != store.PhasePublished && r.Decision == "" {
		return r, store.Errorf(store.WrongPhase, "application %d has no scores, agreed scores or decision yet", d.Application.ID)
	}
	for _, ind := range d.Indicators {
		r.Indicators = append(r.Indicators, indicatorOf(ind))
	}
	return r, nil
}

// municipalityLabel names a municipality code as "Malmö (1280)", the code
// alone when no municipality has it, and nil as "".
func (h *Handler) municipalityLabel(ctx context.Context, code *string) (string, error) {
	if code == nil {
		return "", nil
	}
	m, err := h.db.FindMunicipalityByCode(ctx, *code)
	if store.ErrorCode(err) == store.NotFound {
		return *code, nil
	}
	if err != nil {
		return "", err
	}
	return m.Name + " (" + *code + ")", nil
}

// feedbackDate is the date the feedback's data refer to: the
// application's last change, but for a cycle recorded without scores no
// later than the end of its scoring, so that a historical cycle loaded
// today is not dated today.
func feedbackDate(d *store.FeedbackData) time.Time {
	t := d.Application.UpdatedAt
	if len(d.Cells) == 0 && len(d.Consensus) == 0 && d.Cycle.ScoringClosesAt.Before(t) {
		t = d.Cycle.ScoringClosesAt
	}
	return t.UTC()
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
		if r.Indicators[i].LegalLimit == nil {
			r.Indicators[i].LegalLimit = kpis[*ind.KpiID].LegalLimit
		}
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
		Values: pk.Series, GroupMedian: pk.GroupMedian, Synthetic: pk.SeriesSynthetic, GroupSynthetic: pk.GroupSynthetic}, nil
}

func feedbackCriterion(f finalScore) pdf.FeedbackCriterion {
	k := f.Criterion
	fc := pdf.FeedbackCriterion{Code: k.Code, Title: k.Title, Weight: k.Weight, Min: k.ScaleMin, Max: k.ScaleMax,
		Basis: pdf.Basis(f.Basis), Jurors: f.Jurors, Strengths: f.Strengths, Improvements: f.Opportunities}
	for _, b := range k.Bands {
		fc.Bands = append(fc.Bands, pdf.Band{From: b.From, To: b.To, Label: b.Label})
	}
	if f.Value != nil {
		fc.Score = *f.Value
	}
	return fc
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
