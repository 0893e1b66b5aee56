package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leanforum/awards/store"
)

// sentMail is a mail as the outbox query shows it.
type sentMail struct {
	Kind, To, Language, Subject, Text string
}

// mailsOf lists the outbox's mails of kind, oldest first, through the API.
func (e *env) mailsOf(admin, kind string) []sentMail {
	e.t.Helper()
	r := e.gql(admin, `{ outbox(first: 100) { nodes { kind to language subject text } } }`, nil).ok()
	var out []sentMail
	b, _ := json.Marshal(r.get("outbox.nodes"))
	var all []sentMail
	json.Unmarshal(b, &all)
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Kind == kind {
			out = append(out, all[i])
		}
	}
	return out
}

// recipients is "to/language" of each mail, sorted.
func recipients(ms []sentMail) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.To+"/"+m.Language)
	}
	slices.Sort(out)
	return out
}

func wantRecipients(t *testing.T, what string, ms []sentMail, want ...string) {
	t.Helper()
	slices.Sort(want)
	if got := recipients(ms); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s went to %v, want %v", what, got, want)
	}
}

// member invites an applicant to org in lang and returns their token.
func (e *env) member(admin, org, email, lang string) string {
	e.t.Helper()
	e.gql(admin, invite, map[string]any{"in": map[string]any{"email": email, "role": "APPLICANT", "organisationId": org, "language": lang}}).ok()
	return e.gql("", accept, map[string]any{"in": map[string]any{"token": *e.lastMail().Secret, "name": "Bo Ek",
		"password": "member password 12"}}).ok().str("acceptInvitation.token")
}

