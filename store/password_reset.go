package store

import (
	"context"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// ResetTTL is how long a password-reset link lasts.
const ResetTTL = time.Hour

// RequestPasswordReset mails a reset link to the account with email, if
// there is one. It does the same work either way, one statement, so that
// neither its answer nor its time tells whether the address is known.
func (db *DB) RequestPasswordReset(ctx context.Context, email string) error {
	email = strings.TrimSpace(email)
	if err := checkEmail(email); err != nil {
		return err
	}
	token := newToken()
	expires := db.Now().Add(ResetTTL).UTC().Truncate(time.Second)
	_, err := db.conn().exec(ctx, `WITH u AS (SELECT id, email, name, language FROM users WHERE lower(email) = lower($1)),
		r AS (INSERT INTO password_resets (token_hash, user_id, expires_at) SELECT $2, id, $3 FROM u RETURNING user_id)
		INSERT INTO outbox (kind, user_id, to_address, to_name, language, params, secret)
		SELECT $4, u.id, u.email, u.name, u.language, jsonb_build_object('expiresAt', $3::timestamptz), $5
		FROM u JOIN r ON r.user_id = u.id`, email, hashToken(token), expires, MailPasswordReset, token)
	return err
}

// ResetPassword sets a new password from a valid reset link. Every reset
// link of the user is used up and every session revoked. An expired, used
// or unknown link changes nothing.
func (db *DB) ResetPassword(ctx context.Context, token, password string) error {
	if err := checkPassword(password); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx conn) error {
		var r struct {
			UserID    int64      `db:"user_id"`
			ExpiresAt time.Time  `db:"expires_at"`
			UsedAt    *time.Time `db:"used_at"`
		}
		err := tx.get(ctx, &r, `SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1 FOR UPDATE`,
			hashToken(token))
		switch {
		case isNoRows(err):
			return InvalidField("token", "this reset link is not valid; check that you copied all of it")
		case err != nil:
			return err
		case r.UsedAt != nil:
			return InvalidField("token", "this reset link has already been used; ask for a new one")
		case !db.Now().Before(r.ExpiresAt):
			return InvalidField("token", "this reset link has expired; ask for a new one")
		}
		hash, err := bcrypt.GenerateFromPassword([]byte(password), db.BcryptCost)
		if err != nil {
			return err
		}
		now := db.Now()
		if _, err := tx.exec(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, r.UserID, string(hash)); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, r.UserID, now); err != nil {
			return err
		}
		_, err = tx.exec(ctx, `UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, r.UserID, now)
		return err
	})
}
