package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/leanforum/awards/store"
)

// notSent are the outbox's own notes on a mail it did not send (the
// API's lastError), by the message key of the state they stand for: no
// mail server configured, or a one-time link that was dead.
var notSent = map[string]string{
	store.NoMailServer: "outbox.state.NO_SERVER",
	store.LinkExpired:  "outbox.state.LINK_EXPIRED",
	store.LinkReplaced: "outbox.state.LINK_REPLACED",
	store.LinkUsed:     "outbox.state.LINK_USED",
	store.LinkGone:     "outbox.state.LINK_GONE",
}

// mailStatuses are the outbox's states, for its filter.
var mailStatuses = []string{"PENDING", "SENT", "FAILED"}

// adminOutboxData is the outbox page's data: a page of mails.
type adminOutboxData struct {
	Outbox struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
		Nodes []outboxMail `json:"nodes"`
	} `json:"outbox"`
	// After is the cursor this page starts after ("" for the first);
	// Status the state it shows ("" for every state).
	After, Status string `json:"-"`
}

// outboxMail is one mail as the outbox lists it.
type outboxMail struct {
	ID            string  `json:"id"`
	Kind          string  `json:"kind"`
	MessageID     string  `json:"messageId"`
	To            string  `json:"to"`
	ToName        string  `json:"toName"`
	Language      string  `json:"language"`
	Status        string  `json:"status"`
	Attempts      int     `json:"attempts"`
	NextAttemptAt string  `json:"nextAttemptAt"`
	LastError     string  `json:"lastError"`
	SentAt        *string `json:"sentAt"`
	Subject       string  `json:"subject"`
	Text          string  `json:"text"`
}

// State is the message key of the mail's state: a mail the outbox did
// not send says why (no mail server, a dead link) in the page's language.
func (m outboxMail) State() string {
	if k, ok := notSent[m.LastError]; ok && m.Status != "SENT" {
		return k
	}
	return "outbox.state." + m.Status
}

// Answer is the mail server's last answer, or "" (the outbox's own notes
// are the state, not an answer).
func (m outboxMail) Answer() string {
	if _, ok := notSent[m.LastError]; ok {
		return ""
	}
	return m.LastError
}

// PageLink is the outbox's address in the page's state filter, after
// the cursor after ("" for the first page).
func (d *adminOutboxData) PageLink(after string) string {
	q := url.Values{}
	if d.Status != "" {
		q.Set("status", d.Status)
	}
	if after != "" {
		q.Set("after", after)
	}
	if len(q) == 0 {
		return "/admin/outbox"
	}
	return "/admin/outbox?" + q.Encode()
}

// adminOutbox is GET /admin/outbox (?status= for one state, ?after= for
// a later page).
func (s *Server) adminOutbox(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	q := r.URL.Query()
	d := &adminOutboxData{After: q.Get("after"), Status: q.Get("status")}
	if d.Status != "" && !slices.Contains(mailStatuses, d.Status) {
		d.Status = ""
	}
	vars := map[string]any{}
	if d.After != "" {
		vars["after"] = d.After
	}
	if d.Status != "" {
		vars["status"] = d.Status
	}
	v := &view{TitleKey: "outbox.title", Form: newForm(url.Values{"status": {d.Status}})}
	if !s.read(w, r, "admin_outbox", vars, v, d) {
		return
	}
	s.render(w, r, http.StatusOK, "admin_outbox", v)
}

// adminMail is GET /admin/outbox/{id}: one mail and its text.
func (s *Server) adminMail(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) {
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	var d struct {
		Mail *outboxMail `json:"mail"`
	}
	v := &view{TitleKey: "outbox.mailTitle"}
	if !s.read(w, r, "admin_mail", map[string]any{"id": id}, v, &d) {
		return
	}
	if d.Mail == nil {
		s.notFound(w, r)
		return
	}
	v.Title = d.Mail.Subject
	s.render(w, r, http.StatusOK, "admin_mail", v)
}
