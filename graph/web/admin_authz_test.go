package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestAdminPagesByRole runs graph/testdata/authz_web_admin.csv: every
// secretariat page of a cycle for every role, its status and whether it
// shows the marker; a page refused to a role shows none of the cycle's
// applications, organisations or jurors' addresses.
func TestAdminPagesByRole(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "NEVER")
	f.score("assigned", 1, 60, "Anteckning av den tilldelade")
	f.submit("assigned", 1)
	ids := map[string]string{"cycle": f.cycle, "app0": f.apps[0], "app1": f.apps[1], "app0Title": app0Title, "app1Title": app1Title}
	fill := func(s string) string {
		return placeholderRE.ReplaceAllStringFunc(s, func(p string) string {
			v, ok := ids[p[1:len(p)-1]]
			if !ok {
				t.Fatalf("unknown placeholder %s", p)
			}
			return v
		})
	}
	secrets := []string{app0Title, app1Title, app0Org, "Lomma kommun", "@jury.example.se", "Anteckning av den tilldelade"}
	roles, rows := readPageMatrix(t, "../testdata/authz_web_admin.csv")
	browsers := map[string]*browser{}
	for _, role := range roles {
		browsers[role] = f.browser(role)
	}
	cells := 0
	for _, row := range rows {
		path, marker := fill(row[1]), fill(row[2])
		for i, role := range roles {
			cells++
			want := parseCell(t, row[3+i])
			p := browsers[role].get(path)
			switch {
			case want.login:
				if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.location(), "/login?next=") {
					t.Errorf("%s as %s: %d to %q, want a redirect to log in", row[0], role, p.Status, p.location())
				}
				continue
			case p.Status != want.status:
				t.Errorf("%s as %s: status %d, want %d", row[0], role, p.Status, want.status)
				continue
			}
			if shown := strings.Contains(p.Body, marker); want.shows == 1 && !shown {
				t.Errorf("%s as %s: the page lacks %q", row[0], role, marker)
			} else if want.shows == -1 && shown {
				t.Errorf("%s as %s: the page shows %q", row[0], role, marker)
			}
			if p.Status != http.StatusOK {
				for _, x := range secrets {
					if strings.Contains(p.Body, x) {
						t.Errorf("%s as %s: the %d page shows %q", row[0], role, p.Status, x)
					}
				}
			}
		}
	}
	if cells < 60 {
		t.Errorf("only %d cells ran", cells)
	}
}
