package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"github.com/lib/pq"
	"golang.org/x/crypto/bcrypt"
)

// Session is a login: a bearer token, known to the client only, and its
// expiry.
type Session struct {
	Token     string
	ExpiresAt time.Time
	User      *User
}

// errBadLogin is the one answer for a wrong e-mail and a wrong password.
var errBadLogin = Errorf(Unauthenticated, "wrong e-mail or password")

// dummyHash is compared against when the e-mail is unknown, so both wrong
// answers take the same time; it is made once, at the store's cost.
func (db *DB) dummyHash() []byte {
	db.dummyOnce.Do(func() {
		db.dummy, _ = bcrypt.GenerateFromPassword([]byte("timing-equaliser"), db.BcryptCost)
	})
	return db.dummy
}

// Login checks the credentials and returns a new session whose token is
// 256 random bits; only its SHA-256 is stored.
func (db *DB) Login(ctx context.Context, email, password string) (*Session, error) {
	u := &User{}
	err := db.conn().get(ctx, u, `SELECT * FROM users WHERE lower(email) = lower($1)`, strings.TrimSpace(email))
	if isNoRows(err) {
		bcrypt.CompareHashAndPassword(db.dummyHash(), []byte(password))
		return nil, errBadLogin
	}
	if err != nil {
		return nil, err
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil {
		return nil, errBadLogin
	}
	token := newToken()
	expires := db.Now().Add(db.TokenTTL).UTC().Truncate(time.Second)
	_, err = db.conn().exec(ctx, `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`,
		hashToken(token), u.ID, expires)
	if err != nil {
		return nil, err
	}
	return &Session{Token: token, ExpiresAt: expires, User: u}, nil
}

// Logout revokes the session of token.
func (db *DB) Logout(ctx context.Context, token string) error {
	_, err := db.conn().exec(ctx, `UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`,
		hashToken(token), db.Now())
	return err
}

// Authenticate returns the actor whose unexpired, unrevoked session token
// is token.
//
// The lookup is by the token's SHA-256 and so is constant-time with
// respect to the secret: PostgreSQL's index comparisons take longer the
// more leading bytes of the guess's hash match a stored hash, but no caller
// can choose a guess whose hash comes closer to a stored one, so the time
// says nothing about the bytes of any real token (256 random bits, of
// which only the hash is stored).
func (db *DB) Authenticate(ctx context.Context, token string) (*Actor, error) {
	return db.findActor(ctx, `JOIN sessions s ON s.user_id = u.id
		WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
		"the token is unknown, expired or revoked", hashToken(token), db.Now())
}

// findActor reads the one user that join and where select, with the
// organisations the user belongs to; none is UNAUTHENTICATED with gone.
func (db *DB) findActor(ctx context.Context, where, gone string, args ...any) (*Actor, error) {
	var row struct {
		ID   int64         `db:"id"`
		Role Role          `db:"role"`
		Orgs pq.Int64Array `db:"orgs"`
	}
	err := db.conn().get(ctx, &row, `SELECT u.id, u.role,
			coalesce((SELECT array_agg(m.organisation_id ORDER BY m.organisation_id)
				FROM memberships m WHERE m.user_id = u.id), '{}') AS orgs
		FROM users u `+where, args...)
	if isNoRows(err) {
		return nil, Errorf(Unauthenticated, "%s", gone)
	}
	if err != nil {
		return nil, err
	}
	return &Actor{UserID: row.ID, Role: row.Role, OrgIDs: row.Orgs}, nil
}

// newToken returns 256 random bits, URL-safe: a session token or the
// secret of a one-time link. Only its hashToken is stored.
func newToken() string {
	raw := make([]byte, 32)
	rand.Read(raw) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(raw)
}

func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// FindActor returns the actor for a user id, as a signed report link names
// it; it fails as an unknown token does when the user is gone.
func (db *DB) FindActor(ctx context.Context, userID int64) (*Actor, error) {
	return db.findActor(ctx, `WHERE u.id = $1`, "the link's user no longer exists", userID)
}

// SessionRef names the session of token in a report link: the first 16
// hex digits of the SHA-256 of its stored hash, which says nothing of the
// token and cannot be used as one.
func SessionRef(token string) string {
	h := sha256.Sum256(hashToken(token))
	return hex.EncodeToString(h[:8])
}

// FindActorBySessionRef returns user userID while the session that ref
// names (SessionRef) is unexpired and unrevoked: a report link dies with
// the session it was made in.
func (db *DB) FindActorBySessionRef(ctx context.Context, userID int64, ref string) (*Actor, error) {
	return db.findActor(ctx, `WHERE u.id = $1 AND EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id
		AND left(encode(sha256(s.token_hash), 'hex'), 16) = $2 AND s.revoked_at IS NULL AND s.expires_at > $3)`,
		"the link's session has ended; log in and ask for a new link", userID, ref, db.Now())
}
