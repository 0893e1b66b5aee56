package store

import (
	"context"
	"strings"
)

// The cycle templates.
const (
	TemplateLeanPrize = "LEAN_PRIZE"
	TemplateEFQM2020  = "EFQM_2020"
	TemplateBaldrige  = "BALDRIGE"
)

// percentBands are the six Baldrige-style scoring bands on a 0–100 % scale.
var percentBands = []Band{
	{0, 5, "no systematic approach"},
	{10, 25, "early"},
	{30, 45, "developing"},
	{50, 65, "effective"},
	{70, 85, "refined"},
	{90, 100, "role model"},
}

type templateNode struct {
	code, title string
	weight      float64
	items       []templateNode
}

var templates = map[string][]templateNode{
	TemplateLeanPrize: {
		{"1", "How the organisation works with lean", 1, nil},
		{"2", "What results lean has given", 1, nil},
		{"3", "What others can learn from it", 1, nil},
	},
	TemplateEFQM2020: {
		{"1", "Purpose, Vision & Strategy", 100, nil},
		{"2", "Organisational Culture & Leadership", 100, nil},
		{"3", "Engaging Stakeholders", 100, nil},
		{"4", "Creating Sustainable Value", 200, nil},
		{"5", "Driving Performance & Transformation", 100, nil},
		{"6", "Stakeholder Perceptions", 200, nil},
		{"7", "Strategic & Operational Performance", 200, nil},
	},
	TemplateBaldrige: {
		{"1", "Leadership", 120, []templateNode{
			{"1.1", "Senior Leadership", 70, nil}, {"1.2", "Governance and Societal Contributions", 50, nil}}},
		{"2", "Strategy", 85, []templateNode{
			{"2.1", "Strategy Development", 45, nil}, {"2.2", "Strategy Implementation", 40, nil}}},
		{"3", "Customers", 85, []templateNode{
			{"3.1", "Customer Expectations", 40, nil}, {"3.2", "Customer Engagement", 45, nil}}},
		{"4", "Measurement, Analysis, and Knowledge Management", 90, []templateNode{
			{"4.1", "Measurement, Analysis, and Improvement of Organizational Performance", 45, nil},
			{"4.2", "Information and Knowledge Management", 45, nil}}},
		{"5", "Workforce", 85, []templateNode{
			{"5.1", "Workforce Environment", 40, nil}, {"5.2", "Workforce Engagement", 45, nil}}},
		{"6", "Operations", 85, []templateNode{
			{"6.1", "Work Processes", 45, nil}, {"6.2", "Operational Effectiveness", 40, nil}}},
		{"7", "Results", 450, []templateNode{
			{"7.1", "Product and Process Results", 120, nil}, {"7.2", "Customer Results", 80, nil},
			{"7.3", "Workforce Results", 80, nil}, {"7.4", "Leadership and Governance Results", 80, nil},
			{"7.5", "Financial, Market, and Strategy Results", 90, nil}}},
	},
}

// TemplateNames lists the cycle templates.
func TemplateNames() []string { return []string{TemplateLeanPrize, TemplateEFQM2020, TemplateBaldrige} }

// templateCriteria returns the named template ("" for none).
func templateCriteria(name string) ([]templateNode, error) {
	if name == "" {
		return nil, nil
	}
	t, ok := templates[name]
	if !ok {
		return nil, InvalidField("template", "must be one of %s", strings.Join(TemplateNames(), ", "))
	}
	return t, nil
}

// insertTemplate creates the template's criteria in cycle, each scored
// 0–100 % in steps of 5 with the six bands.
func insertTemplate(ctx context.Context, tx conn, cycleID int64, nodes []templateNode) error {
	for _, n := range nodes {
		parent := &Criterion{}
		if err := insertCriterion(ctx, tx, cycleID, n.input(nil), parent); err != nil {
			return err
		}
		for _, item := range n.items {
			if err := insertCriterion(ctx, tx, cycleID, item.input(&parent.ID), &Criterion{}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (n templateNode) input(parent *int64) CriterionInput {
	return CriterionInput{ParentID: parent, Code: n.code, Title: n.title, Weight: n.weight,
		ScaleMin: 0, ScaleMax: 100, ScaleStep: 5, Bands: percentBands}
}
