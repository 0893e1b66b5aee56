package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// benchmarksData is the list of published reports.
type benchmarksData struct {
	BenchmarkReports struct {
		Nodes []benchmarkItem `json:"nodes"`
	} `json:"benchmarkReports"`
}

// benchmarkData is a report with its versions' content.
type benchmarkData struct {
	BenchmarkReport *struct {
		ID       string             `json:"id"`
		Title    string             `json:"title"`
		Versions []benchmarkVersion `json:"versions"`
	} `json:"benchmarkReport"`
	// Version is the version shown; All shows every municipality.
	Version *benchmarkVersion `json:"-"`
	All     bool              `json:"-"`
}

type benchmarkVersion struct {
	Version     int    `json:"version"`
	Title       string `json:"title"`
	PublishedAt string `json:"publishedAt"`
	DataDate    string `json:"dataDate"`
	PDF         string `json:"pdf"`
	Content     struct {
		Title      string `json:"title"`
		GroupTitle string `json:"groupTitle"`
		Synthetic  bool   `json:"synthetic"`
		Years      []int  `json:"years"`
		Focus      []struct {
			Code string `json:"code"`
			Name string `json:"name"`
		} `json:"focus"`
		Trends   []focusTrend     `json:"trends"`
		Sections []benchmarkTable `json:"sections"`
	} `json:"content"`
}

type focusTrend struct {
	Code          string   `json:"code"`
	KPI           string   `json:"kpi"`
	Change        *float64 `json:"change"`
	PercentChange *float64 `json:"percentChange"`
	Improving     bool     `json:"improving"`
	Series        []point  `json:"series"`
}

type point struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
}

type benchmarkTable struct {
	Year int `json:"year"`
	KPI  struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		Unit       string   `json:"unit"`
		Direction  string   `json:"direction"`
		LegalLimit *float64 `json:"legalLimit"`
	} `json:"kpi"`
	National   summary  `json:"national"`
	Group      *summary `json:"group"`
	Compliance *struct {
		Count  int     `json:"count"`
		Limit  float64 `json:"limit"`
		Within int     `json:"within"`
		Share  float64 `json:"share"`
	} `json:"compliance"`
	Rows []benchmarkRow `json:"rows"`
}

type summary struct {
	Count   int      `json:"count"`
	Mean    *float64 `json:"mean"`
	Median  *float64 `json:"median"`
	Members int      `json:"members"`
}

type benchmarkRow struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	Value      *float64 `json:"value"`
	Rank       *int     `json:"rank"`
	Percentile *float64 `json:"percentile"`
	Colour     string   `json:"colour"`
	Focus      bool     `json:"focus"`
	InGroup    bool     `json:"inGroup"`
	Gap        *float64 `json:"gap"`
}

// kpiBlock is what the page shows for one KPI: its latest year's table,
// the focus municipalities' trends and their chart.
type kpiBlock struct {
	Table  benchmarkTable
	Rows   []benchmarkRow
	Trends []namedTrend
	Chart  lineChart
}

type namedTrend struct {
	Name string
	focusTrend
}

// KPIs are the version's KPIs in order, each with its latest year.
func (d *benchmarkData) KPIs() []kpiBlock {
	c := d.Version.Content
	names := map[string]string{}
	for _, f := range c.Focus {
		names[f.Code] = f.Name
	}
	var order []string
	latest := map[string]benchmarkTable{}
	for _, s := range c.Sections {
		prev, seen := latest[s.KPI.ID]
		if !seen {
			order = append(order, s.KPI.ID)
		}
		if !seen || s.Year > prev.Year {
			latest[s.KPI.ID] = s
		}
	}
	out := make([]kpiBlock, 0, len(order))
	for _, id := range order {
		b := kpiBlock{Table: latest[id]}
		for _, r := range b.Table.Rows {
			if d.All || r.Focus || r.InGroup {
				b.Rows = append(b.Rows, r)
			}
		}
		var lines []chartSeries
		for _, t := range c.Trends {
			if t.KPI == id {
				b.Trends = append(b.Trends, namedTrend{Name: names[t.Code], focusTrend: t})
				lines = append(lines, chartSeries{Name: names[t.Code], Points: t.Series})
			}
		}
		b.Chart = newLineChart(c.Years, lines, b.Table.KPI.LegalLimit)
		out = append(out, b)
	}
	return out
}

// Point is the value of a trend in year, or nil.
func (t namedTrend) Point(year int) *float64 {
	for _, p := range t.Series {
		if p.Year == year {
			v := p.Value
			return &v
		}
	}
	return nil
}

func (s *Server) benchmarks(w http.ResponseWriter, r *http.Request) {
	v := &view{TitleKey: "benchmarks.title"}
	var d benchmarksData
	if !s.read(w, r, "benchmarks", nil, v, &d) {
		return
	}
	s.render(w, r, http.StatusOK, "benchmarks", v)
}

// benchmark is one published version: /benchmarks/{id}/versions/{v}
// (?all=1 for every municipality, not only the focus and the group).
func (s *Server) benchmark(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	n, ok2 := pathID(r, "version")
	if !ok || !ok2 {
		s.notFound(w, r)
		return
	}
	v := &view{Flash: s.flash(w, r)}
	d := benchmarkData{All: r.URL.Query().Get("all") == "1"}
	if !s.read(w, r, "benchmark", map[string]any{"id": id, "focusOnly": !d.All}, v, &d) {
		return
	}
	if d.BenchmarkReport != nil {
		for i := range d.BenchmarkReport.Versions {
			if strconv.Itoa(d.BenchmarkReport.Versions[i].Version) == n {
				d.Version = &d.BenchmarkReport.Versions[i]
			}
		}
	}
	if d.Version == nil {
		s.errorPage(w, r, graph.Error{Code: store.NotFound})
		return
	}
	v.Title = d.Version.Title
	s.render(w, r, http.StatusOK, "benchmark", v)
}

// TrendSummary is the chart's text alternative: each line's first and
// last value, and the legal limit.
func (v *view) TrendSummary(k kpiBlock) string {
	var parts []string
	for _, t := range k.Trends {
		if len(t.Series) == 0 {
			continue
		}
		first, last := t.Series[0], t.Series[len(t.Series)-1]
		parts = append(parts, v.T("chart.lineSummary", t.Name, v.Num(first.Value), first.Year, v.Num(last.Value), last.Year))
	}
	s := strings.Join(parts, "; ") + "."
	if l := k.Table.KPI.LegalLimit; l != nil {
		s += " " + v.T("chart.limitSummary", v.Num(*l))
	}
	return s
}
