package store

import (
	"context"

	"github.com/lib/pq"
)

// Result is a public outcome of a published cycle: a winner, finalist or
// honourable mention with its citation.
type Result struct {
	CycleID          int64   `db:"cycle_id"`
	ApplicationID    int64   `db:"application_id"`
	ApplicationTitle string  `db:"application_title"`
	OrganisationName string  `db:"organisation_name"`
	MunicipalityCode *string `db:"municipality_code"`
	// MunicipalityVerified says an admin has verified the organisation's
	// municipality code.
	MunicipalityVerified bool   `db:"municipality_verified"`
	Decision             string `db:"decision"`
	Citation             string `db:"citation"`
}

// FindResultsByCycleIDs returns, per published cycle, its winners,
// finalists and honourable mentions; they are public.
func (db *DB) FindResultsByCycleIDs(ctx context.Context, ids []int64) (map[int64][]*Result, error) {
	var rows []*Result
	err := db.conn().sel(ctx, &rows, `SELECT a.cycle_id, a.id AS application_id, a.title AS application_title,
			o.name AS organisation_name, o.municipality_code,
			o.municipality_verified_at IS NOT NULL AS municipality_verified, a.decision, a.citation
		FROM applications a JOIN cycles c ON c.id = a.cycle_id JOIN organisations o ON o.id = a.organisation_id
		WHERE a.cycle_id = ANY($1) AND c.phase = 'PUBLISHED'
			AND a.decision IN ('WINNER', 'FINALIST', 'HONOURABLE_MENTION')
		ORDER BY a.cycle_id, array_position(ARRAY['WINNER', 'FINALIST', 'HONOURABLE_MENTION'], a.decision), o.name`,
		pq.Array(ids))
	out := make(map[int64][]*Result)
	for _, r := range rows {
		out[r.CycleID] = append(out[r.CycleID], r)
	}
	return out, err
}
