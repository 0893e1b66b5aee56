package store

import (
	"context"

	"github.com/lib/pq"
)

// AddMember makes user a member of organisation; only admins may.
func (db *DB) AddMember(ctx context.Context, orgID, userID int64) error {
	if !ActorFrom(ctx).IsAdmin() {
		return Errorf(Forbidden, "only admins change memberships")
	}
	return db.inTx(ctx, func(tx conn) error {
		var role Role
		err := tx.get(ctx, &role, `SELECT role FROM users WHERE id = $1`, userID)
		if isNoRows(err) {
			return notFound("user", userID)
		}
		if err != nil {
			return err
		}
		if role != RoleApplicant {
			return InvalidField("userId", "only applicants belong to organisations")
		}
		return insertMember(ctx, tx, orgID, userID)
	})
}

func insertMember(ctx context.Context, tx conn, orgID, userID int64) error {
	n, err := tx.exec(ctx, `INSERT INTO memberships (organisation_id, user_id)
		SELECT id, $2 FROM organisations WHERE id = $1`, orgID, userID)
	if err == nil && n == 0 {
		return notFound("organisation", orgID)
	}
	return err
}

// RemoveMember ends user's membership of organisation; only admins may.
func (db *DB) RemoveMember(ctx context.Context, orgID, userID int64) error {
	if !ActorFrom(ctx).IsAdmin() {
		return Errorf(Forbidden, "only admins change memberships")
	}
	n, err := db.conn().exec(ctx, `DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2`, orgID, userID)
	if err == nil && n == 0 {
		return Errorf(NotFound, "user %d is not a member of organisation %d", userID, orgID)
	}
	return err
}

// FindMembersByOrganisationIDs returns, per visible organisation, its
// members.
func (db *DB) FindMembersByOrganisationIDs(ctx context.Context, ids []int64) (map[int64][]*User, error) {
	a := ActorFrom(ctx)
	var rows []struct {
		OrgID int64 `db:"organisation_id"`
		User
	}
	err := db.conn().sel(ctx, &rows, `SELECT m.organisation_id, u.* FROM memberships m
		JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
		WHERE m.organisation_id = ANY($3) AND `+orgMembersVisible+` ORDER BY u.id`,
		a.role(), pq.Array(a.orgs()), pq.Array(ids))
	out := make(map[int64][]*User)
	for i := range rows {
		u := rows[i].User
		out[rows[i].OrgID] = append(out[rows[i].OrgID], &u)
	}
	return out, err
}

// FindOrganisationsByUserIDs returns, per user, the visible organisations
// the user belongs to.
func (db *DB) FindOrganisationsByUserIDs(ctx context.Context, ids []int64) (map[int64][]*Organisation, error) {
	a := ActorFrom(ctx)
	var rows []struct {
		UserID int64 `db:"user_id"`
		Organisation
	}
	err := db.conn().sel(ctx, &rows, `SELECT m.user_id, o.* FROM memberships m
		JOIN organisations o ON o.id = m.organisation_id
		WHERE m.user_id = ANY($3) AND `+orgMembersVisible+` ORDER BY o.id`,
		a.role(), pq.Array(a.orgs()), pq.Array(ids))
	out := make(map[int64][]*Organisation)
	for i := range rows {
		o := rows[i].Organisation
		out[rows[i].UserID] = append(out[rows[i].UserID], &o)
	}
	return out, err
}

// FindSessionOrganisations returns the organisations of the user who holds
// token; holding the token is the right to see them.
func (db *DB) FindSessionOrganisations(ctx context.Context, token string) ([]*Organisation, error) {
	var orgs []*Organisation
	err := db.conn().sel(ctx, &orgs, `SELECT o.* FROM sessions s JOIN memberships m ON m.user_id = s.user_id
		JOIN organisations o ON o.id = m.organisation_id
		WHERE s.token_hash = $1 AND s.revoked_at IS NULL ORDER BY o.id`, hashToken(token))
	return orgs, err
}
