package graph

import (
	"context"
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// Default password-reset limits: requests per address, which would
// otherwise let anyone flood a mailbox, and per client address.
const (
	DefaultResetLimit       = 5
	DefaultResetClientLimit = 20
	DefaultResetWindow      = time.Hour
)

// resetAnswerTime is the least time a reset request takes to answer,
// whether the address is known or not: the store's work differs by a few
// milliseconds between the two, which the wait hides.
const resetAnswerTime = 300 * time.Millisecond

func (s *schema) invitationType() *graphql.Object {
	return obj("Invitation", "An offer of an account, mailed with a link that works once within 7 days; inviting the address again replaces it.", graphql.Fields{
		"email":    {Type: nonNull(graphql.String), Description: "The invited address."},
		"role":     {Type: nonNull(s.role), Description: "The role the account gets."},
		"language": {Type: nonNull(s.language), Description: "The language of the mail, and the account's until its owner chooses."},
		"organisation": {Type: s.organisation, Description: "The organisation an invited applicant joins; null for admins and jurors.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				inv := p.Source.(*store.Invitation)
				if inv.OrganisationID == nil {
					return nil, nil
				}
				return loadersFrom(p.Context).orgs.load(p.Context, *inv.OrganisationID), nil
			}},
		"createdAt": {Type: nonNull(graphql.DateTime)},
		"expiresAt": {Type: nonNull(graphql.DateTime), Description: "When the link stops working."},
	})
}

// accountMailMutations adds invitations, password resets and the
// caller's language.
func (s *schema) accountMailMutations(mutation graphql.Fields) {
	mutation["inviteUser"] = &graphql.Field{Type: nonNull(s.invitationT),
		Description: "Invites someone by e-mail to become an admin, a juror or an applicant of an organisation; admins only. " +
			"The mail's link lets them choose their name and password, once, within 7 days; inviting the same address again revokes the older link. " +
			"An address that already has an account is a CONFLICT.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("InviteUserInput", graphql.InputObjectConfigFieldMap{
			"email":          {Type: graphql.NewNonNull(graphql.String), Description: "The address to invite."},
			"role":           {Type: graphql.NewNonNull(s.role), Description: "The role of the account."},
			"organisationId": {Type: idType, Description: "The organisation an applicant joins; required for APPLICANT, refused otherwise."},
			"language":       {Type: s.language, Description: "The mail's language (sv when absent)."},
		}))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			org, err := optionalID(in, "organisationId")
			if err != nil {
				return nil, err
			}
			role, _ := in["role"].(store.Role)
			return s.db.InviteUser(p.Context, store.InvitationInput{Email: str(in, "email"), Role: role,
				OrganisationID: org, Language: str(in, "language")})
		}}
	mutation["acceptInvitation"] = &graphql.Field{Type: nonNull(s.session),
		Description: "Creates the invited account from the token in the invitation's link, and logs it in. " +
			"An expired, used, replaced or unknown token is INVALID at token, saying which, and changes nothing.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("AcceptInvitationInput", graphql.InputObjectConfigFieldMap{
			"token":    {Type: graphql.NewNonNull(graphql.String), Description: "The token from the link."},
			"name":     {Type: graphql.NewNonNull(graphql.String), Description: "The name to show."},
			"password": {Type: graphql.NewNonNull(graphql.String), Description: "At least 12 characters."},
			"language": {Type: s.language, Description: "The preferred language (the invitation's when absent)."},
		}))}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			u, err := s.db.AcceptInvitation(p.Context, store.Acceptance{Token: str(in, "token"), Name: str(in, "name"),
				Password: str(in, "password"), Language: str(in, "language")})
			if err != nil {
				return nil, err
			}
			return s.db.Login(p.Context, u.Email, str(in, "password"))
		}}
	mutation["requestPasswordReset"] = &graphql.Field{Type: nonNull(graphql.Boolean),
		Description: "Mails a link to reset the password of the account with this address, valid for an hour, once. " +
			"It answers true, after the same time, whether or not the address has an account. " +
			"Each address may ask 5 times an hour and each client address 20 times (RATE_LIMITED with extensions.retryAfter).",
		Args: graphql.FieldConfigArgument{"email": {Type: graphql.NewNonNull(graphql.String), Description: "The account's e-mail address."}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			start := time.Now()
			err := s.requestReset(p.Context, str(p.Args, "email"))
			if store.ErrorCode(err) != store.Invalid {
				wait(p.Context, resetAnswerTime-time.Since(start))
			}
			return err == nil, err
		}}
	mutation["resetPassword"] = &graphql.Field{Type: nonNull(graphql.Boolean),
		Description: "Sets a new password with the token from a reset link, uses up every reset link of the account and logs it out everywhere. " +
			"An expired, used or unknown token is INVALID at token and changes nothing.",
		Args: graphql.FieldConfigArgument{
			"token":    {Type: graphql.NewNonNull(graphql.String), Description: "The token from the link."},
			"password": {Type: graphql.NewNonNull(graphql.String), Description: "The new password, at least 12 characters."},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			err := s.db.ResetPassword(p.Context, str(p.Args, "token"), str(p.Args, "password"))
			return err == nil, err
		}}
	mutation["setLanguage"] = &graphql.Field{Type: nonNull(s.user),
		Description: "Sets the caller's preferred language, in which their mails are written.",
		Args:        graphql.FieldConfigArgument{"language": {Type: graphql.NewNonNull(s.language), Description: "sv or en."}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.db.SetLanguage(p.Context, str(p.Args, "language"))
		}}
}

// requestReset checks the address, counts the request against the client
// and the address, and asks the store for the reset.
func (s *schema) requestReset(ctx context.Context, email string) error {
	email = strings.TrimSpace(email)
	if err := s.resetClients.allow(ctx, "reset-client:"+clientAddrFrom(ctx)); err != nil {
		return err
	}
	if err := s.resetAddresses.allow(ctx, "reset-address:"+strings.ToLower(email)); err != nil {
		return err
	}
	return s.db.RequestPasswordReset(ctx, email)
}

// wait sleeps for d, or until ctx ends.
func wait(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
