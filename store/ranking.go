package store

import "context"

// RankingData is what a cycle's ranking is computed from: the submitted
// applications the caller may see, the values of submitted evaluations by
// jurors who have not recused, and the agreed scores.
type RankingData struct {
	Applications []RankedApplication
}

// RankedApplication is one application with its scores as parallel
// arrays (juror, criterion, value) and its agreed scores.
type RankedApplication struct {
	ID               int64    `db:"id"`
	Title            string   `db:"title"`
	OrganisationName string   `db:"organisation_name"`
	Decision         *string  `db:"decision"`
	Jurors           Int64s   `db:"jurors"`
	Criteria         Int64s   `db:"criteria"`
	Values           Float64s `db:"vals"`
	ConsensusFor     Int64s   `db:"consensus_criteria"`
	ConsensusValues  Float64s `db:"consensus_values"`
	// Revised is, parallel to Values, whether the juror changed the score
	// after they could see the others' (Score.RevisedAfterSeeingAt).
	Revised Bools `db:"revised"`
}

// rankingQuery reads a cycle's ranking data in one statement. The first
// column says whether the caller may see the ranking at all: admins and
// lead jurors always, the other jurors of the cycle from CONSENSUS on. A
// juror's applications exclude those they have a conflict with, so no
// aggregate includes them. The scores of the cycle's submitted, unrecused
// evaluations are read in one pass from its assignments; each
// application's arrays are built by aggregates over the same rows in the
// same pass, so they line up element by element.
// $1 role, $2 caller id, $3 cycle.
const rankingQuery = `WITH me AS (SELECT lead FROM jurors WHERE cycle_id = $3 AND user_id = $2),
ok AS (SELECT ($1 = 'ADMIN' OR EXISTS (SELECT 1 FROM me WHERE lead) OR ($1 = 'JUROR' AND EXISTS (SELECT 1 FROM me)
		AND c.phase IN ('CONSENSUS', 'DECIDED', 'PUBLISHED'))) AS allowed FROM cycles c WHERE c.id = $3),
sc AS (SELECT s.application_id, array_agg(s.juror_id) AS jurors, array_agg(s.criterion_id) AS criteria,
		array_agg(s.value) AS vals, array_agg(s.revised_after_seeing_at IS NOT NULL) AS revised
	FROM assignments g JOIN scores s ON s.application_id = g.application_id AND s.juror_id = g.juror_id
	WHERE g.cycle_id = $3 AND g.recused_at IS NULL AND g.submitted_at IS NOT NULL AND s.value IS NOT NULL
		AND (SELECT allowed FROM ok)
	GROUP BY s.application_id),
cs AS (SELECT c.application_id, array_agg(c.criterion_id) AS criteria, array_agg(c.value) AS vals
	FROM consensus c JOIN applications x ON x.id = c.application_id WHERE x.cycle_id = $3 GROUP BY c.application_id)
SELECT ok.allowed, a.id, a.title, o.name AS organisation_name, a.decision,
	coalesce(sc.jurors, '{}') AS jurors, coalesce(sc.criteria, '{}') AS criteria, coalesce(sc.vals, '{}') AS vals, coalesce(sc.revised, '{}') AS revised,
	coalesce(cs.criteria, '{}') AS consensus_criteria, coalesce(cs.vals, '{}') AS consensus_values
FROM ok LEFT JOIN (applications a JOIN organisations o ON o.id = a.organisation_id)
	ON ok.allowed AND a.cycle_id = $3 AND a.status = 'SUBMITTED' AND a.eligibility <> 'NOT_ELIGIBLE'
		AND ($1 <> 'JUROR' OR NOT conflicted($2, a.id))
LEFT JOIN sc ON sc.application_id = a.id LEFT JOIN cs ON cs.application_id = a.id
ORDER BY a.id`

// FindRankingData reads what cycle's ranking is computed from, for the
// caller.
func (db *DB) FindRankingData(ctx context.Context, cycleID int64) (*RankingData, error) {
	a := ActorFrom(ctx)
	var rows []struct {
		Allowed          bool     `db:"allowed"`
		ID               *int64   `db:"id"`
		Title            *string  `db:"title"`
		OrganisationName *string  `db:"organisation_name"`
		Decision         *string  `db:"decision"`
		Jurors           Int64s   `db:"jurors"`
		Criteria         Int64s   `db:"criteria"`
		Values           Float64s `db:"vals"`
		Revised          Bools    `db:"revised"`
		ConsensusFor     Int64s   `db:"consensus_criteria"`
		ConsensusValues  Float64s `db:"consensus_values"`
	}
	if err := db.conn().sel(ctx, &rows, rankingQuery, a.role(), actorID(a), cycleID); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, notFound("cycle", cycleID)
	}
	if !rows[0].Allowed {
		return nil, Errorf(Forbidden, "the ranking of cycle %d is for admins, lead jurors, and the jury from CONSENSUS on", cycleID)
	}
	d := &RankingData{}
	for _, r := range rows {
		if r.ID == nil {
			continue
		}
		d.Applications = append(d.Applications, RankedApplication{ID: *r.ID, Title: *r.Title,
			OrganisationName: *r.OrganisationName, Decision: r.Decision, Jurors: r.Jurors, Criteria: r.Criteria,
			Values: r.Values, Revised: r.Revised, ConsensusFor: r.ConsensusFor, ConsensusValues: r.ConsensusValues})
	}
	return d, nil
}
