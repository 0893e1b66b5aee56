package graph_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
)

// TestUnknownOperationNameIsTheClientsMistake: an operationName the
// document does not hold is INVALID (400), logged at most as a warning and
// without the whole name, so that nobody can flood the log with it.
func TestUnknownOperationNameIsTheClientsMistake(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("X", 10000)
	for _, tc := range []struct{ name, query, op string }{
		{"unknown name", "query A { awards { totalCount } }", long},
		{"a name for an anonymous operation", "{ awards { totalCount } }", "A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": tc.query, "operationName": tc.op})
			rec := post(e.h, body)
			var r result
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			r.t, r.Status = t, rec.Code
			if rec.Code != 400 || r.code() != "INVALID" {
				t.Errorf("operationName %.20q = %d %+v, want 400 INVALID", tc.op, rec.Code, r.Errors)
			}
			if len(rec.Body.String()) > 1000 {
				t.Errorf("the answer is %d bytes long; it echoes the name", rec.Body.Len())
			}
		})
	}
	e.logs.mu.Lock()
	defer e.logs.mu.Unlock()
	for _, rec := range e.logs.records {
		line := rec.Message
		rec.Attrs(func(a slog.Attr) bool { line += " " + a.Value.String(); return true })
		if rec.Level >= slog.LevelError {
			t.Errorf("logged at %s: %.200s", rec.Level, line)
		}
		if len(line) > 1000 {
			t.Errorf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
}

// TestOperationNameSelectsTheOperation: a matching operationName runs.
func TestOperationNameSelectsTheOperation(t *testing.T) {
	e := newEnv(t)
	body, _ := json.Marshal(map[string]any{"query": "query A { awards { totalCount } }", "operationName": "A"})
	if rec := post(e.h, body); rec.Code != 200 || strings.Contains(rec.Body.String(), "errors") {
		t.Errorf("operationName A = %d %s, want 200 without errors", rec.Code, rec.Body)
	}
}

// TestIDsOutsideTheirColumnsRange: an id in a path beyond its column's
// range is NOT_FOUND, one in an argument INVALID; none is a 500 or
// clamped to the largest id.
func TestIDsOutsideTheirColumnsRange(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	for _, path := range []string{
		"/reports/benchmarks/1/versions/3000000000.pdf",
		"/reports/benchmarks/9223372036854775808/versions/1.pdf",
		"/reports/benchmarks/99999999999999999999/preview.pdf",
		"/reports/cycles/99999999999999999999/ranking.pdf",
		"/reports/applications/9223372036854775808/feedback.pdf",
		"/exports/cycles/99999999999999999999/scores.csv",
		"/exports/cycles/0/scores.csv",
	} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+admin)
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		if rec.Code != 404 {
			t.Errorf("GET %s = %d, want 404: %.200s", path, rec.Code, rec.Body)
		}
	}
	for _, doc := range []string{
		`{ application(id: "9223372036854775808") { id } }`,
		`{ cycle(id: "-1") { id } }`,
		`mutation { updateOrganisation(id: "1", version: 3000000000, input: {name: "N", kind: COMPANY, sector: PRIVATE}) { id } }`,
		`mutation { advanceCycle(id: "1", version: -3000000000, to: OPEN) { id } }`,
		`mutation { createCycle(input: {awardId: "1", year: 3000000000, title: "T", opensAt: "2020-01-01T00:00:00Z",
			closesAt: "2999-01-01T00:00:00Z", scoringClosesAt: "2999-02-01T00:00:00Z", template: LEAN_PRIZE}) { id } }`,
		`query($v: Int = 3000000000) { awards(first: $v) { totalCount } }`,
		`mutation { reportLink(path: "/reports/benchmarks/1/versions/3000000000.pdf") { url } }`,
	} {
		r := e.gql(admin, doc, nil)
		if r.code() != "INVALID" {
			t.Errorf("%s = %d %+v, want INVALID", doc, r.Status, r.Errors)
		}
	}
	if r := e.gql(admin, `query($v: Int!) { awards(first: $v) { totalCount } }`, map[string]any{"v": 3e9}); r.code() != "INVALID" {
		t.Errorf("a variable of 3e9 for an Int = %+v, want INVALID", r.Errors)
	}
}

