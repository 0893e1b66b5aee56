package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/reports/reliability"
	"github.com/leanforum/awards/store"
)

// rankingPDF renders a cycle's ranking report with the same rights and
// the same conflict rules as the ranking query.
func (h *Handler) rankingPDF(ctx context.Context, cycleID int64, lang pdf.Lang) ([]byte, error) {
	ctx = withLoaders(ctx, newLoaders(h.db))
	l := loadersFrom(ctx)
	c, err := l.cycles.get(ctx, cycleID)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, store.Errorf(store.NotFound, "cycle %d not found", cycleID)
	}
	ev, names, err := evaluateCycle(ctx, h.db, c)
	if err != nil {
		return nil, err
	}
	award, err := l.awards.get(ctx, c.AwardID)
	if err == nil && award == nil { // a cycle the caller may see has an award they may see
		err = fmt.Errorf("graph: cycle %d: award %d not found", c.ID, c.AwardID)
	}
	if err != nil {
		return nil, err
	}
	crits, err := l.criteriaByCycle.get(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	if len(ev.Ranking.Raw) == 0 {
		return nil, store.Errorf(store.WrongPhase, "cycle %d has no submitted scores to rank yet", cycleID)
	}
	// The scores are as of the end of scoring, or of today while scoring
	// is still open: never a date in the future.
	date := c.ScoringClosesAt
	if now := h.db.Now(); now.Before(date) {
		date = now
	}
	rel := ev.Reliability.Cycle
	r := pdf.JuryReport{Lang: lang, Date: date.UTC(), Award: award.Name, Cycle: strconv.Itoa(c.Year), Ranking: ev.Ranking,
		ICC: rel.ICC, Intervals: rel.Intervals, Block: pdf.ICCBlock{Targets: rel.Block.Targets, Jurors: rel.Block.Jurors,
			Applications: rel.Block.Applications, MinApplications: rel.Block.MinApplications}}
	if r.Claims, err = rankingClaims(ctx, l, ev.data.Applications); err != nil {
		return nil, err
	}
	for _, a := range ev.Reliability.Cycle.Alpha {
		if a.Level == reliability.Interval {
			r.Alpha = a.Result
		}
	}
	for _, a := range ev.data.Applications {
		r.Applications = append(r.Applications, pdf.Label{ID: key(a.ID), Name: a.Title, Detail: a.OrganisationName})
	}
	for _, k := range crits {
		r.Criteria = append(r.Criteria, pdf.Label{ID: key(k.ID), Name: k.Code, Detail: k.Title})
	}
	for id, name := range names {
		r.Jurors = append(r.Jurors, pdf.Label{ID: key(id), Name: name})
	}
	sort.Slice(r.Jurors, func(i, j int) bool { return parseKey(r.Jurors[i].ID) < parseKey(r.Jurors[j].ID) })
	return pdf.Jury(h.fonts, r)
}
