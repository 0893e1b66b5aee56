package store

import (
	"context"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Indicator is a measured result an application claims, such as
// child-welfare investigation time 140 → 105 days against a limit of 120.
type Indicator struct {
	ID               int64     `db:"id"`
	ApplicationID    int64     `db:"application_id"`
	Position         int       `db:"position"`
	Name             string    `db:"name"`
	Unit             string    `db:"unit"`
	Direction        string    `db:"direction"`
	BaselineValue    float64   `db:"baseline_value"`
	BaselineOn       time.Time `db:"baseline_on"`
	CurrentValue     float64   `db:"current_value"`
	CurrentOn        time.Time `db:"current_on"`
	TargetValue      *float64  `db:"target_value"`
	LegalLimit       *float64  `db:"legal_limit"`
	KpiID            *string   `db:"kpi_id"`
	MunicipalityCode *string   `db:"municipality_code"`
	Evidence         string    `db:"evidence"`
	// OrganisationMunicipality and OrganisationMunicipalityVerified are
	// the application's organisation's municipality code and whether an
	// admin has verified it, as FindIndicatorsByApplicationIDs reads them.
	OrganisationMunicipality         *string `db:"organisation_municipality"`
	OrganisationMunicipalityVerified bool    `db:"organisation_municipality_verified"`
}

// IndicatorInput holds an indicator's fields.
type IndicatorInput struct {
	Name             string
	Unit             string
	Direction        string
	BaselineValue    float64
	BaselineOn       time.Time
	CurrentValue     float64
	CurrentOn        time.Time
	TargetValue      *float64
	LegalLimit       *float64
	KpiID            *string
	MunicipalityCode *string
	Evidence         string
}

// MaxIndicators is the most result indicators an application may have.
const MaxIndicators = 30

var koladaID = regexp.MustCompile(`^[A-Z][0-9]{5}$`)

func validateIndicators(ins []IndicatorInput) error {
	if len(ins) > MaxIndicators {
		return InvalidField("indicators", "at most %d indicators", MaxIndicators)
	}
	for i := range ins {
		if err := ins[i].validate(); err != nil {
			if e, ok := err.(*Error); ok {
				e.Index = &i
			}
			return err
		}
	}
	return nil
}

func (in *IndicatorInput) validate() error {
	in.Name = strings.TrimSpace(in.Name)
	if err := checkText("indicators.name", in.Name, 1, 200); err != nil {
		return err
	}
	if err := checkText("indicators.unit", in.Unit, 0, 50); err != nil {
		return err
	}
	if in.Direction != "LOWER_IS_BETTER" && in.Direction != "HIGHER_IS_BETTER" {
		return InvalidField("indicators.direction", "must be LOWER_IS_BETTER or HIGHER_IS_BETTER")
	}
	for _, v := range []*float64{&in.BaselineValue, &in.CurrentValue, in.TargetValue, in.LegalLimit} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return InvalidField("indicators", "values must be finite numbers")
		}
	}
	if in.CurrentOn.Before(in.BaselineOn) {
		return InvalidField("indicators.currentDate", "must not be before baselineDate")
	}
	if in.KpiID != nil && !koladaID.MatchString(*in.KpiID) {
		return InvalidField("indicators.kpiId", "must be a Kolada KPI id such as U33401")
	}
	if c := in.MunicipalityCode; c != nil && !municipalityCode.MatchString(*c) {
		return InvalidField("indicators.municipalityCode", "must be four digits, such as 1280")
	}
	return checkText("indicators.evidence", in.Evidence, 0, MaxAnswerLength)
}

// replaceIndicators replaces application id's indicators with ins.
func replaceIndicators(ctx context.Context, tx conn, id int64, ins []IndicatorInput) error {
	if _, err := tx.exec(ctx, `DELETE FROM indicators WHERE application_id = $1`, id); err != nil {
		return err
	}
	for i, in := range ins {
		_, err := tx.exec(ctx, `INSERT INTO indicators (application_id, position, name, unit, direction,
				baseline_value, baseline_on, current_value, current_on, target_value, legal_limit,
				kpi_id, municipality_code, evidence)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			id, i+1, in.Name, in.Unit, in.Direction, in.BaselineValue, in.BaselineOn, in.CurrentValue,
			in.CurrentOn, in.TargetValue, in.LegalLimit, in.KpiID, in.MunicipalityCode, in.Evidence)
		if err != nil {
			return err
		}
	}
	return nil
}

// FindIndicatorsByApplicationIDs returns, per visible application, its
// indicators in order.
func (db *DB) FindIndicatorsByApplicationIDs(ctx context.Context, ids []int64) (map[int64][]*Indicator, error) {
	act := ActorFrom(ctx)
	var rows []*Indicator
	err := db.conn().sel(ctx, &rows, `SELECT i.*, o.municipality_code AS organisation_municipality,
			o.municipality_verified_at IS NOT NULL AS organisation_municipality_verified
		FROM indicators i JOIN applications a ON a.id = i.application_id JOIN organisations o ON o.id = a.organisation_id
		WHERE i.application_id = ANY($4) AND `+applicationVisible+` ORDER BY i.application_id, i.position`,
		visibility(act, pq.Array(ids))...)
	out := make(map[int64][]*Indicator)
	for _, r := range rows {
		out[r.ApplicationID] = append(out[r.ApplicationID], r)
	}
	return out, err
}
