package store

import (
	"context"
	"time"
)

// The demo accounts; README.md shows them. Demo data are written by the
// project and marked demo = true.
const (
	DemoAdminEmail     = "admin@demo.leanpriset.se"
	DemoJurorEmail     = "juror@demo.leanpriset.se"
	DemoApplicantEmail = "anna@demo.sodertalje.se"
	DemoMalmoEmail     = "lena@demo.malmo.se"
	DemoPassword       = "demo-password-2012"
)

// demoLock serialises concurrent demo loads.
const demoLock = 7301201203

// SeedDemo loads the demo data set unless it is already there, and
// reports whether it loaded anything. It is safe to run again.
func (db *DB) SeedDemo(ctx context.Context) (bool, error) {
	loaded := false
	err := db.inTx(ctx, func(tx conn) error {
		if _, err := tx.exec(ctx, `SELECT pg_advisory_xact_lock($1)`, demoLock); err != nil {
			return err
		}
		var exists bool
		if err := tx.get(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM awards WHERE demo)`); err != nil || exists {
			return err
		}
		loaded = true
		return db.seedDemo(ctx, tx)
	})
	return loaded, err
}

type demoSet struct {
	db    *DB
	tx    conn
	users map[string]*User
	orgs  map[string]*Organisation
}

func (db *DB) seedDemo(ctx context.Context, tx conn) error {
	d := &demoSet{db: db, tx: tx, users: map[string]*User{}, orgs: map[string]*Organisation{}}
	steps := []func(context.Context) error{d.organisations, d.accounts, d.award2012, d.currentCycle, d.juryCycle, d.benchmark}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (d *demoSet) organisations(ctx context.Context) error {
	str := func(s string) *string { return &s }
	orgs := []struct {
		key string
		in  OrganisationInput
	}{
		{"malmo", OrganisationInput{Name: "Malmö stad, Individ- och familjeomsorgen Södra innerstaden", Kind: "DISTRICT", Sector: "PUBLIC",
			MunicipalityCode: str("1280"), OrgNumber: str("212000-1124")}},
		{"delaval", OrganisationInput{Name: "DeLaval", Kind: "COMPANY", Sector: "PRIVATE", MunicipalityCode: str("0127")}},
		{"sodertalje", OrganisationInput{Name: "Södertälje kommun", Kind: "MUNICIPALITY", Sector: "PUBLIC",
			MunicipalityCode: str("0181"), OrgNumber: str("212000-0142")}},
		{"linkoping", OrganisationInput{Name: "Linköpings kommun", Kind: "MUNICIPALITY", Sector: "PUBLIC",
			MunicipalityCode: str("0580")}},
		{"vara", OrganisationInput{Name: "Vara kommun", Kind: "MUNICIPALITY", Sector: "PUBLIC", MunicipalityCode: str("1470")}},
	}
	for _, org := range orgs {
		org.in.Demo = true
		o, err := insertOrganisation(ctx, d.tx, org.in)
		if err != nil {
			return err
		}
		d.orgs[org.key] = o
	}
	return nil
}

func (d *demoSet) accounts(ctx context.Context) error {
	users := []NewUser{
		{Email: DemoAdminEmail, Name: "Demo Admin (sekretariatet)", Role: RoleAdmin},
		{Email: DemoJurorEmail, Name: "Demo Jurymedlem", Role: RoleJuror},
		{Email: DemoApplicantEmail, Name: "Anna Demo, Södertälje", Role: RoleApplicant,
			OrganisationIDs: []int64{d.orgs["sodertalje"].ID}},
		{Email: DemoMalmoEmail, Name: "Lena Demo, Malmö", Role: RoleApplicant,
			OrganisationIDs: []int64{d.orgs["malmo"].ID}},
	}
	for _, nu := range users {
		nu.Password, nu.Demo = DemoPassword, true
		u, err := d.db.insertUser(ctx, d.tx, nu)
		if err != nil {
			return err
		}
		d.users[nu.Email] = u
	}
	return nil
}

// demoApp is an application the demo writes directly, in its final state.
type demoApp struct {
	org, title, summary, status, eligibility, decision, citation string
	indicators                                                   []IndicatorInput
}

func (d *demoSet) insertApp(ctx context.Context, cycle *Cycle, a demoApp) error {
	var id int64
	err := d.tx.get(ctx, &id, `INSERT INTO applications (cycle_id, organisation_id, title, summary, status,
			eligibility, decision, citation, submitted_at, withdrawn_at, created_by, demo)
		VALUES ($1, $2, $3, $4, $5, $6, nullif($7, ''), $8,
			CASE WHEN $5 <> 'DRAFT' THEN $9::timestamptz END, CASE WHEN $5 = 'WITHDRAWN' THEN $9::timestamptz END,
			$10, true) RETURNING id`,
		cycle.ID, d.orgs[a.org].ID, a.title, a.summary, a.status, a.eligibility, a.decision, a.citation,
		cycle.OpensAt.Add(30*24*time.Hour), d.users[DemoAdminEmail].ID)
	if err != nil {
		return err
	}
	if _, err := d.tx.exec(ctx, `INSERT INTO answers (application_id, criterion_id, text)
		SELECT $1, id, 'Demo-svar: ' || title FROM criteria WHERE cycle_id = $2`, id, cycle.ID); err != nil {
		return err
	}
	return replaceIndicators(ctx, d.tx, id, a.indicators)
}

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}
