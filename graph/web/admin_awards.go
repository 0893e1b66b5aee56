package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// adminAwardsData is the awards page's data.
type adminAwardsData struct {
	Awards struct {
		Nodes []struct {
			ID          string `json:"id"`
			Name        string `json:"name"`
			Description string `json:"description"`
			Cycles      []struct {
				ID       string `json:"id"`
				Year     int    `json:"year"`
				Title    string `json:"title"`
				Phase    string `json:"phase"`
				ClosesAt string `json:"closesAt"`
			} `json:"cycles"`
		} `json:"nodes"`
	} `json:"awards"`
}

// adminAwards lists the awards with their cycles, and creates an award.
func (s *Server) adminAwards(w http.ResponseWriter, r *http.Request) {
	s.showAdminAwards(w, r, newForm(url.Values{"key": {newKey()}}), http.StatusOK)
}

func (s *Server) showAdminAwards(w http.ResponseWriter, r *http.Request, f *form, status int) {
	if !s.requireLogin(w, r) {
		return
	}
	v := &view{TitleKey: "awards.title", Form: f, Flash: s.flash(w, r)}
	if !s.read(w, r, "admin_awards", nil, v, &adminAwardsData{}) {
		return
	}
	s.render(w, r, status, "admin_awards", v)
}

// adminCreateAward creates an award and goes to its new cycle's form.
func (s *Server) adminCreateAward(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	var out struct {
		CreateAward struct{ ID string } `json:"createAward"`
	}
	errs, ok := s.write(w, r, "admin_award_create", map[string]any{"name": strings.TrimSpace(f.Get("name")),
		"description": strings.TrimSpace(f.Get("description")), "key": f.Get("key")}, &out)
	if !ok || s.writeRefused(w, r, errs) {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(s.cat(r), errs, map[string]string{"name": "name", "description": "description"})
		s.showAdminAwards(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.awardCreated")
	http.Redirect(w, r, "/admin/awards/"+url.PathEscape(out.CreateAward.ID)+"/cycles/new", http.StatusSeeOther)
}

// writeRefused answers a write the API refused outright (not an admin, no
// such thing) with its error page; it reports whether it did.
func (s *Server) writeRefused(w http.ResponseWriter, r *http.Request, errs []graph.Error) bool {
	for _, e := range errs {
		if e.Code == store.Forbidden || e.Code == store.NotFound || e.Code == store.Unauthenticated {
			s.errorPage(w, r, e)
			return true
		}
	}
	return false
}

// cycleNewData is the new cycle form's data.
type cycleNewData struct {
	Award *struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Cycles []struct {
			Year int `json:"year"`
		} `json:"cycles"`
	} `json:"award"`
	Templates []string `json:"templates"`
}

// TemplateOptions are the templates to start from, and none.
func (d *cycleNewData) TemplateOptions() []option {
	out := []option{}
	for _, t := range d.Templates {
		out = append(out, option{Value: t, Label: t})
	}
	return out
}

// newCycleValues are the form's first values: next year's cycle from
// the Lean prize's template, open from today for two months.
func (d *cycleNewData) newCycleValues(lang string, now time.Time) url.Values {
	year := now.In(stockholm).Year()
	for _, c := range d.Award.Cycles {
		if c.Year >= year {
			year = c.Year + 1
		}
	}
	day := time.Date(now.In(stockholm).Year(), now.In(stockholm).Month(), now.In(stockholm).Day(), 0, 0, 0, 0, stockholm)
	v := cycleSettings{Title: d.Award.Name + " " + strconv.Itoa(year), OpensAt: day.Format(time.RFC3339),
		ClosesAt: day.AddDate(0, 2, 0).Add(-time.Minute).Format(time.RFC3339), ScoringClosesAt: day.AddDate(0, 3, 0).Add(-time.Minute).Format(time.RFC3339),
		ScoreVisibility: "AFTER_OWN_SUBMISSION", Aggregation: "MEAN", JurorsPerApplication: 3, FlagRangeShare: 0.30, FlagSDShare: 0.15,
		ReliabilityMinApplications: 5}.values(lang)
	v.Set("year", strconv.Itoa(year))
	v.Set("template", "LEAN_PRIZE")
	v.Set("key", newKey())
	return v
}

func (s *Server) adminNewCycle(w http.ResponseWriter, r *http.Request) {
	s.showNewCycle(w, r, nil, http.StatusOK)
}

// showNewCycle draws the new cycle form, filled with f (nil: the first
// values).
func (s *Server) showNewCycle(w http.ResponseWriter, r *http.Request, f *form, status int) {
	id, ok := pathID(r, "id")
	if !s.requireLogin(w, r) {
		return
	}
	if !ok {
		s.notFound(w, r)
		return
	}
	v := &view{TitleKey: "cycleNew.title", Flash: s.flash(w, r)}
	var d cycleNewData
	if !s.read(w, r, "admin_cycle_new", map[string]any{"id": id}, v, &d) {
		return
	}
	if d.Award == nil {
		s.notFound(w, r)
		return
	}
	if f == nil {
		f = newForm(d.newCycleValues(pickLang(s.cookie(r, langCookie)), s.opts.Now()))
	}
	v.Form = f
	s.render(w, r, status, "admin_cycle_new", v)
}

// adminCreateCycle creates the cycle and goes to its page.
func (s *Server) adminCreateCycle(w http.ResponseWriter, r *http.Request) {
	if !s.requireLogin(w, r) || !s.parsePost(w, r) {
		return
	}
	f := newForm(without(r.PostForm, "csrf"))
	c := s.cat(r)
	in := settingsInput(f, c)
	in["awardId"] = r.PathValue("id")
	if y, err := strconv.Atoi(strings.TrimSpace(f.Get("year"))); err == nil {
		in["year"] = y
	} else {
		f.fail("year", c.text("cycle.form.badYear"))
	}
	if t := f.Get("template"); t != "" {
		in["template"] = t
	}
	if f.HasErrors() {
		s.showNewCycle(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	var out struct {
		CreateCycle struct{ ID string } `json:"createCycle"`
	}
	errs, ok := s.write(w, r, "admin_cycle_create", map[string]any{"input": in, "key": f.Get("key")}, &out)
	if !ok || s.writeRefused(w, r, errs) {
		return
	}
	if len(errs) > 0 {
		f.apiErrors(c, errs, settingFields)
		s.showNewCycle(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	s.setFlash(w, "flash.cycleCreated")
	http.Redirect(w, r, "/admin/cycles/"+url.PathEscape(out.CreateCycle.ID), http.StatusSeeOther)
}
