// Package scoring turns an award jury's scores into rankings.
//
// The package is pure: Rank takes the criteria, the scores and the options
// as plain values and returns a Ranking; nothing is read or written
// elsewhere. Identifiers are strings so that callers can pass database ids.
//
// # Cells
//
// A cell is one application × criterion pair. Only cells with at least one
// score exist; the design may be unbalanced (not every juror scores every
// application). Scores of recused jurors must be removed by the caller. Each
// cell is described by its Stats and aggregated into one value by the mean
// or the median of the jurors' scores (Options.Aggregation).
//
// # Totals
//
// The total of an application is the weighted mean of its cell values over
// the summed (not Independent) criteria, with the weights normalised to sum
// to one. Percent is the weighted mean of each cell value as a percentage of
// its criterion's scale, (value − Min)/(Max − Min)·100, which is comparable
// even when criteria use different scales; rankings use Percent. When an
// application has no score on some summed criterion, the weights are
// normalised over the criteria it has and Standing.Coverage says how much of
// the weight that is. Independent criteria are described and flagged but
// never summed.
//
// # Normalised views
//
// Besides the raw view, two views correct for jurors who score generally
// high or low. Both work per criterion: a juror's scores on one criterion
// are compared only with that juror's other scores on the same criterion.
//
// The z-score view standardises each score by the juror's mean and sample
// SD on the criterion, z = (x − mean)/SD. A juror with fewer than two scores
// on the criterion, or whose scores there are all equal, gets z = 0 (neither
// above nor below their own average). The z-scores of a cell are aggregated
// like raw scores, and the cell z-values of a criterion are mapped linearly
// onto [min, max] of that criterion's raw cell values, so the view stays on
// the original scale. If all cell z-values of a criterion are equal they map
// to the midpoint of that interval.
//
// The severity view subtracts the juror's additive severity, the juror's
// mean on the criterion minus the grand mean of all scores on it, from each
// score before aggregating. Corrected scores are not clipped to the scale,
// so totals and percentages of this view may fall slightly outside it.
//
// Each view ranks the applications with standard competition ranking
// ("1224") and reports every application's rank change against the raw view.
//
// # Disagreement and jurors
//
// A cell is flagged when its range or its sample SD exceeds a share of the
// criterion's scale (by default 30 % and 15 %). Each juror is summarised in
// percentage points of the scales: mean, spread, the leave-one-out offset
// against the other jurors of the same cells, and optionally the agreement
// with consensus scores supplied by the caller.
package scoring
