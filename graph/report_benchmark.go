package graph

import (
	"context"
	"encoding/json"
	"time"

	"github.com/leanforum/awards/reports/benchmark"
	"github.com/leanforum/awards/reports/kpi"
	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// benchmarkVersionPDF renders a published version from its snapshot, so
// the PDF never changes either; anyone may read it.
func (h *Handler) benchmarkVersionPDF(ctx context.Context, id int64, version int, lang pdf.Lang) ([]byte, error) {
	v, err := h.db.FindBenchmarkVersion(ctx, id, version)
	if err != nil {
		return nil, err
	}
	r := &benchmark.Report{}
	if err := json.Unmarshal(v.Snapshot, r); err != nil {
		return nil, err
	}
	return pdf.Benchmark(h.fonts, benchmarkPDF(r, v.DataDate, lang))
}

// benchmarkPreviewPDF renders a definition from today's values; admins only.
func (h *Handler) benchmarkPreviewPDF(ctx context.Context, id int64, lang pdf.Lang) ([]byte, error) {
	if !store.ActorFrom(ctx).IsAdmin() {
		return nil, store.Errorf(store.Forbidden, "only admins preview benchmark reports")
	}
	def, err := h.db.FindBenchmarkReport(ctx, id)
	if err != nil {
		return nil, err
	}
	r, date, err := buildReport(ctx, h.db, def)
	if err != nil {
		return nil, err
	}
	return pdf.Benchmark(h.fonts, benchmarkPDF(r, date, lang))
}

// benchmarkPDF lays a report out for the PDF: per KPI its latest year in
// full, and the statistics of every year the report covers.
func benchmarkPDF(r *benchmark.Report, date time.Time, lang pdf.Lang) pdf.BenchmarkReport {
	out := pdf.BenchmarkReport{Lang: lang, Date: date, Title: r.Title, Names: map[string]string{},
		Thresholds: kpi.DefaultThresholds()}
	for _, f := range r.Focus {
		out.Focus = append(out.Focus, f.Code)
		out.Names[f.Code] = f.Name
	}
	byKPI := map[string][]benchmark.Section{}
	var order []string
	for _, s := range r.Sections {
		if _, ok := byKPI[s.KPI.ID]; !ok {
			order = append(order, s.KPI.ID)
		}
		byKPI[s.KPI.ID] = append(byKPI[s.KPI.ID], s)
	}
	marked := perValueMarks(r)
	for _, id := range order {
		ss := byKPI[id]
		k := benchmarkKPIPDF(ss[len(ss)-1], r, out.Names, lang, marked)
		for _, s := range ss {
			k.Years = append(k.Years, pdf.BenchmarkYear{Year: s.Year, Groups: groupsPDF(s, r, lang),
				Compliance: compliancePDF(s.Compliance)})
		}
		out.KPIs = append(out.KPIs, k)
	}
	return out
}

// perValueMarks reports whether the report marks its synthetic values one
// by one; a version published before they were kept does not, and then
// every value of a synthetic report counts as synthetic.
func perValueMarks(r *benchmark.Report) bool {
	for _, s := range r.Sections {
		for _, row := range s.Rows {
			if row.Synthetic {
				return true
			}
		}
	}
	return false
}

func benchmarkKPIPDF(s benchmark.Section, r *benchmark.Report, names map[string]string, lang pdf.Lang, marked bool) pdf.BenchmarkKPI {
	w := reportWords(lang)
	k := pdf.BenchmarkKPI{ID: s.KPI.ID, Title: s.KPI.Title, Unit: s.KPI.Unit, Year: s.Year, Direction: s.KPI.Direction,
		Source: "Kolada", Series: map[string]pdf.Series{}, LegalLimit: s.KPI.LegalLimit,
		Compliance: compliancePDF(s.Compliance), Synthetic: map[string]bool{}, SeriesSynthetic: map[string]pdf.Marks{}}
	if r.Synthetic {
		k.Source = w.syntheticSource
	}
	for _, row := range s.Rows {
		names[row.Code] = row.Name
		p := kpi.Placing{Code: row.Code, Rank: row.Rank, Colour: row.Colour}
		if row.Value != nil {
			p.Value, p.Valid, p.Percentile = *row.Value, true, *row.Percentile
			if row.Synthetic || (r.Synthetic && !marked) {
				k.Synthetic[row.Code] = true
			}
		}
		k.Placings = append(k.Placings, p)
	}
	k.Groups = groupsPDF(s, r, lang)
	for _, t := range r.Trends {
		if t.KPI != s.KPI.ID {
			continue
		}
		k.Series[t.Code] = pdf.Series(t.Series)
		m := pdf.Marks{}
		for y := range t.Series {
			m[y] = r.Synthetic && !marked
		}
		for _, y := range t.SyntheticYears {
			m[y] = true
		}
		k.SeriesSynthetic[t.Code] = m
	}
	return k
}

// groupsPDF are a section's national and comparison-group statistics.
func groupsPDF(s benchmark.Section, r *benchmark.Report, lang pdf.Lang) []pdf.GroupSummary {
	gs := []pdf.GroupSummary{{Name: reportWords(lang).national, Summary: summaryOf(s.National)}}
	if s.Group != nil && r.GroupTitle != "" {
		gs = append(gs, pdf.GroupSummary{Name: r.GroupTitle, Summary: summaryOf(*s.Group)})
	}
	return gs
}

func compliancePDF(c *benchmark.Compliance) *pdf.Compliance {
	if c == nil {
		return nil
	}
	return &pdf.Compliance{Limit: c.Limit, Count: c.Count, Within: c.Within, Share: c.Share}
}

func summaryOf(s benchmark.Summary) kpi.Summary {
	out := kpi.Summary{Count: s.Count, Members: s.Members}
	if s.Mean != nil {
		out.Mean = *s.Mean
	}
	if s.Median != nil {
		out.Median = *s.Median
	}
	return out
}

// reportText is what the handlers themselves put into a PDF, in its language.
type reportText struct{ national, otherArea, syntheticSource string }

func reportWords(l pdf.Lang) reportText {
	if l == pdf.English {
		return reportText{national: "Sweden", otherArea: "Other", syntheticSource: "Kolada format, synthetic demo values"}
	}
	return reportText{national: "Riket", otherArea: "Övrigt", syntheticSource: "Kolada-format, syntetiska demovärden"}
}
