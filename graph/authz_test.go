package graph_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// TestAuthorisationMatrix runs every cell of testdata/authz.csv (which
// explains its format) through the real handler.
func TestAuthorisationMatrix(t *testing.T) {
	roles, rows := readMatrix(t, "testdata/authz.csv")
	f := newAuthzFixture(t)
	for _, role := range roles {
		if _, ok := f.emails[role]; !ok {
			t.Fatalf("the fixture has no role %q; add it to authzFixture.emails", role)
		}
	}
	cells := 0
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			for i, role := range roles {
				cells++
				t.Run(role, func(t *testing.T) {
					c := f.cell(t)
					doc := c.expand(row.document)
					r := f.e.gql(c.token(role), doc, nil)
					if got, why := judge(r, row.probe); got != row.want[i] {
						t.Errorf("%s as %s: %s, want %s (%s)\n%s", row.name, role, got, row.want[i], why, doc)
					}
				})
			}
		})
	}
	if cells < 150 {
		t.Errorf("the matrix has %d cells, want at least 150", cells)
	}
}

// matrixRow is one line of the matrix: a case, what it probes, the
// expected outcome per role, and the document.
type matrixRow struct {
	name, probe, document string
	want                  []string
}

func readMatrix(t *testing.T, path string) (roles []string, rows []matrixRow) {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r := csv.NewReader(file)
	r.Comment, r.LazyQuotes = '#', true
	records, err := r.ReadAll()
	if err != nil || len(records) < 2 {
		t.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
		if h != "case" && h != "probe" && h != "document" {
			roles = append(roles, h)
		}
	}
	for _, rec := range records[1:] {
		row := matrixRow{name: rec[col["case"]], probe: rec[col["probe"]], document: rec[col["document"]]}
		for _, role := range roles {
			v := rec[col[role]]
			if v != "allow" && v != "deny" {
				t.Fatalf("%s: case %q, role %s: %q is neither allow nor deny", path, row.name, role, v)
			}
			row.want = append(row.want, v)
		}
		rows = append(rows, row)
	}
	return roles, rows
}

// judge says whether a result allowed the caller what the probe points at.
func judge(r *result, probe string) (outcome, why string) {
	v := probeValue(r.Data, probe)
	var codes []string
	for _, e := range r.Errors {
		codes = append(codes, fmt.Sprint(e.Extensions["code"]))
	}
	denials := 0
	for _, c := range codes {
		if c == "UNAUTHENTICATED" || c == "FORBIDDEN" || c == "NOT_FOUND" || c == "NOT_ASSIGNED" {
			denials++
		}
	}
	why = fmt.Sprintf("%s = %v, errors %v", probe, v, r.Errors)
	switch {
	case len(codes) == 0 && !empty(v):
		return "allow", why
	case empty(v) && denials == len(codes):
		return "deny", why
	}
	return "neither", why
}

// probeValue walks a dotted path through data; list indices are numbers.
func probeValue(data any, path string) any {
	v := data
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	case float64:
		return x == 0
	case bool:
		return !x
	}
	return false
}

const authzPassword = "a long enough password"

// authzFixture is the world the matrix runs in: the roles' accounts, the
// fixed objects that documents name, and a way to make fresh ones.
type authzFixture struct {
	t      *testing.T
	e      *env
	admin  context.Context // acts as an admin, to make things
	emails map[string]string
	fixed  map[string]string
	award  int64
	org    int64
	made   int
}

func newAuthzFixture(t *testing.T) *authzFixture {
	e := newEnvWith(t, graph.Options{LoginLimit: 1 << 30})
	seedKPIs(t, e.dsn)
	f := &authzFixture{t: t, e: e, fixed: map[string]string{}}
	ctx := context.Background()
	admin, err := e.db.CreateAdmin(ctx, "admin@example.se", "Admin", authzPassword)
	f.check(err)
	f.admin = store.WithActor(ctx, &store.Actor{UserID: admin.ID, Role: store.RoleAdmin})
	owner, org := f.signUp("owner@example.se", "Södertälje kommun")
	other, otherOrg := f.signUp("other@example.se", "Vara kommun")
	juror := f.user("juror@example.se", store.RoleJuror)
	f.emails = map[string]string{"anonymous": "", "owner": owner.Email, "other": other.Email, "juror": juror.Email, "admin": admin.Email}
	f.org = org.ID
	award, err := e.db.CreateAward(f.admin, "Svenska Leanpriset", "")
	f.check(err)
	f.award = award.ID
	cycle, published, decided := f.openCycle(), f.openCycle(), f.openCycle()
	// The decided cycle's application is of a third organisation the owner
	// is also a member of: a submitted application awaiting publication
	// freezes its organisation's name, and the matrix renames <org>.
	third, err := e.db.CreateOrganisation(f.admin, store.OrganisationInput{Name: "Lomma kommun", Kind: "MUNICIPALITY", Sector: "PUBLIC"})
	f.check(err)
	f.check(e.db.AddMember(f.admin, third.ID, owner.ID))
	pubApp, decidedApp := f.application(published, org.ID), f.application(decided, third.ID)
	f.decide(published, pubApp)
	f.decide(decided, decidedApp)
	f.advance(published, store.PhasePublished)
	f.advance(decided, store.PhaseDecided)
	hidden, err := e.db.CreateAward(f.admin, "Dolda priset", "")
	f.check(err)
	draft, err := e.db.CreateCycle(f.admin, storeCycleInput(hidden.ID, 2026))
	f.check(err)
	ids := map[string]int64{"adminUser": admin.ID, "ownerUser": owner.ID, "otherUser": other.ID, "jurorUser": juror.ID,
		"org": org.ID, "otherOrg": otherOrg.ID, "award": f.award, "draftAward": hidden.ID,
		"cycle": cycle.ID, "publishedCycle": published.ID, "decidedCycle": decided.ID, "draftCycle": draft.ID,
		"app": f.application(cycle, org.ID).ID, "otherApp": f.application(cycle, otherOrg.ID).ID,
		"pubApp": pubApp.ID, "decidedApp": decidedApp.ID}
	for k, id := range ids {
		f.fixed[k] = fmt.Sprint(id)
	}
	f.fixed["ownerEmail"] = owner.Email
	return f
}

