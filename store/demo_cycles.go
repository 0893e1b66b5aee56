package store

import (
	"context"
	"time"
)

const demoAwardDescription = "Lean Forum delar varje år ut Svenska Leanpriset till en organisation som " +
	"med lean nått mätbara resultat. 2012 gick priset för första gången till en offentlig verksamhet. (Demodata.)"

func (d *demoSet) award2012(ctx context.Context) error {
	award, err := d.db.createAward(ctx, d.tx, "Svenska Leanpriset", demoAwardDescription, true)
	if err != nil {
		return err
	}
	cycle, err := createCycle(ctx, d.tx, CycleInput{AwardID: award.ID, Year: 2012, Template: TemplateLeanPrize,
		CycleSettings: CycleSettings{Title: "Svenska Leanpriset 2012",
			OpensAt: time.Date(2012, 3, 1, 0, 0, 0, 0, time.UTC), ClosesAt: time.Date(2012, 5, 31, 22, 0, 0, 0, time.UTC),
			ScoringClosesAt: time.Date(2012, 9, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		return err
	}
	if _, err := d.tx.exec(ctx, `UPDATE cycles SET phase = 'PUBLISHED', historical = true WHERE id = $1`, cycle.ID); err != nil {
		return err
	}
	limit, kpi, malmo := 120.0, "U33401", "1280"
	apps := []demoApp{
		{org: "malmo", title: "Lean i socialtjänsten: kortare väntan för barn och familjer",
			summary: "Individ- och familjeomsorgen i Södra innerstaden har med lean kortat väntetider och utredningstider.",
			status:  StatusSubmitted, eligibility: "ELIGIBLE", decision: "WINNER",
			citation: "Första offentliga verksamheten att vinna Svenska Leanpriset: mätbart kortare väntan för familjer.",
			indicators: []IndicatorInput{
				{Name: "Väntetid till familjestöd", Unit: "dagar", Direction: "LOWER_IS_BETTER",
					BaselineValue: 19, BaselineOn: day("2010-01-01"), CurrentValue: 10, CurrentOn: day("2012-06-01"),
					Evidence: "Verksamhetens egen mätning (demodata)."},
				{Name: "Utredningstid barn och unga", Unit: "dagar", Direction: "LOWER_IS_BETTER",
					BaselineValue: 140, BaselineOn: day("2010-01-01"), CurrentValue: 105, CurrentOn: day("2012-06-01"),
					LegalLimit: &limit, KpiID: &kpi, MunicipalityCode: &malmo,
					Evidence: "Lagkrav fyra månader, cirka 120 dagar (demodata)."},
			}},
		{org: "delaval", title: "Lean i hela verksamheten", status: StatusSubmitted, eligibility: "ELIGIBLE",
			decision: "WINNER", citation: "Delad vinnare 2012.",
			summary: "Ständiga förbättringar från produktion till administration (demodata)."},
	}
	for _, a := range apps {
		if err := d.insertApp(ctx, cycle, a); err != nil {
			return err
		}
	}
	return d.auditHistorical(ctx, cycle.ID)
}

// auditHistorical writes the audit entries an admin would have left
// recording the historical cycle's results through the API: the cycle
// marked historical and each decision recorded without scores.
func (d *demoSet) auditHistorical(ctx context.Context, cycleID int64) error {
	err := d.db.audit(ctx, d.tx, cycleID, "cycle.historical", "cycle", cycleID, map[string]any{"historical": false},
		map[string]any{"historical": true, "reason": "Resultaten 2012 förs in från protokollet (demodata)."})
	if err != nil {
		return err
	}
	var apps []*Application
	if err := d.tx.sel(ctx, &apps, `SELECT * FROM applications WHERE cycle_id = $1 AND decision IS NOT NULL ORDER BY id`, cycleID); err != nil {
		return err
	}
	for _, a := range apps {
		if err := d.db.audit(ctx, d.tx, cycleID, "decision.record", "application", a.ID,
			map[string]any{"decision": nil, "citation": ""}, decisionState(a, &Cycle{Historical: true})); err != nil {
			return err
		}
	}
	return nil
}

// currentCycle is an open cycle that closes four months from now, so the
// demo always has one to apply to.
func (d *demoSet) currentCycle(ctx context.Context) error {
	var awardID int64
	if err := d.tx.get(ctx, &awardID, `SELECT id FROM awards WHERE demo AND name = 'Svenska Leanpriset'`); err != nil {
		return err
	}
	now := d.db.Now().UTC().Truncate(time.Hour)
	cycle, err := createCycle(ctx, d.tx, CycleInput{AwardID: awardID, Year: now.Year(), Template: TemplateLeanPrize,
		CycleSettings: CycleSettings{Title: "Svenska Leanpriset (demo, pågående)",
			OpensAt: now.Add(-30 * 24 * time.Hour), ClosesAt: now.Add(120 * 24 * time.Hour),
			ScoringClosesAt: now.Add(180 * 24 * time.Hour)}})
	if err != nil {
		return err
	}
	if _, err := d.tx.exec(ctx, `UPDATE cycles SET phase = 'OPEN' WHERE id = $1`, cycle.ID); err != nil {
		return err
	}
	apps := []demoApp{
		{org: "sodertalje", title: "Huset för fler i arbete", status: StatusSubmitted, eligibility: "ELIGIBLE",
			summary: "Södertälje samlar arbetsmarknad, vuxenutbildning och försörjningsstöd under ett tak och tar bort slöseri i välfärden (demodata)."},
		{org: "linkoping", title: "Flödeseffektivitet i hemtjänsten", status: StatusDraft, eligibility: "PENDING",
			summary: "Utkast (demodata)."},
		{org: "vara", title: "Lean i skolans administration", status: StatusWithdrawn, eligibility: "PENDING",
			summary: "Återkallad ansökan (demodata)."},
	}
	for _, a := range apps {
		if err := d.insertApp(ctx, cycle, a); err != nil {
			return err
		}
	}
	return nil
}
