package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/lib/pq"
)

// RecordLoginAttempt records an attempt under every key (an account, a
// client address), unless one of them has had limit attempts within
// window: then it records nothing and says how long to wait. Attempts of
// the same keys are counted one at a time (an advisory lock per key), so
// concurrent logins cannot slip past the limit. Each call also deletes a
// few attempts that have left any window.
func (db *DB) RecordLoginAttempt(ctx context.Context, keys []string, limit int, window time.Duration) (wait time.Duration, err error) {
	keys = slices.Sorted(slices.Values(keys)) // locks in one order: no deadlock
	span := fmt.Sprintf("%d milliseconds", window.Milliseconds())
	err = db.inTx(ctx, func(tx conn) error {
		if _, err := tx.exec(ctx, `SELECT pg_advisory_xact_lock(730120, hashtext(k)) FROM unnest($1::text[]) AS k`,
			pq.Array(keys)); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM login_attempts WHERE ctid = ANY (ARRAY (SELECT ctid FROM login_attempts
			WHERE at < clock_timestamp() - $1::interval LIMIT 50 FOR UPDATE SKIP LOCKED))`, span); err != nil {
			return err
		}
		var ms int64
		err := tx.get(ctx, &ms, `SELECT coalesce(max(ceil(extract(epoch FROM oldest + $3::interval - clock_timestamp()) * 1000)), 0)::bigint
			FROM (SELECT min(at) AS oldest FROM (
				SELECT key, at, row_number() OVER (PARTITION BY key ORDER BY at DESC) AS n FROM login_attempts
				WHERE key = ANY ($1) AND at > clock_timestamp() - $3::interval) recent
				WHERE n <= $2 GROUP BY key HAVING count(*) >= $2) full_keys`, pq.Array(keys), limit, span)
		if err != nil {
			return err
		}
		if ms > 0 {
			wait = time.Duration(ms) * time.Millisecond
			return nil
		}
		_, err = tx.exec(ctx, `INSERT INTO login_attempts (key) SELECT unnest($1::text[])`, pq.Array(keys))
		return err
	})
	return wait, err
}

// RefundLoginAttempt takes back the latest attempt recorded under key,
// for an attempt that should not count after all.
func (db *DB) RefundLoginAttempt(ctx context.Context, key string) error {
	_, err := db.conn().exec(ctx, `DELETE FROM login_attempts WHERE ctid = (SELECT ctid FROM login_attempts
		WHERE key = $1 ORDER BY at DESC LIMIT 1)`, key)
	return err
}
