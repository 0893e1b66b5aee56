package store

import (
	"context"
	"fmt"
	"time"
)

// demoJurors are the demo jury of the jury-work cycle: the demo juror
// leads it; Per is affiliated with Umeå, so Umeå's application is a
// conflict for him without declaring.
var demoJurors = []struct {
	email, name, municipality string
	lead                      bool
}{
	{DemoJurorEmail, "Demo Jurymedlem (ordförande)", "", true},
	{"eva@demo.jury.se", "Eva Demo", "", false},
	{"per@demo.jury.se", "Per Demo", "2480", false},
	{"sara@demo.jury.se", "Sara Demo", "", false},
	{"omar@demo.jury.se", "Omar Demo", "", false},
}

// demoEntrants are the applications of the jury-work cycle with the score
// quality the demo gives them (percent).
var demoEntrants = []struct {
	name, code, title string
	quality           float64
}{
	{"Umeå kommun", "2480", "Ständiga förbättringar i äldreomsorgen", 70},
	{"Nacka kommun", "0182", "Kundval och kortare ledtider", 60},
	{"Haparanda stad", "2583", "Gränsöverskridande service", 55},
	{"Åre kommun", "2321", "Lean i bygglovsprocessen", 45},
	{"Botkyrka kommun", "0127", "Värdeflöden i försörjningsstödet", 65},
	{"Lomma kommun", "1262", "Förbättringstavlor i skolan", 40},
}

// juryCycle is a cycle in CONSENSUS with a jury, a conflict, submitted
// scores (one juror strict, two cells in clear disagreement) and an agreed
// score, so the ranking, reliability and consensus show in the demo.
func (d *demoSet) juryCycle(ctx context.Context) error {
	var awardID int64
	if err := d.tx.get(ctx, &awardID, `SELECT id FROM awards WHERE demo AND name = 'Svenska Leanpriset'`); err != nil {
		return err
	}
	now := d.db.Now().UTC().Truncate(time.Hour)
	cycle, err := createCycle(ctx, d.tx, CycleInput{AwardID: awardID, Year: 2025, Template: TemplateLeanPrize,
		CycleSettings: CycleSettings{Title: "Svenska Leanpriset 2025 (demo, juryarbete)",
			OpensAt: now.AddDate(-1, 0, 0), ClosesAt: now.AddDate(0, -6, 0), ScoringClosesAt: now.AddDate(0, 0, 30)}})
	if err != nil {
		return err
	}
	if _, err := d.tx.exec(ctx, `UPDATE cycles SET phase = 'CONSENSUS' WHERE id = $1`, cycle.ID); err != nil {
		return err
	}
	jurors, err := d.demoJury(ctx, cycle.ID)
	if err != nil {
		return err
	}
	apps, err := d.demoEntries(ctx, cycle)
	if err != nil {
		return err
	}
	if err := d.demoConflict(ctx, jurors[3], "Nacka kommun"); err != nil {
		return err
	}
	return d.demoScores(ctx, cycle.ID, apps, jurors)
}

func (d *demoSet) demoJury(ctx context.Context, cycleID int64) ([]int64, error) {
	var ids []int64
	for _, j := range demoJurors {
		u := d.users[j.email]
		if u == nil {
			var err error
			if u, err = d.db.insertUser(ctx, d.tx, NewUser{Email: j.email, Name: j.name, Password: DemoPassword,
				Role: RoleJuror, Demo: true}); err != nil {
				return nil, err
			}
		}
		var code *string
		if j.municipality != "" {
			code = &j.municipality
		}
		if _, err := d.tx.exec(ctx, `INSERT INTO jurors (cycle_id, user_id, lead, affiliation, municipality_code)
			VALUES ($1, $2, $3, 'Demo', $4)`, cycleID, u.ID, j.lead, code); err != nil {
			return nil, err
		}
		ids = append(ids, u.ID)
	}
	return ids, nil
}

// demoConflict has the juror declare a conflict with the named demo
// organisation, which must exist by then: a demo whose story names a
// relation that is not there is an error, not a quieter demo.
func (d *demoSet) demoConflict(ctx context.Context, juror int64, org string) error {
	n, err := d.tx.exec(ctx, `INSERT INTO conflicts (juror_id, organisation_id, reason, declared_by)
		SELECT $1, id, 'Tidigare konsult åt organisationen (demo)', $1 FROM organisations WHERE demo AND name = $2`,
		juror, org)
	if err == nil && n != 1 {
		err = fmt.Errorf("store: demo: a conflict with %q inserted %d rows, want 1", org, n)
	}
	return err
}

func (d *demoSet) demoEntries(ctx context.Context, cycle *Cycle) ([]int64, error) {
	var ids []int64
	for _, e := range demoEntrants {
		code := e.code
		o, err := insertOrganisation(ctx, d.tx, OrganisationInput{Name: e.name, Kind: "MUNICIPALITY", Sector: "PUBLIC",
			MunicipalityCode: &code, Demo: true})
		if err != nil {
			return nil, err
		}
		d.orgs[e.code] = o
		if err := d.insertApp(ctx, cycle, demoApp{org: e.code, title: e.title, status: StatusSubmitted,
			eligibility: "ELIGIBLE", summary: "Demoansökan för juryarbetet (demodata)."}); err != nil {
			return nil, err
		}
		var id int64
		if err := d.tx.get(ctx, &id, `SELECT id FROM applications WHERE cycle_id = $1 AND organisation_id = $2`,
			cycle.ID, o.ID); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
