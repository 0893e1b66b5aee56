package graph

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/reports/spreadsheet"
	"github.com/leanforum/awards/store"
)

// exports are the CSV files an admin can download for a cycle, each
// written to a buffer first so a failure never sends half a file.
func (h *Handler) exports() map[string]func(ctx context.Context, w *spreadsheet.Writer, cycleID int64) error {
	return map[string]func(context.Context, *spreadsheet.Writer, int64) error{
		"scores":     h.exportScores,
		"normalised": h.exportNormalised,
		"consensus":  h.exportConsensus,
		"audit":      h.exportAudit,
	}
}

// serveExport answers GET /exports/cycles/{id}/{kind}.csv[?format=excel-sv].
func (h *Handler) serveExport(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.RequestTimeout)
	defer cancel()
	rid := newRequestID()
	fail := func(status int, err error) {
		h.writeJSON(w, status, &response{Errors: []gqlerrors.FormattedError{formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}}, rid)
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
	dialect, err := spreadsheet.ParseDialect(r.URL.Query().Get("format"))
	if err != nil {
		fail(http.StatusBadRequest, store.InvalidField("format", "must be plain (the default) or excel-sv"))
		return
	}
	var buf bytes.Buffer
	if err := export(ctx, spreadsheet.NewWriter(&buf, dialect), id); err != nil {
		fail(statusOf(store.ErrorCode(err)), err)
		return
	}
	name := fmt.Sprintf("cycle-%d-%s.csv", id, kind)
	if dialect != spreadsheet.Plain {
		name = fmt.Sprintf("cycle-%d-%s-%s.csv", id, kind, dialect.Name)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8; header=present")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
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

func ftime(t *time.Time) spreadsheet.Cell {
	if t == nil {
		return spreadsheet.Text("")
	}
	return spreadsheet.Text(t.UTC().Format(time.RFC3339))
}

func (h *Handler) exportScores(ctx context.Context, w *spreadsheet.Writer, cycleID int64) error {
	rows, err := h.db.ExportScores(ctx, cycleID)
	if err != nil {
		return err
	}
	w.Header("application_id", "application", "organisation_id", "organisation", "juror_id", "juror",
		"criterion_id", "criterion", "criterion_title", "value", "strengths", "opportunities",
		"submitted_at", "recused_at", "updated_at")
	for _, r := range rows {
		w.Row(spreadsheet.Int(r.ApplicationID), spreadsheet.Text(r.ApplicationTitle), spreadsheet.Int(r.OrganisationID),
			spreadsheet.Text(r.OrganisationName), spreadsheet.Int(r.JurorID), spreadsheet.Text(r.JurorName),
			spreadsheet.Int(r.CriterionID), spreadsheet.Text(r.CriterionCode), spreadsheet.Text(r.CriterionTitle),
			spreadsheet.OptNumber(r.Value, -1), spreadsheet.Text(r.Strengths), spreadsheet.Text(r.Opportunities),
			ftime(r.SubmittedAt), ftime(r.RecusedAt), ftime(&r.UpdatedAt))
	}
	return w.Err()
}

func (h *Handler) exportConsensus(ctx context.Context, w *spreadsheet.Writer, cycleID int64) error {
	rows, err := h.db.ExportConsensus(ctx, cycleID)
	if err != nil {
		return err
	}
	w.Header("application_id", "application", "organisation_id", "organisation", "criterion_id", "criterion",
		"criterion_title", "value", "rationale", "participant_ids", "participants", "strengths", "opportunities",
		"recorded_by_id", "recorded_by", "recorded_at")
	for _, r := range rows {
		ids := make([]string, len(r.Participants))
		for i, p := range r.Participants {
			ids[i] = key(p)
		}
		w.Row(spreadsheet.Int(r.ApplicationID), spreadsheet.Text(r.ApplicationTitle), spreadsheet.Int(r.OrganisationID),
			spreadsheet.Text(r.OrganisationName), spreadsheet.Int(r.CriterionID), spreadsheet.Text(r.CriterionCode),
			spreadsheet.Text(r.CriterionTitle), spreadsheet.Number(r.Value, -1), spreadsheet.Text(r.Rationale),
			spreadsheet.Text(strings.Join(ids, " ")), spreadsheet.Text(strings.Join(r.ParticipantNames, "; ")),
			spreadsheet.Text(r.Strengths), spreadsheet.Text(r.Opportunities), spreadsheet.Int(r.RecordedBy),
			spreadsheet.Text(r.RecordedByName), ftime(&r.RecordedAt))
	}
	return w.Err()
}

func (h *Handler) exportAudit(ctx context.Context, w *spreadsheet.Writer, cycleID int64) error {
	rows, err := h.db.ExportAudit(ctx, cycleID)
	if err != nil {
		return err
	}
	w.Header("id", "at", "actor_id", "actor", "action", "entity", "entity_id", "old_value", "new_value")
	for _, r := range rows {
		actor, name := spreadsheet.Text(""), ""
		if r.ActorID != nil {
			actor = spreadsheet.Int(*r.ActorID)
		}
		if r.ActorName != nil {
			name = *r.ActorName
		}
		w.Row(spreadsheet.Int(r.ID), ftime(&r.At), actor, spreadsheet.Text(name), spreadsheet.Text(r.Action),
			spreadsheet.Text(r.Entity), spreadsheet.Text(r.EntityID),
			spreadsheet.Text(fmt.Sprint(orEmpty(rawJSON(r.OldValue)))), spreadsheet.Text(fmt.Sprint(orEmpty(rawJSON(r.NewValue)))))
	}
	return w.Err()
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

func (h *Handler) exportNormalised(ctx context.Context, w *spreadsheet.Writer, cycleID int64) error {
	if !store.ActorFrom(ctx).IsAdmin() {
		return store.Errorf(store.Forbidden, "only admins export normalised scores")
	}
	ctx = withLoaders(ctx, newLoaders(h.db))
	l := loadersFrom(ctx)
	c, err := l.cycles.get(ctx, cycleID)
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
	crits, err := l.criteriaByCycle.get(ctx, c.ID)
	if err != nil {
		return err
	}
	apps := map[string]store.RankedApplication{}
	for _, a := range ev.data.Applications {
		apps[key(a.ID)] = a
	}
	criteria := map[string]*store.Criterion{}
	for _, k := range crits {
		criteria[key(k.ID)] = k
	}
	f := func(v float64) spreadsheet.Cell { return spreadsheet.Number(v, 6) }
	w.Header("application_id", "application", "organisation", "criterion_id", "criterion", "criterion_title",
		"n", "mean", "median", "sd", "range", "raw", "z_score_view", "severity_view", "flagged")
	flagged := map[[2]string]bool{}
	for _, fl := range ev.Ranking.Flags {
		flagged[[2]string{fl.Application, fl.Criterion}] = true
	}
	for _, cell := range ev.Ranking.Cells {
		st, a, k := cell.Stats, apps[cell.Application], criteria[cell.Criterion]
		code, title := "", ""
		if k != nil {
			code, title = k.Code, k.Title
		}
		w.Row(spreadsheet.Text(cell.Application), spreadsheet.Text(a.Title), spreadsheet.Text(a.OrganisationName),
			spreadsheet.Text(cell.Criterion), spreadsheet.Text(code), spreadsheet.Text(title), spreadsheet.Int(int64(st.N)),
			f(st.Mean), f(st.Median), f(st.SD), f(st.Range), f(cell.Value), f(cell.ZValue), f(cell.Adjusted),
			spreadsheet.Text(strconv.FormatBool(flagged[[2]string{cell.Application, cell.Criterion}])))
	}
	return w.Err()
}
