package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// adminAuditData is the audit log page's data.
type adminAuditData struct {
	Cycle *struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Phase    string `json:"phase"`
		AuditLog struct {
			TotalCount int `json:"totalCount"`
			PageInfo   struct {
				HasNextPage bool   `json:"hasNextPage"`
				EndCursor   string `json:"endCursor"`
			} `json:"pageInfo"`
			Nodes []struct {
				ID        string  `json:"id"`
				At        string  `json:"at"`
				ActorID   *string `json:"actorId"`
				ActorName *string `json:"actorName"`
				Action    string  `json:"action"`
				Entity    string  `json:"entity"`
				EntityID  string  `json:"entityId"`
				OldValue  *string `json:"oldValue"`
				NewValue  *string `json:"newValue"`
			} `json:"nodes"`
		} `json:"auditLog"`
		AuditActors []struct {
			ID      string `json:"id"`
			Name    string `json:"name"`
			Entries int    `json:"entries"`
		} `json:"auditActors"`
	} `json:"cycle"`
	// Filter is the filter's query (without after), for the page links.
	Filter string `json:"-"`
	After  string `json:"-"`
	// ActorOptions are whom the who filter can name: everyone with entries
	// in the log, with how many, and the account asked for if it has none.
	ActorOptions []option `json:"-"`
}

// actorOptions fills ActorOptions; chosen is the who filter's value.
func (d *adminAuditData) actorOptions(c catalogue, chosen string) {
	known := chosen == ""
	for _, a := range d.Cycle.AuditActors {
		key := "admin.audit.actor"
		if a.Entries == 1 {
			key = "admin.audit.actorOne"
		}
		d.ActorOptions = append(d.ActorOptions, option{Value: a.ID, Label: c.text(key, a.Name, a.Entries)})
		known = known || a.ID == chosen
	}
	sortOptions(d.ActorOptions)
	if !known {
		d.ActorOptions = append(d.ActorOptions, option{Value: chosen, Label: c.text("admin.audit.actorWithout", chosen)})
	}
}

// auditFilters are the filter form's fields.
var auditFilters = []string{"actor", "action", "entity", "from", "to"}

// PageURL is the log's page after cursor after ("" for the first), with
// the filter kept.
func (d *adminAuditData) PageURL(after string) template.URL {
	q, _ := url.ParseQuery(d.Filter)
	if after != "" {
		q.Set("after", after)
	}
	u := "/admin/cycles/" + d.Cycle.ID + "/audit"
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return template.URL(u)
}

// adminAudit is GET /admin/cycles/{id}/audit?actor=&action=&entity=&from=&to=&after=:
// dates are days in Swedish time, from the start of from to the end of to.
func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) {
		return
	}
	q := r.URL.Query()
	f := newForm(url.Values{})
	vars := map[string]any{"id": id}
	filter := url.Values{}
	for _, k := range auditFilters {
		if x := strings.TrimSpace(q.Get(k)); x != "" {
			f.Values.Set(k, x)
			filter.Set(k, x)
		}
	}
	c := s.cat(r)
	for api, k := range map[string]string{"actor": "actor", "action": "action", "entity": "entity"} {
		if x := f.Get(k); x != "" {
			vars[api] = x
		}
	}
	for _, k := range []string{"from", "to"} {
		x := f.Get(k)
		if x == "" {
			continue
		}
		day, err := time.ParseInLocation("2006-01-02", x, stockholm)
		if err != nil {
			f.fail(k, c.text("admin.audit.badDate"))
			continue
		}
		if k == "to" {
			day = day.AddDate(0, 0, 1)
		}
		vars[k] = day.Format(time.RFC3339)
	}
	if from, to := f.Get("from"), f.Get("to"); !f.HasErrors() && from != "" && to != "" && to < from {
		f.fail("to", c.text("admin.audit.toBeforeFrom"))
	}
	if after := q.Get("after"); after != "" && !f.HasErrors() {
		vars["after"] = after
	}
	status := http.StatusOK
	if f.HasErrors() {
		// Show the log unfiltered by the bad dates, with the errors.
		delete(vars, "from")
		delete(vars, "to")
		status = http.StatusUnprocessableEntity
	}
	v := &view{TitleKey: "admin.audit.title", Form: f}
	d := adminAuditData{Filter: filter.Encode(), After: q.Get("after")}
	if !s.read(w, r, "admin_audit", vars, v, &d) {
		return
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return
	}
	v.TitleArgs = []any{d.Cycle.Title}
	d.actorOptions(c, f.Get("actor"))
	s.render(w, r, status, "admin_audit", v)
}
