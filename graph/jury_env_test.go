package graph_test

import (
	"fmt"
	"testing"
)

// jury is a cycle with submitted, eligible applications, a jury and the
// cycle CLOSED, ready for assignment.
type jury struct {
	e         *env
	admin     string
	cycle     cycle
	apps      []string // application ids
	orgs      []string // their organisations
	applicant []string // their applicants' tokens
	jurors    []string // juror user ids
	tokens    []string // juror tokens; tokens[0] is the lead
}

const juryCode = "1280" // the municipality of apps[0]

// newJury makes n applications (the first in municipality 1280) and m
// jurors; the last juror is affiliated with municipality 1280.
func newJury(t testing.TB, e *env, n, m int, visibility string) *jury {
	t.Helper()
	j := &jury{e: e, admin: e.admin()}
	j.cycle = e.openCycle(j.admin, 2026)
	if visibility != "" {
		j.cycle.version = e.gql(j.admin, `mutation($id: ID!, $v: Int!, $vis: ScoreVisibility) { updateCycle(id: $id, version: $v,
			input: {title: "Leanpriset", opensAt: "2026-01-01T00:00:00Z", closesAt: "2099-01-01T00:00:00Z",
				scoringClosesAt: "2099-06-01T00:00:00Z", scoreVisibility: $vis}) { version } }`,
			map[string]any{"id": j.cycle.id, "v": j.cycle.version, "vis": visibility}).ok().num("updateCycle.version")
	}
	for i := 0; i < n; i++ {
		code := fmt.Sprintf("%04d", 1000+i)
		if i == 0 {
			code = juryCode
		}
		tok, org := e.signUpIn(fmt.Sprintf("applicant%d@example.se", i), fmt.Sprintf("Kommun %d", i), code)
		r := e.gql(tok, createApp, map[string]any{"c": j.cycle.id, "o": org, "t": fmt.Sprintf("Ansökan %d", i)}).ok()
		id := r.str("createApplication.id")
		v := e.gql(tok, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
			"in": map[string]any{"answers": answers(j.cycle, "Svar")}}).ok().num("updateApplication.version")
		v = e.gql(tok, submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")
		e.gql(j.admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: true) { id } }`,
			map[string]any{"id": id, "v": v}).ok()
		j.apps, j.orgs, j.applicant = append(j.apps, id), append(j.orgs, org), append(j.applicant, tok)
	}
	j.cycle.version = e.advance(j.admin, j.cycle.id, j.cycle.version, "CLOSED")
	for i := 0; i < m; i++ {
		email := fmt.Sprintf("juror%d@example.se", i)
		tok := e.juror(j.admin, email)
		uid := e.gql(tok, `{ me { id } }`, nil).ok().str("me.id")
		in := map[string]any{"userId": uid, "lead": i == 0, "affiliation": "Independent"}
		if i == m-1 {
			in["municipalityCode"] = juryCode
			in["affiliation"] = "Malmö stad"
		}
		e.gql(j.admin, `mutation($c: ID!, $in: JurorInput!) { addJuror(cycleId: $c, input: $in) { userId } }`,
			map[string]any{"c": j.cycle.id, "in": in}).ok()
		j.jurors, j.tokens = append(j.jurors, uid), append(j.tokens, tok)
	}
	return j
}

func (e *env) signUpIn(email, org, code string) (string, string) {
	e.t.Helper()
	r := e.gql("", `mutation($in: SignUpInput!) { signUp(input: $in) { token organisations { id } } }`,
		map[string]any{"in": map[string]any{"email": email, "name": "Applicant", "password": "applicant password",
			"organisation": map[string]any{"name": org, "kind": "MUNICIPALITY", "sector": "PUBLIC", "municipalityCode": code}}}).ok()
	return r.str("signUp.token"), fmt.Sprint(r.get("signUp.organisations").([]any)[0].(map[string]any)["id"])
}

func (j *jury) assign(app, juror int) *result {
	return j.e.gql(j.admin, `mutation($a: ID!, $j: ID!) { assignJuror(applicationId: $a, jurorId: $j) { jurorId } }`,
		map[string]any{"a": j.apps[app], "j": j.jurors[juror]})
}

func (j *jury) advance(to string) {
	j.cycle.version = j.e.advance(j.admin, j.cycle.id, j.cycle.version, to)
}

const saveScore = `mutation($a: ID!, $k: ID!, $v: Float, $s: String) {
	saveScore(input: {applicationId: $a, criterionId: $k, value: $v, strengths: $s, opportunities: "Mer mätning"}) { value } }`

// score has juror give every criterion of app the value v and submit.
// scoredBy assigns jurors first, first+1, … to app, opens scoring and
// has juror first+i score every criterion values[i] and submit.
func (j *jury) scoredBy(app, first int, values ...float64) {
	for i := range values {
		j.assign(app, first+i).ok()
	}
	j.advance("SCORING")
	for i, v := range values {
		j.score(first+i, app, v)
	}
}

func (j *jury) score(juror, app int, values ...float64) {
	for i, k := range j.cycle.criteria {
		j.e.gql(j.tokens[juror], saveScore, map[string]any{"a": j.apps[app], "k": k, "v": values[i%len(values)], "s": "Tydligt ledarskap"}).ok()
	}
	j.e.gql(j.tokens[juror], `mutation($a: ID!) { submitEvaluation(applicationId: $a) { submittedAt } }`,
		map[string]any{"a": j.apps[app]}).ok()
}

const rankingQuery = `query($c: ID!) { cycle(id: $c) { ranking {
	applications { applicationId title raw { rank total percent } zScore { rank rankChange } severity { rank rankChange }
		cells { criterionId n mean sd range flagged } }
	flags { applicationId criterionId byRange bySd hasConsensus }
	jurors { jurorId name n offset }
	reliability { cycle { icc { icc1 icc2 icc3 n k } iccNote alpha { level alpha units values } }
		criteria { code alpha { level alpha } } } } } }`
