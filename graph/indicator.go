package graph

import (
	"time"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) indicatorType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Indicator",
		Description: "A measured result the application claims, such as investigation time 140 → 105 days.",
		Fields: graphql.Fields{
			"id":            {Type: nonNull(idType)},
			"name":          {Type: nonNull(graphql.String)},
			"unit":          {Type: nonNull(graphql.String)},
			"direction":     {Type: nonNull(s.direction)},
			"baselineValue": {Type: nonNull(graphql.Float)},
			"baselineDate": {Type: nonNull(s.date), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(*store.Indicator).BaselineOn, nil
			}},
			"currentValue": {Type: nonNull(graphql.Float)},
			"currentDate": {Type: nonNull(s.date), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(*store.Indicator).CurrentOn, nil
			}},
			"targetValue":       {Type: graphql.Float},
			"legalLimit":        {Type: graphql.Float},
			"kpiId":             {Type: graphql.String, Description: "A Kolada KPI id, such as U33401."},
			"municipalityCode":  {Type: graphql.String},
			"evidence":          {Type: nonNull(graphql.String)},
			"official":          s.evidenceField(),
			"municipalityCheck": s.municipalityCheckField(),
		},
	})
}

func (s *schema) indicatorInput() *graphql.InputObject {
	return inputObject("IndicatorInput", graphql.InputObjectConfigFieldMap{
		"name":             {Type: graphql.NewNonNull(graphql.String)},
		"unit":             {Type: graphql.String},
		"direction":        {Type: graphql.NewNonNull(s.direction)},
		"baselineValue":    {Type: graphql.NewNonNull(graphql.Float)},
		"baselineDate":     {Type: graphql.NewNonNull(s.date)},
		"currentValue":     {Type: graphql.NewNonNull(graphql.Float)},
		"currentDate":      {Type: graphql.NewNonNull(s.date)},
		"targetValue":      {Type: graphql.Float},
		"legalLimit":       {Type: graphql.Float},
		"kpiId":            {Type: graphql.String},
		"municipalityCode": {Type: graphql.String},
		"evidence":         {Type: graphql.String},
	})
}

func indicatorInput(m map[string]any) store.IndicatorInput {
	date := func(name string) time.Time { t, _ := m[name].(time.Time); return t }
	return store.IndicatorInput{Name: str(m, "name"), Unit: str(m, "unit"), Direction: str(m, "direction"),
		BaselineValue: num(m, "baselineValue"), BaselineOn: date("baselineDate"),
		CurrentValue: num(m, "currentValue"), CurrentOn: date("currentDate"),
		TargetValue: optNum(m, "targetValue"), LegalLimit: optNum(m, "legalLimit"),
		KpiID: optStr(m, "kpiId"), MunicipalityCode: optStr(m, "municipalityCode"), Evidence: str(m, "evidence")}
}
