package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
)

// adminAssignmentsData is the assignment matrix's data.
type adminAssignmentsData struct {
	Cycle        *juryAdminCycle   `json:"cycle"`
	Applications cycleApplications `json:"applications"`
	After        string            `json:"-"`
	// Posted holds the pairs the refused form had ticked, so that the
	// matrix comes back as the user left it; nil shows the stored state.
	Posted []string `json:"-"`
}

// matrixCell is one juror × application cell of the matrix.
type matrixCell struct {
	Pair    string // "application/juror", the checkbox's value
	State   string // conflicted, submitted, recused, ineligible, or open
	Checked bool   // assigned (or ticked on the refused form)
	Was     bool   // assigned when the page was drawn
}

// Cell is juror × app's cell.
func (d *adminAssignmentsData) Cell(app, eligibility, juror string) matrixCell {
	c := matrixCell{Pair: app + "/" + juror, State: "open"}
	for _, x := range d.Cycle.Conflicts {
		if x.JurorID == juror && x.ApplicationID == app {
			c.State = "conflicted"
		}
	}
	for _, a := range d.Cycle.Assignments {
		if a.JurorID != juror || a.ApplicationID != app {
			continue
		}
		switch {
		case a.RecusedAt != nil:
			c.State = "recused"
		case a.SubmittedAt != nil:
			c.State = "submitted"
		default:
			c.Checked, c.Was = true, true
		}
	}
	if c.State == "open" && eligibility != "ELIGIBLE" && !c.Was {
		c.State = "ineligible"
	}
	if d.Posted != nil && c.State == "open" {
		c.Checked = slices.Contains(d.Posted, c.Pair)
	}
	return c
}

// Count is how many active assignments application app has.
func (d *adminAssignmentsData) Count(app string) int {
	n := 0
	for _, a := range d.Cycle.Assignments {
		if a.ApplicationID == app && a.RecusedAt == nil {
			n++
		}
	}
	return n
}

// CanAssign reports whether the cycle's phase allows assigning.
func (d *adminAssignmentsData) CanAssign() bool {
	return d.Cycle.Phase == "CLOSED" || d.Cycle.Phase == "SCORING"
}

func (s *Server) adminAssignments(w http.ResponseWriter, r *http.Request) {
	s.showAdminAssignments(w, r, newForm(nil), nil, http.StatusOK)
}

// showAdminAssignments draws the matrix; posted are the pairs a refused
// form had ticked (nil for the stored state).
func (s *Server) showAdminAssignments(w http.ResponseWriter, r *http.Request, f *form, posted []string, status int) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) {
		return
	}
	after := r.URL.Query().Get("after")
	vars := map[string]any{"id": id}
	if after != "" {
		vars["after"] = after
	}
	v := &view{TitleKey: "admin.assignments.title", Form: f, Flash: s.flash(w, r)}
	d := adminAssignmentsData{After: after, Posted: posted}
	if !s.read(w, r, "admin_assignments", vars, v, &d) {
		return
	}
	if d.Cycle == nil {
		s.notFound(w, r)
		return
	}
	if f.Get("perApplication") == "" {
		f.Values.Set("perApplication", strconv.Itoa(d.Cycle.JurorsPerApplication))
	}
	v.TitleArgs = []any{d.Cycle.Title}
	s.render(w, r, status, "admin_assignments", v)
}

// matrixBack is the matrix's address, on the page the form was on.
func matrixBack(id string, r *http.Request) string {
	u := "/admin/cycles/" + id + "/assignments"
	if after := r.URL.Query().Get("after"); after != "" {
		u += "?after=" + url.QueryEscape(after)
	}
	return u
}

