package store

import (
	"context"
	"crypto/rand"
)

// Secret returns the shared secret called name, making it (32 random
// bytes) the first time any server asks for it.
func (db *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh) // never fails (crypto/rand)
	var value []byte
	var err error
	// A server making the secret at the same moment makes this statement's
	// INSERT do nothing while its snapshot, taken before that server
	// committed, cannot see the row; the second statement can.
	for range 2 {
		err = db.conn().get(ctx, &value, `WITH made AS (
				INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value)
			SELECT value FROM made UNION ALL SELECT value FROM secrets WHERE name = $1 LIMIT 1`, name, fresh)
		if !isNoRows(err) {
			break
		}
	}
	return value, err
}
