package store

import (
	"context"
	"strings"

	"github.com/lib/pq"
)

// Answer is an application's text for one criterion.
type Answer struct {
	ApplicationID int64  `db:"application_id"`
	CriterionID   int64  `db:"criterion_id"`
	Text          string `db:"text"`
}

// AnswerInput sets the answer for one criterion; blank text removes it.
type AnswerInput struct {
	CriterionID int64
	Text        string
}

// saveAnswers upserts or removes the answers of application a.
func saveAnswers(ctx context.Context, tx conn, a *Application, answers []AnswerInput) error {
	for _, ans := range answers {
		var ok bool
		err := tx.get(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM criteria WHERE id = $1 AND cycle_id = $2)`,
			ans.CriterionID, a.CycleID)
		if err != nil {
			return err
		}
		if !ok {
			return InvalidField("answers.criterionId", "criterion %d is not a criterion of this cycle", ans.CriterionID)
		}
		if strings.TrimSpace(ans.Text) == "" {
			_, err = tx.exec(ctx, `DELETE FROM answers WHERE application_id = $1 AND criterion_id = $2`, a.ID, ans.CriterionID)
		} else {
			_, err = tx.exec(ctx, `INSERT INTO answers (application_id, criterion_id, text) VALUES ($1, $2, $3)
				ON CONFLICT (application_id, criterion_id) DO UPDATE SET text = excluded.text`,
				a.ID, ans.CriterionID, ans.Text)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// checkAnswersComplete checks that every scored criterion (a leaf that is
// not independent) has an answer.
func checkAnswersComplete(ctx context.Context, tx conn, a *Application) error {
	var missing []string
	err := tx.sel(ctx, &missing, `SELECT k.code FROM criteria k
		WHERE k.cycle_id = $1 AND NOT k.independent
		AND NOT EXISTS (SELECT 1 FROM criteria i WHERE i.parent_id = k.id)
		AND NOT EXISTS (SELECT 1 FROM answers s WHERE s.application_id = $2 AND s.criterion_id = k.id)
		ORDER BY k.position`, a.CycleID, a.ID)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return &Error{Code: Incomplete, Field: "answers",
			Message: "answers are missing for criteria " + strings.Join(missing, ", ")}
	}
	return nil
}

// FindAnswersByApplicationIDs returns, per visible application, its
// answers in criterion order.
func (db *DB) FindAnswersByApplicationIDs(ctx context.Context, ids []int64) (map[int64][]*Answer, error) {
	act := ActorFrom(ctx)
	var rows []*Answer
	err := db.conn().sel(ctx, &rows, `SELECT s.* FROM answers s
		JOIN applications a ON a.id = s.application_id JOIN criteria k ON k.id = s.criterion_id
		WHERE s.application_id = ANY($4) AND `+applicationVisible+` ORDER BY k.position, k.id`,
		visibility(act, pq.Array(ids))...)
	out := make(map[int64][]*Answer)
	for _, r := range rows {
		out[r.ApplicationID] = append(out[r.ApplicationID], r)
	}
	return out, err
}
