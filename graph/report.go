package graph

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// LinkTTL is how long a signed report link works.
const LinkTTL = 5 * time.Minute

// reportPaths are the report URLs: kind, id.
var reportPath = regexp.MustCompile(`^/reports/(applications|cycles)/([0-9]+)/(feedback|ranking)\.pdf$`)

// Render renders a report as the caller in ctx: kind "feedback" for an
// application, "ranking" for a cycle. It returns the PDF and a file name.
func (h *Handler) Render(ctx context.Context, kind string, id int64, lang pdf.Lang) ([]byte, string, error) {
	var b []byte
	var err error
	switch kind {
	case "feedback":
		b, err = h.feedbackPDF(ctx, id, lang)
	case "ranking":
		b, err = h.rankingPDF(ctx, id, lang)
	default:
		return nil, "", store.Errorf(store.NotFound, "no report %q: use feedback or ranking", kind)
	}
	if err != nil {
		return nil, "", err
	}
	return b, fmt.Sprintf("%s-%d-%s.pdf", kind, id, langCode(lang)), nil
}

func langCode(l pdf.Lang) string {
	if l == pdf.English {
		return "en"
	}
	return "sv"
}

// serveReport answers GET /reports/…pdf, authenticated by a bearer token
// or a signed link; the PDF is rendered whole before anything is sent.
func (h *Handler) serveReport(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.RequestTimeout)
	defer cancel()
	rid := newRequestID()
	fail := func(err error) {
		writeJSON(w, statusOf(store.ErrorCode(err)), &response{Errors: []gqlerrors.FormattedError{
			formatError(gqlerrors.FormattedError{}, err, rid, h.opts.Log)}})
	}
	m := reportPath.FindStringSubmatch(r.URL.Path)
	if m == nil || (m[1] == "applications") != (m[3] == "feedback") {
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
	id, _ := strconv.ParseInt(m[2], 10, 64)
	body, name, err := h.Render(ctx, m[3], id, lang)
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
	want := h.sign(r.URL.Path, exp, uid)
	got, err3 := base64.RawURLEncoding.DecodeString(q.Get("sig"))
	if err1 != nil || err2 != nil || err3 != nil || !hmac.Equal(got, want) {
		return ctx, store.Errorf(store.Unauthenticated, "the link is not valid")
	}
	if time.Now().Unix() > exp {
		return ctx, store.Errorf(store.Unauthenticated, "the link has expired; ask for a new one")
	}
	a, err := h.db.FindActor(ctx, uid)
	if err != nil {
		return ctx, err
	}
	return store.WithActor(ctx, a), nil
}

// sign is the MAC of a report path for a user until exp.
func (h *Handler) sign(path string, exp, uid int64) []byte {
	mac := hmac.New(sha256.New, h.linkSecret)
	fmt.Fprintf(mac, "%s\n%d\n%d", path, exp, uid)
	return mac.Sum(nil)
}

// SignLink returns a link to path that acts as the caller until it
// expires, for downloading a report in a browser.
func (h *Handler) SignLink(ctx context.Context, path string) (string, time.Time, error) {
	a := store.ActorFrom(ctx)
	if a == nil {
		return "", time.Time{}, store.Errorf(store.Unauthenticated, "log in to get a report link")
	}
	if !reportPath.MatchString(path) {
		return "", time.Time{}, store.InvalidField("path", "must be a report path such as /reports/applications/12/feedback.pdf")
	}
	exp := time.Now().Add(LinkTTL).Truncate(time.Second)
	q := url.Values{"exp": {strconv.FormatInt(exp.Unix(), 10)}, "uid": {strconv.FormatInt(a.UserID, 10)},
		"sig": {base64.RawURLEncoding.EncodeToString(h.sign(path, exp.Unix(), a.UserID))}}
	return path + "?" + q.Encode(), exp, nil
}

func randomSecret() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}
