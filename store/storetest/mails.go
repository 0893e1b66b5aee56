package storetest

import (
	"database/sql"
	"testing"
)

// QueueMails writes n pending password-reset mails straight into the
// outbox of the database at dsn, to test@N.example.se (N from 1), for
// tests and benchmarks of the sender that need many mails quickly.
func QueueMails(tb testing.TB, dsn string, n int) {
	tb.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec(`INSERT INTO outbox (kind, to_address, to_name, language, params, secret)
		SELECT 'PASSWORD_RESET', format('test@%s.example.se', i), format('Åsa Öberg %s', i),
			CASE WHEN i % 2 = 0 THEN 'sv' ELSE 'en' END,
			jsonb_build_object('expiresAt', now() + interval '1 hour'), format('token-%s', i)
		FROM generate_series(1, $1) i`, n)
	if err != nil {
		tb.Fatalf("storetest: queue mails: %v", err)
	}
}
