package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/lib/pq"
)

// MailKind names what a mail is about; each has a template in sv and en.
type MailKind string

// The mails the system sends.
const (
	MailInvitation           MailKind = "INVITATION"
	MailPasswordReset        MailKind = "PASSWORD_RESET"
	MailApplicationSubmitted MailKind = "APPLICATION_SUBMITTED"
	MailApplicationWithdrawn MailKind = "APPLICATION_WITHDRAWN"
	MailApplicationRejected  MailKind = "APPLICATION_NOT_ELIGIBLE"
	MailJurorAssigned        MailKind = "JUROR_ASSIGNED"
	MailDeadlineReminder     MailKind = "DEADLINE_REMINDER"
	MailScoringReminder      MailKind = "SCORING_REMINDER"
	MailResultsPublished     MailKind = "RESULTS_PUBLISHED"
)

// MailKinds lists every kind.
var MailKinds = []MailKind{MailInvitation, MailPasswordReset, MailApplicationSubmitted, MailApplicationWithdrawn,
	MailApplicationRejected, MailJurorAssigned, MailDeadlineReminder, MailScoringReminder, MailResultsPublished}

// Mail statuses.
const (
	MailPending = "PENDING"
	MailSent    = "SENT"
	MailFailed  = "FAILED"
)

// NoMailServer is the note a server without SMTP leaves on the mails it
// cannot send; they stay pending for a server that can.
const NoMailServer = "not sent: no mail server configured"

// Mail is one outbox row.
type Mail struct {
	ID            int64           `db:"id"`
	MessageID     string          `db:"message_id"`
	Kind          MailKind        `db:"kind"`
	UserID        *int64          `db:"user_id"`
	To            string          `db:"to_address"`
	ToName        string          `db:"to_name"`
	Language      string          `db:"language"`
	Params        json.RawMessage `db:"params"`
	Secret        *string         `db:"secret"`
	DedupeKey     *string         `db:"dedupe_key"`
	Status        string          `db:"status"`
	Attempts      int             `db:"attempts"`
	NextAttemptAt time.Time       `db:"next_attempt_at"`
	Claim         *string         `db:"claim"`
	LastError     string          `db:"last_error"`
	CreatedAt     time.Time       `db:"created_at"`
	SentAt        *time.Time      `db:"sent_at"`
}

// newMail is a mail to one address, written with the event that causes it.
type newMail struct {
	Kind     MailKind
	UserID   *int64
	To, Name string
	Language string
	Params   map[string]any
	Secret   string
}

