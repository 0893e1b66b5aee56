package web

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// session is what login and signUp answer.
type session struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
	User      *me       `json:"user"`
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	v := &view{TitleKey: "login.title", Form: newForm(url.Values{"next": {safeNext(r.URL.Query().Get("next"), "")}}), Flash: s.flash(w, r)}
	if !s.read(w, r, "me", nil, v, &struct{}{}) {
		return
	}
	s.render(w, r, http.StatusOK, "login", v)
}

// login runs the login mutation as an anonymous caller, keeps the token in
// the session cookie and goes on to ?next= (on this site only).
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := newForm(url.Values{"email": {r.PostFormValue("email")}, "next": {safeNext(r.PostFormValue("next"), "")}})
	var out struct{ Login session }
	anon := r.Clone(r.Context())
	anon.Header.Del("Cookie")
	errs, _ := s.write(w, anon, "login_post", map[string]any{"email": strings.TrimSpace(r.PostFormValue("email")),
		"password": r.PostFormValue("password")}, &out)
	if len(errs) > 0 {
		v := &view{TitleKey: "login.title", Form: f}
		f.apiErrors(s.views.cats[pickLang(s.cookie(r, langCookie))], errs, nil)
		s.render(w, r, http.StatusOK, "login", v)
		return
	}
	s.startSession(w, out.Login.Token, out.Login.ExpiresAt)
	http.Redirect(w, r, safeNext(f.Get("next"), landing(out.Login.User)), http.StatusSeeOther)
}

// landing is where a user goes after logging in without a ?next=.
func landing(u *me) string {
	if u != nil && u.Role == "APPLICANT" {
		return "/dashboard"
	}
	return "/"
}

// logout revokes the session's token and forgets it.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	s.write(w, r, "logout_post", nil, nil)
	s.endSession(w)
	s.setFlash(w, "flash.loggedOut")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// signUpData is the sign-up form's data.
type signUpData struct {
	Municipalities []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"municipalities"`
}

// Options are the municipalities as a select's options, by name.
func (d *signUpData) Options() []option {
	out := make([]option, len(d.Municipalities))
	for i, m := range d.Municipalities {
		out[i] = option{Value: m.Code, Label: m.Name}
	}
	sortOptions(out)
	return out
}

func (s *Server) signUpPage(w http.ResponseWriter, r *http.Request) {
	s.showSignUp(w, r, newForm(url.Values{"key": {newKey()}, "sector": {"PUBLIC"}, "kind": {"MUNICIPALITY"}}), http.StatusOK)
}

func (s *Server) showSignUp(w http.ResponseWriter, r *http.Request, f *form, status int) {
	v := &view{TitleKey: "signup.title", Form: f}
	var d signUpData
	if !s.read(w, r, "signup", nil, v, &d) {
		return
	}
	s.render(w, r, status, "signup", v)
}

// signUpFields maps the API's error fields to the form's.
var signUpFields = map[string]string{"email": "email", "name": "name", "password": "password",
	"municipalityCode": "municipality", "kind": "kind", "sector": "sector", "orgNumber": "orgNumber",
	"idempotencyKey": ""}

// signUp creates the applicant and organisation, logged in at once. The
// form's idempotency key makes a double submit create one account.
func (s *Server) signUp(w http.ResponseWriter, r *http.Request) {
	if !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "password", "password2", "csrf"))
	if r.PostFormValue("password") != r.PostFormValue("password2") {
		f.fail("password2", s.cat(r).text("signup.passwordsDiffer"))
	}
	if strings.TrimSpace(f.Get("orgName")) == "" {
		f.fail("orgName", s.cat(r).text("signup.orgNameMissing"))
	}
	if f.HasErrors() {
		s.showSignUp(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	org := map[string]any{"name": strings.TrimSpace(f.Get("orgName")), "kind": f.Get("kind"), "sector": f.Get("sector")}
	if m := f.Get("municipality"); m != "" {
		org["municipalityCode"] = m
	}
	in := map[string]any{"email": strings.TrimSpace(f.Get("email")), "name": strings.TrimSpace(f.Get("name")),
		"password": r.PostFormValue("password"), "organisation": org}
	var out struct{ SignUp session }
	anon := r.Clone(r.Context())
	anon.Header.Del("Cookie")
	errs, _ := s.write(w, anon, "signup_post", map[string]any{"input": in, "key": f.Get("key")}, &out)
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, signUpFields)
		s.showSignUp(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.startSession(w, out.SignUp.Token, out.SignUp.ExpiresAt)
	s.setFlash(w, "flash.signedUp")
	http.Redirect(w, r, "/dashboard", http.StatusSeeOther)
}

// cat is the catalogue of the request's language.
func (s *Server) cat(r *http.Request) catalogue {
	return s.views.cats[pickLang(s.cookie(r, langCookie))]
}

// newKey is a fresh idempotency key for a form.
func newKey() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
