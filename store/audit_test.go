package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestAuditLogIsAppendOnly(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `INSERT INTO audit_log (action, entity, entity_id) VALUES ('test', 'x', '1')`); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`UPDATE audit_log SET action = 'forged'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`} {
		_, err := db.ExecContext(ctx, stmt)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err = %v, want the append-only refusal", stmt, err)
		}
	}
}
