package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// cycleFormsByRole are the forms the POST rows of authz_web_cycles.csv
// send, by path suffix: each would change something if it were let
// through.
func cycleFormsByRole(f *juryFixture) map[string]url.Values {
	settings := cycleForm("2040")
	settings.Set("title", "Hemlig omgång")
	settings.Set("version", strconv.Itoa(f.version))
	crit := criterionForm("9", "Hemligt kriterium", "")
	return map[string]url.Values{
		"/admin/awards":     {"name": {"Hemligt pris"}},
		"/cycles":           settings,
		"/" + f.cycle:       settings,
		"/criteria":         crit,
		"/" + f.criteria[0]: crit,
		"/delete":           {},
		"/advance":          {"version": {strconv.Itoa(f.version)}, "to": {"CONSENSUS"}},
		"/screen":           {"eligibility-" + f.apps[0]: {"NOT_ELIGIBLE"}, "reason-" + f.apps[0]: {"Hemligt skäl"}, "version-" + f.apps[0]: {"1"}},
	}
}

// TestCyclePagesByRole runs graph/testdata/authz_web_cycles.csv: every
// award, cycle, criteria and screening page and form for every role, its
// status and whether it shows what the role may not see; then that no
// refused form changed anything.
func TestCyclePagesByRole(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "NEVER")
	award := str(s.gql(f.admin, `query($id: ID!) { cycle(id: $id) { award { id } } }`, map[string]any{"id": f.cycle}), "cycle.award.id")
	crit0 := str(s.gql(f.admin, `query($id: ID!) { cycle(id: $id) { criteria { title } } }`, map[string]any{"id": f.cycle}), "cycle.criteria.0.title")
	ids := map[string]string{"cycle": f.cycle, "award": award, "app0": f.apps[0], "app1": f.apps[1], "crit0": f.criteria[0], "crit0Title": crit0,
		"app0Title": app0Title, "app1Title": app1Title, "app0Org": app0Org, "cycleTitle": "Leanpriset 2026 (test)"}
	fill := placeholders(t, ids)
	forms := cycleFormsByRole(f)
	roles, rows := readPageMatrix(t, "../testdata/authz_web_cycles.csv")
	browsers := map[string]*browser{}
	for _, role := range roles {
		browsers[role] = f.browser(role)
		browsers[role].get("/")
	}
	cells := 0
	for _, row := range rows {
		path, marker := fill(row[1]), fill(row[2])
		post, isPost := strings.CutPrefix(path, "POST ")
		for i, role := range roles {
			if row[3+i] == "skip" {
				continue
			}
			cells++
			var p *page
			if isPost {
				p = browsers[role].post(post, cloneValues(postForm(forms, post)))
			} else {
				p = browsers[role].get(path)
			}
			if checkCell(t, row[0]+" as "+role, p, parseCell(t, row[3+i]), marker) &&
				isPost && p.Status == http.StatusForbidden && !strings.Contains(p.Body, "<h1>Du har inte behörighet</h1>") {
				t.Errorf("%s as %s: refused, but not by the API", row[0], role)
			}
		}
	}
	if cells < 150 {
		t.Errorf("only %d cells ran", cells)
	}
	r := s.gql(f.admin, `query($id: ID!) { cycle(id: $id) { title phase version criteria { id title } }
		awards(first: 100) { nodes { name } } applications(cycleId: $id, first: 10) { nodes { eligibility } } }`, map[string]any{"id": f.cycle})
	if got := str(r, "cycle.title") + " " + str(r, "cycle.phase") + " " + str(r, "cycle.version"); got != "Leanpriset 2026 (test) SCORING "+strconv.Itoa(f.version) {
		t.Errorf("after the refused forms the cycle is %s", got)
	}
	if n := len(dig(r, "cycle.criteria").([]any)); n != len(f.criteria) || str(r, "cycle.criteria.0.title") != crit0 {
		t.Errorf("after the refused forms the criteria are %v", dig(r, "cycle.criteria"))
	}
	for _, x := range []string{"awards.nodes", "applications.nodes"} {
		for _, n := range dig(r, x).([]any) {
			if m := n.(map[string]any); m["name"] == "Hemligt pris" || m["eligibility"] == "NOT_ELIGIBLE" {
				t.Errorf("a refused form changed %v", m)
			}
		}
	}
}

// postForm is the form for a POST path: the one for its longest matching
// suffix.
func postForm(forms map[string]url.Values, path string) url.Values {
	best := ""
	for suffix := range forms {
		if strings.HasSuffix(path, suffix) && len(suffix) > len(best) {
			best = suffix
		}
	}
	return forms[best]
}
