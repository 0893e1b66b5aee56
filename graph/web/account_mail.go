package web

import (
	"net/http"
	"net/url"
	"strings"
)

// The pages the account mails link to: an invitation's (choose a name and
// password), and the password reset's (ask for a link; choose a new
// password). The token travels in the link's query and in a hidden field.

func (s *Server) invitationPage(w http.ResponseWriter, r *http.Request) {
	s.showAccountForm(w, r, "invitation", newForm(url.Values{"token": {r.URL.Query().Get("token")}}), http.StatusOK)
}

// showAccountForm renders page, one of the account-mail forms, with f.
func (s *Server) showAccountForm(w http.ResponseWriter, r *http.Request, page string, f *form, status int) {
	v := &view{TitleKey: page + ".title", Form: f}
	if !s.read(w, r, "me", nil, v, &struct{}{}) {
		return
	}
	s.render(w, r, status, page, v)
}

// accountFields maps the account mutations' error fields to the forms'.
var accountFields = map[string]string{"name": "name", "password": "password", "email": "email"}

// newPasswordForm reads a form with a new password typed twice; the form
// it returns never holds the passwords.
func (s *Server) newPasswordForm(r *http.Request) *form {
	f := newForm(without(r.PostForm, "password", "password2", "csrf"))
	if r.PostFormValue("password") != r.PostFormValue("password2") {
		f.fail("password2", s.cat(r).text("signup.passwordsDiffer"))
	}
	return f
}

// anonymous is r without its cookies: the account mutations run as
// nobody, whoever is logged in.
func anonymous(r *http.Request) *http.Request {
	anon := r.Clone(r.Context())
	anon.Header.Del("Cookie")
	return anon
}

// acceptInvitation creates the invited account and logs it in.
func (s *Server) acceptInvitation(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := s.newPasswordForm(r)
	if strings.TrimSpace(f.Get("name")) == "" {
		f.fail("name", s.cat(r).text("invitation.nameMissing"))
	}
	if f.HasErrors() {
		s.showAccountForm(w, r, "invitation", f, http.StatusUnprocessableEntity)
		return
	}
	in := map[string]any{"token": f.Get("token"), "name": strings.TrimSpace(f.Get("name")), "password": r.PostFormValue("password")}
	if l := s.cookie(r, langCookie); l != "" {
		in["language"] = pickLang(l) // the language chosen on the page; else the invitation's
	}
	var out struct{ AcceptInvitation session }
	errs, _ := s.write(w, anonymous(r), "invitation_post", map[string]any{"input": in}, &out)
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, accountFields)
		s.showAccountForm(w, r, "invitation", f, http.StatusUnprocessableEntity)
		return
	}
	s.startSession(w, out.AcceptInvitation.Token, out.AcceptInvitation.ExpiresAt)
	s.setFlash(w, "flash.invitationAccepted")
	http.Redirect(w, r, landing(out.AcceptInvitation.User), http.StatusSeeOther)
}

func (s *Server) forgotPage(w http.ResponseWriter, r *http.Request) {
	s.showAccountForm(w, r, "password_forgot", newForm(nil), http.StatusOK)
}

// requestReset asks for a reset link and says the same whether or not
// the address has an account, as the API does.
func (s *Server) requestReset(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := newForm(url.Values{"email": {strings.TrimSpace(r.PostFormValue("email"))}})
	errs, _ := s.write(w, anonymous(r), "password_forgot_post", map[string]any{"email": f.Get("email")}, nil)
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, accountFields)
		s.showAccountForm(w, r, "password_forgot", f, http.StatusUnprocessableEntity)
		return
	}
	f.Values.Set("sent", "yes")
	s.showAccountForm(w, r, "password_forgot", f, http.StatusOK)
}

func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	s.showAccountForm(w, r, "password_reset", newForm(url.Values{"token": {r.URL.Query().Get("token")}}), http.StatusOK)
}

// resetPassword sets the new password; every session of the account
// ends, this browser's too, and it goes on to log in.
func (s *Server) resetPassword(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := s.newPasswordForm(r)
	if f.HasErrors() {
		s.showAccountForm(w, r, "password_reset", f, http.StatusUnprocessableEntity)
		return
	}
	errs, _ := s.write(w, anonymous(r), "password_reset_post", map[string]any{"token": f.Get("token"), "password": r.PostFormValue("password")}, nil)
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, accountFields)
		s.showAccountForm(w, r, "password_reset", f, http.StatusUnprocessableEntity)
		return
	}
	s.endSession(w)
	s.setFlash(w, "flash.passwordReset")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
