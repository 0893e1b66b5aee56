package store

import (
	"context"
	"time"
)

// MunicipalityVerified says whether an admin has verified the
// organisation's municipality code (and it has not changed since).
func (o *Organisation) MunicipalityVerified() bool { return o.MunicipalityVerifiedAt != nil }

// VerifyOrganisationMunicipality records that an admin has checked the
// organisation's municipality code against who the organisation is
// (verified true), or withdraws that (false), if version is still
// current. Only admins may; an organisation without a municipality code
// has nothing to verify. The change is in the audit log of every cycle,
// not yet published, in which the organisation has an application, and
// in the log without a cycle.
func (db *DB) VerifyOrganisationMunicipality(ctx context.Context, id int64, version int, verified bool) (*Organisation, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() {
		return nil, Errorf(Forbidden, "only admins verify an organisation's municipality")
	}
	o := &Organisation{}
	err := db.inTx(ctx, func(tx conn) error {
		old := &Organisation{}
		err := tx.get(ctx, old, `SELECT * FROM organisations WHERE id = $1 AND version = $2 FOR UPDATE`, id, version)
		if isNoRows(err) {
			return db.staleOrMissing(ctx, "organisations", "organisation", id)
		}
		if err != nil {
			return err
		}
		if old.MunicipalityCode == nil && verified {
			return InvalidField("municipalityCode", "the organisation names no municipality to verify")
		}
		var at *time.Time
		var by *int64
		if verified {
			now := db.Now()
			at, by = &now, &a.UserID
		}
		if err := tx.get(ctx, o, `UPDATE organisations SET municipality_verified_at = $2, municipality_verified_by = $3,
				version = version + 1 WHERE id = $1 RETURNING *`, id, at, by); err != nil {
			return err
		}
		return db.auditOrganisation(ctx, tx, id, "organisation.verify_municipality", old, o)
	})
	return o, err
}

// auditOrganisation writes an organisation's change to the audit log of
// every unpublished cycle it has an application in, and to the log
// without a cycle.
func (db *DB) auditOrganisation(ctx context.Context, tx conn, id int64, action string, old, new *Organisation) error {
	var cycles []int64
	if err := tx.sel(ctx, &cycles, `SELECT DISTINCT a.cycle_id FROM applications a JOIN cycles c ON c.id = a.cycle_id
		WHERE a.organisation_id = $1 AND c.phase <> 'PUBLISHED' ORDER BY a.cycle_id`, id); err != nil {
		return err
	}
	for _, c := range append([]int64{0}, cycles...) {
		if err := db.audit(ctx, tx, c, action, "organisation", id, old, new); err != nil {
			return err
		}
	}
	return nil
}
