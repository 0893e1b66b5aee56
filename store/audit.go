package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEntry is one line of the append-only audit log: who did what, when,
// with the old and new value.
type AuditEntry struct {
	ID       int64            `db:"id"`
	At       time.Time        `db:"at"`
	ActorID  *int64           `db:"actor_id"`
	CycleID  *int64           `db:"cycle_id"`
	Action   string           `db:"action"`
	Entity   string           `db:"entity"`
	EntityID string           `db:"entity_id"`
	OldValue *json.RawMessage `db:"old_value"`
	NewValue *json.RawMessage `db:"new_value"`
	// ActorName is the actor's name, for FindAudit.
	ActorName *string `db:"actor_name" json:"-"`
}

// audit appends an entry within tx. old and new are marshalled to JSON;
// nil stays null.
func (db *DB) audit(ctx context.Context, tx conn, cycleID int64, action, entity string, entityID any, old, new any) error {
	oldJSON, err := jsonOrNil(old)
	if err != nil {
		return err
	}
	newJSON, err := jsonOrNil(new)
	if err != nil {
		return err
	}
	var actor *int64
	if a := ActorFrom(ctx); a != nil {
		actor = &a.UserID
	}
	_, err = tx.exec(ctx, `INSERT INTO audit_log (at, actor_id, cycle_id, action, entity, entity_id, old_value, new_value)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, db.Now(), actor, nullID(cycleID), action, entity,
		fmt.Sprint(entityID), oldJSON, newJSON)
	return err
}

func jsonOrNil(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	s := string(b)
	return &s, nil
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// AuditFilter narrows a cycle's audit log; zero fields match all. From
// is inclusive and To exclusive.
type AuditFilter struct {
	ActorID  int64
	Action   string
	Entity   string
	From, To *time.Time
}

const auditFilter = ` AND ($2 = 0 OR l.actor_id = $2) AND ($3 = '' OR l.action = $3) AND ($4 = '' OR l.entity = $4)
	AND ($5::timestamptz IS NULL OR l.at >= $5) AND ($6::timestamptz IS NULL OR l.at < $6)`

func (f AuditFilter) args(cycleID int64, more ...any) []any {
	return append([]any{cycleID, f.ActorID, f.Action, f.Entity, f.From, f.To}, more...)
}

// FindAudit lists a cycle's audit log entries matching f in order, each
// with its actor's name; only admins may.
func (db *DB) FindAudit(ctx context.Context, cycleID int64, f AuditFilter, p Page) ([]*AuditEntry, bool, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, false, Errorf(Forbidden, "only admins read the audit log")
	}
	var rows []*AuditEntry
	err := db.conn().sel(ctx, &rows, `SELECT l.*, u.name AS actor_name FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
		WHERE l.cycle_id = $1`+auditFilter+` AND l.id > $7 ORDER BY l.id LIMIT $8`, f.args(cycleID, p.After, p.First+1)...)
	rows, more := trimPage(rows, p)
	return rows, more, err
}

// CountAudit counts a cycle's audit entries matching f; only admins may.
func (db *DB) CountAudit(ctx context.Context, cycleID int64, f AuditFilter) (int, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return 0, Errorf(Forbidden, "only admins read the audit log")
	}
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM audit_log l WHERE l.cycle_id = $1`+auditFilter, f.args(cycleID)...)
	return n, err
}

// AuditActor is someone with entries in a cycle's audit log.
type AuditActor struct {
	ID      int64  `db:"id"`
	Name    string `db:"name"`
	Entries int    `db:"entries"`
}

// FindAuditActors lists everyone with entries in a cycle's audit log, by
// name, with how many each has; only admins may. Entries without an
// actor (the system's) are not counted.
func (db *DB) FindAuditActors(ctx context.Context, cycleID int64) ([]*AuditActor, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins read the audit log")
	}
	var rows []*AuditActor
	err := db.conn().sel(ctx, &rows, `SELECT u.id, u.name, count(*) AS entries FROM audit_log l JOIN users u ON u.id = l.actor_id
		WHERE l.cycle_id = $1 GROUP BY u.id, u.name ORDER BY u.name, u.id`, cycleID)
	return rows, err
}
