package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// LinkTTL is how long a signed report link works.
const LinkTTL = 5 * time.Minute

// reportRoute renders the report a path names, from its path parameters
// and query.
type reportRoute struct {
	name    string
	pattern *regexp.Regexp
	render  func(h *Handler, ctx context.Context, m []string, q url.Values, lang pdf.Lang) ([]byte, error)
	// bits are the sizes of the columns of the pattern's numeric
	// captures, in order: a path whose id does not fit names no report.
	bits []int
}

// reportRoutes are the report URLs.
var reportRoutes = []reportRoute{
	{"feedback", regexp.MustCompile(`^/reports/applications/([0-9]+)/feedback\.pdf$`),
		func(h *Handler, ctx context.Context, m []string, q url.Values, lang pdf.Lang) ([]byte, error) {
			return h.feedbackPDF(ctx, atoi64(m[1]), lang)
		}, []int{64}},
	{"ranking", regexp.MustCompile(`^/reports/cycles/([0-9]+)/ranking\.pdf$`),
		func(h *Handler, ctx context.Context, m []string, q url.Values, lang pdf.Lang) ([]byte, error) {
			return h.rankingPDF(ctx, atoi64(m[1]), lang)
		}, []int{64}},
	{"benchmark", regexp.MustCompile(`^/reports/benchmarks/([0-9]+)/versions/([0-9]+)\.pdf$`),
		func(h *Handler, ctx context.Context, m []string, q url.Values, lang pdf.Lang) ([]byte, error) {
			return h.benchmarkVersionPDF(ctx, atoi64(m[1]), int(atoi64(m[2])), lang)
		}, []int{64, 32}},
	{"benchmark-preview", regexp.MustCompile(`^/reports/benchmarks/([0-9]+)/preview\.pdf$`),
		func(h *Handler, ctx context.Context, m []string, q url.Values, lang pdf.Lang) ([]byte, error) {
			return h.benchmarkPreviewPDF(ctx, atoi64(m[1]), lang)
		}, []int{64}},
	{"profile", regexp.MustCompile(`^/reports/municipalities/([0-9]{4})/profile\.pdf$`),
		func(h *Handler, ctx context.Context, m []string, q url.Values, lang pdf.Lang) ([]byte, error) {
			return h.profilePDF(ctx, m[1], q, lang)
		}, nil},
}

// atoi64 reads a capture that routeOf has checked.
func atoi64(s string) int64 {
	v, _ := strconv.ParseInt(s, 10, 64)
	return v
}

// routeOf finds the route of path and its captures; a path whose ids do
// not fit their columns has none.
func routeOf(path string) (*reportRoute, []string) {
	for i := range reportRoutes {
		r := &reportRoutes[i]
		m := r.pattern.FindStringSubmatch(path)
		if m == nil {
			continue
		}
		for j, bits := range r.bits {
			if _, ok := pathID(m[j+1], bits); !ok {
				return nil, nil
			}
		}
		return r, m
	}
	return nil, nil
}

// Render renders the report at path (such as
// /reports/applications/12/feedback.pdf) as the caller in ctx, and returns
// the PDF and a file name.
func (h *Handler) Render(ctx context.Context, path string, q url.Values, lang pdf.Lang) ([]byte, string, error) {
	route, m := routeOf(path)
	if route == nil {
		return nil, "", store.Errorf(store.NotFound, "no report at %s", path)
	}
	b, err := route.render(h, ctx, m, q, lang)
	if err != nil {
		return nil, "", err
	}
	return b, fmt.Sprintf("%s-%s-%s.pdf", route.name, strings.Join(m[1:], "-"), langCode(lang)), nil
}

// serveReport answers GET /reports/…pdf, authenticated by a bearer token
// or a signed link; the PDF is rendered whole before anything is sent.
func (h *Handler) serveReport(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.RequestTimeout)
	defer cancel()
	rid := newRequestID()
	fail := func(err error) {
		h.writeJSON(w, statusOf(store.ErrorCode(err)), &response{Errors: []gqlerrors.FormattedError{
			formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}}, rid)
	}
	if route, _ := routeOf(r.URL.Path); route == nil {
		fail(store.Errorf(store.NotFound, "no such report"))
		return
	}
	lang, err := pdf.ParseLang(r.URL.Query().Get("lang"))
	if err != nil {
		fail(store.InvalidField("lang", "must be sv or en"))
		return
	}
	ctx, err = h.reportCaller(ctx, r)
	if err != nil {
		fail(err)
		return
	}
	body, name, err := h.Render(ctx, r.URL.Path, r.URL.Query(), lang)
	if err != nil {
		fail(err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(body)
}

// reportCaller authenticates a report request by its signed link, when it
// has one, or else as any other request.
func (h *Handler) reportCaller(ctx context.Context, r *http.Request) (context.Context, error) {
	q := r.URL.Query()
	if q.Get("sig") == "" {
		return h.authenticate(ctx, r)
	}
	exp, err1 := strconv.ParseInt(q.Get("exp"), 10, 64)
	uid, err2 := strconv.ParseInt(q.Get("uid"), 10, 64)
	ses := q.Get("ses")
	want := h.sign(r.URL.Path, exp, uid, ses)
	got, err3 := base64.RawURLEncoding.DecodeString(q.Get("sig"))
	if err1 != nil || err2 != nil || err3 != nil || !hmac.Equal(got, want) {
		return ctx, store.Errorf(store.Unauthenticated, "the link is not valid")
	}
	if time.Now().Unix() > exp {
		return ctx, store.Errorf(store.Unauthenticated, "the link has expired; ask for a new one")
	}
	var a *store.Actor
	var err error
	if ses == "" {
		a, err = h.db.FindActor(ctx, uid)
	} else {
		a, err = h.db.FindActorBySessionRef(ctx, uid, ses)
	}
	if err != nil {
		return ctx, err
	}
	return store.WithActor(ctx, a), nil
}

// sign is the MAC of a report path for a user and session until exp.
func (h *Handler) sign(path string, exp, uid int64, ses string) []byte {
	mac := hmac.New(sha256.New, h.linkSecret)
	fmt.Fprintf(mac, "%s\n%d\n%d\n%s", path, exp, uid, ses)
	return mac.Sum(nil)
}

// SignLink returns a link to path that acts as the caller until it
// expires, for downloading a report in a browser.
func (h *Handler) SignLink(ctx context.Context, path string) (string, time.Time, error) {
	a := store.ActorFrom(ctx)
	if a == nil {
		return "", time.Time{}, store.Errorf(store.Unauthenticated, "log in to get a report link")
	}
	if route, _ := routeOf(path); route == nil {
		return "", time.Time{}, store.InvalidField("path", "must be a report path such as /reports/applications/12/feedback.pdf")
	}
	exp := time.Now().Add(LinkTTL).Truncate(time.Second)
	// A link made with a bearer token works only while that session
	// does: logging out revokes it. One made in process without a token
	// (no session to tie it to) works until it expires.
	ses := ""
	if token := tokenFrom(ctx); token != "" {
		ses = store.SessionRef(token)
	}
	q := url.Values{"exp": {strconv.FormatInt(exp.Unix(), 10)}, "uid": {strconv.FormatInt(a.UserID, 10)},
		"sig": {base64.RawURLEncoding.EncodeToString(h.sign(path, exp.Unix(), a.UserID, ses))}}
	if ses != "" {
		q.Set("ses", ses)
	}
	return path + "?" + q.Encode(), exp, nil
}

func langCode(l pdf.Lang) string {
	if l == pdf.English {
		return "en"
	}
	return "sv"
}
