package store

import (
	"context"
	"strings"
	"time"
)

// InvitationTTL is how long an invitation link lasts.
const InvitationTTL = 7 * 24 * time.Hour

// Invitation is an open offer of an account, made by an admin.
type Invitation struct {
	Email          string     `db:"email"`
	Role           Role       `db:"role"`
	OrganisationID *int64     `db:"organisation_id"`
	Language       string     `db:"language"`
	InvitedBy      int64      `db:"invited_by"`
	CreatedAt      time.Time  `db:"created_at"`
	ExpiresAt      time.Time  `db:"expires_at"`
	UsedAt         *time.Time `db:"used_at"`
	RevokedAt      *time.Time `db:"revoked_at"`
	TokenHash      []byte     `db:"token_hash"`
}

// InvitationInput describes whom to invite: an applicant needs an
// organisation to join, an admin or juror none.
type InvitationInput struct {
	Email          string
	Role           Role
	OrganisationID int64
	Language       string
}

func (in *InvitationInput) validate() error {
	in.Email = strings.TrimSpace(in.Email)
	if err := checkEmail(in.Email); err != nil {
		return err
	}
	if !in.Role.Valid() {
		return InvalidField("role", "must be ADMIN, JUROR or APPLICANT")
	}
	if (in.Role == RoleApplicant) != (in.OrganisationID != 0) {
		return InvalidField("organisationId", "an applicant is invited to an organisation, an admin or juror to none")
	}
	var err error
	in.Language, err = checkLanguage(in.Language)
	return err
}

// InviteUser invites someone by e-mail: a link, mailed in the same
// transaction, lets them choose their name and password within
// InvitationTTL, once. Inviting the same address again revokes the older
// links. Only admins may.
func (db *DB) InviteUser(ctx context.Context, in InvitationInput) (*Invitation, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() {
		return nil, Errorf(Forbidden, "only admins invite users")
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	token, inv := newToken(), &Invitation{}
	err := db.inTx(ctx, func(tx conn) error {
		params := map[string]any{"role": in.Role}
		if in.OrganisationID != 0 {
			var name string
			err := tx.get(ctx, &name, `SELECT name FROM organisations WHERE id = $1`, in.OrganisationID)
			if isNoRows(err) {
				return notFound("organisation", in.OrganisationID)
			}
			if err != nil {
				return err
			}
			params["organisation"] = name
		}
		var taken bool
		if err := tx.get(ctx, &taken, `SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1))`, in.Email); err != nil {
			return err
		}
		if taken {
			return &Error{Code: Conflict, Field: "email", Message: "email: is already registered"}
		}
		if _, err := tx.exec(ctx, `UPDATE invitations SET revoked_at = $2
			WHERE lower(email) = lower($1) AND used_at IS NULL AND revoked_at IS NULL`, in.Email, db.Now()); err != nil {
			return err
		}
		err := tx.get(ctx, inv, `INSERT INTO invitations (token_hash, email, role, organisation_id, language, invited_by, expires_at)
			VALUES ($1, $2, $3, nullif($4, 0), $5, $6, $7) RETURNING *`,
			hashToken(token), in.Email, in.Role, in.OrganisationID, in.Language, a.UserID, db.Now().Add(InvitationTTL))
		if err != nil {
			return err
		}
		params["expiresAt"] = inv.ExpiresAt
		return enqueue(ctx, tx, newMail{Kind: MailInvitation, To: in.Email, Language: in.Language, Params: params, Secret: token})
	})
	return inv, err
}

// Acceptance is what an invited person sends back with the link's token.
type Acceptance struct {
	Token, Name, Password, Language string
}

// AcceptInvitation creates the invited account, and its membership, from
// a valid link; the link is used up. An expired, used, replaced or unknown
// link changes nothing and says which it was.
func (db *DB) AcceptInvitation(ctx context.Context, acc Acceptance) (*User, error) {
	var u *User
	err := db.inTx(ctx, func(tx conn) error {
		inv := &Invitation{}
		err := tx.get(ctx, inv, `SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE`, hashToken(acc.Token))
		if isNoRows(err) {
			return InvalidField("token", "this invitation link is not valid; check that you copied all of it")
		}
		if err != nil {
			return err
		}
		if err := db.checkInvitation(inv); err != nil {
			return err
		}
		lang := acc.Language
		if lang == "" {
			lang = inv.Language
		}
		nu := NewUser{Email: inv.Email, Name: acc.Name, Password: acc.Password, Role: inv.Role, Language: lang}
		if inv.OrganisationID != nil {
			nu.OrganisationIDs = []int64{*inv.OrganisationID}
		}
		if err := nu.validate(); err != nil {
			return err
		}
		if u, err = db.insertUser(ctx, tx, nu); err != nil {
			return err
		}
		_, err = tx.exec(ctx, `UPDATE invitations SET used_at = $2 WHERE token_hash = $1`, inv.TokenHash, db.Now())
		return err
	})
	return u, err
}

func (db *DB) checkInvitation(inv *Invitation) error {
	switch {
	case inv.UsedAt != nil:
		return InvalidField("token", "this invitation has already been used; log in, or reset your password")
	case inv.RevokedAt != nil:
		return InvalidField("token", "this invitation was replaced by a newer one; use the link in the latest mail")
	case !db.Now().Before(inv.ExpiresAt):
		return InvalidField("token", "this invitation has expired; ask the secretariat for a new one")
	}
	return nil
}
