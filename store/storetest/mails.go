package storetest

import (
	"database/sql"
	"testing"
)

// QueueMails writes n pending password-reset mails straight into the
// outbox of the database at dsn, to test@N.example.se (N from 1), for
// tests and benchmarks of the sender that need many mails quickly. Each
// recipient is an account with a live reset link (token-N), as a real
// reset has: the sender never sends a mail whose link is dead.
func QueueMails(tb testing.TB, dsn string, n int) {
	tb.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`INSERT INTO users (email, name, password_hash, role)
		SELECT format('test@%s.example.se', i), format('Åsa Öberg %s', i), 'x', 'JUROR' FROM generate_series(1, $1) i
		ON CONFLICT DO NOTHING`,
		`INSERT INTO password_resets (token_hash, user_id, expires_at)
		SELECT sha256(convert_to(format('token-%s', i), 'UTF8')), u.id, now() + interval '1 hour'
		FROM generate_series(1, $1) i JOIN users u ON lower(u.email) = format('test@%s.example.se', i)
		ON CONFLICT DO NOTHING`,
		`INSERT INTO outbox (kind, to_address, to_name, language, params, secret)
		SELECT 'PASSWORD_RESET', format('test@%s.example.se', i), format('Åsa Öberg %s', i),
			CASE WHEN i % 2 = 0 THEN 'sv' ELSE 'en' END,
			jsonb_build_object('expiresAt', now() + interval '1 hour'), format('token-%s', i)
		FROM generate_series(1, $1) i`,
	} {
		if _, err := db.Exec(q, n); err != nil {
			tb.Fatalf("storetest: queue mails: %v", err)
		}
	}
}
