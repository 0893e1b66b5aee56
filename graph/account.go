package graph

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

func (s *schema) accountMutations(mutation graphql.Fields) {
	mutation["signUp"] = &graphql.Field{Type: nonNull(s.session),
		Description: "Creates an applicant with a new organisation and logs them in.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("SignUpInput",
			graphql.InputObjectConfigFieldMap{
				"email":        {Type: graphql.NewNonNull(graphql.String)},
				"name":         {Type: graphql.NewNonNull(graphql.String)},
				"password":     {Type: graphql.NewNonNull(graphql.String), Description: "At least 12 characters."},
				"organisation": {Type: graphql.NewNonNull(s.organisationIn)},
			}))}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			nu := store.NewUser{Email: str(in, "email"), Name: str(in, "name"), Password: str(in, "password")}
			org, _ := in["organisation"].(map[string]any)
			if err := s.signUps.allow(p.Context, signUpKey(p.Context)); err != nil {
				return nil, err
			}
			if _, _, err := s.db.SignUp(s.keyed(p), nu, organisationInput(org)); err != nil {
				return nil, err
			}
			// A retried sign-up is a login with the password it brings.
			return s.login(p.Context, nu.Email, nu.Password)
		}}
	mutation["login"] = &graphql.Field{Type: nonNull(s.session),
		Description: "Returns a bearer token. A wrong e-mail and a wrong password give the same error. " +
			"Each account may log in or try 10 times in 15 minutes from one client address, and each client address may fail 10 times " +
			"(RATE_LIMITED with extensions.retryAfter).",
		Args: graphql.FieldConfigArgument{
			"email":    {Type: graphql.NewNonNull(graphql.String)},
			"password": {Type: graphql.NewNonNull(graphql.String)},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return s.login(p.Context, str(p.Args, "email"), str(p.Args, "password"))
		}}
	mutation["logout"] = &graphql.Field{Type: nonNull(graphql.Boolean), Description: "Revokes the caller's token.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			token := tokenFrom(p.Context)
			if token == "" {
				return false, nil
			}
			return true, s.db.Logout(p.Context, token)
		}}
	mutation["createUser"] = &graphql.Field{Type: nonNull(s.user), Description: "Creates a user of any role; admins only.",
		Args: withIdempotencyKey(graphql.FieldConfigArgument{"input": {Type: graphql.NewNonNull(inputObject("CreateUserInput",
			graphql.InputObjectConfigFieldMap{
				"email":           {Type: graphql.NewNonNull(graphql.String)},
				"name":            {Type: graphql.NewNonNull(graphql.String)},
				"password":        {Type: graphql.NewNonNull(graphql.String)},
				"role":            {Type: graphql.NewNonNull(s.role)},
				"organisationIds": {Type: graphql.NewList(graphql.NewNonNull(idType))},
			}))}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			in := input(p)
			orgs, err := idList("organisationIds", in["organisationIds"])
			if err != nil {
				return nil, err
			}
			role, _ := in["role"].(store.Role)
			// A retried createUser compares its password with the account's:
			// a password check, so through the login limiter.
			return s.db.CreateUser(s.keyed(p), store.NewUser{Email: str(in, "email"), Name: str(in, "name"),
				Password: str(in, "password"), Role: role, OrganisationIDs: orgs}, func(email string) error {
				account, address := loginKeys(p.Context, email)
				return s.logins.allow(p.Context, account, address)
			})
		}}
	s.membershipMutations(mutation)
	s.accountMailMutations(mutation)
}

// login checks a password through the login limiter: every password
// check does.
func (s *schema) login(ctx context.Context, email, password string) (*store.Session, error) {
	account, address := loginKeys(ctx, email)
	if err := s.logins.allow(ctx, account, address); err != nil {
		return nil, err
	}
	session, err := s.db.Login(ctx, email, password)
	if err == nil {
		// A login that succeeds counts against its account at the address
		// (each makes a token) but not the address, which an office's
		// jurors behind one NAT share.
		s.logins.refund(ctx, address)
	}
	return session, err
}

func (s *schema) membershipMutations(mutation graphql.Fields) {
	args := graphql.FieldConfigArgument{
		"organisationId": {Type: graphql.NewNonNull(idType)},
		"userId":         {Type: graphql.NewNonNull(idType)},
	}
	change := func(fn func(p graphql.ResolveParams, org, user int64) error) graphql.FieldResolveFn {
		return func(p graphql.ResolveParams) (any, error) {
			org, err := idArg(p, "organisationId")
			if err != nil {
				return nil, err
			}
			user, err := idArg(p, "userId")
			if err != nil {
				return nil, err
			}
			if err := fn(p, org, user); err != nil {
				return nil, err
			}
			return loadersFrom(p.Context).orgs.load(p.Context, org), nil
		}
	}
	mutation["addMember"] = &graphql.Field{Type: s.organisation, Args: args,
		Description: "Makes an applicant a member of an organisation; admins only.",
		Resolve: change(func(p graphql.ResolveParams, org, user int64) error {
			return s.db.AddMember(p.Context, org, user)
		})}
	mutation["removeMember"] = &graphql.Field{Type: s.organisation, Args: args,
		Description: "Ends a membership; admins only.",
		Resolve: change(func(p graphql.ResolveParams, org, user int64) error {
			return s.db.RemoveMember(p.Context, org, user)
		})}
}
