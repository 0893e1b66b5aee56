package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// pair is one read asked of both servers: ours and PostGraphile's
// spelling of it, and where each keeps the same values.
type pair struct {
	name  string
	ours  string
	admin bool   // ours needs the admin's token (PostGraphile runs as the database owner)
	pg    string // "" when only ours is measured
	// root is the path to the compared values in ours's answer, pgRoot in
	// PostGraphile's; pgNames renames PostGraphile's fields to ours, and
	// a renamed field holding {nodes: […]} becomes the list.
	root, pgRoot []string
	pgNames      map[string]string
	vars         map[string]any
}

// pairs are the reads of issue 15, with ranking measured for ours alone.
func pairs(awardID, rankingCycle string) []pair {
	return []pair{{
		name:  "100 applications with organisation, answers, indicators",
		admin: true,
		ours: `{ applications(first: 100) { nodes { id title status organisation { id name municipalityCode }
			answers { criterionId text } indicators { name unit direction baselineValue currentValue } } } }`,
		pg: `{ allApplications(first: 100, orderBy: ID_ASC) { nodes { id title status organisationByOrganisationId { id name municipalityCode }
			answersByApplicationId(orderBy: CRITERION_ID_ASC) { nodes { criterionId text } }
			indicatorsByApplicationId(orderBy: POSITION_ASC) { nodes { name unit direction baselineValue currentValue } } } } }`,
		root: []string{"applications", "nodes"}, pgRoot: []string{"allApplications", "nodes"},
		pgNames: map[string]string{"organisationByOrganisationId": "organisation", "answersByApplicationId": "answers",
			"indicatorsByApplicationId": "indicators"},
	}, {
		name: "20 awards → cycles → criteria",
		ours: `{ awards(first: 20) { nodes { id name cycles { id year title criteria { id code title weight } } } } }`,
		pg: `{ allAwards(first: 20, orderBy: ID_ASC) { nodes { id name cyclesByAwardId(orderBy: [YEAR_DESC, ID_ASC]) { nodes { id year title
			criteriaByCycleId(orderBy: [POSITION_ASC, ID_ASC]) { nodes { id code title weight } } } } } } }`,
		root: []string{"awards", "nodes"}, pgRoot: []string{"allAwards", "nodes"},
		pgNames: map[string]string{"cyclesByAwardId": "cycles", "criteriaByCycleId": "criteria"},
	}, {
		name: "one award by id",
		ours: fmt.Sprintf(`{ award(id: "%s") { id name description } }`, awardID),
		pg:   fmt.Sprintf(`{ awardById(id: "%s") { id name description } }`, awardID),
		root: []string{"award"}, pgRoot: []string{"awardById"},
	}, {
		name: "one KPI over 290 municipalities",
		ours: fmt.Sprintf(`{ kpi(id: "%s") { values(fromYear: %d, toYear: %d, genders: ["T"]) { municipality year value } } }`,
			seedKPI, seedYear, seedYear),
		pg: fmt.Sprintf(`{ allKpiRecords(condition: {kpiId: "%s", period: %d}, orderBy: MUNICIPALITY_ID_ASC) { nodes { municipalityId period valueT } } }`,
			seedKPI, seedYear),
		root: []string{"kpi", "values"}, pgRoot: []string{"allKpiRecords", "nodes"},
		pgNames: map[string]string{"municipalityId": "municipality", "period": "year", "valueT": "value"},
	}, {
		name: "{__typename}",
		ours: `{__typename}`, pg: `{__typename}`,
		root: []string{"__typename"}, pgRoot: []string{"__typename"},
	}, {
		name:  "ranking of 200 × 7 × 10 (ours only)",
		admin: true,
		ours:  rankingQuery, vars: map[string]any{"c": rankingCycle},
		root: []string{"cycle", "ranking"},
	}}
}

// rankingQuery is graph's BenchmarkRanking document: all three views with
// flags, juror severity and reliability.
const rankingQuery = `query($c: ID!) { cycle(id: $c) { ranking {
	applications { applicationId title organisationName raw { rank total percent coverage } zScore { rank total rankChange }
		severity { rank total rankChange } }
	flags { applicationId criterionId range sd byRange bySd hasConsensus }
	jurors { jurorId name n mean spread offset consensusN }
	reliability { cycle { icc { icc1 icc2 icc3 icc1k icc2k icc3k n k } iccNote alpha { level alpha units values } }
		criteria { code icc { icc1 icc2 icc3 n k } alpha { level alpha units } } } } } }`

// equivalent says where ours's and PostGraphile's answers differ, or "".
func (q pair) equivalent(ours, pg map[string]any) string {
	a := canon(path(ours, q.root...), nil)
	b := canon(path(pg, q.pgRoot...), q.pgNames)
	if a == nil || reflect.DeepEqual(a, []any{}) {
		return "ours answered no values"
	}
	if reflect.DeepEqual(a, b) {
		return ""
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	i := 0
	for i < len(ja) && i < len(jb) && ja[i] == jb[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("they differ at byte %d:\n  ours:         …%.200s\n  PostGraphile: …%.200s", i, ja[from:], jb[from:])
}

// canon renames fields, unwraps renamed connections and makes every
// number a float64, so that equal values compare equal.
func canon(v any, names map[string]string) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if n, ok := names[k]; ok {
				k = n
				if m, ok := x.(map[string]any); ok && len(m) == 1 && m["nodes"] != nil {
					x = m["nodes"]
				}
			}
			out[k] = canon(x, names)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = canon(x, names)
		}
		return out
	case json.Number:
		f, _ := v.Float64()
		return f
	}
	return v
}
