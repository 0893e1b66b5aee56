package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/lib/pq"
)

// The mails events cause, each written in the event's own transaction. A
// mail says only what its recipient may read through the API: an
// applicant hears of their organisation's application, a juror of the
// applications assigned to them (which never include one they have a
// conflict with); no mail carries a score or a juror's name.

// mailApplication mails every member of a's organisation about a, with
// extra parameters.
func mailApplication(ctx context.Context, tx conn, a *Application, c *Cycle, kind MailKind, extra map[string]any) error {
	params := map[string]any{"applicationId": a.ID, "application": a.Title, "cycle": c.Title, "year": c.Year}
	for k, v := range extra {
		params[k] = v
	}
	b, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("store: mail params: %w", err)
	}
	_, err = tx.exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params)
		SELECT $2, u.id, u.email, u.name, u.language, $3::jsonb || jsonb_build_object('organisation', o.name)
		FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
		WHERE m.organisation_id = $1 ORDER BY u.id`, a.OrganisationID, kind, string(b))
	return err
}

// mailAssignments sends each juror one mail for a batch of assignments,
// per cycle, listing the applications the batch gave them.
func mailAssignments(ctx context.Context, tx conn, made []*Assignment) error {
	type key struct{ juror, cycle int64 }
	batch := map[key][]int64{}
	var order []key
	for _, a := range made {
		k := key{a.JurorID, a.CycleID}
		if batch[k] == nil {
			order = append(order, k)
		}
		batch[k] = append(batch[k], a.ApplicationID)
	}
	for _, k := range order {
		_, err := tx.exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params)
			SELECT $1, u.id, u.email, u.name, u.language, jsonb_build_object('cycle', c.title, 'year', c.year,
				'cycleId', c.id, 'scoringClosesAt', c.scoring_closes_at,
				'applications', (SELECT jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title) ORDER BY a.id)
					FROM applications a WHERE a.id = ANY($4)))
			FROM users u, cycles c WHERE u.id = $2 AND c.id = $3`,
			MailJurorAssigned, k.juror, k.cycle, pq.Array(slices.Sorted(slices.Values(batch[k]))))
		if err != nil {
			return err
		}
	}
	return nil
}

// mailResults tells the members of every eligible application of cycle c
// that its results are published, with a link to their feedback; once
// per member and application, should a reopened cycle be published again.
func mailResults(ctx context.Context, tx conn, c *Cycle) error {
	_, err := tx.exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params, dedupe_key)
		SELECT $1, u.id, u.email, u.name, u.language, jsonb_build_object('applicationId', a.id, 'application', a.title,
			'organisation', o.name, 'cycle', c.title, 'year', c.year), format('results:%s:%s', a.id, u.id)
		FROM applications a JOIN cycles c ON c.id = a.cycle_id JOIN organisations o ON o.id = a.organisation_id
		JOIN memberships m ON m.organisation_id = a.organisation_id JOIN users u ON u.id = m.user_id
		WHERE a.cycle_id = $2 AND a.status = 'SUBMITTED' AND a.eligibility = 'ELIGIBLE' ORDER BY a.id, u.id
		ON CONFLICT (dedupe_key) DO NOTHING`,
		MailResultsPublished, c.ID)
	return err
}

// reminderWindows are the reminders before a deadline, in days. The
// 7-day reminder goes out from 7 days to 1 day before; the 1-day one in the
// last day; each once per recipient (outbox.dedupe_key), however often and
// on however many servers the scheduler runs.
const reminderWindows = `(VALUES (7), (1)) w(days)`

const reminderWindow = `$1 < %[1]s AND $1 >= %[1]s - w.days * interval '1 day'
	AND (w.days = 1 OR $1 < %[1]s - interval '1 day')`

// EnqueueReminders writes the reminders that are due at the store's Now:
// to every member of an organisation with a draft in an open cycle before
// it closes, and to every juror with an unsubmitted evaluation before
// scoring closes (never about an application they have recused from or
// have a conflict with). It returns how many it wrote.
func (db *DB) EnqueueReminders(ctx context.Context) (int64, error) {
	now := db.Now()
	n, err := db.conn().exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params, dedupe_key)
		SELECT $2, u.id, u.email, u.name, u.language, jsonb_build_object('cycle', c.title, 'year', c.year,
			'closesAt', c.closes_at, 'days', w.days,
			'applications', jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title) ORDER BY a.id)),
			format('deadline:%s:%s:%s', c.id, w.days, u.id)
		FROM cycles c CROSS JOIN `+reminderWindows+`
		JOIN applications a ON a.cycle_id = c.id AND a.status = 'DRAFT'
		JOIN memberships m ON m.organisation_id = a.organisation_id JOIN users u ON u.id = m.user_id
		WHERE c.phase = 'OPEN' AND `+fmt.Sprintf(reminderWindow, "c.closes_at")+`
		GROUP BY c.id, w.days, u.id
		ON CONFLICT (dedupe_key) DO NOTHING`, now, MailDeadlineReminder)
	if err != nil {
		return 0, err
	}
	m, err := db.conn().exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params, dedupe_key)
		SELECT $2, u.id, u.email, u.name, u.language, jsonb_build_object('cycle', c.title, 'year', c.year,
			'cycleId', c.id, 'scoringClosesAt', c.scoring_closes_at, 'days', w.days, 'count', count(*)),
			format('scoring:%s:%s:%s', c.id, w.days, u.id)
		FROM cycles c CROSS JOIN `+reminderWindows+`
		JOIN assignments s ON s.cycle_id = c.id AND s.submitted_at IS NULL AND s.recused_at IS NULL
		JOIN applications a ON a.id = s.application_id AND a.status = 'SUBMITTED'
		JOIN users u ON u.id = s.juror_id
		WHERE c.phase IN ('CLOSED', 'SCORING') AND NOT conflicted(s.juror_id, s.application_id)
			AND `+fmt.Sprintf(reminderWindow, "c.scoring_closes_at")+`
		GROUP BY c.id, w.days, u.id
		ON CONFLICT (dedupe_key) DO NOTHING`, now, MailScoringReminder)
	return n + m, err
}
