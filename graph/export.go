package graph

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/store"
)

// exports are the CSV files an admin can download for a cycle, each
// written to a buffer first so a failure never sends half a file.
func (h *Handler) exports() map[string]func(ctx context.Context, w *csv.Writer, cycleID int64) error {
	return map[string]func(context.Context, *csv.Writer, int64) error{
		"scores":     h.exportScores,
		"normalised": h.exportNormalised,
		"consensus":  h.exportConsensus,
		"audit":      h.exportAudit,
	}
}

// serveExport answers GET /exports/cycles/{id}/{kind}.csv.
func (h *Handler) serveExport(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.RequestTimeout)
	defer cancel()
	rid := newRequestID()
	fail := func(status int, err error) {
		writeJSON(w, status, &response{Errors: []gqlerrors.FormattedError{formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}})
	}
	ctx, err := h.authenticate(ctx, r)
	if err != nil {
		fail(http.StatusUnauthorized, err)
		return
	}
	id, idOK := pathID(r.PathValue("id"), 64)
	kind, ok := strings.CutSuffix(r.PathValue("file"), ".csv")
	export := h.exports()[kind]
	if !idOK || !ok || export == nil {
		fail(http.StatusNotFound, store.Errorf(store.NotFound, "no such export; use scores, normalised, consensus or audit .csv"))
		return
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := export(ctx, cw, id); err != nil {
		fail(statusOf(store.ErrorCode(err)), err)
		return
	}
	cw.Flush()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="cycle-%d-%s.csv"`, id, kind))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

// statusOf is the HTTP status for an error code outside GraphQL.
func statusOf(code store.Code) int {
	switch code {
	case store.Unauthenticated:
		return http.StatusUnauthorized
	case store.Forbidden:
		return http.StatusForbidden
	case store.NotFound:
		return http.StatusNotFound
	case store.Internal:
		return http.StatusInternalServerError
	case store.Timeout:
		return http.StatusServiceUnavailable
	}
	return http.StatusBadRequest
}

func fnum(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func ftime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func (h *Handler) exportScores(ctx context.Context, w *csv.Writer, cycleID int64) error {
	rows, err := h.db.ExportScores(ctx, cycleID)
	if err != nil {
		return err
	}
	w.Write([]string{"application_id", "application", "organisation", "juror_id", "juror", "criterion", "value",
		"strengths", "opportunities", "submitted_at", "recused_at", "updated_at"})
	for _, r := range rows {
		w.Write([]string{key(r.ApplicationID), r.ApplicationTitle, r.OrganisationName, key(r.JurorID), r.JurorName,
			r.CriterionCode, fnum(r.Value), r.Strengths, r.Opportunities, ftime(r.SubmittedAt), ftime(r.RecusedAt),
			ftime(&r.UpdatedAt)})
	}
	return w.Error()
}

func (h *Handler) exportConsensus(ctx context.Context, w *csv.Writer, cycleID int64) error {
	rows, err := h.db.ExportConsensus(ctx, cycleID)
	if err != nil {
		return err
	}
	w.Write([]string{"application_id", "application", "criterion", "value", "rationale", "participants",
		"strengths", "opportunities", "recorded_by", "recorded_at"})
	for _, r := range rows {
		parts := make([]string, len(r.Participants))
		for i, p := range r.Participants {
			parts[i] = key(p)
		}
		w.Write([]string{key(r.ApplicationID), r.ApplicationTitle, r.CriterionCode, fnum(&r.Value), r.Rationale,
			strings.Join(parts, ";"), r.Strengths, r.Opportunities, key(r.RecordedBy), ftime(&r.RecordedAt)})
	}
	return w.Error()
}

func (h *Handler) exportAudit(ctx context.Context, w *csv.Writer, cycleID int64) error {
	rows, err := h.db.AllAudit(ctx, cycleID)
	if err != nil {
		return err
	}
	w.Write([]string{"id", "at", "actor_id", "action", "entity", "entity_id", "old_value", "new_value"})
	for _, r := range rows {
		actor := ""
		if r.ActorID != nil {
			actor = key(*r.ActorID)
		}
		w.Write([]string{key(r.ID), ftime(&r.At), actor, r.Action, r.Entity, r.EntityID,
			fmt.Sprint(orEmpty(rawJSON(r.OldValue))), fmt.Sprint(orEmpty(rawJSON(r.NewValue)))})
	}
	return w.Error()
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

func (h *Handler) exportNormalised(ctx context.Context, w *csv.Writer, cycleID int64) error {
	if !store.ActorFrom(ctx).IsAdmin() {
		return store.Errorf(store.Forbidden, "only admins export normalised scores")
	}
	ctx = withLoaders(ctx, newLoaders(h.db))
	c, err := loadersFrom(ctx).cycles.get(ctx, cycleID)
	if err != nil {
		return err
	}
	if c == nil {
		return store.Errorf(store.NotFound, "cycle %d not found", cycleID)
	}
	ev, _, err := evaluateCycle(ctx, h.db, c)
	if err != nil {
		return err
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }
	w.Write([]string{"application_id", "criterion_id", "n", "mean", "median", "sd", "range", "raw", "z_score_view", "severity_view", "flagged"})
	flagged := map[[2]string]bool{}
	for _, fl := range ev.Ranking.Flags {
		flagged[[2]string{fl.Application, fl.Criterion}] = true
	}
	for _, cell := range ev.Ranking.Cells {
		st := cell.Stats
		w.Write([]string{cell.Application, cell.Criterion, strconv.Itoa(st.N), f(st.Mean), f(st.Median), f(st.SD), f(st.Range),
			f(cell.Value), f(cell.ZValue), f(cell.Adjusted), strconv.FormatBool(flagged[[2]string{cell.Application, cell.Criterion}])})
	}
	return w.Error()
}
