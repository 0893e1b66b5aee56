package web

import (
	"net/http"
	"net/url"
	"strings"
)

// adminUsersData is the users page's data: a page of accounts and the
// organisations an applicant can join.
type adminUsersData struct {
	Users struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
		Nodes []adminUser `json:"nodes"`
	} `json:"users"`
	Organisations struct {
		Nodes []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"nodes"`
	} `json:"organisations"`
	// After is the cursor this page starts after ("" for the first).
	After string `json:"-"`
}

type adminUser struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Email         string `json:"email"`
	Role          string `json:"role"`
	CreatedAt     string `json:"createdAt"`
	Organisations []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"organisations"`
}

// ApplicantOptions are the applicants on this page, for the membership
// form's select.
func (d *adminUsersData) ApplicantOptions() []option {
	var out []option
	for _, u := range d.Users.Nodes {
		if u.Role == "APPLICANT" {
			out = append(out, option{Value: u.ID, Label: u.Name + " <" + u.Email + ">"})
		}
	}
	return out
}

// OrganisationOptions are the organisations by name.
func (d *adminUsersData) OrganisationOptions() []option {
	out := make([]option, len(d.Organisations.Nodes))
	for i, o := range d.Organisations.Nodes {
		out[i] = option{Value: o.ID, Label: o.Name}
	}
	sortOptions(out)
	return out
}

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) {
	f := newForm(url.Values{"key": {newKey()}, "role": {"JUROR"}})
	s.showAdminUsers(w, r, f, http.StatusOK)
}

// showAdminUsers draws the users page (?after= for a later page) with
// the forms as f holds them.
func (s *Server) showAdminUsers(w http.ResponseWriter, r *http.Request, f *form, status int) {
	if !s.requireLogin(w, r) {
		return
	}
	after := r.URL.Query().Get("after")
	vars := map[string]any{}
	if after != "" {
		vars["after"] = after
	}
	v := &view{TitleKey: "admin.users.title", Form: f, Flash: s.flash(w, r)}
	d := adminUsersData{After: after}
	if !s.read(w, r, "admin_users", vars, v, &d) {
		return
	}
	s.render(w, r, status, "admin_users", v)
}

// createUserFields maps the API's error fields to the form's.
var createUserFields = map[string]string{"email": "email", "name": "name", "password": "password", "role": "role"}

// adminCreateUser creates a juror, admin or applicant account; the
// form's idempotency key makes a double submit create one.
func (s *Server) adminCreateUser(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "password", "csrf"))
	in := map[string]any{"email": strings.TrimSpace(f.Get("email")), "name": strings.TrimSpace(f.Get("name")),
		"password": r.PostFormValue("password"), "role": f.Get("role")}
	var out struct {
		CreateUser struct{ Name string } `json:"createUser"`
	}
	errs, ok := s.write(w, r, "admin_user_create", map[string]any{"input": in, "key": f.Get("key")}, &out)
	if !ok {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, createUserFields)
		s.showAdminUsers(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.userCreated")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// memberFields maps the API's error fields to the membership form's.
var memberFields = map[string]string{"userId": "member_user", "organisationId": "member_org"}

// adminAddMember makes an applicant a member of an organisation.
func (s *Server) adminAddMember(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	f.Values.Set("key", newKey())
	f.Values.Set("role", "JUROR")
	c := s.cat(r)
	if f.Get("member_user") == "" {
		f.fail("member_user", c.text("admin.users.pickApplicant"))
	}
	if f.Get("member_org") == "" {
		f.fail("member_org", c.text("admin.users.pickOrganisation"))
	}
	if !f.HasErrors() {
		errs, ok := s.write(w, r, "admin_member_add", map[string]any{"org": f.Get("member_org"), "user": f.Get("member_user")}, nil)
		if !ok {
			return
		}
		f.apiErrors(c, errs, memberFields)
	}
	if f.HasErrors() {
		s.showAdminUsers(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.memberAdded")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}
