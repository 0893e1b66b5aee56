package graph

import (
	"encoding/json"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) benchmarkReportFields(query, mutation graphql.Fields) {
	query["benchmarkReports"] = &graphql.Field{Type: nonNull(s.connectionType(s.benchReport)), Args: pageArgs,
		Description: "Published benchmark reports, without logging in (admins also see unpublished definitions).",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			page, err := pageFrom(p.Args)
			if err != nil {
				return nil, err
			}
			rows, more, err := s.db.FindBenchmarkReports(p.Context, page)
			if err != nil {
				return nil, err
			}
			return newConnection(rows, func(r *store.BenchmarkReport) int64 { return r.ID }, more,
				func() (int, error) { return s.db.CountBenchmarkReports(p.Context) }), nil
		}}
	query["benchmarkReport"] = &graphql.Field{Type: s.benchReport, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			r, err := s.db.FindBenchmarkReport(p.Context, id)
			if store.ErrorCode(err) == store.NotFound {
				return nil, nil
			}
			return r, err
		}}
	s.benchmarkReportMutations(mutation)
}

func (s *schema) benchmarkReportInput() *graphql.InputObject {
	return inputObject("BenchmarkReportInput", graphql.InputObjectConfigFieldMap{
		"title":   {Type: graphql.NewNonNull(graphql.String)},
		"kpiIds":  {Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(graphql.String)))},
		"years":   {Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(graphql.Int)))},
		"groupId": {Type: graphql.String, Description: "The comparison group."},
		"focus":   {Type: graphql.NewList(graphql.NewNonNull(graphql.String)), Description: "Municipalities in focus (codes)."},
	})
}

func benchmarkInput(m map[string]any) store.BenchmarkReportInput {
	in := store.BenchmarkReportInput{Title: str(m, "title"), KPIIDs: stringList(m["kpiIds"]), GroupID: optStr(m, "groupId"),
		Focus: stringList(m["focus"])}
	years, _ := m["years"].([]any)
	for _, y := range years {
		v, _ := y.(int)
		in.Years = append(in.Years, v)
	}
	return in
}

func (s *schema) benchmarkReportMutations(mutation graphql.Fields) {
	in := s.benchmarkReportInput()
	mutation["createBenchmarkReport"] = &graphql.Field{Type: nonNull(s.benchReport), Description: "Admins only.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(in)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.CreateBenchmarkReport(p.Context, benchmarkInput(input(p)))
		}}
	mutation["updateBenchmarkReport"] = &graphql.Field{Type: nonNull(s.benchReport),
		Description: "Changes the definition; published versions stay as they were. Admins only.",
		Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(idType)}, "version": {Type: graphql.NewNonNull(graphql.Int)},
			"input": {Type: graphql.NewNonNull(in)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return s.db.UpdateBenchmarkReport(p.Context, id, integer(p.Args, "version"), benchmarkInput(input(p)))
		}}
	mutation["previewBenchmarkReport"] = &graphql.Field{Type: nonNull(s.bench.report),
		Description: "Builds the report from today's values without publishing it; admins only.",
		Args:        graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			r, err := s.adminReport(p)
			if err != nil {
				return nil, err
			}
			built, _, err := buildReport(p.Context, s.db, r)
			return built, err
		}}
	mutation["publishBenchmarkReport"] = &graphql.Field{Type: nonNull(s.benchVersion),
		Description: "Builds the report and stores it as the next immutable version; anyone can then read it. Publishing what the latest version already holds returns that version (a double click publishes once). Admins only.",
		Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(idType)},
			"version": {Type: graphql.NewNonNull(graphql.Int), Description: "The definition's version you previewed."}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			r, err := s.adminReport(p)
			if err != nil {
				return nil, err
			}
			built, date, err := buildReport(p.Context, s.db, r)
			if err != nil {
				return nil, err
			}
			snapshot, err := json.Marshal(built)
			if err != nil {
				return nil, err
			}
			return s.db.PublishBenchmarkReport(p.Context, r.ID, integer(p.Args, "version"), snapshot, date)
		}}
}

func (s *schema) adminReport(p graphql.ResolveParams) (*store.BenchmarkReport, error) {
	if !store.ActorFrom(p.Context).IsAdmin() {
		return nil, store.Errorf(store.Forbidden, "only admins preview and publish benchmark reports")
	}
	id, err := idArg(p, "id")
	if err != nil {
		return nil, err
	}
	return s.db.FindBenchmarkReport(p.Context, id)
}
