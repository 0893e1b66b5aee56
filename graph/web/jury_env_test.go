package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// gql runs doc as token through the API and returns its data; any error
// fails the test.
func (s *site) gql(token, doc string, vars map[string]any) map[string]any {
	s.t.Helper()
	r := s.api.Execute(context.Background(), graph.Caller{Token: token}, doc, vars)
	if len(r.Errors) > 0 {
		s.t.Fatalf("%s: %v", strings.Fields(doc)[0:3], r.Errors)
	}
	var out map[string]any
	if err := json.Unmarshal(r.Data, &out); err != nil {
		s.t.Fatal(err)
	}
	return out
}

// dig walks a dotted path through decoded JSON.
func dig(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			fmt.Sscan(k, &i)
			v = x[i]
		}
	}
	return v
}

func str(v any, path string) string { return fmt.Sprint(dig(v, path)) }

// juryFixture is a LEAN_PRIZE cycle in SCORING with two submitted,
// eligible applications and a jury of four:
//
//	lead:        leads the jury, assigned nothing;
//	assigned:    assigned both applications;
//	conflicted:  affiliated with Malmö (1280), app 0's municipality, and
//	             assigned app 1 only;
//	unassigned:  on the jury without assignments.
//
// App 0 claims Malmö's investigation time (U33401, 140 → 105 days, limit
// 120). The cycle's visibility is NEVER unless the fixture is made with
// another.
type juryFixture struct {
	s        *site
	admin    string
	cycle    string
	version  int
	criteria []string // the scored criteria's ids
	apps     []string
	titles   []string
	orgs     []string
	tokens   map[string]string // by role, with "applicant" (app 0's) and "admin"
	ids      map[string]string // user ids by role
	// indicators1 are app 1's claimed results (none unless set before
	// the applications are made, as newJuryFixtureWith does).
	indicators1 []map[string]any
}

var juryRoles = []string{"lead", "assigned", "conflicted", "unassigned"}

const (
	app0Title = "Kortare utredningstider i Södra innerstaden"
	app1Title = "Förbättringstavlor i Lomma"
	app0Org   = "Södra innerstaden"
)

func newJuryFixture(t *testing.T, s *site, visibility string) *juryFixture {
	t.Helper()
	return newJuryFixtureWith(t, s, visibility, nil)
}

// newJuryFixtureWith is newJuryFixture with app 1 (Lomma's) claiming
// indicators1.
func newJuryFixtureWith(t *testing.T, s *site, visibility string, indicators1 []map[string]any) *juryFixture {
	t.Helper()
	f := &juryFixture{s: s, admin: s.adminToken(), tokens: map[string]string{}, ids: map[string]string{}, indicators1: indicators1}
	f.tokens["admin"] = f.admin
	f.openCycle(visibility)
	for i, a := range []struct{ org, code, title string }{{app0Org, "1280", app0Title}, {"Lomma kommun", "1262", app1Title}} {
		tok := f.applicant(i, a.org, a.code, a.title)
		if i == 0 {
			f.tokens["applicant"] = tok
		}
		f.titles = append(f.titles, a.title)
	}
	f.version = f.advance("CLOSED")
	for _, role := range juryRoles {
		f.addJuror(role)
	}
	f.assign("assigned", 0)
	f.assign("assigned", 1)
	f.assign("conflicted", 1)
	f.version = f.advance("SCORING")
	return f
}

func (f *juryFixture) openCycle(visibility string) {
	s := f.s
	award := str(s.gql(f.admin, `mutation { createAward(name: "Leanpriset (test)") { id } }`, nil), "createAward.id")
	now := time.Now().UTC()
	in := map[string]any{"awardId": award, "year": 2026, "title": "Leanpriset 2026 (test)", "template": "LEAN_PRIZE",
		"opensAt": now.Add(-time.Hour).Format(time.RFC3339), "closesAt": now.Add(48 * time.Hour).Format(time.RFC3339),
		"scoringClosesAt": now.Add(96 * time.Hour).Format(time.RFC3339), "scoreVisibility": "NEVER"}
	if visibility != "" {
		in["scoreVisibility"] = visibility
	}
	r := s.gql(f.admin, `mutation($in: CreateCycleInput!) { createCycle(input: $in) { id version criteria { id } } }`, map[string]any{"in": in})
	f.cycle = str(r, "createCycle.id")
	f.version = int(dig(r, "createCycle.version").(float64))
	for _, k := range dig(r, "createCycle.criteria").([]any) {
		f.criteria = append(f.criteria, str(k, "id"))
	}
	f.version = f.advance("OPEN")
}

func (f *juryFixture) advance(to string) int {
	r := f.s.gql(f.admin, `mutation($id: ID!, $v: Int!, $to: Phase!) { advanceCycle(id: $id, version: $v, to: $to) { version } }`,
		map[string]any{"id": f.cycle, "v": f.version, "to": to})
	return int(dig(r, "advanceCycle.version").(float64))
}

