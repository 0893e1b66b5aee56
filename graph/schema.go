// Package graph serves the GraphQL API over HTTP: the schema, its
// resolvers, authentication and request limits. Domain errors become
// extensions.code here, in one place.
package graph

import (
	"context"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/store"
)

// schema holds the types while the schema is built, and the store the
// resolvers read from.
type schema struct {
	db      *store.DB
	linker  linker
	logins  *limiter
	signUps *limiter
	enums
	date     *graphql.Scalar
	pageInfo *graphql.Object

	user, organisation, award, cycle, criterion, band *graphql.Object
	application, answer, indicator, session, result   *graphql.Object
	organisationIn                                    *graphql.InputObject

	juror, conflictT, assignmentT, auditT, rankingT, scoreT, consensusT *graphql.Object
	finalScoreT                                                         *graphql.Object
	cycleConflictT, conflictCandidateT                                  *graphql.Object // conflict_cycle.go
	auditActorT                                                         *graphql.Object // audit_filter.go

	// The outbox and account mails (outbox.go, account_mail.go).
	mailT, invitationT           *graphql.Object
	language, mailStatus         *graphql.Enum
	mail                         *mail.Renderer
	resetClients, resetAddresses *limiter

	bench                                                                   benchTypes
	municipality, group, groupRef, kpi, evidence, benchReport, benchVersion *graphql.Object
	snapshots                                                               *snapshotCache
}

// newSchema builds the GraphQL schema over db; l signs report links,
// logins limits password checks and signUps sign-ups.
func newSchema(db *store.DB, l linker, logins, signUps *limiter, opts ...func(*schema)) (graphql.Schema, error) {
	s := &schema{db: db, linker: l, logins: logins, signUps: signUps, enums: newEnums(), date: newDateType(), pageInfo: newPageInfoType(),
		snapshots: &snapshotCache{}}
	s.mailDefaults(opts)
	s.user = s.userType()
	s.organisation = s.organisationType()
	s.organisationIn = s.organisationInput()
	s.award = s.awardType()
	s.result = s.resultType()
	s.juror, s.conflictT, s.assignmentT, s.auditT = s.jurorType(), s.conflictType(), s.assignmentType(), s.auditType()
	s.rankingT, s.scoreT, s.consensusT = s.rankingType(), s.scoreType(), s.consensusType()
	s.bench = newBenchTypes()
	s.kpi, s.group = s.kpiType(), s.groupType()
	s.groupRef = obj("GroupRef", "", graphql.Fields{"id": {Type: nonNull(graphql.String)}, "title": {Type: nonNull(graphql.String)}})
	s.municipality, s.evidence = s.municipalityType(), s.evidenceType()
	s.benchReport, s.benchVersion = s.benchmarkReportTypes()
	s.cycleConflictT, s.conflictCandidateT = s.cycleConflictType(), s.conflictCandidateType()
	s.auditActorT = s.auditActorType()
	s.cycle = s.cycleType()
	s.band = bandType()
	s.criterion = s.criterionType()
	s.finalScoreT = s.finalScoreType()
	s.application = s.applicationType()
	s.assignmentT.AddFieldConfig("application", s.assignmentApplicationField())
	s.answer = s.answerType()
	s.indicator = s.indicatorType()
	s.session = s.sessionType()
	s.mailT, s.invitationT = s.mailType(), s.invitationType()
	query := graphql.Fields{}
	mutation := graphql.Fields{}
	for _, add := range []func(q, m graphql.Fields){
		s.userFields, s.organisationFields, s.awardFields, s.cycleFields,
		s.criterionFields, s.applicationFields, s.juryFields, s.municipalityFields, s.kpiFields,
		s.analysisFields, s.benchmarkReportFields, s.outboxFields,
	} {
		add(query, mutation)
	}
	schema, err := graphql.NewSchema(graphql.SchemaConfig{
		Query:    graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: query}),
		Mutation: graphql.NewObject(graphql.ObjectConfig{Name: "Mutation", Fields: mutation}),
	})
	if err == nil {
		describe(schema)
		warmEnums(schema)
	}
	return schema, err
}

// warmEnums makes each enum build the lookup maps that graphql-go v0.8.1
// builds on first use without a lock, which the race detector caught
// when concurrent requests were first to use an enum.
func warmEnums(schema graphql.Schema) {
	for _, t := range schema.TypeMap() {
		if e, ok := t.(*graphql.Enum); ok {
			e.Serialize(nil)
			e.ParseValue("")
		}
	}
}

// juryFields adds the jury's queries and mutations.
func (s *schema) juryFields(query, mutation graphql.Fields) {
	query["conflicts"] = &graphql.Field{Type: listOf(s.conflictT),
		Description: "A juror's conflicts: your own, or (admins) any juror's.",
		Args:        graphql.FieldConfigArgument{"jurorId": {Type: idType}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			juror, err := optionalID(p.Args, "jurorId")
			if err != nil {
				return nil, err
			}
			return s.db.FindConflicts(p.Context, juror)
		}}
	s.juryMutations(mutation)
	s.evaluationMutations(mutation)
	s.reportMutations(mutation)
}

// analysisFields adds the benchmark analyses; all public.
func (s *schema) analysisFields(query, mutation graphql.Fields) {
	query["benchmarkTable"] = s.benchmarkTableField()
	query["trend"] = s.trendField()
	query["similarMunicipalities"] = s.similarField()
	query["expectedCost"] = s.expectedCostField()
	query["efficiency"] = s.efficiencyField()
}

// linker signs report links.
type linker interface {
	SignLink(ctx context.Context, path string) (string, time.Time, error)
}

func (s *schema) reportMutations(mutation graphql.Fields) {
	link := obj("ReportLink", "A short-lived link that downloads a report in a browser as you.", graphql.Fields{
		"url": {Type: nonNull(graphql.String)}, "expiresAt": {Type: nonNull(graphql.DateTime)}})
	mutation["reportLink"] = &graphql.Field{Type: nonNull(link),
		Description: "Signs a report path (/reports/applications/{id}/feedback.pdf, /reports/cycles/{id}/ranking.pdf) for 5 minutes; add &lang=en for English.",
		Args:        graphql.FieldConfigArgument{"path": {Type: graphql.NewNonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			u, exp, err := s.linker.SignLink(p.Context, str(p.Args, "path"))
			if err != nil {
				return nil, err
			}
			return map[string]any{"url": u, "expiresAt": exp}, nil
		}}
}

// input returns the "input" argument as a map.
func input(p graphql.ResolveParams) map[string]any {
	m, _ := p.Args["input"].(map[string]any)
	return m
}

// inputObject makes an input object type.
func inputObject(name string, fields graphql.InputObjectConfigFieldMap) *graphql.InputObject {
	return graphql.NewInputObject(graphql.InputObjectConfig{Name: name, Fields: fields})
}