// adminSaveAssignments assigns the pairs ticked since the page was drawn
// and unassigns those unticked; a refused pair is named at the top and
// the matrix comes back as the user left it.
func (s *Server) adminSaveAssignments(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	ticked, was := r.PostForm["pair"], r.PostForm["was"]
	f := newForm(nil)
	c := s.cat(r)
	for _, p := range was {
		if !slices.Contains(ticked, p) && !s.changePair(w, r, f, c, "admin_unassign", p) {
			return
		}
	}
	for _, p := range ticked {
		if !slices.Contains(was, p) && !s.changePair(w, r, f, c, "admin_assign", p) {
			return
		}
	}
	if f.HasErrors() {
		s.showAdminAssignments(w, r, f, append([]string{}, ticked...), http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.admin.assignmentsSaved")
	http.Redirect(w, r, matrixBack(id, r), http.StatusSeeOther)
}

// changePair runs page's mutation on the pair "application/juror",
// putting a refusal on f; it returns false when it has answered.
func (s *Server) changePair(w http.ResponseWriter, r *http.Request, f *form, c catalogue, page, pair string) bool {
	app, juror, ok := strings.Cut(pair, "/")
	if !ok {
		f.fail("", c.text("admin.assignments.badPair", pair))
		return true
	}
	errs, ok := s.write(w, r, page, map[string]any{"app": app, "juror": juror}, nil)
	if !ok {
		return false
	}
	if len(errs) > 0 && !f.HasErrors() {
		f.fail("", c.text("admin.assignments.refused"))
	}
	for _, e := range errs {
		f.Values.Add("refused", app+"/"+juror+"\x00"+apiMessage(c, e))
	}
	return true
}

// refusal is a pair the matrix's form could not change, and why.
type refusal struct{ Application, Juror, Message string }

// Refused are the pairs the refused form could not change, named.
func (v *view) Refused() []refusal {
	d, ok := v.Data.(*adminAssignmentsData)
	if !ok {
		return nil
	}
	var out []refusal
	for _, x := range v.Form.Values["refused"] {
		pair, msg, _ := strings.Cut(x, "\x00")
		app, juror, _ := strings.Cut(pair, "/")
		rf := refusal{Application: v.T("admin.assignments.appNumber", app), Juror: juror, Message: msg}
		for _, a := range d.Applications.Nodes {
			if a.ID == app {
				rf.Application = a.Title
			}
		}
		for _, j := range d.Cycle.Jury {
			if j.UserID == juror {
				rf.Juror = j.Name
			}
		}
		out = append(out, rf)
	}
	return out
}

// adminAutoAssign gives every submitted, eligible application the number
// of jurors the form asks for; on INFEASIBLE the page says, in its
// language, which application lacks jurors, and nothing has changed.
func (s *Server) adminAutoAssign(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	c := s.cat(r)
	n, err := strconv.Atoi(strings.TrimSpace(f.Get("perApplication")))
	if err != nil || n < 1 {
		f.fail("perApplication", c.text("admin.assignments.perApplicationInvalid"))
		s.showAdminAssignments(w, r, f, nil, http.StatusUnprocessableEntity)
		return
	}
	errs, ok := s.write(w, r, "admin_autoassign", map[string]any{"cycle": id, "n": n}, nil)
	if !ok {
		return
	}
	if len(errs) > 0 {
		s.infeasible(w, r, f, errs, n)
		return
	}
	s.setFlash(w, "flash.admin.autoAssigned")
	http.Redirect(w, r, matrixBack(id, r), http.StatusSeeOther)
}

// infeasible redraws the matrix with the auto-assignment's refusal.
func (s *Server) infeasible(w http.ResponseWriter, r *http.Request, f *form, errs []graph.Error, n int) {
	c := s.cat(r)
	for _, e := range errs {
		if e.Code != "INFEASIBLE" {
			f.apiErrors(c, []graph.Error{e}, map[string]string{"jurorsPerApplication": "perApplication"})
			continue
		}
		f.Values.Set("infeasibleRule", e.Rule)
		if len(e.Missing) > 0 {
			f.Values.Set("infeasibleApp", e.Missing[0])
		}
		f.Values.Set("infeasibleMessage", e.Message)
		f.Values.Set("infeasibleN", strconv.Itoa(n))
	}
	s.showAdminAssignments(w, r, f, nil, http.StatusUnprocessableEntity)
}

// Infeasible explains a refused auto-assignment in the page's language,
// from the API's rule and application and the matrix's own counts; ""
// when there is none.
func (v *view) Infeasible() string {
	rule := v.Form.Get("infeasibleRule")
	d, ok := v.Data.(*adminAssignmentsData)
	if rule == "" || !ok {
		return ""
	}
	n, _ := strconv.Atoi(v.Form.Get("infeasibleN"))
	app := v.Form.Get("infeasibleApp")
	title := v.T("admin.assignments.appNumber", app)
	for _, a := range d.Applications.Nodes {
		if a.ID == app {
			title = "”" + a.Title + "”"
		}
	}
	jurors := len(d.Cycle.Jury)
	switch rule {
	case "not_enough_jurors":
		return v.T("admin.assignments.infeasible.not_enough_jurors", n, jurors)
	case "too_few_candidates":
		free, assigned := d.candidates(app)
		return v.T("admin.assignments.infeasible.too_few_candidates", title, n-assigned, free)
	case "over_fixed":
		return v.T("admin.assignments.infeasible.over_fixed", title, n)
	case "no_assignment":
		return v.T("admin.assignments.infeasible.no_assignment", title, n)
	}
	return v.T("admin.assignments.infeasible.other", n)
}

// candidates are how many jurors could still be given app (on the jury,
// without a conflict, recusal or assignment to it) and how many hold an
// active assignment to it: the counts the API compares.
func (d *adminAssignmentsData) candidates(app string) (free, assigned int) {
	taken := map[string]bool{}
	for _, x := range d.Cycle.Conflicts {
		if x.ApplicationID == app {
			taken[x.JurorID] = true
		}
	}
	for _, a := range d.Cycle.Assignments {
		if a.ApplicationID == app {
			taken[a.JurorID] = true
			if a.RecusedAt == nil {
				assigned++
			}
		}
	}
	for _, j := range d.Cycle.Jury {
		if !taken[j.UserID] {
			free++
		}
	}
	return free, assigned
}
