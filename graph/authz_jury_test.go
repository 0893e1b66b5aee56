package graph_test

import (
	"fmt"
	"net/http/httptest"
	"testing"
)

// TestJuryAuthorisationMatrix runs testdata/authz_jury.csv, and the
// exports and reports for the same roles, through the real handler.
func TestJuryAuthorisationMatrix(t *testing.T) {
	roles, rows := readMatrix(t, "testdata/authz_jury.csv")
	f := newJuryAuthz(t)
	cells := 0
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			for i, role := range roles {
				cells++
				fresh := map[string]string{}
				doc := placeholder.ReplaceAllStringFunc(row.document, func(p string) string {
					name := p[1 : len(p)-1]
					if v, ok := f.ids[name]; ok {
						return v
					}
					if _, ok := fresh[name]; !ok {
						f.fresh(t, name, fresh)
					}
					return fresh[name]
				})
				r := f.e.gql(f.tokens[role], doc, nil)
				if got, why := judge(r, row.probe); got != row.want[i] {
					t.Errorf("%s as %s: %s, want %s (%s)\n%s", row.name, role, got, row.want[i], why, doc)
				}
			}
		})
	}
	endpoints := []struct {
		path   string
		status map[string]int // by role; 403 when absent
	}{
		{"/exports/cycles/<cycle>/scores.csv", map[string]int{"anonymous": 403, "admin": 200}},
		{"/exports/cycles/<cycle>/audit.csv", map[string]int{"admin": 200}},
		{"/reports/cycles/<cycle>/ranking.pdf", map[string]int{"assigned": 200, "conflicted": 200, "unassigned": 200, "lead": 200, "admin": 200}},
		{"/reports/applications/<app>/feedback.pdf", map[string]int{"anonymous": 404, "other": 404, "conflicted": 404,
			"unassigned": 404, "lead": 200, "admin": 200}},
	}
	for _, ep := range endpoints {
		path := placeholder.ReplaceAllStringFunc(ep.path, func(p string) string { return f.ids[p[1:len(p)-1]] })
		for _, role := range roles {
			cells++
			want, ok := ep.status[role]
			if !ok {
				want = 403
			}
			req := httptest.NewRequest("GET", path, nil)
			if tok := f.tokens[role]; tok != "" {
				req.Header.Set("Authorization", "Bearer "+tok)
			}
			rec := httptest.NewRecorder()
			f.e.h.ServeHTTP(rec, req)
			if rec.Code != want {
				t.Errorf("GET %s as %s = %d, want %d: %.200s", ep.path, role, rec.Code, want, rec.Body)
			}
		}
	}
	if cells < 150 {
		t.Errorf("the jury matrix has %d cells, want at least 150", cells)
	}
}

// juryAuthz is the jury matrix's world.
type juryAuthz struct {
	e      *env
	tokens map[string]string
	ids    map[string]string
	made   int // fresh things made
}