func TestApplicationMails(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	anna, org := e.signUp("anna@malmo.se", "Malmö stad")
	e.member(admin, org, "bo@malmo.se", "en")
	other, otherOrg := e.signUp("eva@lund.se", "Lunds kommun")

	draft := func(tok, org, title string) (string, int) {
		r := e.gql(tok, createApp, map[string]any{"c": c.id, "o": org, "t": title}).ok()
		id := r.str("createApplication.id")
		v := e.gql(tok, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
			"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")
		return id, v
	}
	id, v := draft(anna, org, "Kortare väntan på familjestöd")
	v = e.gql(anna, submitApp, map[string]any{"id": id, "v": v}).ok().num("submitApplication.version")

	t.Run("a receipt to every member, in their language", func(t *testing.T) {
		ms := e.mailsOf(admin, "APPLICATION_SUBMITTED")
		wantRecipients(t, "the receipt", ms, "anna@malmo.se/sv", "bo@malmo.se/en")
		for _, m := range ms {
			want := map[string]string{"sv": "Kvitto: ansökan ”Kortare väntan på familjestöd” är inskickad",
				"en": "Receipt: application “Kortare väntan på familjestöd” submitted"}[m.Language]
			if m.Subject != want || !strings.Contains(m.Text, "/applications/"+id) {
				t.Errorf("receipt to %s: %q\n%s", m.To, m.Subject, m.Text)
			}
		}
	})
	t.Run("screened not eligible, with the reason", func(t *testing.T) {
		e.gql(admin, `mutation($id: ID!, $v: Int!) { screenApplication(id: $id, version: $v, eligible: false, reason: "Resultaten är inte mätta") { id } }`,
			map[string]any{"id": id, "v": v}).ok()
		ms := e.mailsOf(admin, "APPLICATION_NOT_ELIGIBLE")
		wantRecipients(t, "the screening", ms, "anna@malmo.se/sv", "bo@malmo.se/en")
		for _, m := range ms {
			if !strings.Contains(m.Text, "Resultaten är inte mätta") {
				t.Errorf("no reason in:\n%s", m.Text)
			}
		}
	})
	t.Run("withdrawn, to that organisation only", func(t *testing.T) {
		oid, ov := draft(other, otherOrg, "Flöde i hemtjänsten")
		e.gql(other, `mutation($id: ID!, $v: Int!) { withdrawApplication(id: $id, version: $v, reason: "Vi söker nästa år") { id } }`,
			map[string]any{"id": oid, "v": ov}).ok()
		ms := e.mailsOf(admin, "APPLICATION_WITHDRAWN")
		wantRecipients(t, "the withdrawal", ms, "eva@lund.se/sv")
		if len(ms) == 1 && !strings.Contains(ms[0].Text, "Vi söker nästa år") {
			t.Errorf("no reason in:\n%s", ms[0].Text)
		}
		if n := len(e.mailsOf(admin, "APPLICATION_SUBMITTED")); n != 2 {
			t.Errorf("%d receipts, want the 2 of the submission", n)
		}
	})
	t.Run("reminders before the cycle closes, each once", func(t *testing.T) {
		kim, kimOrg := e.signUp("kim@uppsala.se", "Uppsala kommun")
		draft(kim, kimOrg, "Ständiga förbättringar")
		second := newEnvAt(t, e.dsn).db
		remind := func(at time.Time) {
			e.db.Now, second.Now = func() time.Time { return at }, func() time.Time { return at }
			var wg sync.WaitGroup
			for _, db := range []*store.DB{e.db, second, e.db, second} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := db.EnqueueReminders(context.Background()); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
		}
		defer func() { e.db.Now = time.Now }()
		remind(time.Now())
		remind(time.Now().Add(time.Hour))
		ms := e.mailsOf(admin, "DEADLINE_REMINDER")
		wantRecipients(t, "the 7-day reminder", ms, "kim@uppsala.se/sv")
		if len(ms) == 1 && (!strings.Contains(ms[0].Text, "Ständiga förbättringar") || strings.Contains(ms[0].Text, "Flöde")) {
			t.Errorf("the reminder lists the wrong drafts:\n%s", ms[0].Text)
		}
		remind(time.Now().Add(36 * time.Hour)) // 12 hours before the close
		remind(time.Now().Add(40 * time.Hour))
		wantRecipients(t, "the reminders", e.mailsOf(admin, "DEADLINE_REMINDER"), "kim@uppsala.se/sv", "kim@uppsala.se/sv")
		remind(time.Now().Add(50 * time.Hour)) // closed
		if n := len(e.mailsOf(admin, "DEADLINE_REMINDER")); n != 2 {
			t.Errorf("%d reminders, want 2", n)
		}
		// Sent and purged at once, a reminder is still not written again.
		e.db.Now = time.Now
		mails, err := e.db.ClaimMails(context.Background(), 100, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mails {
			if err := e.db.MarkMailSent(context.Background(), m); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(10 * time.Millisecond)
		if _, err := e.db.PurgeSentMails(context.Background(), time.Millisecond); err != nil {
			t.Fatal(err)
		}
		remind(time.Now().Add(37 * time.Hour))
		if n := len(e.mailsOf(admin, "DEADLINE_REMINDER")); n != 2 {
			t.Errorf("%d reminders after a purge, want the 2 kept", n)
		}
	})
}

// A mail is written in the transaction of its event: when the outbox
// refuses the row, the submission does not happen either.
func TestReceiptCommitsWithTheSubmission(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	c := e.openCycle(admin, 2026)
	anna, org := e.signUp("anna@malmo.se", "Malmö stad")
	r := e.gql(anna, createApp, map[string]any{"c": c.id, "o": org, "t": "Titel"}).ok()
	id := r.str("createApplication.id")
	v := e.gql(anna, updateApp, map[string]any{"id": id, "v": r.num("createApplication.version"),
		"in": map[string]any{"answers": answers(c, "Svar")}}).ok().num("updateApplication.version")
	sql := e.rawSQL()
	if _, err := sql.Exec(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$;
		CREATE TRIGGER refuse BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse()`); err != nil {
		t.Fatal(err)
	}
	e.logs.t = nil
	if r := e.gql(anna, submitApp, map[string]any{"id": id, "v": v}); len(r.Errors) == 0 {
		t.Fatal("the submission succeeded without its receipt")
	}
	if _, err := sql.Exec(`DROP TRIGGER refuse ON outbox`); err != nil {
		t.Fatal(err)
	}
	status := e.gql(anna, `query($id: ID!) { application(id: $id) { status } }`, map[string]any{"id": id}).ok().str("application.status")
	if status != "DRAFT" {
		t.Errorf("after the refused receipt the application is %s, want DRAFT", status)
	}
	e.gql(anna, submitApp, map[string]any{"id": id, "v": v}).ok()
	wantRecipients(t, "the receipt", e.mailsOf(admin, "APPLICATION_SUBMITTED"), "anna@malmo.se/sv")
}

func TestJuryMails(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 3, 3, "")
	conflicted := 2 // affiliated with the municipality of apps[0]
	r := e.gql(j.admin, `mutation($c: ID!) { autoAssign(cycleId: $c, jurorsPerApplication: 2) { applicationId jurorId } }`,
		map[string]any{"c": j.cycle.id}).ok()
	assigned := map[string][]string{} // juror id → application ids
	for _, a := range r.get("autoAssign").([]any) {
		a := a.(map[string]any)
		assigned[fmt.Sprint(a["jurorId"])] = append(assigned[fmt.Sprint(a["jurorId"])], fmt.Sprint(a["applicationId"]))
	}
	titles := map[string]string{}
	for i, id := range j.apps {
		titles[id] = fmt.Sprintf("Ansökan %d", i)
	}
	t.Run("one mail per juror for the batch, naming only their applications", func(t *testing.T) {
		ms := e.mailsOf(j.admin, "JUROR_ASSIGNED")
		byTo := map[string]sentMail{}
		for _, m := range ms {
			if _, dup := byTo[m.To]; dup {
				t.Errorf("%s got two mails for one batch", m.To)
			}
			byTo[m.To] = m
		}
		for i, uid := range j.jurors {
			m, ok := byTo[fmt.Sprintf("juror%d@example.se", i)]
			if ok != (len(assigned[uid]) > 0) {
				t.Errorf("juror %d: mailed %v, assigned %v", i, ok, assigned[uid])
				continue
			}
			for _, app := range j.apps {
				if slices.Contains(assigned[uid], app) != strings.Contains(m.Text, titles[app]) {
					t.Errorf("juror %d's mail names %s: %v, assigned: %v\n%s", i, titles[app], !slices.Contains(assigned[uid], app), slices.Contains(assigned[uid], app), m.Text)
				}
			}
		}
		if strings.Contains(byTo[fmt.Sprintf("juror%d@example.se", conflicted)].Text, titles[j.apps[0]]) {
			t.Error("the conflicted juror was mailed about the application")
		}
	})
	t.Run("a refused assignment mails nobody", func(t *testing.T) {
		before := len(e.mailsOf(j.admin, "JUROR_ASSIGNED"))
		if r := j.assign(0, conflicted); len(r.Errors) == 0 {
			t.Fatal("the conflicted juror was assigned")
		}
		if n := len(e.mailsOf(j.admin, "JUROR_ASSIGNED")); n != before {
			t.Errorf("%d assignment mails after the refusal, want %d", n, before)
		}
	})
	t.Run("scoring reminders to jurors with unsubmitted evaluations, once", func(t *testing.T) {
		j.advance("SCORING")
		done := j.jurors[0]
		for _, app := range assigned[done] {
			j.score(0, slices.Index(j.apps, app), 50)
		}
		for range 3 {
			if _, err := e.db.EnqueueReminders(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		var want []string
		for i, uid := range j.jurors {
			if uid != done && len(assigned[uid]) > 0 {
				want = append(want, fmt.Sprintf("juror%d@example.se/sv", i))
			}
		}
		ms := e.mailsOf(j.admin, "SCORING_REMINDER")
		wantRecipients(t, "the scoring reminder", ms, want...)
		for _, m := range ms {
			for _, title := range titles {
				if strings.Contains(m.Text, title) {
					t.Errorf("a scoring reminder names an application:\n%s", m.Text)
				}
			}
		}
	})
}

func TestResultsMail(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "") // juror 2 has a conflict with apps[0]
	e.member(j.admin, j.orgs[0], "bo@example.se", "en")
	j.scoredBy(0, 0, 60, 65)
	j.assign(1, 0).ok()
	j.assign(1, 2).ok()
	j.score(0, 1, 40)
	j.score(2, 1, 45)
	j.advance("CONSENSUS")
	for i, d := range []string{"WINNER", "NOT_SELECTED"} {
		e.gql(j.admin, `mutation($a: ID!, $d: Decision!) { recordDecision(applicationId: $a, decision: $d, citation: "För mätbara resultat") { decision } }`,
			map[string]any{"a": j.apps[i], "d": d}).ok()
	}
	j.advance("DECIDED")
	if n := len(e.mailsOf(j.admin, "RESULTS_PUBLISHED")); n != 0 {
		t.Fatalf("%d result mails before publication", n)
	}
	j.advance("PUBLISHED")
	ms := e.mailsOf(j.admin, "RESULTS_PUBLISHED")
	wantRecipients(t, "the results", ms, "applicant0@example.se/sv", "bo@example.se/en", "applicant1@example.se/sv")
	for _, m := range ms {
		app := j.apps[0]
		if m.To == "applicant1@example.se" {
			app = j.apps[1]
		}
		if !regexp.MustCompile(`/applications/` + app + `(\s|$)`).MatchString(m.Text) {
			t.Errorf("no link to the application's page in the mail to %s:\n%s", m.To, m.Text)
		}
		for _, secret := range []string{"WINNER", "NOT_SELECTED", "60", "Juror"} {
			if strings.Contains(m.Text, secret) || strings.Contains(m.Subject, secret) {
				t.Errorf("the mail to %s carries %q:\n%s", m.To, secret, m.Text)
			}
		}
	}
}
