package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/reports/scoring"
	"github.com/leanforum/awards/store"
)

// The bases of a final score: only CONSENSUS is an agreed score; MEAN and
// MEDIAN are the jury's aggregate of the jurors' own scores, by the
// cycle's aggregation; NONE is a criterion without scores (a historical
// cycle recorded without them, or one nobody scored).
const (
	basisConsensus = "CONSENSUS"
	basisNone      = "NONE"
)

// finalScore is one criterion's final score as the applicant reads it.
type finalScore struct {
	Criterion *store.Criterion
	Value     *float64
	Basis     string
	// Jurors is how many jurors' scores a MEAN or MEDIAN combines.
	Jurors                   int
	Strengths, Opportunities []string
}

// finalScores gives every scored criterion (those without items) of the
// application its final score: the agreed consensus where there is one,
// else the jury's aggregate of the submitted, unrecused jurors' scores,
// else none. Comments come without jurors' names; a consensus's merged
// feedback replaces the jurors' own.
func finalScores(d *store.FeedbackData) []finalScore {
	agreed := map[int64]*store.Consensus{}
	for _, c := range d.Consensus {
		agreed[c.CriterionID] = c
	}
	var out []finalScore
	for _, k := range scoredCriteria(d.Criteria) {
		out = append(out, finalScoreOf(k, agreed[k.ID], d.Cells[k.ID], d.Cycle.Aggregation))
	}
	return out
}

func finalScoreOf(k *store.Criterion, c *store.Consensus, cell *store.FeedbackCell, aggregation string) finalScore {
	f := finalScore{Criterion: k, Basis: basisNone}
	if cell != nil {
		f.Strengths, f.Opportunities = nonBlank(cell.Strengths), nonBlank(cell.Opportunities)
	}
	switch {
	case c != nil:
		v := c.Value
		f.Value, f.Basis = &v, basisConsensus
		if c.Strengths != "" || c.Opportunities != "" {
			f.Strengths, f.Opportunities = nonBlank([]string{c.Strengths}), nonBlank([]string{c.Opportunities})
		}
	case cell != nil && len(cell.Values) > 0:
		v := aggregate(cell.Values, aggregation)
		f.Value, f.Basis, f.Jurors = &v, aggregationBasis(aggregation), len(cell.Values)
	}
	return f
}

// aggregationBasis is the basis of an aggregate by the cycle's rule.
func aggregationBasis(how string) string {
	if how == "MEDIAN" {
		return "MEDIAN"
	}
	return "MEAN"
}

func aggregate(vs []float64, how string) float64 {
	st := scoring.Describe(vs)
	if how == "MEDIAN" {
		return st.Median
	}
	return st.Mean
}

// nonBlank drops empty texts.
func nonBlank(ss []string) []string {
	out := []string{}
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// overallPercent is the weighted mean of the final scores of the criteria
// that count towards the total, in percent of their scales; nil when
// none has a score.
func overallPercent(fs []finalScore) *float64 {
	var weight, total float64
	for _, f := range fs {
		k := f.Criterion
		if f.Value == nil || k.Independent {
			continue
		}
		weight += k.Weight
		total += k.Weight * (*f.Value - k.ScaleMin) / (k.ScaleMax - k.ScaleMin) * 100
	}
	if weight == 0 {
		return nil
	}
	v := total / weight
	return &v
}

func (s *schema) finalScoreType() *graphql.Object {
	basis := enum("ScoreBasis", "What a final score is: an agreed consensus, or the jury's aggregate (never a consensus) of the jurors' own scores.",
		basisConsensus, "MEAN", "MEDIAN", basisNone)
	return obj("FinalScore", "One criterion's final score as the applicant reads it after publication.", graphql.Fields{
		"criterion": {Type: nonNull(s.criterion), Description: "The criterion scored.",
			Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(finalScore).Criterion, nil }},
		"value": {Type: graphql.Float, Description: "The score on the criterion's scale; null when basis is NONE.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				if v := p.Source.(finalScore).Value; v != nil {
					return *v, nil
				}
				return nil, nil
			}},
		"band": {Type: graphql.String, Description: "The criterion's band label for the value; null without a value or a band.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				f := p.Source.(finalScore)
				if f.Value == nil {
					return nil, nil
				}
				return nilIfEmpty(f.Criterion.BandFor(*f.Value)), nil
			}},
		"basis": {Type: nonNull(basis), Description: "CONSENSUS (agreed by the jury), MEAN or MEDIAN (the jury's aggregate by the cycle's rule, not an agreement), or NONE (no scores recorded).",
			Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(finalScore).Basis, nil }},
		"jurors": {Type: nonNull(graphql.Int), Description: "How many jurors' scores a MEAN or MEDIAN combines; 0 otherwise.",
			Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(finalScore).Jurors, nil }},
		"strengths": {Type: listOf(graphql.String), Description: "Strengths noted, without jurors' names.",
			Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(finalScore).Strengths, nil }},
		"opportunities": {Type: listOf(graphql.String), Description: "Opportunities for improvement noted, without jurors' names.",
			Resolve: func(p graphql.ResolveParams) (any, error) { return p.Source.(finalScore).Opportunities, nil }},
	})
}

// finalScoresField is Application.finalScores: for admins and lead jurors
// at any time, for the applicant's members once the cycle is published;
// null for anyone else.
func (s *schema) finalScoresField() *graphql.Field {
	return &graphql.Field{Type: graphql.NewList(graphql.NewNonNull(s.finalScoreT)),
		Description: "Every scored criterion's final score with its band and basis, as the feedback report prints them: admins and lead jurors at any time, the applicant once the cycle is PUBLISHED; null for anyone else. A historical cycle recorded without scores gives every criterion basis NONE.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			d, err := s.db.FindFeedbackData(p.Context, p.Source.(*store.Application).ID)
			if err == nil {
				return finalScores(d), nil
			}
			switch store.ErrorCode(err) {
			case store.Forbidden, store.Unauthenticated, store.NotFound:
				return nil, nil
			}
			return nil, err
		}}
}
