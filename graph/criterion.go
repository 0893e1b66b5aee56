package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func bandType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Band",
		Description: "A labelled range of scores, such as 30–45 \"developing\".",
		Fields: graphql.Fields{
			"from":  {Type: nonNull(graphql.Float)},
			"to":    {Type: nonNull(graphql.Float)},
			"label": {Type: nonNull(graphql.String)},
		},
	})
}

func (s *schema) criterionType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "Criterion",
		Description: "A category or an item under one. Independent criteria are shown but not summed.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":          {Type: nonNull(idType)},
				"parentId":    {Type: idType},
				"position":    {Type: nonNull(graphql.Int)},
				"code":        {Type: nonNull(graphql.String)},
				"title":       {Type: nonNull(graphql.String)},
				"guidance":    {Type: nonNull(graphql.String)},
				"weight":      {Type: nonNull(graphql.Float)},
				"scaleMin":    {Type: nonNull(graphql.Float)},
				"scaleMax":    {Type: nonNull(graphql.Float)},
				"scaleStep":   {Type: nonNull(graphql.Float)},
				"bands":       {Type: listOf(s.band)},
				"independent": {Type: nonNull(graphql.Boolean)},
				"children": {Type: listOf(s.criterion), Description: "The items of a category.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						k := p.Source.(*store.Criterion)
						all, err := loadersFrom(p.Context).criteriaByCycle.get(p.Context, k.CycleID)
						var items []*store.Criterion
						for _, c := range all {
							if c.ParentID != nil && *c.ParentID == k.ID {
								items = append(items, c)
							}
						}
						return items, err
					}},
			}
		}),
	})
}

func (s *schema) criterionInput() *graphql.InputObject {
	band := inputObject("BandInput", graphql.InputObjectConfigFieldMap{
		"from":  {Type: graphql.NewNonNull(graphql.Float)},
		"to":    {Type: graphql.NewNonNull(graphql.Float)},
		"label": {Type: graphql.NewNonNull(graphql.String)},
	})
	return inputObject("CriterionInput", graphql.InputObjectConfigFieldMap{
		"parentId":    {Type: idType, Description: "The category this item belongs to."},
		"code":        {Type: graphql.NewNonNull(graphql.String)},
		"title":       {Type: graphql.NewNonNull(graphql.String)},
		"guidance":    {Type: graphql.String},
		"weight":      {Type: graphql.NewNonNull(graphql.Float)},
		"scaleMin":    {Type: graphql.NewNonNull(graphql.Float)},
		"scaleMax":    {Type: graphql.NewNonNull(graphql.Float)},
		"scaleStep":   {Type: graphql.NewNonNull(graphql.Float)},
		"bands":       {Type: graphql.NewList(graphql.NewNonNull(band))},
		"independent": {Type: graphql.Boolean},
	})
}

func criterionInput(m map[string]any) (store.CriterionInput, error) {
	parent, err := optionalID(m, "parentId")
	in := store.CriterionInput{Code: str(m, "code"), Title: str(m, "title"), Guidance: str(m, "guidance"),
		Weight: num(m, "weight"), ScaleMin: num(m, "scaleMin"), ScaleMax: num(m, "scaleMax"),
		ScaleStep: num(m, "scaleStep")}
	in.Independent, _ = m["independent"].(bool)
	if parent != 0 {
		in.ParentID = &parent
	}
	bands, _ := m["bands"].([]any)
	for _, b := range bands {
		bm, _ := b.(map[string]any)
		in.Bands = append(in.Bands, store.Band{From: num(bm, "from"), To: num(bm, "to"), Label: str(bm, "label")})
	}
	return in, err
}

func (s *schema) criterionFields(query, mutation graphql.Fields) {
	in := s.criterionInput()
	mutation["createCriterion"] = &graphql.Field{Type: nonNull(s.criterion),
		Description: "Adds a criterion to a cycle before scoring starts; admins only.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{
			"cycleId": {Type: graphql.NewNonNull(idType)},
			"input":   {Type: graphql.NewNonNull(in)},
		}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			cycle, err := idArg(p, "cycleId")
			if err != nil {
				return nil, err
			}
			ci, err := criterionInput(input(p))
			if err != nil {
				return nil, err
			}
			return s.db.CreateCriterion(s.keyed(p), cycle, ci)
		}}
	mutation["updateCriterion"] = &graphql.Field{Type: nonNull(s.criterion),
		Description: "Changes a criterion before scoring starts; admins only.",
		Args: graphql.FieldConfigArgument{
			"id":    {Type: graphql.NewNonNull(idType)},
			"input": {Type: graphql.NewNonNull(in)},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			ci, err := criterionInput(input(p))
			if err != nil {
				return nil, err
			}
			return s.db.UpdateCriterion(p.Context, id, ci)
		}}
	mutation["deleteCriterion"] = &graphql.Field{Type: nonNull(graphql.Boolean),
		Description: "Removes a criterion and its items before scoring starts; admins only.",
		Args:        graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return true, s.db.DeleteCriterion(p.Context, id)
		}}
}