// TestJurorsCannotChangeApplications: an application is chosen for a
// change by who may change it (its organisation's members, admins), not
// by who may read it: a juror assigned to it, and the lead juror, read it
// but change nothing. Withdrawal goes to the audit log.
func TestJurorsCannotChangeApplications(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(0, 1).ok()
	version := func() int {
		return e.gql(j.admin, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": j.apps[0]}).ok().num("application.version")
	}
	changes := map[string]string{
		"withdrawApplication": `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v, reason: "R") { status } }`,
		"updateApplication":   `mutation($id: ID!, $v: Int!) { updateApplication(id: $id, version: $v, input: {title: "T"}) { status } }`,
		"submitApplication":   `mutation($id: ID!, $v: Int!) { submitApplication(id: $id, version: $v) { status } }`,
		"screenApplication":   `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: false, reason: "R") { status } }`,
	}
	for who, tok := range map[string]string{"the assigned juror": j.tokens[1], "the lead juror": j.tokens[0]} {
		if r := e.gql(tok, `query($id: ID!) { application(id: $id) { title } }`, map[string]any{"id": j.apps[0]}).ok(); r.get("application") == nil {
			t.Fatalf("%s cannot read the application; the test needs one who can", who)
		}
		for name, doc := range changes {
			v := version()
			r := e.gql(tok, doc, map[string]any{"id": j.apps[0], "v": v})
			if c := r.code(); c != "FORBIDDEN" && c != "NOT_FOUND" {
				t.Errorf("%s as %s = %+v, want FORBIDDEN or NOT_FOUND", name, who, r.Errors)
			}
			if version() != v {
				t.Errorf("%s as %s changed the application", name, who)
			}
		}
	}
	e.gql(j.applicant[0], changes["withdrawApplication"], map[string]any{"id": j.apps[0], "v": version()}).ok()
	r := e.gql(j.admin, `query($id: ID!) { cycle(id: $id) { auditLog(first: 100) { nodes { action entityId } } } }`,
		map[string]any{"id": j.cycle.id}).ok()
	found := false
	for _, n := range r.get("cycle.auditLog.nodes").([]any) {
		m := n.(map[string]any)
		found = found || m["action"] == "application.withdraw" && m["entityId"] == j.apps[0]
	}
	if !found {
		t.Errorf("the audit log has no application.withdraw of %s: %v", j.apps[0], r.get("cycle.auditLog.nodes"))
	}
}

// TestNoExistenceOracles: a caller who may not see a thing gets the same
// answer whether it exists or not, and takes no row lock.
func TestNoExistenceOracles(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.advance("SCORING")
	answer := func(r *result) string { return fmt.Sprintf("%d %s", r.Status, r.code()) }
	t.Run("createApplication in a DRAFT cycle", func(t *testing.T) {
		draft := e.gql(j.admin, `mutation { createCycle(input: {awardId: "`+j.cycle.awardID+`", year: 2090, title: "T",
			opensAt: "2020-01-01T00:00:00Z", closesAt: "2999-01-01T00:00:00Z", scoringClosesAt: "2999-02-01T00:00:00Z",
			template: LEAN_PRIZE}) { id } }`, nil).ok().str("createCycle.id")
		create := func(cycle string) *result {
			return e.gql(j.applicant[0], createApp, map[string]any{"c": cycle, "o": j.orgs[0], "t": "T"})
		}
		if a, b := answer(create(draft)), answer(create("999999")); a != b || !strings.HasSuffix(a, "NOT_FOUND") {
			t.Errorf("a DRAFT cycle answers %s, an unknown one %s; want both NOT_FOUND", a, b)
		}
	})
	t.Run("recordConsensus by a caller who may not", func(t *testing.T) {
		record := func(tok, app string) *result {
			return e.gql(tok, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
				value: 50, rationale: "R", participants: $p}) { value } }`,
				map[string]any{"a": app, "k": j.cycle.criteria[0], "p": j.jurors[1:2]})
		}
		for who, tok := range map[string]string{"an applicant": j.applicant[1], "a juror without the application": j.tokens[1],
			"the conflicted juror": j.tokens[2]} {
			if a, b := answer(record(tok, j.apps[0])), answer(record(tok, "999999")); a != b {
				t.Errorf("%s: an existing application answers %s, a missing one %s", who, a, b)
			}
		}
	})
	t.Run("a refused recordConsensus locks nothing", func(t *testing.T) {
		db := e.rawSQL()
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := tx.Exec(`SELECT 1 FROM applications WHERE id = $1 FOR UPDATE`, j.apps[0]); err != nil {
			t.Fatal(err)
		}
		done := make(chan *result, 1)
		go func() {
			done <- e.gql(j.applicant[1], `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a,
				criterionId: $k, value: 50, rationale: "R", participants: $p}) { value } }`,
				map[string]any{"a": j.apps[0], "k": j.cycle.criteria[0], "p": j.jurors[1:2]})
		}()
		select {
		case r := <-done:
			if c := r.code(); c != "NOT_FOUND" {
				t.Errorf("recordConsensus by an applicant = %+v, want NOT_FOUND", r.Errors)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("recordConsensus by an applicant waits for a row lock")
		}
	})
}

// TestOneVisibilityRuleForDecisions: whoever sees a decision in the
// ranking sees it on the application and in recordDecision's answer, and
// whoever may not sees it nowhere.
func TestOneVisibilityRuleForDecisions(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(0, 1).ok()
	j.advance("SCORING")
	j.score(1, 0, 60)
	j.advance("CONSENSUS")
	r := e.gql(j.tokens[0], `mutation($a: ID!) { recordDecision(applicationId: $a, decision: FINALIST, citation: "Bra") { decision citation } }`,
		map[string]any{"a": j.apps[0]}).ok()
	if r.str("recordDecision.decision") != "FINALIST" || r.str("recordDecision.citation") != "Bra" {
		t.Errorf("recordDecision answers the lead juror %v, want FINALIST, Bra", r.Data)
	}
	inRanking := func(tok string) any {
		r := e.gql(tok, `query($c: ID!) { cycle(id: $c) { ranking { applications { applicationId decision } } } }`,
			map[string]any{"c": j.cycle.id})
		if r.get("cycle.ranking") == nil {
			return nil
		}
		for _, a := range r.get("cycle.ranking.applications").([]any) {
			if m := a.(map[string]any); m["applicationId"] == j.apps[0] {
				return m["decision"]
			}
		}
		return nil
	}
	onApplication := func(tok string) any {
		return e.gql(tok, `query($a: ID!) { application(id: $a) { decision } }`, map[string]any{"a": j.apps[0]}).get("application.decision")
	}
	for who, tok := range map[string]string{"the lead juror": j.tokens[0], "the assigned juror": j.tokens[1], "the applicant": j.applicant[0], "the admin": j.admin} {
		if a, b := fmt.Sprint(inRanking(tok)), fmt.Sprint(onApplication(tok)); who != "the applicant" && a != b {
			t.Errorf("%s sees %s in the ranking and %s on the application", who, a, b)
		}
	}
	if d := onApplication(j.applicant[0]); d != nil {
		t.Errorf("the applicant sees the decision %v before publication", d)
	}
	v := e.gql(j.applicant[0], `query($a: ID!) { application(id: $a) { version } }`, map[string]any{"a": j.apps[0]}).ok().num("application.version")
	r = e.gql(j.applicant[0], `mutation($a: ID!, $v: Int!) { withdrawApplication(id: $a, version: $v, reason: "R") { decision citation } }`,
		map[string]any{"a": j.apps[0], "v": v}).ok()
	if r.get("withdrawApplication.decision") != nil || r.get("withdrawApplication.citation") != nil {
		t.Errorf("withdrawing shows the applicant the decision: %v", r.Data)
	}
}

// TestListsAreCostedByTheirRows: an unpaginated list costs the rows it can
// really return, multiplied through nesting (municipalities × profile
// KPIs), and an answer larger than the limit is refused.
func TestListsAreCostedByTheirRows(t *testing.T) {
	e := newEnv(t)
	seedKPIs(t, e.dsn)
	db := e.rawSQL()
	if _, err := db.Exec(`INSERT INTO municipalities (code, name, type) SELECT lpad((2000 + n)::text, 4, '0'), 'Kommun ' || n, 'K'
		FROM generate_series(0, 289) n;
		INSERT INTO kpis (id, title, municipality_type, unit, direction)
		SELECT 'X' || lpad(n::text, 5, '0'), 'Nyckeltal ' || n, 'K', '', 'NEUTRAL' FROM generate_series(0, 59) n;
		INSERT INTO municipality_groups (id, title, kind) SELECT 'G' || n, 'Grupp ' || n, 'NETWORK' FROM generate_series(3, 12) n`); err != nil {
		t.Fatal(err)
	}
	h := e.with(graph.Options{}) // counts the rows anew
	profiles := `{ municipalities { code profile(year: 2022) { value rank of groupMean kpi { id title } } } }`
	if r := h.gql("", profiles, nil); r.code() != "QUERY_TOO_COMPLEX" {
		t.Errorf("every municipality's profile = %d %+v, want QUERY_TOO_COMPLEX", r.Status, r.Errors)
	}
	named := `{ municipalities { code profile(year: 2022, kpiIds: ["U33401", "U21468"]) { value kpi { id } } } }`
	h.gql("", named, nil).ok()
	members := `{ groups { id members } }`
	h.gql("", members, nil).ok()
	if r := h.gql("", aliased(30, "groups { members }"), nil); r.code() != "QUERY_TOO_COMPLEX" {
		t.Errorf("30 aliases of every group's members = %+v, want QUERY_TOO_COMPLEX (a list of scalars counts its items)", r.Errors)
	}
	small := e.with(graph.Options{MaxResponseBytes: 100})
	r := small.gql("", members, nil)
	if r.Status != 400 || r.code() != "QUERY_TOO_COMPLEX" {
		t.Errorf("an answer over the limit = %d %+v, want 400 QUERY_TOO_COMPLEX", r.Status, r.Errors)
	}
	small.gql("", `{ __typename }`, nil).ok()
}

// TestNeverHidesCellAggregatesFromJurors: under NEVER a juror who is not
// the lead sees no cell's n, mean, minimum or maximum (with two jurors on
// a cell they would give the other's score away), no disagreement figures
// and no other juror's severity; the lead juror and admins see them all.
func TestNeverHidesCellAggregatesFromJurors(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 1, 4, "NEVER") // juror 3 is conflicted
	j.scoredBy(0, 1, 40, 90)          // jurors 1 and 2; the lead scores nothing
	j.advance("CONSENSUS")
	const q = `query($c: ID!) { cycle(id: $c) { ranking { applications { raw { rank } cells { n mean min max value } }
		flags { range sd } jurors { jurorId mean offset } } } }`
	ranking := func(tok string) *result { return e.gql(tok, q, map[string]any{"c": j.cycle.id}).ok() }
	first := func(r *result) map[string]any {
		return r.get("cycle.ranking.applications").([]any)[0].(map[string]any)
	}
	juror := ranking(j.tokens[1])
	if cells := first(juror)["cells"].([]any); len(cells) != 0 {
		t.Errorf("a juror sees the cells under NEVER: %v", cells)
	}
	for _, f := range juror.get("cycle.ranking.flags").([]any) {
		if m := f.(map[string]any); m["range"] != nil || m["sd"] != nil {
			t.Errorf("a juror sees a flag's range and SD under NEVER: %v", m)
		}
	}
	for _, r := range juror.get("cycle.ranking.jurors").([]any) {
		if id := r.(map[string]any)["jurorId"]; id != j.jurors[1] {
			t.Errorf("a juror sees juror %v's severity under NEVER", id)
		}
	}
	if first(juror)["raw"].(map[string]any)["rank"] == nil {
		t.Error("a juror sees no rank under NEVER")
	}
	for who, tok := range map[string]string{"the lead juror": j.tokens[0], "the admin": j.admin} {
		r := ranking(tok)
		if cells := first(r)["cells"].([]any); len(cells) == 0 || cells[0].(map[string]any)["min"] != 40.0 {
			t.Errorf("%s sees cells %v, want them with min 40", who, cells)
		}
		if n := len(r.get("cycle.ranking.jurors").([]any)); n != 2 {
			t.Errorf("%s sees %d jurors' severity, want 2", who, n)
		}
	}
}

func TestNeverRankingPDFForAJuror(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 1, 4, "NEVER")
	j.scoredBy(0, 1, 40, 90) // jurors 1 and 2; the lead scores nothing
	j.advance("CONSENSUS")
	rec := e.get(j.tokens[1], "/reports/cycles/"+j.cycle.id+"/ranking.pdf")
	if rec.Code != 200 {
		t.Errorf("a juror's ranking PDF under NEVER = %d: %.300s", rec.Code, rec.Body)
	}
}

// TestChangesAfterSeeingOthersAreFlagged: under AFTER_OWN_SUBMISSION a
// juror sees the others' scores once they have submitted; a score they
// change after that is flagged in the ranking, on the score and in the
// audit log. Changes before are not.
func TestChangesAfterSeeingOthersAreFlagged(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 1, 4, "AFTER_OWN_SUBMISSION")
	j.assign(0, 1).ok()
	j.assign(0, 2).ok()
	j.advance("SCORING")
	k := j.cycle.criteria[0]
	e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[0], "k": k, "v": 10, "s": "Först"}).ok() // before: not flagged
	j.score(1, 0, 40)
	j.score(2, 0, 90)
	e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[0], "k": k, "v": 85, "s": "Efter"}).ok()
	r := e.gql(j.tokens[1], `query($a: ID!) { application(id: $a) { scores { jurorId criterionId revisedAfterSeeingAt } } }`,
		map[string]any{"a": j.apps[0]}).ok()
	for _, s := range r.get("application.scores").([]any) {
		m := s.(map[string]any)
		want := m["jurorId"] == j.jurors[1] && m["criterionId"] == k
		if got := m["revisedAfterSeeingAt"] != nil; got != want {
			t.Errorf("score %v: revisedAfterSeeingAt set %v, want %v", m, got, want)
		}
	}
	j.advance("CONSENSUS")
	r = e.gql(j.tokens[0], `query($c: ID!) { cycle(id: $c) { ranking { applications { cells { criterionId revisedAfterSeeing } } } } }`,
		map[string]any{"c": j.cycle.id}).ok()
	for _, c := range r.get("cycle.ranking.applications").([]any)[0].(map[string]any)["cells"].([]any) {
		m := c.(map[string]any)
		want := 0.0
		if m["criterionId"] == k {
			want = 1
		}
		if m["revisedAfterSeeing"] != want {
			t.Errorf("cell %v: revisedAfterSeeing = %v, want %v", m["criterionId"], m["revisedAfterSeeing"], want)
		}
	}
	r = e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 100) { nodes { action entityId } } } }`,
		map[string]any{"c": j.cycle.id}).ok()
	n := 0
	for _, a := range r.get("cycle.auditLog.nodes").([]any) {
		if a.(map[string]any)["action"] == "score.save.after_seeing" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the audit log has %d score.save.after_seeing entries, want 1", n)
	}
}

