package store

import (
	"context"

	"github.com/lib/pq"
)

// The reasons a mail whose one-time link is dead is not sent: it is
// marked FAILED with one of these instead (issue 16.7).
const (
	LinkExpired  = "not sent: the link had expired"
	LinkReplaced = "not sent: the link was replaced by a newer invitation"
	LinkUsed     = "not sent: the link had already been used"
	LinkGone     = "not sent: the link no longer exists"
)

// deadLinksQuery marks FAILED, with the reason, the pending invitation
// and reset mails (among ids $1, or all when $1 is null) whose link is
// dead at $2: expired, used, replaced by a newer invitation or gone. The
// secret is dropped with it. Only the token's SHA-256 is stored, so the
// rows are joined on sha256(secret).
const deadLinksQuery = `WITH links AS (
		SELECT o.id, CASE
			WHEN i.token_hash IS NULL THEN $3
			WHEN i.used_at IS NOT NULL THEN $4
			WHEN i.revoked_at IS NOT NULL THEN $5
			WHEN i.expires_at <= $2 THEN $6
		END AS reason
		FROM outbox o LEFT JOIN invitations i ON i.token_hash = sha256(convert_to(o.secret, 'UTF8'))
		WHERE o.kind = 'INVITATION' AND o.status = 'PENDING' AND o.secret IS NOT NULL
			AND ($1::bigint[] IS NULL OR o.id = ANY($1))
		UNION ALL
		SELECT o.id, CASE
			WHEN r.token_hash IS NULL THEN $3
			WHEN r.used_at IS NOT NULL THEN $4
			WHEN r.expires_at <= $2 THEN $6
		END
		FROM outbox o LEFT JOIN password_resets r ON r.token_hash = sha256(convert_to(o.secret, 'UTF8'))
		WHERE o.kind = 'PASSWORD_RESET' AND o.status = 'PENDING' AND o.secret IS NOT NULL
			AND ($1::bigint[] IS NULL OR o.id = ANY($1)))
	UPDATE outbox o SET status = 'FAILED', secret = NULL, claim = NULL, last_error = l.reason
	FROM links l WHERE o.id = l.id AND l.reason IS NOT NULL AND o.status = 'PENDING'
	RETURNING o.id`

// FailDeadLinks marks the pending invitation and password-reset mails
// among ids (every pending one when ids is nil) whose link is dead as
// FAILED with the reason (LinkExpired, LinkReplaced, LinkUsed, LinkGone),
// so that no one is ever mailed a link that cannot work. It returns the
// ids it marked.
func (db *DB) FailDeadLinks(ctx context.Context, ids []int64) (map[int64]bool, error) {
	var arg any
	if ids != nil {
		arg = pq.Array(ids)
	}
	var failed []int64
	if err := db.conn().sel(ctx, &failed, deadLinksQuery, arg, db.Now(), LinkGone, LinkUsed, LinkReplaced, LinkExpired); err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(failed))
	for _, id := range failed {
		out[id] = true
	}
	return out, nil
}
