package graph_test

import "testing"

func TestSignUpLoginMeLogout(t *testing.T) {
	e := newEnv(t)
	token, org := e.signUp("Anna@Example.se", "Södertälje kommun")
	me := e.gql(token, `{ me { email role organisations { id name } } }`, nil).ok()
	if me.str("me.role") != "APPLICANT" || me.str("me.email") != "Anna@Example.se" {
		t.Errorf("me = %v", me.Data)
	}
	if orgs := me.get("me.organisations").([]any); len(orgs) != 1 || orgs[0].(map[string]any)["id"] != org {
		t.Errorf("me.organisations = %v, want [%s]", orgs, org)
	}
	t.Run("login is case-insensitive on email", func(t *testing.T) {
		if e.login("anna@EXAMPLE.se", "applicant password") == "" {
			t.Error("no token")
		}
	})
	t.Run("anonymous me is null", func(t *testing.T) {
		if r := e.gql("", `{ me { id } }`, nil).ok(); r.get("me") != nil {
			t.Errorf("me = %v, want null", r.get("me"))
		}
	})
	t.Run("logout revokes the token", func(t *testing.T) {
		e.gql(token, `mutation { logout }`, nil).ok()
		r := e.gql(token, `{ me { id } }`, nil).wantCode("UNAUTHENTICATED")
		if r.Status != 401 {
			t.Errorf("status = %d, want 401", r.Status)
		}
	})
}

func TestLoginRefusals(t *testing.T) {
	e := newEnv(t)
	e.signUp("anna@example.se", "Org")
	wrongEmail := e.gql("", `mutation { login(email: "nobody@example.se", password: "applicant password") { token } }`, nil).
		wantCode("UNAUTHENTICATED")
	wrongPassword := e.gql("", `mutation { login(email: "anna@example.se", password: "wrong password!") { token } }`, nil).
		wantCode("UNAUTHENTICATED")
	if wrongEmail.Errors[0].Message != wrongPassword.Errors[0].Message {
		t.Errorf("messages differ: %q vs %q", wrongEmail.Errors[0].Message, wrongPassword.Errors[0].Message)
	}
	t.Run("malformed authorization header", func(t *testing.T) {
		e.gql("not-a-bearer", `{ me { id } }`, nil).wantCode("UNAUTHENTICATED")
	})
}

func TestSignUpRefusals(t *testing.T) {
	e := newEnv(t)
	e.signUp("taken@example.se", "First")
	org := func(name, code string) map[string]any {
		m := map[string]any{"name": name, "kind": "MUNICIPALITY", "sector": "PUBLIC"}
		if code != "" {
			m["municipalityCode"] = code
		}
		return m
	}
	cases := []struct {
		name, email, password string
		org                   map[string]any
		code, field           string
	}{
		{"duplicate email any case", "TAKEN@example.se", "long enough password", org("X", ""), "CONFLICT", "email"},
		{"short password", "a@example.se", "short", org("X", ""), "INVALID", "password"},
		{"bad email", "not-an-email", "long enough password", org("X", ""), "INVALID", "email"},
		{"empty organisation name", "b@example.se", "long enough password", org("  ", ""), "INVALID", "name"},
		{"malformed municipality code", "c@example.se", "long enough password", org("X", "128"), "INVALID", "municipalityCode"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := e.gql("", `mutation($in: SignUpInput!) { signUp(input: $in) { token } }`,
				map[string]any{"in": map[string]any{"email": c.email, "name": "N", "password": c.password, "organisation": c.org}})
			r.wantCode(c.code)
			if f := r.Errors[0].Extensions["field"]; f != c.field {
				t.Errorf("field = %v, want %s", f, c.field)
			}
		})
	}
	t.Run("nothing half-written", func(t *testing.T) {
		admin := e.admin()
		if n := e.gql(admin, `{ organisations { totalCount } }`, nil).ok().num("organisations.totalCount"); n != 1 {
			t.Errorf("organisations = %d, want 1 (only the first sign-up)", n)
		}
	})
}

func TestAdminCreatesUsersAndMembers(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	applicant, _ := e.signUp("a@example.se", "A")
	org := e.gql(admin, `mutation { createOrganisation(input: {name: "Malmö stad", kind: MUNICIPALITY, sector: PUBLIC,
		municipalityCode: "1280", orgNumber: "212000-1124"}) { id } }`, nil).ok().str("createOrganisation.id")
	u := e.gql(admin, `mutation($o: [ID!]) { createUser(input: {email: "lena@malmo.se", name: "Lena", password: "lena password 1",
		role: APPLICANT, organisationIds: $o}) { id organisations { name } } }`, map[string]any{"o": []string{org}}).ok()
	if names := u.get("createUser.organisations").([]any); len(names) != 1 {
		t.Errorf("organisations = %v", names)
	}
	t.Run("applicants cannot create users", func(t *testing.T) {
		e.gql(applicant, `mutation { createUser(input: {email: "x@x.se", name: "X", password: "xxxxxxxxxxxxx", role: ADMIN}) { id } }`, nil).
			wantCode("FORBIDDEN")
	})
	t.Run("bad organisation number", func(t *testing.T) {
		e.gql(admin, `mutation { createOrganisation(input: {name: "X", kind: COMPANY, sector: PRIVATE, orgNumber: "212000-1125"}) { id } }`, nil).
			wantCode("INVALID")
	})
	t.Run("add and remove a member", func(t *testing.T) {
		uid := u.str("createUser.id")
		other := e.gql(admin, `mutation { createOrganisation(input: {name: "DeLaval", kind: COMPANY, sector: PRIVATE}) { id } }`, nil).
			ok().str("createOrganisation.id")
		r := e.gql(admin, `mutation($o: ID!, $u: ID!) { addMember(organisationId: $o, userId: $u) { members { email } } }`,
			map[string]any{"o": other, "u": uid}).ok()
		if m := r.get("addMember.members").([]any); len(m) != 1 {
			t.Errorf("members = %v", m)
		}
		e.gql(admin, `mutation($o: ID!, $u: ID!) { addMember(organisationId: $o, userId: $u) { id } }`,
			map[string]any{"o": other, "u": uid}).wantCode("CONFLICT")
		e.gql(admin, `mutation($o: ID!, $u: ID!) { removeMember(organisationId: $o, userId: $u) { id } }`,
			map[string]any{"o": other, "u": uid}).ok()
		e.gql(admin, `mutation($o: ID!, $u: ID!) { removeMember(organisationId: $o, userId: $u) { id } }`,
			map[string]any{"o": other, "u": uid}).wantCode("NOT_FOUND")
	})
}