func (f *authzFixture) check(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// next is a number no other fresh thing has had.
func (f *authzFixture) next() int { f.made++; return f.made }

func (f *authzFixture) signUp(email, org string) (*store.User, *store.Organisation) {
	u, o, err := f.e.db.SignUp(context.Background(), store.NewUser{Email: email, Name: "Applicant", Password: authzPassword},
		store.OrganisationInput{Name: org, Kind: "MUNICIPALITY", Sector: "PUBLIC"})
	f.check(err)
	return u, o
}

func (f *authzFixture) user(email string, role store.Role, orgs ...int64) *store.User {
	u, err := f.e.db.CreateUser(f.admin, store.NewUser{Email: email, Name: "User", Password: authzPassword, Role: role,
		OrganisationIDs: orgs}, nil)
	f.check(err)
	return u
}

// openCycle makes an open LEAN_PRIZE cycle of the award.
func (f *authzFixture) openCycle() *store.Cycle {
	c, err := f.e.db.CreateCycle(f.admin, storeCycleInput(f.award, 2100+f.next()))
	f.check(err)
	c, err = f.e.db.AdvanceCycle(f.admin, c.ID, c.Version, store.PhaseOpen, store.PhaseChecks{})
	f.check(err)
	return c
}

// advance moves a cycle on, phase by phase, to phase.
func (f *authzFixture) advance(c *store.Cycle, to store.Phase) {
	for c.Phase != to {
		next, err := f.e.db.AdvanceCycle(f.admin, c.ID, c.Version, store.Phases[c.Phase.Index()+1], store.PhaseChecks{})
		f.check(err)
		*c = *next
	}
}

// application makes a draft of org in the open cycle c, with every answer
// and an indicator.
func (f *authzFixture) application(c *store.Cycle, org int64) *store.Application {
	a, err := f.e.db.CreateApplication(f.admin, store.NewApplication{CycleID: c.ID, OrganisationID: org, Title: "Ansökan"})
	f.check(err)
	criteria, err := f.e.db.FindCriteriaByCycleIDs(f.admin, []int64{c.ID})
	f.check(err)
	upd := store.ApplicationUpdate{Indicators: &[]store.IndicatorInput{{Name: "Väntetid", Direction: "LOWER_IS_BETTER",
		BaselineValue: 19, BaselineOn: time.Now(), CurrentValue: 10, CurrentOn: time.Now()}}}
	for _, k := range criteria[c.ID] {
		upd.Answers = append(upd.Answers, store.AnswerInput{CriterionID: k.ID, Text: "Svar"})
	}
	a, err = f.e.db.UpdateApplication(f.admin, a.ID, a.Version, upd)
	f.check(err)
	return a
}

// decide submits and screens the draft a of the open cycle c and makes
// it the winner, in a cycle marked historical so that the foundation's
// matrix needs no jury; c is left in CONSENSUS. The jury's matrix
// (authz_jury_test.go) decides on scores.
func (f *authzFixture) decide(c *store.Cycle, a *store.Application) {
	a, err := f.e.db.SubmitApplication(f.admin, a.ID, a.Version)
	f.check(err)
	_, err = f.e.db.ScreenApplication(f.admin, a.ID, a.Version, true, "")
	f.check(err)
	hist, err := f.e.db.MarkCycleHistorical(f.admin, c.ID, c.Version, true, "Förs in från protokollet")
	f.check(err)
	*c = *hist
	f.advance(c, store.PhaseConsensus)
	_, err = f.e.db.RecordDecision(f.admin, store.DecisionInput{ApplicationID: a.ID, Decision: "WINNER", Citation: "För ett hus för fler"})
	f.check(err)
}

func storeCycleInput(award int64, year int) store.CycleInput {
	now := time.Now().UTC()
	return store.CycleInput{AwardID: award, Year: year, Template: store.TemplateLeanPrize, CycleSettings: store.CycleSettings{
		Title: fmt.Sprint("Leanpriset ", year), OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(48 * time.Hour),
		ScoringClosesAt: now.Add(96 * time.Hour)}}
}

// authzCell is one cell's view of the fixture: its placeholders' values.
type authzCell struct {
	f    *authzFixture
	t    *testing.T
	vals map[string]string
}

func (f *authzFixture) cell(t *testing.T) *authzCell {
	return &authzCell{f: f, t: t, vals: map[string]string{}}
}

// token logs role in afresh ("" for anonymous), so that a cell that logs
// out spoils no other.
func (c *authzCell) token(role string) string {
	email := c.f.emails[role]
	if email == "" {
		return ""
	}
	s, err := c.f.e.db.Login(context.Background(), email, authzPassword)
	c.f.check(err)
	return s.Token
}

var placeholder = regexp.MustCompile(`<(\w+)>`)

// expand fills in a document's placeholders.
func (c *authzCell) expand(doc string) string {
	return placeholder.ReplaceAllStringFunc(doc, func(p string) string {
		name := p[1 : len(p)-1]
		if v, ok := c.f.fixed[name]; ok {
			return v
		}
		if _, ok := c.vals[name]; !ok {
			c.fresh(name)
		}
		return c.vals[name]
	})
}

// fresh makes what a fresh placeholder names, for this cell only.
func (c *authzCell) fresh(name string) {
	f, db := c.f, c.f.e.db
	set := func(id int64, version int) {
		base := strings.TrimSuffix(name, "Version")
		c.vals[base], c.vals[base+"Version"] = fmt.Sprint(id), fmt.Sprint(version)
	}
	switch name {
	case "unique":
		c.vals[name] = fmt.Sprintf("u%d", f.next())
	case "year":
		c.vals[name] = fmt.Sprint(2100 + f.next())
	case "freshCycle", "freshCycleVersion":
		cy := f.openCycle()
		set(cy.ID, cy.Version)
	case "freshApp", "freshAppVersion":
		a := f.application(f.openCycle(), f.org)
		set(a.ID, a.Version)
	case "submittedApp", "submittedAppVersion":
		a := f.application(f.openCycle(), f.org)
		a, err := db.SubmitApplication(f.admin, a.ID, a.Version)
		f.check(err)
		set(a.ID, a.Version)
	case "withdrawnApp", "withdrawnAppVersion":
		a := f.application(f.openCycle(), f.org)
		a, err := db.WithdrawApplication(f.admin, a.ID, a.Version, "Omorganisation")
		f.check(err)
		set(a.ID, a.Version)
	case "consensusCycle", "consensusCycleVersion":
		cy := f.openCycle()
		f.advance(cy, store.PhaseConsensus)
		set(cy.ID, cy.Version)
	case "freshCriterion":
		cy := f.openCycle()
		criteria, err := db.FindCriteriaByCycleIDs(f.admin, []int64{cy.ID})
		f.check(err)
		c.vals[name] = fmt.Sprint(criteria[cy.ID][0].ID)
	case "freshMail":
		f.check(db.RequestPasswordReset(context.Background(), f.fixed["ownerEmail"]))
		mails, _, err := db.FindMails(f.admin, store.MailFilter{}, store.Page{First: 1})
		f.check(err)
		c.vals[name] = fmt.Sprint(mails[0].ID)
	case "freshApplicant":
		c.vals[name] = fmt.Sprint(f.user(fmt.Sprintf("applicant%d@example.se", f.next()), store.RoleApplicant).ID)
	case "member":
		c.vals[name] = fmt.Sprint(f.user(fmt.Sprintf("member%d@example.se", f.next()), store.RoleApplicant, f.org).ID)
	case "freshReport", "freshReportVersion":
		r := f.e.gql(c.token("admin"), `mutation { createBenchmarkReport(input: {title: "R" kpiIds: ["U33401"] years: [2021]}) { id version } }`, nil).ok()
		c.vals["freshReport"], c.vals["freshReportVersion"] = r.str("createBenchmarkReport.id"), fmt.Sprint(r.num("createBenchmarkReport.version"))
	case "orgVersion", "otherOrgVersion":
		id, _ := strconv.ParseInt(f.fixed[strings.TrimSuffix(name, "Version")], 10, 64)
		orgs, err := db.FindOrganisationsByIDs(f.admin, []int64{id})
		f.check(err)
		c.vals[name] = fmt.Sprint(orgs[id].Version)
	default:
		c.t.Fatalf("unknown placeholder <%s>", name)
	}
}
