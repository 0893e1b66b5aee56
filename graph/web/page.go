package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// loadDocuments reads every page's GraphQL document.
func loadDocuments() (map[string]string, error) {
	names, err := fs.Glob(files, "pages/*.graphql")
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			return nil, err
		}
		docs[strings.TrimSuffix(path.Base(n), ".graphql")] = string(b)
	}
	return docs, nil
}

// Documents returns every page's GraphQL document by page name, for the
// test that validates them against the schema.
func Documents() (map[string]string, error) { return loadDocuments() }

// doc is the document of page; a missing one is a programming error that
// TestDocuments catches.
func (s *Server) doc(page string) string {
	d, ok := s.docs[page]
	if !ok {
		panic(fmt.Sprintf("web: no document pages/%s.graphql", page))
	}
	return d
}

// exec runs the document of page as the request's user.
func (s *Server) exec(r *http.Request, page string, vars map[string]any) *graph.Result {
	c := graph.Caller{Token: s.token(r), Addr: graph.ClientAddr(r, s.opts.ClientIPHeader)}
	return s.api.Execute(r.Context(), c, s.doc(page), vars)
}

// decodeInto decodes a result's data into dst, unless it has errors;
// it returns the errors, or the decoding's as INTERNAL.
func decodeInto(res *graph.Result, dst any) []graph.Error {
	if len(res.Errors) > 0 {
		return res.Errors
	}
	if err := res.Decode(dst); err != nil {
		return []graph.Error{{Code: store.Internal, Message: err.Error()}}
	}
	return nil
}

// read runs page's query and decodes its data into dst, with the user
// into v. When it returns false it has answered: a redirect to log in for
// an expired session, or an error page.
func (s *Server) read(w http.ResponseWriter, r *http.Request, page string, vars map[string]any, v *view, dst any) bool {
	res := s.exec(r, page, vars)
	if res.Status == http.StatusUnauthorized {
		s.toLogin(w, r)
		return false
	}
	for _, e := range res.Errors {
		s.errorPage(w, r, e)
		return false
	}
	v.User = firstMe(res.Data)
	if err := res.Decode(dst); err != nil {
		s.errorPage(w, r, graph.Error{Code: store.Internal, Message: err.Error()})
		return false
	}
	v.Data = dst
	return true
}

// write runs page's mutation; it answers (and returns nil, false) only
// for an expired session. The errors are for the form.
func (s *Server) write(w http.ResponseWriter, r *http.Request, page string, vars map[string]any, dst any) ([]graph.Error, bool) {
	res := s.exec(r, page, vars)
	if res.Status == http.StatusUnauthorized && s.token(r) != "" {
		s.toLogin(w, r)
		return nil, false
	}
	if len(res.Errors) == 0 && dst != nil {
		if err := res.Decode(dst); err != nil {
			return []graph.Error{{Code: store.Internal, Message: err.Error()}}, true
		}
	}
	return res.Errors, true
}

// toLogin ends a session the API no longer knows and sends the browser to
// log in, then back to the page it asked for (for a POST, the page the
// form was on).
func (s *Server) toLogin(w http.ResponseWriter, r *http.Request) {
	if s.token(r) != "" {
		s.endSession(w)
	}
	next := r.URL.RequestURI()
	if r.Method != http.MethodGet {
		next = safeNext(r.PostFormValue("next"), "/")
	}
	http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
}

// requireLogin sends a logged-out browser to log in; it reports whether
// the request has a session.
func (s *Server) requireLogin(w http.ResponseWriter, r *http.Request) bool {
	if s.token(r) == "" {
		s.toLogin(w, r)
		return false
	}
	return true
}

// errorPage answers with the page for e's code: 404, 403, or 500 with the
// request id.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, e graph.Error) {
	status, key := http.StatusInternalServerError, "error.internal"
	switch e.Code {
	case store.NotFound:
		status, key = http.StatusNotFound, "error.notFound"
	case store.Forbidden:
		status, key = http.StatusForbidden, "error.forbidden"
	case store.Unauthenticated:
		s.toLogin(w, r)
		return
	case store.Invalid:
		status, key = http.StatusBadRequest, "error.invalid"
	default:
		s.opts.Log.Error("web: page failed", "path", r.URL.Path, "code", e.Code, "message", e.Message, "request_id", e.RequestID)
	}
	s.render(w, r, status, "error", &view{TitleKey: key, RequestID: e.RequestID})
}

// notFound is the 404 page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, graph.Error{Code: store.NotFound})
}

// parsePost reads a POST's form (at most 256 KiB) and checks its CSRF
// token; a refused POST gets the 403 page and changes nothing.
func (s *Server) parsePost(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		s.render(w, r, http.StatusRequestEntityTooLarge, "error", &view{TitleKey: "error.tooLarge"})
		return false
	}
	if !s.checkCSRF(r) {
		s.render(w, r, http.StatusForbidden, "error", &view{TitleKey: "error.csrf"})
		return false
	}
	return true
}

// firstMe is the data's "me" when it is the answer's first field, as
// every page's document asks for it first; it reads only that field, so
// a large page's answer is not decoded twice. Another order reads the
// whole answer.
func firstMe(data json.RawMessage) *me {
	var m struct {
		Me *me `json:"me"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	if t, err := dec.Token(); err == nil && t == "me" {
		if dec.Decode(&m.Me) == nil {
			return m.Me
		}
		return nil
	}
	if json.Unmarshal(data, &m) == nil {
		return m.Me
	}
	return nil
}
