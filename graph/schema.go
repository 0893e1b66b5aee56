// Package graph serves the GraphQL API over HTTP: the schema, its
// resolvers, authentication and request limits. Domain errors become
// extensions.code here, in one place.
package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// schema holds the types while the schema is built, and the store the
// resolvers read from.
type schema struct {
	db     *store.DB
	logins *limiter
	enums
	date     *graphql.Scalar
	pageInfo *graphql.Object

	user, organisation, award, cycle, criterion, band *graphql.Object
	application, answer, indicator, session, result   *graphql.Object
	organisationIn                                    *graphql.InputObject
}

// newSchema builds the GraphQL schema over db; logins limits the login
// mutation.
func newSchema(db *store.DB, logins *limiter) (graphql.Schema, error) {
	s := &schema{db: db, logins: logins, enums: newEnums(), date: newDateType(), pageInfo: newPageInfoType()}
	s.user = s.userType()
	s.organisation = s.organisationType()
	s.organisationIn = s.organisationInput()
	s.award = s.awardType()
	s.result = s.resultType()
	s.cycle = s.cycleType()
	s.band = bandType()
	s.criterion = s.criterionType()
	s.application = s.applicationType()
	s.answer = s.answerType()
	s.indicator = s.indicatorType()
	s.session = s.sessionType()
	query := graphql.Fields{}
	mutation := graphql.Fields{}
	for _, add := range []func(q, m graphql.Fields){
		s.userFields, s.organisationFields, s.awardFields, s.cycleFields,
		s.criterionFields, s.applicationFields,
	} {
		add(query, mutation)
	}
	schema, err := graphql.NewSchema(graphql.SchemaConfig{
		Query:    graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: query}),
		Mutation: graphql.NewObject(graphql.ObjectConfig{Name: "Mutation", Fields: mutation}),
	})
	if err == nil {
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

// input returns the "input" argument as a map.
func input(p graphql.ResolveParams) map[string]any {
	m, _ := p.Args["input"].(map[string]any)
	return m
}

// inputObject makes an input object type.
func inputObject(name string, fields graphql.InputObjectConfigFieldMap) *graphql.InputObject {
	return graphql.NewInputObject(graphql.InputObjectConfig{Name: name, Fields: fields})
}