// enqueue writes mails into the outbox within tx.
func enqueue(ctx context.Context, tx conn, mails ...newMail) error {
	for _, m := range mails {
		params, err := json.Marshal(m.Params)
		if err != nil {
			return fmt.Errorf("store: mail params: %w", err)
		}
		if _, err := tx.exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params, secret)
			VALUES ($1, $2, $3, $4, $5, $6, nullif($7, ''))`,
			m.Kind, m.UserID, m.To, m.Name, m.Language, string(params), m.Secret); err != nil {
			return err
		}
	}
	return nil
}

// enqueueToMembers writes one mail of kind to every member of organisation
// orgID, each in their language, within tx.
func enqueueToMembers(ctx context.Context, tx conn, orgID int64, kind MailKind, params map[string]any) error {
	b, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("store: mail params: %w", err)
	}
	_, err = tx.exec(ctx, `INSERT INTO outbox (kind, user_id, to_address, to_name, language, params)
		SELECT $2, u.id, u.email, u.name, u.language, $3 FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.organisation_id = $1 ORDER BY u.id`, orgID, kind, string(b))
	return err
}

// claimQuery leases up to $1 due pending mails for $2 milliseconds under
// claim $3. It reads outbox_due_idx only, from its start up to now()
// (stable, unlike clock_timestamp(), so an index condition: mails waiting
// out a back-off are never read), see TestClaimIsIndexScan.
const claimQuery = `UPDATE outbox o SET attempts = o.attempts + 1, claim = $3,
		next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond'
	WHERE o.id IN (SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
		ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
	RETURNING o.*`

// ClaimMails leases up to n due mails for lease: no other sender claims
// them until it runs out. A sender that dies mid-send leaves its mails to
// be claimed again when the lease ends, with the same Message-ID.
func (db *DB) ClaimMails(ctx context.Context, n int, lease time.Duration) ([]*Mail, error) {
	b := make([]byte, 12)
	rand.Read(b) // never fails (crypto/rand)
	var mails []*Mail
	err := db.conn().sel(ctx, &mails, claimQuery, n, lease.Milliseconds(), hex.EncodeToString(b))
	return mails, err
}

// ExplainClaim returns the plan PostgreSQL chooses for claiming n mails,
// one line per node (EXPLAIN: nothing is claimed).
func (db *DB) ExplainClaim(ctx context.Context, n int) (string, error) {
	var lines []string
	err := db.conn().sel(ctx, &lines, `EXPLAIN `+claimQuery, n, int64(1000), "explain")
	return strings.Join(lines, "\n"), err
}

// MarkMailSent records that m was delivered and forgets its secret.
func (db *DB) MarkMailSent(ctx context.Context, m *Mail) error {
	return db.markMail(ctx, m, `status = 'SENT', sent_at = clock_timestamp(), secret = NULL, last_error = ''`)
}

// RetryMailLater records a temporary failure: m is tried again after delay.
func (db *DB) RetryMailLater(ctx context.Context, m *Mail, delay time.Duration, reason string) error {
	return db.markMail(ctx, m, `next_attempt_at = clock_timestamp() + $4 * interval '1 millisecond', last_error = $3`,
		reason, delay.Milliseconds())
}

// MarkMailFailed records a permanent failure with the server's answer.
func (db *DB) MarkMailFailed(ctx context.Context, m *Mail, reason string) error {
	return db.markMail(ctx, m, `status = 'FAILED', last_error = $3, secret = NULL`, reason)
}

// markMail sets m's row while m's lease is still the row's; otherwise
// another sender owns it now and the change is dropped.
func (db *DB) markMail(ctx context.Context, m *Mail, set string, args ...any) error {
	_, err := db.conn().exec(ctx, `UPDATE outbox SET claim = NULL, `+set+`
		WHERE id = $1 AND claim = $2 AND status = 'PENDING'`, append([]any{m.ID, m.Claim}, args...)...)
	return err
}

// NoteUnsentMails marks the pending mails not yet tried with note, for a
// server that has no mail server to send them with.
func (db *DB) NoteUnsentMails(ctx context.Context, note string) error {
	_, err := db.conn().exec(ctx, `UPDATE outbox SET last_error = $1
		WHERE status = 'PENDING' AND attempts = 0 AND last_error = ''`, note)
	return err
}

// DedupeKeep is the least time a sent mail with a dedupe key is kept,
// whatever the purge's setting: longer than any reminder's window, so
// that a purge never lets a reminder go out twice.
const DedupeKeep = 8 * 24 * time.Hour

// PurgeSentMails deletes the mails sent more than keep ago (DedupeKeep
// at least for those with a dedupe key).
func (db *DB) PurgeSentMails(ctx context.Context, keep time.Duration) (int64, error) {
	return db.conn().exec(ctx, `DELETE FROM outbox WHERE status = 'SENT'
		AND sent_at < clock_timestamp() - $1 * interval '1 millisecond'
		AND (dedupe_key IS NULL OR sent_at < clock_timestamp() - $2 * interval '1 millisecond')`,
		keep.Milliseconds(), max(keep, DedupeKeep).Milliseconds())
}

// MailFilter selects mails: by status ("" for all) and recipient user.
type MailFilter struct {
	Status string
	UserID int64
}

// FindMails lists mails, newest first; only admins may.
func (db *DB) FindMails(ctx context.Context, f MailFilter, p Page) ([]*Mail, bool, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, false, Errorf(Forbidden, "only admins read the outbox")
	}
	after := p.After
	if after == 0 {
		after = 1<<63 - 1
	}
	var mails []*Mail
	err := db.conn().sel(ctx, &mails, `SELECT * FROM outbox WHERE id < $1 AND ($2 = '' OR status = $2)
		AND ($3 = 0 OR user_id = $3) ORDER BY id DESC LIMIT $4`, after, f.Status, f.UserID, p.First+1)
	mails, more := trimPage(mails, p)
	return mails, more, err
}

// CountMails counts the mails f selects; only admins may.
func (db *DB) CountMails(ctx context.Context, f MailFilter) (int, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return 0, Errorf(Forbidden, "only admins read the outbox")
	}
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM outbox WHERE ($1 = '' OR status = $1)
		AND ($2 = 0 OR user_id = $2)`, f.Status, f.UserID)
	return n, err
}

// FindMailByID returns one mail; only admins may.
func (db *DB) FindMailByID(ctx context.Context, id int64) (*Mail, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins read the outbox")
	}
	m := &Mail{}
	err := db.conn().get(ctx, m, `SELECT * FROM outbox WHERE id = $1`, id)
	if isNoRows(err) {
		return nil, notFound("mail", id)
	}
	return m, err
}

// RetryMail puts a permanently failed mail back in the queue, to be tried
// again from the first attempt; only admins may. A mail whose link token
// was dropped on failure cannot be retried: send a new invitation or reset.
func (db *DB) RetryMail(ctx context.Context, id int64) (*Mail, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins retry mails")
	}
	m := &Mail{}
	err := db.conn().get(ctx, m, `UPDATE outbox SET status = 'PENDING', attempts = 0, claim = NULL,
			next_attempt_at = clock_timestamp()
		WHERE id = $1 AND status = 'FAILED' AND kind <> ALL ($2) RETURNING *`, id, pq.Array(linkKinds))
	if isNoRows(err) {
		if _, ferr := db.FindMailByID(ctx, id); ferr != nil {
			return nil, ferr
		}
		return nil, Errorf(WrongPhase, "mail %d has not failed, or carried a one-time link: only failed mails without one are retried", id)
	}
	return m, err
}

// linkKinds are the mails whose one-time link is dropped when they fail.
var linkKinds = []string{string(MailInvitation), string(MailPasswordReset)}
