package store

import (
	"context"

	"github.com/lib/pq"
)

// FindJuriesByUserIDs returns, per user, the cycles whose jury the user
// sits on, newest first: admins any user's, others their own.
func (db *DB) FindJuriesByUserIDs(ctx context.Context, ids []int64) (map[int64][]*Cycle, error) {
	a := ActorFrom(ctx)
	var rows []struct {
		UserID int64 `db:"user_id"`
		Cycle
	}
	err := db.conn().sel(ctx, &rows, `SELECT j.user_id, c.* FROM jurors j JOIN cycles c ON c.id = j.cycle_id
		WHERE j.user_id = ANY($3) AND ($1 = 'ADMIN' OR j.user_id = $2)
		ORDER BY j.user_id, c.year DESC, c.id DESC`, a.role(), actorID(a), pq.Array(ids))
	out := make(map[int64][]*Cycle)
	for i := range rows {
		out[rows[i].UserID] = append(out[rows[i].UserID], &rows[i].Cycle)
	}
	return out, err
}

// FindAssignmentsByJurorIDs returns, per juror, their assignments in
// every cycle, newest cycle first: admins any juror's, jurors their own.
func (db *DB) FindAssignmentsByJurorIDs(ctx context.Context, ids []int64) (map[int64][]*Assignment, error) {
	a := ActorFrom(ctx)
	var rows []*Assignment
	err := db.conn().sel(ctx, &rows, `SELECT s.* FROM assignments s
		WHERE s.juror_id = ANY($3) AND ($1 = 'ADMIN' OR s.juror_id = $2)
		ORDER BY s.juror_id, s.cycle_id DESC, s.application_id`, a.role(), actorID(a), pq.Array(ids))
	out := make(map[int64][]*Assignment)
	for _, r := range rows {
		out[r.JurorID] = append(out[r.JurorID], r)
	}
	return out, err
}
