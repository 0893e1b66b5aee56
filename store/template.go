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

// leanPrizeBands are the same six bands in Swedish: Svenska Leanpriset is
// judged and read in Swedish, while EFQM and Baldrige keep the English
// names of their frameworks.
var leanPrizeBands = []Band{
	{0, 5, "inget systematiskt arbetssätt"},
	{10, 25, "i början"},
	{30, 45, "under utveckling"},
	{50, 65, "väl fungerande"},
	{70, 85, "förfinat"},
	{90, 100, "föredöme"},
}

// templateNode is a template's criterion, with its items.
type templateNode struct {
	code, title, guidance string
	weight                float64
	bands                 []Band
	items                 []templateNode
}

// node is a criterion with the English percentBands.
func node(code, title string, weight float64, items ...templateNode) templateNode {
	return templateNode{code: code, title: title, weight: weight, bands: percentBands, items: items}
}

// leanPrizeNode is a criterion of Svenska Leanpriset, weighted 1, in
// Swedish with its guidance.
func leanPrizeNode(code, title, guidance string) templateNode {
	return templateNode{code: code, title: title, guidance: guidance, weight: 1, bands: leanPrizeBands}
}

var templates = map[string][]templateNode{
	TemplateLeanPrize: {
		leanPrizeNode("1", "Hur organisationen arbetar med lean", "Beskriv varför och hur ni arbetar med lean: hur "+
			"ledningen leder förbättringsarbetet, hur medarbetarna deltar i det varje dag och hur arbetssättet har vuxit "+
			"fram över tid."),
		leanPrizeNode("2", "Vilka resultat lean har gett", "Redovisa mätbara resultat för dem ni finns till för, för "+
			"medarbetarna och för verksamheten, med utgångsvärde och nuvärde och med officiell statistik (Kolada) där den finns."),
		leanPrizeNode("3", "Vad andra kan lära av arbetet", "Beskriv vad andra organisationer kan lära av ert arbete "+
			"och hur ni delar med er av era erfarenheter."),
	},
	TemplateEFQM2020: {
		node("1", "Purpose, Vision & Strategy", 100),
		node("2", "Organisational Culture & Leadership", 100),
		node("3", "Engaging Stakeholders", 100),
		node("4", "Creating Sustainable Value", 200),
		node("5", "Driving Performance & Transformation", 100),
		node("6", "Stakeholder Perceptions", 200),
		node("7", "Strategic & Operational Performance", 200),
	},
	TemplateBaldrige: {
		node("1", "Leadership", 120,
			node("1.1", "Senior Leadership", 70), node("1.2", "Governance and Societal Contributions", 50)),
		node("2", "Strategy", 85,
			node("2.1", "Strategy Development", 45), node("2.2", "Strategy Implementation", 40)),
		node("3", "Customers", 85,
			node("3.1", "Customer Expectations", 40), node("3.2", "Customer Engagement", 45)),
		node("4", "Measurement, Analysis, and Knowledge Management", 90,
			node("4.1", "Measurement, Analysis, and Improvement of Organizational Performance", 45),
			node("4.2", "Information and Knowledge Management", 45)),
		node("5", "Workforce", 85,
			node("5.1", "Workforce Environment", 40), node("5.2", "Workforce Engagement", 45)),
		node("6", "Operations", 85,
			node("6.1", "Work Processes", 45), node("6.2", "Operational Effectiveness", 40)),
		node("7", "Results", 450,
			node("7.1", "Product and Process Results", 120), node("7.2", "Customer Results", 80),
			node("7.3", "Workforce Results", 80), node("7.4", "Leadership and Governance Results", 80),
			node("7.5", "Financial, Market, and Strategy Results", 90)),
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
// 0–100 % in steps of 5 with the six bands (in Swedish for LEAN_PRIZE).
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
	return CriterionInput{ParentID: parent, Code: n.code, Title: n.title, Guidance: n.guidance, Weight: n.weight,
		ScaleMin: 0, ScaleMax: 100, ScaleStep: 5, Bands: n.bands}
}
