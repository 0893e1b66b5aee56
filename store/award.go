package store

import (
	"context"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Award is a prize given in yearly cycles, such as Svenska Leanpriset.
type Award struct {
	ID          int64     `db:"id"`
	Name        string    `db:"name"`
	Description string    `db:"description"`
	Demo        bool      `db:"demo"`
	CreatedAt   time.Time `db:"created_at"`
}

// CreateAward creates an award; only admins may.
func (db *DB) CreateAward(ctx context.Context, name, description string) (*Award, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() {
		return nil, Errorf(Forbidden, "only admins create awards")
	}
	return createOnce(ctx, db, callerKey(a), "createAward", func(tx conn) (*Award, error) {
		return db.createAward(ctx, tx, name, description, false)
	}, func(id int64) (*Award, error) {
		m, err := db.FindAwardsByIDs(ctx, []int64{id})
		return foundOr(m, err, "award", id)
	})
}

func (db *DB) createAward(ctx context.Context, c conn, name, description string, demo bool) (*Award, error) {
	name = strings.TrimSpace(name)
	if err := checkText("name", name, 1, 200); err != nil {
		return nil, err
	}
	if err := checkText("description", description, 0, 10000); err != nil {
		return nil, err
	}
	a := &Award{}
	err := c.get(ctx, a, `INSERT INTO awards (name, description, demo) VALUES ($1, $2, $3) RETURNING *`,
		name, description, demo)
	return a, err
}

// FindAwardsByIDs returns the awards with the given ids; awards are public.
func (db *DB) FindAwardsByIDs(ctx context.Context, ids []int64) (map[int64]*Award, error) {
	var awards []*Award
	err := db.conn().sel(ctx, &awards, `SELECT * FROM awards WHERE id = ANY($1)`, pq.Array(ids))
	out := make(map[int64]*Award, len(awards))
	for _, a := range awards {
		out[a.ID] = a
	}
	return out, err
}

// FindAwards lists the awards.
func (db *DB) FindAwards(ctx context.Context, p Page) ([]*Award, bool, error) {
	var awards []*Award
	err := db.conn().sel(ctx, &awards, `SELECT * FROM awards WHERE id > $1 ORDER BY id LIMIT $2`, p.After, p.First+1)
	awards, more := trimPage(awards, p)
	return awards, more, err
}

// CountAwards counts the awards.
func (db *DB) CountAwards(ctx context.Context) (int, error) {
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM awards`)
	return n, err
}
