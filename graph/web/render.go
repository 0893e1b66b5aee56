package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// views holds every page's template, each with the layout and the
// shared pieces, and the message catalogues.
type views struct {
	pages map[string]*template.Template
	cats  map[string]catalogue
}

var templateFuncs = template.FuncMap{
	// args makes a list, for passing several values to a shared piece.
	"args":  func(v ...any) []any { return v },
	"add":   func(a, b int) int { return a + b },
	"lower": strings.ToLower,
}

func loadViews() (*views, error) {
	cats, err := loadCatalogues()
	if err != nil {
		return nil, err
	}
	base, err := template.New("base").Funcs(templateFuncs).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	names, err := fs.Glob(files, "pages/*.html")
	if err != nil {
		return nil, err
	}
	v := &views{pages: map[string]*template.Template{}, cats: cats}
	for _, n := range names {
		t, err := template.Must(base.Clone()).ParseFS(files, n)
		if err != nil {
			return nil, fmt.Errorf("web: %s: %w", n, err)
		}
		v.pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return v, nil
}

// view is what every template gets.
type view struct {
	Lang      string
	Path      string // the page's path and query, for the language switch
	User      *me    // nil when logged out
	CSRF      string
	TitleKey  string
	TitleArgs []any  // TitleKey's arguments
	Title     string // when set, the title instead of TitleKey's text
	Data      any    // the page's data, decoded from its document's answer
	Form      *form
	Flash     string
	RequestID string
	Status    int
	cat       catalogue
	now       time.Time
}

// me is the logged-in user, from { me { name role } }.
type me struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// PageTitle is the page's title.
func (v *view) PageTitle() string {
	if v.Title != "" {
		return v.Title
	}
	return v.T(v.TitleKey, v.TitleArgs...)
}

// T is the message key in the page's language.
func (v *view) T(key string, args ...any) string { return v.cat.text(key, args...) }

// Date writes an RFC 3339 time or YYYY-MM-DD date as a date.
func (v *view) Date(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if t, err = time.ParseInLocation("2006-01-02", s, stockholm); err != nil {
			return s
		}
	}
	return formatDate(v.Lang, t)
}

// DateTime writes an RFC 3339 time with its time of day.
func (v *view) DateTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return formatDateTime(v.Lang, t)
}

// DaysLeft is "N dagar kvar" until an RFC 3339 time, or "stängd".
func (v *view) DaysLeft(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ""
	}
	d := t.Sub(v.now)
	switch {
	case d <= 0:
		return v.T("time.closed")
	case d < 48*time.Hour:
		return v.T("time.hoursLeft", int(d.Hours()))
	}
	return v.T("time.daysLeft", int(d.Hours()/24))
}

// Num writes a number (float64, *float64 or nil) with at most one decimal.
func (v *view) Num(x any) string { return v.NumD(x, 1) }

// NumD is Num with d decimals.
func (v *view) NumD(x any, d int) string {
	switch n := x.(type) {
	case float64:
		return formatNumber(v.Lang, n, d)
	case *float64:
		if n != nil {
			return formatNumber(v.Lang, *n, d)
		}
	case int:
		return formatNumber(v.Lang, float64(n), 0)
	case *int:
		if n != nil {
			return formatNumber(v.Lang, float64(*n), 0)
		}
	}
	return "–"
}

// Input is a number as a form field shows it back (a decimal comma in
// Swedish, no grouping), or "" for none.
func (v *view) Input(x *float64) string {
	if x == nil {
		return ""
	}
	s := fmt.Sprint(*x)
	if v.Lang == "sv" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Q escapes a query parameter value.
func (v *view) Q(s string) string { return url.QueryEscape(s) }

// render writes page with data and status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *view) {
	t, ok := s.views.pages[page]
	if !ok {
		s.opts.Log.Error("web: no such page template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.fill(w, r, v)
	v.Status = status
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		s.opts.Log.Error("web: template", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// speak sets the view's language, for a handler that writes text in Go
// before render (which sets it again, alike).
func (s *Server) speak(r *http.Request, v *view) {
	v.Lang = pickLang(s.cookie(r, langCookie))
	v.cat = s.views.cats[v.Lang]
}

// fill sets what every page has: language, path, CSRF token.
func (s *Server) fill(w http.ResponseWriter, r *http.Request, v *view) {
	s.speak(r, v)
	v.now = s.opts.Now()
	v.Path = r.URL.RequestURI()
	v.CSRF = s.csrfToken(s.csrfSeed(w, r), s.token(r))
	if v.Form == nil {
		v.Form = newForm(nil)
	}
}
