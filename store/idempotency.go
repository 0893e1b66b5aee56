package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// MaxIdempotencyKeyLength is the longest idempotency key accepted.
const MaxIdempotencyKeyLength = 200

// IdempotencyKeyTTL is how long an idempotency key is remembered.
const IdempotencyKeyTTL = 24 * time.Hour

type idempotencyKeyKey struct{}

// idempotency is a create's key and the fingerprint of its input.
type idempotency struct{ key, fingerprint string }

// WithIdempotencyKey returns a context under which a create is
// idempotent: when the same caller has already run the same create under
// key within IdempotencyKeyTTL, it makes nothing new and returns what that
// run made. fingerprint identifies the input (a hash, without passwords,
// which the create's find checks itself); a key reused with another input
// is a CONFLICT. The key is recorded in the
// create's own transaction, so a create that failed left no key behind
// and may be retried.
func WithIdempotencyKey(ctx context.Context, key, fingerprint string) context.Context {
	return context.WithValue(ctx, idempotencyKeyKey{}, idempotency{key, fingerprint})
}

// entity is something a create makes, known by its id.
type entity interface{ entityID() int64 }

func (u *User) entityID() int64         { return u.ID }
func (o *Organisation) entityID() int64 { return o.ID }
func (a *Award) entityID() int64        { return a.ID }
func (c *Cycle) entityID() int64        { return c.ID }
func (k *Criterion) entityID() int64    { return k.ID }
func (a *Application) entityID() int64  { return a.ID }

// once runs create within tx, recording the context's idempotency key, if
// any, with what it made; when caller has already run op under that key,
// create does not run and find returns what that run made. A concurrent
// run under the same key waits at the INSERT until this transaction ends.
func once[T entity](ctx context.Context, tx conn, caller, op string,
	create func() (T, error), find func(id int64) (T, error)) (T, error) {
	var zero T
	idem, ok := ctx.Value(idempotencyKeyKey{}).(idempotency)
	if !ok {
		return create()
	}
	key := idem.key
	if err := checkText("idempotencyKey", key, 1, MaxIdempotencyKeyLength); err != nil {
		return zero, err
	}
	// An expired key is forgotten: the create runs again.
	if _, err := tx.exec(ctx, `DELETE FROM idempotency_keys WHERE caller = $1 AND operation = $2 AND key = $3
		AND created_at < now() - $4::interval`, caller, op, key, idempotencyTTL()); err != nil {
		return zero, err
	}
	n, err := tx.exec(ctx, `INSERT INTO idempotency_keys (caller, operation, key, fingerprint) VALUES ($1, $2, $3, $4)
		ON CONFLICT DO NOTHING`, caller, op, key, idem.fingerprint)
	if err != nil {
		return zero, err
	}
	if n == 0 {
		var first struct {
			ID          int64  `db:"id"`
			Fingerprint string `db:"fingerprint"`
		}
		err := tx.get(ctx, &first, `SELECT coalesce(result_id, 0) AS id, fingerprint FROM idempotency_keys
			WHERE caller = $1 AND operation = $2 AND key = $3`, caller, op, key)
		if err != nil {
			return zero, err
		}
		if first.Fingerprint != "" && first.Fingerprint != idem.fingerprint {
			return zero, errOtherInput()
		}
		return find(first.ID)
	}
	v, err := create()
	if err != nil {
		return zero, err
	}
	_, err = tx.exec(ctx, `UPDATE idempotency_keys SET result_id = $4 WHERE caller = $1 AND operation = $2 AND key = $3`,
		caller, op, key, v.entityID())
	return v, err
}

// errOtherInput refuses a key used before with other input.
func errOtherInput() error {
	return &Error{Code: Conflict, Field: "idempotencyKey",
		Message: "idempotencyKey: this key was used with different input; retry with the same input or use a new key"}
}

// callerKey names the caller of a create for its idempotency key.
func callerKey(a *Actor) string {
	if a == nil {
		return "anonymous"
	}
	return fmt.Sprintf("user:%d", a.UserID)
}

// emailKey names the caller of a sign-up: the address signing up.
func emailKey(email string) string { return "email:" + strings.ToLower(strings.TrimSpace(email)) }

// foundOr returns m[id], or a NOT_FOUND error naming kind when the thing
// made under a key is gone or hidden.
func foundOr[T entity](m map[int64]T, err error, kind string, id int64) (T, error) {
	v, ok := m[id]
	if err == nil && !ok {
		err = notFound(kind, id)
	}
	return v, err
}

func idempotencyTTL() string { return fmt.Sprintf("%d seconds", int(IdempotencyKeyTTL.Seconds())) }

// purgeIdempotencyKeys deletes a few expired keys, so that the table holds
// about a day of creates. It runs on its own, before a keyed create's
// transaction, so its row locks end at once, and it skips keys another
// purge or create holds.
func (db *DB) purgeIdempotencyKeys(ctx context.Context) error {
	_, err := db.conn().exec(ctx, `DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY (SELECT ctid FROM idempotency_keys
		WHERE created_at < now() - $1::interval LIMIT 20 FOR UPDATE SKIP LOCKED))`, idempotencyTTL())
	return err
}

// createOnce is once in a transaction of its own.
func createOnce[T entity](ctx context.Context, db *DB, caller, op string,
	create func(tx conn) (T, error), find func(id int64) (T, error)) (T, error) {
	var out T
	if _, keyed := ctx.Value(idempotencyKeyKey{}).(idempotency); keyed {
		if err := db.purgeIdempotencyKeys(ctx); err != nil {
			return out, err
		}
	}
	err := db.inTx(ctx, func(tx conn) error {
		var err error
		out, err = once(ctx, tx, caller, op, func() (T, error) { return create(tx) }, find)
		return err
	})
	return out, err
}
