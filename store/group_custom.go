package store

import (
	"context"
	"strings"

	"github.com/lib/pq"
)

// CreateGroup defines a group of municipalities (kind CUSTOM, id A1, A2,
// …) for benchmarks Kolada has no group for; only admins may.
func (db *DB) CreateGroup(ctx context.Context, in GroupInput) (*Group, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins define groups")
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var g *Group
	err := db.inTx(ctx, func(tx conn) error {
		var id string
		err := tx.get(ctx, &id, `INSERT INTO municipality_groups (id, title, kind)
			VALUES ('A' || nextval('municipality_groups_custom_seq'), $1, 'CUSTOM') RETURNING id`, in.Title)
		if err != nil {
			return err
		}
		if err := setMembers(ctx, tx, id, in.Members); err != nil {
			return err
		}
		g, err = findGroup(ctx, tx, id)
		return err
	})
	return g, err
}

// UpdateGroup replaces the title and members of a group an admin defined;
// Kolada's groups change only by import. Only admins may.
func (db *DB) UpdateGroup(ctx context.Context, id string, in GroupInput) (*Group, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins change groups")
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var g *Group
	err := db.inTx(ctx, func(tx conn) error {
		n, err := tx.exec(ctx, `UPDATE municipality_groups SET title = $2, updated_at = now()
			WHERE id = $1 AND kind = 'CUSTOM'`, id, in.Title)
		if err != nil {
			return err
		}
		if n == 0 {
			return customGroupNotFound(id)
		}
		if err := setMembers(ctx, tx, id, in.Members); err != nil {
			return err
		}
		g, err = findGroup(ctx, tx, id)
		return err
	})
	return g, err
}

// DeleteGroup deletes a group an admin defined, with any values stored
// for it. Only admins may.
func (db *DB) DeleteGroup(ctx context.Context, id string) error {
	if !ActorFrom(ctx).IsAdmin() {
		return Errorf(Forbidden, "only admins delete groups")
	}
	return db.inTx(ctx, func(tx conn) error {
		n, err := tx.exec(ctx, `DELETE FROM municipality_groups WHERE id = $1 AND kind = 'CUSTOM'`, id)
		if err != nil {
			return err
		}
		if n == 0 {
			return customGroupNotFound(id)
		}
		_, err = tx.exec(ctx, `DELETE FROM kpi_records WHERE municipality_id = $1`, id)
		return err
	})
}

func customGroupNotFound(id string) error {
	if strings.HasPrefix(id, "G") {
		return Errorf(Forbidden, "group %s is Kolada's: it changes only by import", id)
	}
	return Errorf(NotFound, "group %s not found", id)
}

// setMembers replaces a group's members, which must be stored
// municipalities.
func setMembers(ctx context.Context, tx conn, id string, codes []string) error {
	var missing []string
	err := tx.sel(ctx, &missing, `SELECT c FROM unnest($1::text[]) c
		WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = c) ORDER BY c`, pq.Array(codes))
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return InvalidField("members", "unknown municipalities: %s", strings.Join(missing, ", "))
	}
	if _, err := tx.exec(ctx, `DELETE FROM municipality_group_members WHERE group_id = $1`, id); err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT INTO municipality_group_members (group_id, municipality_code)
		SELECT $1, unnest($2::text[])`, id, pq.Array(codes))
	return err
}
