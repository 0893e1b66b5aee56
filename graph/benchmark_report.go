package graph

import (
	"context"
	"strconv"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/benchmark"
	"github.com/leanforum/awards/store"
)

func (s *schema) benchmarkReportTypes() (report, version *graphql.Object) {
	version = obj("BenchmarkVersion", "A published, immutable version: later imports do not change it.", graphql.Fields{
		"version": {Type: nonNull(graphql.Int)}, "title": {Type: nonNull(graphql.String)},
		"dataDate":    {Type: nonNull(s.date), Description: "When the KPI values it was built from last changed."},
		"publishedAt": {Type: nonNull(graphql.DateTime)},
		"content": {Type: nonNull(s.bench.report), Resolve: func(p graphql.ResolveParams) (any, error) {
			v := p.Source.(*store.BenchmarkVersion)
			decode := func(snapshot []byte) (any, error) {
				if snapshot == nil {
					return nil, store.Errorf(store.NotFound, "benchmark report %d has no version %d", v.ReportID, v.Version)
				}
				return s.snapshots.decode(store.VersionKey{Report: v.ReportID, Version: v.Version}, snapshot)
			}
			if len(v.Snapshot) > 2 { // read with its snapshot
				return decode(v.Snapshot)
			}
			// Listed without: the snapshots of every listed version come in one statement.
			return loadersFrom(p.Context).snapshots.then(p.Context, store.VersionKey{Report: v.ReportID, Version: v.Version},
				func(b []byte) (any, error) { return decode(b) }), nil
		}},
		"pdf": {Type: nonNull(graphql.String), Description: "Where to download it as PDF.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				v := p.Source.(*store.BenchmarkVersion)
				return benchmarkPDFPath(v.ReportID, v.Version), nil
			}},
	})
	report = graphql.NewObject(graphql.ObjectConfig{Name: "BenchmarkReport",
		Description: "An admin's definition of a benchmark report. Anyone can read those with a published version.",
		Fields: graphql.Fields{
			"id": {Type: nonNull(idType)}, "title": {Type: nonNull(graphql.String)},
			"kpiIds": {Type: listOf(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
				return []string(p.Source.(*store.BenchmarkReport).KPIIDs), nil
			}},
			"years": {Type: listOf(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) {
				return ints(p.Source.(*store.BenchmarkReport).Years), nil
			}},
			"groupId": {Type: graphql.String},
			"focus": {Type: listOf(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
				return []string(p.Source.(*store.BenchmarkReport).Focus), nil
			}},
			"version": {Type: nonNull(graphql.Int), Description: "The definition's version; send it back with changes."},
			"versions": {Type: listOf(version), Description: "Published versions, newest first.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					return loadersFrom(p.Context).versionsByReport.load(p.Context, p.Source.(*store.BenchmarkReport).ID), nil
				}},
		}})
	return report, version
}

func ints(xs []int64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x)
	}
	return out
}

// buildReport builds a definition's report from the current values.
func buildReport(ctx context.Context, db *store.DB, r *store.BenchmarkReport) (*benchmark.Report, time.Time, error) {
	def, err := definitionOf(ctx, db, r.Title, r.KPIIDs, ints(r.Years), r.GroupID, r.Focus)
	if err != nil {
		return nil, time.Time{}, err
	}
	data, err := panelDataset(ctx, db, def)
	if err != nil {
		return nil, time.Time{}, err
	}
	built, err := benchmark.Build(def, data)
	if err != nil {
		return nil, time.Time{}, analysisError(err)
	}
	date, err := db.DataDate(ctx, r.KPIIDs)
	return built, date, err
}

func benchmarkPDFPath(id int64, version int) string {
	return "/reports/benchmarks/" + key(id) + "/versions/" + strconv.Itoa(version) + ".pdf"
}