func newJuryAuthz(t *testing.T) *juryAuthz {
	e := newEnv(t)
	j := newJury(t, e, 2, 4, "") // jurors: 0 lead, 1 and 2 plain, 3 affiliated with apps[0]'s municipality
	closedApp := closedApplication(t, e, j)
	scoringApp, scoringCriterion := scoringApplication(t, e, j)
	j.assign(0, 1).ok()
	j.assign(1, 1).ok()
	j.advance("SCORING")
	j.score(1, 0, 60)
	j.score(1, 1, 40)
	j.advance("CONSENSUS")
	e.gql(j.admin, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
		value: 60, rationale: "Enades", participants: $p}) { value } }`,
		map[string]any{"a": j.apps[0], "k": j.cycle.criteria[0], "p": j.jurors[1:2]}).ok()
	f := &juryAuthz{e: e,
		tokens: map[string]string{"anonymous": "", "owner": j.applicant[0], "other": j.applicant[1], "lead": j.tokens[0],
			"assigned": j.tokens[1], "unassigned": j.tokens[2], "conflicted": j.tokens[3], "admin": j.admin},
		ids: map[string]string{"cycle": j.cycle.id, "app": j.apps[0], "otherApp": j.apps[1], "criterion": j.cycle.criteria[0],
			"assignedUser": j.jurors[1], "unassignedUser": j.jurors[2], "closedApp": closedApp, "scoringApp": scoringApp,
			"scoringCriterion": scoringCriterion}}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	var closedCycle int64
	must(e.rawSQL().QueryRow(`SELECT cycle_id FROM applications WHERE id = $1`, closedApp).Scan(&closedCycle))
	f.ids["closedCycle"] = fmt.Sprint(closedCycle)
	extra := map[string]string{}
	f.fresh(t, "freshClosedJuror", extra) // so that autoAssign has a juror to give <closedApp>
	return f
}

// fresh makes, for one cell, what a fresh placeholder names:
//   - freshApp (and freshAppVersion): a copy of <app> in its cycle, with a
//     new organisation of the same municipality and members, and the same
//     assignments, not yet submitted, so that every role stands to it as
//     to <app>;
//   - freshJuror: a new juror user; freshClosedJuror: one on the jury of
//     <closedApp>'s cycle.
func (f *juryAuthz) fresh(t *testing.T, name string, vals map[string]string) {
	t.Helper()
	db := f.e.rawSQL()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f.made++
	switch name {
	case "freshApp", "freshAppVersion":
		var org, app, version int64
		must(db.QueryRow(`INSERT INTO organisations (name, kind, sector, municipality_code)
			SELECT o.name || ' ' || $2, o.kind, o.sector, o.municipality_code FROM organisations o
			JOIN applications a ON a.organisation_id = o.id WHERE a.id = $1 RETURNING id`, f.ids["app"], f.made).Scan(&org))
		_, err := db.Exec(`INSERT INTO memberships (organisation_id, user_id) SELECT $2, m.user_id FROM memberships m
			JOIN applications a ON a.organisation_id = m.organisation_id WHERE a.id = $1`, f.ids["app"], org)
		must(err)
		must(db.QueryRow(`INSERT INTO applications (cycle_id, organisation_id, title, summary, status, eligibility,
				submitted_at, created_by)
			SELECT cycle_id, $2, title, summary, status, eligibility, submitted_at, created_by FROM applications WHERE id = $1
			RETURNING id, version`, f.ids["app"], org).Scan(&app, &version))
		_, err = db.Exec(`INSERT INTO assignments (application_id, juror_id, cycle_id, assigned_by)
			SELECT $2, juror_id, cycle_id, assigned_by FROM assignments WHERE application_id = $1`, f.ids["app"], app)
		must(err)
		vals["freshApp"], vals["freshAppVersion"] = fmt.Sprint(app), fmt.Sprint(version)
	case "freshJuror", "freshClosedJuror":
		r := f.e.gql(f.tokens["admin"], `mutation($e: String!) { createUser(input: {email: $e, name: "Juror",
			password: "a long enough password", role: JUROR}) { id } }`, map[string]any{"e": fmt.Sprintf("fresh%d@example.se", f.made)}).ok()
		vals[name] = r.str("createUser.id")
		if name == "freshClosedJuror" {
			f.e.gql(f.tokens["admin"], `mutation($c: ID!, $u: ID!) { addJuror(cycleId: $c, input: {userId: $u}) { userId } }`,
				map[string]any{"c": f.ids["closedCycle"], "u": vals[name]}).ok()
		}
	default:
		t.Fatalf("unknown placeholder <%s>", name)
	}
}

// scoringApplication is a submitted application of <app>'s organisation
// in another cycle, in SCORING, with j's jurors in the same roles, the
// assigned juror's scores saved but not submitted.
func scoringApplication(t *testing.T, e *env, j *jury) (app, criterion string) {
	t.Helper()
	c := e.openCycle(j.admin, 2031)
	r := e.gql(j.applicant[0], createApp, map[string]any{"c": c.id, "o": j.orgs[0], "t": "I poängsättning"}).ok()
	id := r.str("createApplication.id")
	v := e.gql(j.applicant[0], updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
		"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")
	v = e.gql(j.applicant[0], submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")
	e.gql(j.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: true) { id } }`,
		map[string]any{"id": id, "v": v}).ok()
	c.version = e.advance(j.admin, c.id, c.version, "CLOSED")
	for i, u := range j.jurors {
		in := map[string]any{"userId": u, "lead": i == 0}
		if i == len(j.jurors)-1 {
			in["municipalityCode"] = juryCode
		}
		e.gql(j.admin, `mutation($c: ID!, $in: JurorInput!) { addJuror(cycleId: $c, input: $in) { userId } }`,
			map[string]any{"c": c.id, "in": in}).ok()
	}
	e.gql(j.admin, `mutation($a: ID!, $j: ID!) { assignJuror(applicationId: $a, jurorId: $j) { jurorId } }`,
		map[string]any{"a": id, "j": j.jurors[1]}).ok()
	e.advance(j.admin, c.id, c.version, "SCORING")
	for _, k := range c.criteria {
		e.gql(j.tokens[1], saveScore, map[string]any{"a": id, "k": k, "v": 50, "s": "Bra"}).ok()
	}
	return id, c.criteria[0]
}

// closedApplication is a submitted, eligible application of another,
// CLOSED cycle whose jury has j's juror 2.
func closedApplication(t *testing.T, e *env, j *jury) string {
	t.Helper()
	c := e.openCycle(j.admin, 2030)
	tok, org := e.signUpIn("closed@example.se", "Kommun i annan cykel", "0998")
	r := e.gql(tok, createApp, map[string]any{"c": c.id, "o": org, "t": "Annan"}).ok()
	id := r.str("createApplication.id")
	v := e.gql(tok, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
		"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")
	v = e.gql(tok, submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")
	e.gql(j.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: true) { id } }`,
		map[string]any{"id": id, "v": v}).ok()
	e.advance(j.admin, c.id, c.version, "CLOSED")
	e.gql(j.admin, `mutation($c: ID!, $u: ID!) { addJuror(cycleId: $c, input: {userId: $u}) { userId } }`,
		map[string]any{"c": c.id, "u": j.jurors[2]}).ok()
	return id
}
