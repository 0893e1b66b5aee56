package graph

import (
	"strconv"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/graph/mail"
	"github.com/leanforum/awards/store"
)

// mailType is an outbox row as admins read it. A link's one-time token
// is never shown: the preview shows the link removed.
func (s *schema) mailType() *graphql.Object {
	kinds := make([]string, len(store.MailKinds))
	for i, k := range store.MailKinds {
		kinds[i] = string(k)
	}
	kind := enum("MailKind", "What a mail is about; the README lists who gets each and when.", kinds...)
	return obj("Mail", "A mail in the outbox: written with the event that caused it, then sent by one of the servers.", graphql.Fields{
		"id":        {Type: nonNull(idType)},
		"kind":      {Type: nonNull(kind), Description: "What it is about.", Resolve: func(p graphql.ResolveParams) (any, error) { return string(p.Source.(*store.Mail).Kind), nil }},
		"messageId": {Type: nonNull(graphql.String), Description: "The Message-ID the mail is sent with, the same on every try (without the domain)."},
		"to":        {Type: nonNull(graphql.String), Description: "The recipient's address."},
		"toName":    {Type: nonNull(graphql.String), Description: "The recipient's name, or empty."},
		"userId": {Type: idType, Description: "The recipient's account, or null (an invitation's recipient has none yet).",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return optionalIDString(p.Source.(*store.Mail).UserID), nil
			}},
		"language":      {Type: nonNull(s.language), Description: "The language it is written in: the recipient's."},
		"status":        {Type: nonNull(s.mailStatus), Description: "Whether it waits, is sent or has failed."},
		"attempts":      {Type: nonNull(graphql.Int), Description: "How many times a server has tried to send it."},
		"nextAttemptAt": {Type: nonNull(graphql.DateTime), Description: "When a server tries it next, while PENDING."},
		"lastError": {Type: nonNull(graphql.String),
			Description: "Why it is not sent: the mail server's answer to the last try, or \"" + store.NoMailServer + "\"; empty once sent."},
		"sentAt":  {Type: graphql.DateTime, Description: "When the mail server accepted it."},
		"subject": {Type: nonNull(graphql.String), Description: "The subject, as the recipient reads it.", Resolve: s.mailPart(0)},
		"text": {Type: nonNull(graphql.String), Description: "The plain-text body, as the recipient reads it, except that a one-time link is shown removed.",
			Resolve: s.mailPart(1)},
	})
}

// mailPart renders the mail (without its secret) and returns its subject
// (0) or text (1).
func (s *schema) mailPart(i int) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		m := *p.Source.(*store.Mail)
		m.Secret = nil
		c, err := s.mail.Render(&m)
		if err != nil {
			return nil, err
		}
		return []string{c.Subject, c.Text}[i], nil
	}
}

func optionalIDString(id *int64) any {
	if id == nil {
		return nil
	}
	return strconv.FormatInt(*id, 10)
}

// outboxFields adds the outbox's queries and mutations; admins only.
func (s *schema) outboxFields(query, mutation graphql.Fields) {
	query["outbox"] = &graphql.Field{Type: nonNull(s.connectionType(s.mailT)),
		Description: "The outbox, newest first; admins only.",
		Args: withPageArgs(graphql.FieldConfigArgument{
			"status": {Type: s.mailStatus, Description: "Only mails in this state."},
			"userId": {Type: idType, Description: "Only mails to this user."},
		}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			page, err := pageFrom(p.Args)
			if err != nil {
				return nil, err
			}
			user, err := optionalID(p.Args, "userId")
			if err != nil {
				return nil, err
			}
			status, _ := p.Args["status"].(string)
			f := store.MailFilter{Status: status, UserID: user}
			mails, more, err := s.db.FindMails(p.Context, f, page)
			if err != nil {
				return nil, err
			}
			return newConnection(mails, func(m *store.Mail) int64 { return m.ID }, more,
				func() (int, error) { return s.db.CountMails(p.Context, f) }), nil
		}}
	query["mail"] = &graphql.Field{Type: s.mailT, Description: "One mail of the outbox; admins only.",
		Args: graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return s.db.FindMailByID(p.Context, id)
		}}
	mutation["retryMail"] = &graphql.Field{Type: nonNull(s.mailT),
		Description: "Queues a FAILED mail again from its first try; admins only. A failed invitation or reset, whose link was dropped, is not retried (WRONG_PHASE): send a new one.",
		Args:        graphql.FieldConfigArgument{"id": {Type: nonNull(idType)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			return s.db.RetryMail(p.Context, id)
		}}
}

// withMail gives the schema the renderer of the outbox's previews and the
// password-reset limiters.
func withMail(r *mail.Renderer, resetClients, resetAddresses *limiter) func(*schema) {
	return func(s *schema) { s.mail, s.resetClients, s.resetAddresses = r, resetClients, resetAddresses }
}

// mailDefaults applies opts, then fills in what they left out: previews
// with links to a server on localhost, and the default reset limits.
func (s *schema) mailDefaults(opts []func(*schema)) {
	for _, o := range opts {
		o(s)
	}
	s.language = enum("Language", "A language of the mails and the web pages: sv (Swedish, the default) or en (English).", store.Languages...)
	s.mailStatus = enum("MailStatus", "PENDING (waiting to be sent, or to be tried again), SENT (the mail server accepted it), FAILED (refused for good; lastError says why).",
		store.MailPending, store.MailSent, store.MailFailed)
	if s.mail == nil {
		s.mail, _ = mail.NewRenderer("http://localhost:8080")
	}
	if s.resetClients == nil {
		s.resetClients = newLimiter(s.db, DefaultResetClientLimit, DefaultResetWindow, "password reset requests from your address")
	}
	if s.resetAddresses == nil {
		s.resetAddresses = newLimiter(s.db, DefaultResetLimit, DefaultResetWindow, "password reset requests for this address")
	}
}
