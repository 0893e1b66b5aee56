// Package mail writes and delivers the outbox's mails: the templates in
// Swedish and English, SMTP delivery and the sender every server runs.
package mail

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	texttemplate "text/template"
	"time"
	_ "time/tzdata" // Europe/Stockholm wherever the server runs
	"unicode"

	"github.com/leanforum/awards/store"
)

// Content is a rendered mail.
type Content struct {
	Subject, Text, HTML string
}

// Renderer renders outbox rows into mails whose links point at the web
// application under its public URL.
type Renderer struct {
	base *url.URL
	zone *time.Location
}

// NewRenderer makes a renderer for the web application at publicURL
// (such as https://awards.example.se).
func NewRenderer(publicURL string) (*Renderer, error) {
	u, err := url.Parse(strings.TrimRight(publicURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("mail: PUBLIC_URL must be an http:// or https:// URL without query, not %q", publicURL)
	}
	zone, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	return &Renderer{base: u, zone: zone}, nil
}

// linkPaths are the web pages each kind of mail links to; {id} and
// {cycleId} come from the mail's parameters, {token} from its secret.
var linkPaths = map[store.MailKind]string{
	store.MailInvitation:           "/invitation?token={token}",
	store.MailPasswordReset:        "/password/reset?token={token}",
	store.MailApplicationSubmitted: "/applications/{id}",
	store.MailApplicationWithdrawn: "/applications/{id}",
	store.MailApplicationRejected:  "/applications/{id}",
	store.MailJurorAssigned:        "/jury",
	store.MailDeadlineReminder:     "/dashboard",
	store.MailScoringReminder:      "/jury",
	store.MailResultsPublished:     "/applications/{id}",
}

// LinkPaths returns a copy of the web paths each kind of mail links to,
// with their placeholders ({id}, {cycleId}, {token}), so that the web
// package can test that every one of them is a page.
func LinkPaths() map[store.MailKind]string {
	out := make(map[store.MailKind]string, len(linkPaths))
	for k, v := range linkPaths {
		out[k] = v
	}
	return out
}

// Render writes m in its recipient's language.
func (r *Renderer) Render(m *store.Mail) (*Content, error) {
	lang := m.Language
	if catalogue[lang] == nil {
		lang = store.Languages[0]
	}
	params := map[string]any{}
	dec := json.NewDecoder(bytes.NewReader(m.Params))
	dec.UseNumber() // ids print as they were stored
	if err := dec.Decode(&params); err != nil {
		return nil, fmt.Errorf("mail %d: params: %w", m.ID, err)
	}
	params["name"] = m.ToName
	params["link"] = r.link(m, params)
	t := &texts{lang: lang, zone: r.zone, params: params}
	kind := string(m.Kind)
	subject, body := t.get(kind+".subject"), t.get(kind+".body")
	action := ""
	if _, ok := catalogue[lang][kind+".action"]; ok {
		action = t.get(kind + ".action")
	}
	if t.err != nil {
		return nil, fmt.Errorf("mail %d (%s): %w", m.ID, kind, t.err)
	}
	greeting := t.get("greeting")
	if m.ToName == "" {
		greeting = t.get("greeting.noname")
	}
	p := page{Lang: lang, Subject: oneLine(subject), Greeting: greeting, Paragraphs: paragraphs(body),
		Action: action, Link: params["link"].(string), Removed: t.get("link.removed"),
		Signature: t.get("signature"), Footer: t.get("footer")}
	return p.render()
}

// link is the mail's link, or "" when it has none or its token is gone.
func (r *Renderer) link(m *store.Mail, params map[string]any) string {
	path, ok := linkPaths[m.Kind]
	if !ok {
		return ""
	}
	if strings.Contains(path, "{token}") {
		if m.Secret == nil {
			return ""
		}
		path = strings.ReplaceAll(path, "{token}", url.QueryEscape(*m.Secret))
	}
	for placeholder, key := range map[string]string{"{id}": "applicationId", "{cycleId}": "cycleId"} {
		if strings.Contains(path, placeholder) {
			path = strings.ReplaceAll(path, placeholder, fmt.Sprint(params[key]))
		}
	}
	return r.base.String() + path
}

// texts renders catalogue keys in one language, keeping the first error.
type texts struct {
	lang   string
	zone   *time.Location
	params map[string]any
	err    error
}

func (t *texts) get(key string) string {
	src, ok := catalogue[t.lang][key]
	if !ok {
		t.fail(fmt.Errorf("no text %q in %s", key, t.lang))
		return ""
	}
	tmpl, err := texttemplate.New(key).Option("missingkey=error").Funcs(texttemplate.FuncMap{
		"date": t.date,
		"role": func(r any) string { return catalogue[t.lang][fmt.Sprint("role.", r)] },
	}).Parse(src)
	if err != nil {
		t.fail(err)
		return ""
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, t.params); err != nil {
		t.fail(err)
	}
	return b.String()
}

func (t *texts) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

// date shows an RFC 3339 time in Swedish time, as 2026-12-10 17:00.
func (t *texts) date(v any) string {
	at, err := time.Parse(time.RFC3339Nano, fmt.Sprint(v))
	if err != nil {
		t.fail(fmt.Errorf("date %v: %w", v, err))
		return ""
	}
	return at.In(t.zone).Format("2006-01-02 15:04")
}

// oneLine makes a header value of s: every run of spaces and control
// characters (a CR or LF above all) becomes one space.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// paragraphs splits a body at blank lines.
func paragraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// page is what the text and HTML layouts read.
type page struct {
	Lang, Subject, Greeting string
	Paragraphs              []string
	Action, Link, Removed   string
	Signature, Footer       string
}

var textLayout = texttemplate.Must(texttemplate.New("text").Parse(`{{.Greeting}}
{{range .Paragraphs}}
{{.}}
{{end}}{{if .Action}}
{{if .Link}}{{.Action}}: {{.Link}}{{else}}{{.Removed}}{{end}}
{{end}}
{{.Signature}}

-- 
{{.Footer}}
`))

var htmlLayout = template.Must(template.New("html").Funcs(template.FuncMap{
	"lines": func(s string) []string { return strings.Split(s, "\n") },
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em">
<p>{{.Greeting}}</p>
{{range .Paragraphs}}<p>{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{end}}{{if .Action}}{{if .Link}}<p><a href="{{.Link}}" style="font-weight: bold">{{.Action}}</a></p>
<p style="font-size: 90%">{{.Link}}</p>{{else}}<p>{{.Removed}}</p>{{end}}
{{end}}<p>{{range $i, $l := lines .Signature}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
<hr><p style="font-size: 80%; color: #555">{{.Footer}}</p>
</body></html>
`))

func (p page) render() (*Content, error) {
	var text, html bytes.Buffer
	if err := textLayout.Execute(&text, p); err != nil {
		return nil, err
	}
	if err := htmlLayout.Execute(&html, p); err != nil {
		return nil, err
	}
	return &Content{Subject: p.Subject, Text: text.String(), HTML: html.String()}, nil
}