// TestScoresLockedAfterSeeingOthers: a cycle may lock score values once a
// juror could see the other jurors' (AFTER_OWN_SUBMISSION, after
// submitting): a change is SCORES_LOCKED, the same value and new comments
// are saved. Before submitting, changes are free.
func TestScoresLockedAfterSeeingOthers(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 1, 4, "AFTER_OWN_SUBMISSION")
	r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { updateCycle(id: $id, version: $v,
		input: {title: "Leanpriset", opensAt: "2026-01-01T00:00:00Z", closesAt: "2099-01-01T00:00:00Z",
			scoringClosesAt: "2099-06-01T00:00:00Z", scoreVisibility: AFTER_OWN_SUBMISSION, lockScoresAfterSeeing: true})
		{ version lockScoresAfterSeeing } }`, map[string]any{"id": j.cycle.id, "v": j.cycle.version}).ok()
	if r.get("updateCycle.lockScoresAfterSeeing") != true {
		t.Fatalf("updateCycle(lockScoresAfterSeeing: true) = %v", r.get("updateCycle"))
	}
	j.cycle.version = r.num("updateCycle.version")
	j.assign(0, 1).ok()
	j.assign(0, 2).ok()
	j.advance("SCORING")
	k := j.cycle.criteria[0]
	e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[0], "k": k, "v": 10, "s": "Först"}).ok() // before submitting: free
	j.score(1, 0, 40)
	j.score(2, 0, 90)
	e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[0], "k": k, "v": 85, "s": "Efter"}).wantCode("SCORES_LOCKED")
	e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[0], "k": k, "v": 40, "s": "Ny kommentar"}).ok()
	r = e.gql(j.tokens[1], `query($a: ID!) { application(id: $a) { scores { jurorId criterionId value strengths revisedAfterSeeingAt } } }`,
		map[string]any{"a": j.apps[0]}).ok()
	for _, s := range r.get("application.scores").([]any) {
		m := s.(map[string]any)
		if m["jurorId"] != j.jurors[1] || m["criterionId"] != k {
			continue
		}
		if m["value"] != 40.0 || m["strengths"] != "Ny kommentar" || m["revisedAfterSeeingAt"] != nil {
			t.Errorf("juror 1's locked score = %v, want value 40, the new comment, never revised", m)
		}
	}
}

// TestSwedishCommentsDoNotBreakTheDocument: a comment in Swedish, or with
// a "×", before a named operation is read as a comment. graphql-go's
// lexer alone refuses "query Mig" after it (graphql-go/graphql#699).
// An error after such a comment still points at its own line and column.
func TestSwedishCommentsDoNotBreakTheDocument(t *testing.T) {
	e := newEnv(t)
	a := e.admin()
	for _, q := range []string{
		"# Hämta mina uppgifter, 200 × 7 × 10\nquery Mig { me { name } }",
		"\uFEFFquery Mig { me { name } }",
		"query Mig { # Vem är jag?\n me { name } } # slut ×",
	} {
		if r := e.gql(a, q, nil).ok(); r.get("me.name") == nil {
			t.Errorf("%q answered %+v, want my name", q, r.Data)
		}
	}

	body, _ := json.Marshal(map[string]any{"query": "# Hämta ×\nquery Mig { me { namn } }"})
	rec := post(e.h, body)
	var r struct {
		Errors []struct {
			Message    string
			Locations  []struct{ Line, Column int }
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if rec.Code != 400 || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" ||
		!strings.Contains(r.Errors[0].Message, `"namn"`) ||
		len(r.Errors[0].Locations) != 1 || r.Errors[0].Locations[0].Line != 2 || r.Errors[0].Locations[0].Column != 18 {
		t.Errorf("an unknown field after a Swedish comment = %d %s, want 400 INVALID naming \"namn\" at 2:18", rec.Code, rec.Body)
	}
}