// applicant signs up an organisation and submits application i; the
// admin screens it eligible. It returns the applicant's token.
func (f *juryFixture) applicant(i int, org, code, title string) string {
	s := f.s
	r := s.gql("", `mutation($in: SignUpInput!) { signUp(input: $in) { token organisations { id } } }`,
		map[string]any{"in": map[string]any{"email": fmt.Sprintf("applicant%d@example.se", i), "name": fmt.Sprintf("Sökande %d", i),
			"password": "applicant password", "organisation": map[string]any{"name": org, "kind": "MUNICIPALITY",
				"sector": "PUBLIC", "municipalityCode": code}}})
	tok, orgID := str(r, "signUp.token"), str(r, "signUp.organisations.0.id")
	r = s.gql(tok, `mutation($c: ID!, $o: ID!, $t: String!) { createApplication(input: {cycleId: $c, organisationId: $o, title: $t}) { id version } }`,
		map[string]any{"c": f.cycle, "o": orgID, "t": title})
	id, v := str(r, "createApplication.id"), dig(r, "createApplication.version")
	var answers []map[string]any
	for _, k := range f.criteria {
		answers = append(answers, map[string]any{"criterionId": k, "text": "Svar på kriteriet av " + org})
	}
	in := map[string]any{"summary": "Sammanfattning av " + org, "answers": answers}
	if i == 0 {
		in["indicators"] = []map[string]any{{"name": "Utredningstid barn och unga", "unit": "dagar", "direction": "LOWER_IS_BETTER",
			"baselineValue": 140, "baselineDate": "2010-01-01", "currentValue": 105, "currentDate": "2012-06-01",
			"legalLimit": 120, "kpiId": "U33401", "municipalityCode": "1280"}}
	}
	if i == 1 && f.indicators1 != nil {
		in["indicators"] = f.indicators1
	}
	r = s.gql(tok, `mutation($id: ID!, $v: Int!, $in: UpdateApplicationInput!) { updateApplication(id: $id, version: $v, input: $in) { version } }`,
		map[string]any{"id": id, "v": v, "in": in})
	r = s.gql(tok, `mutation($id: ID!, $v: Int!) { submitApplication(id: $id, version: $v) { version } }`,
		map[string]any{"id": id, "v": dig(r, "updateApplication.version")})
	s.gql(f.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: true) { id } }`,
		map[string]any{"id": id, "v": dig(r, "submitApplication.version")})
	f.apps, f.orgs = append(f.apps, id), append(f.orgs, orgID)
	return tok
}

// jurorEmail is the e-mail address of the juror of role.
func jurorEmail(role string) string { return role + "@jury.example.se" }

const jurorPassword = "juror password 12"

func (f *juryFixture) addJuror(role string) {
	s := f.s
	r := s.gql(f.admin, `mutation($in: CreateUserInput!) { createUser(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"email": jurorEmail(role), "name": "Juror " + role, "password": jurorPassword, "role": "JUROR"}})
	f.ids[role] = str(r, "createUser.id")
	in := map[string]any{"userId": f.ids[role], "lead": role == "lead", "affiliation": "Oberoende"}
	if role == "conflicted" {
		in["municipalityCode"], in["affiliation"] = "1280", "Malmö stad"
	}
	s.gql(f.admin, `mutation($c: ID!, $in: JurorInput!) { addJuror(cycleId: $c, input: $in) { userId } }`, map[string]any{"c": f.cycle, "in": in})
	f.tokens[role] = s.token(jurorEmail(role), jurorPassword)
}

func (f *juryFixture) assign(role string, app int) {
	f.s.gql(f.admin, `mutation($a: ID!, $j: ID!) { assignJuror(applicationId: $a, jurorId: $j) { jurorId } }`,
		map[string]any{"a": f.apps[app], "j": f.ids[role]})
}

// score has role save value on every criterion of app, with strengths.
func (f *juryFixture) score(role string, app int, value float64, strengths string) {
	for _, k := range f.criteria {
		f.s.gql(f.tokens[role], `mutation($in: ScoreInput!) { saveScore(input: $in) { value } }`,
			map[string]any{"in": map[string]any{"applicationId": f.apps[app], "criterionId": k, "value": value,
				"strengths": strengths, "opportunities": "Mer mätning"}})
	}
}

// browser is a browser logged in as role ("anonymous" for none).
func (f *juryFixture) browser(role string) *browser {
	b := f.s.browser()
	switch role {
	case "anonymous":
	case "admin":
		b.login(store.DemoAdminEmail, store.DemoPassword)
	case "applicant":
		b.login("applicant0@example.se", "applicant password")
	default:
		b.login(jurorEmail(role), jurorPassword)
	}
	return b
}

// submit has role submit the evaluation of app.
func (f *juryFixture) submit(role string, app int) {
	f.s.gql(f.tokens[role], `mutation($a: ID!) { submitEvaluation(applicationId: $a) { submittedAt } }`, map[string]any{"a": f.apps[app]})
}
