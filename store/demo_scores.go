package store

import (
	"context"
	"math"
)

// demoScores gives each application three jurors free of conflicts, scores
// from its quality with each juror's severity (Sara is strict), two cells
// of open disagreement, submitted evaluations, and one agreed score.
func (d *demoSet) demoScores(ctx context.Context, cycleID int64, apps, jurors []int64) error {
	var crits []int64
	if err := d.tx.sel(ctx, &crits, `SELECT id FROM criteria WHERE cycle_id = $1 ORDER BY position`, cycleID); err != nil {
		return err
	}
	severity := []float64{0, 5, 0, -15, 5}
	for a, app := range apps {
		for n := 0; n < 3; n++ {
			j := (a + n) % len(jurors)
			if (a == 0 && j == 2) || (a == 1 && j == 3) { // Per and Umeå, Sara and Nacka: conflicts
				j = (a + 3) % len(jurors)
			}
			if _, err := d.tx.exec(ctx, `INSERT INTO assignments (application_id, juror_id, cycle_id, assigned_by, submitted_at)
				VALUES ($1, $2, $3, $4, now())`, app, jurors[j], cycleID, d.users[DemoAdminEmail].ID); err != nil {
				return err
			}
			for c, k := range crits {
				v := demoEntrants[a].quality + severity[j] + float64((a+j+c)%3-1)*5
				if a == 2 && c == 1 && n == 0 {
					v += 45 // an open disagreement on Haparanda's results
				}
				if _, err := d.tx.exec(ctx, `INSERT INTO scores (application_id, juror_id, criterion_id, value, strengths, opportunities)
					VALUES ($1, $2, $3, $4, 'Tydlig koppling mellan mål och mätetal (demo).', 'Sprid arbetssättet till fler enheter (demo).')`,
					app, jurors[j], k, math.Max(0, math.Min(100, 5*math.Round(v/5)))); err != nil {
					return err
				}
			}
		}
	}
	_, err := d.tx.exec(ctx, `INSERT INTO consensus (application_id, criterion_id, value, rationale, participants,
			strengths, opportunities, recorded_by)
		VALUES ($1, $2, 60, 'Juryn enades efter att ha gått igenom mätdata (demo).', $3,
			'Mätbara resultat över tid.', 'Visa effekterna för medborgarna tydligare.', $4)`,
		apps[2], crits[1], int64Array(jurors[:3]), jurors[0])
	return err
}
