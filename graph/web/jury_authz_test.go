package web_test

import (
	"encoding/csv"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pageCell is one expected answer of the page matrix.
type pageCell struct {
	login  bool
	status int
	shows  int // 1 the marker is shown, -1 it is not, 0 not checked
}

func parseCell(t *testing.T, s string) pageCell {
	t.Helper()
	if s == "login" {
		return pageCell{login: true}
	}
	c := pageCell{}
	switch {
	case strings.HasSuffix(s, "+"):
		c.shows, s = 1, strings.TrimSuffix(s, "+")
	case strings.HasSuffix(s, "-"):
		c.shows, s = -1, strings.TrimSuffix(s, "-")
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("bad cell %q", s)
	}
	c.status = n
	return c
}

// readPageMatrix reads a CSV of page cells: case, path, marker, then one
// column per role.
func readPageMatrix(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r := csv.NewReader(file)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[0][3:], rows[1:]
}

var placeholderRE = regexp.MustCompile(`<[a-zA-Z0-9]+>`)

// placeholders fills a matrix's <name> placeholders from ids.
func placeholders(t *testing.T, ids map[string]string) func(string) string {
	return func(s string) string {
		return placeholderRE.ReplaceAllStringFunc(s, func(p string) string {
			v, ok := ids[p[1:len(p)-1]]
			if !ok {
				t.Fatalf("unknown placeholder %s", p)
			}
			return v
		})
	}
}

// checkCell checks page p against the expected cell want (what names the
// case and role); it reports whether p is a page to look further into.
func checkCell(t *testing.T, what string, p *page, want pageCell, marker string) bool {
	t.Helper()
	switch {
	case want.login:
		if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.location(), "/login?next=") {
			t.Errorf("%s: %d to %q, want a redirect to log in", what, p.Status, p.location())
		}
		return false
	case p.Status != want.status:
		t.Errorf("%s: status %d, want %d", what, p.Status, want.status)
		return false
	}
	if shown := strings.Contains(p.Body, marker); want.shows == 1 && !shown {
		t.Errorf("%s: the page lacks %q", what, marker)
	} else if want.shows == -1 && shown {
		t.Errorf("%s: the page shows %q", what, marker)
	}
	return true
}

// TestJuryPagesByRole runs graph/testdata/authz_web_jury.csv: every
// juror page for every role, its status and whether it shows data the
// role may or may not see.
func TestJuryPagesByRole(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "NEVER")
	f.score("assigned", 1, 60, "Anteckning av den tilldelade")
	f.score("conflicted", 1, 40, "Anteckning av den jäviga")
	f.submit("assigned", 1)
	f.submit("conflicted", 1)
	ids := map[string]string{"cycle": f.cycle, "app0": f.apps[0], "app1": f.apps[1], "app0Title": app0Title, "app1Title": app1Title,
		"app0Org": app0Org, "cycleTitle": "Leanpriset 2026 (test)",
		"assignedNote": "Anteckning av den tilldelade", "conflictedNote": "Anteckning av den jäviga"}
	fill := placeholders(t, ids)
	roles, rows := readPageMatrix(t, "../testdata/authz_web_jury.csv")
	browsers := map[string]*browser{}
	for _, role := range roles {
		browsers[role] = f.browser(role)
	}
	cells := 0
	for _, row := range rows {
		path, marker := fill(row[1]), fill(row[2])
		for i, role := range roles {
			cells++
			p := browsers[role].get(path)
			if !checkCell(t, row[0]+" as "+role, p, parseCell(t, row[3+i]), marker) {
				continue
			}
			if role != "assigned" && strings.Contains(p.Body, "Anteckning av den tilldelade") && role != "lead" && role != "admin" {
				t.Errorf("%s as %s: the page shows the assigned juror's note", row[0], role)
			}
		}
	}
	if cells < 80 {
		t.Errorf("only %d cells ran", cells)
	}
}
