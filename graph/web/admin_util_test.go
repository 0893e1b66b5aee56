package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/leanforum/awards/graph"
)

// squash puts an HTML page on one line, for row regexps.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// optionValue is the value of the option labelled label in the select
// named name.
func optionValue(t *testing.T, page, name, label string) string {
	t.Helper()
	sel := regexp.MustCompile(`(?s)<select id="f-` + name + `" name="` + name + `".*?</select>`).FindString(page)
	for _, m := range regexp.MustCompile(`<option value="([^"]*)"[^>]*>([^<]*)</option>`).FindAllStringSubmatch(sel, -1) {
		if html.UnescapeString(m[2]) == label || strings.HasPrefix(html.UnescapeString(m[2]), label+" <") {
			return m[1]
		}
	}
	t.Fatalf("the select %s has no option %q:\n%s", name, label, sel)
	return ""
}

// userID is the id of the account with email, as the admin sees it.
func userID(t *testing.T, s *site, email string) string {
	t.Helper()
	r := s.api.Execute(t.Context(), graph.Caller{Token: s.adminToken()}, `{ users(first: 100) { nodes { id email } } }`, nil)
	var out struct {
		Users struct{ Nodes []struct{ ID, Email string } }
	}
	if err := r.Decode(&out); err != nil || len(r.Errors) > 0 {
		t.Fatalf("users: %v %v", r.Errors, err)
	}
	for _, u := range out.Users.Nodes {
		if u.Email == email {
			return u.ID
		}
	}
	t.Fatalf("no user %s", email)
	return ""
}

// orgID is the id of the organisation called name, as the admin sees it.
func orgID(t *testing.T, s *site, name string) string {
	t.Helper()
	r := s.api.Execute(t.Context(), graph.Caller{Token: s.adminToken()}, `{ organisations(first: 100) { nodes { id name } } }`, nil)
	var out struct {
		Organisations struct{ Nodes []struct{ ID, Name string } }
	}
	if err := r.Decode(&out); err != nil || len(r.Errors) > 0 {
		t.Fatalf("organisations: %v %v", r.Errors, err)
	}
	for _, o := range out.Organisations.Nodes {
		if o.Name == name {
			return o.ID
		}
	}
	t.Fatalf("no organisation %s", name)
	return ""
}
