package store

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Organisation is a municipality, district, region, agency or company
// that applies for awards.
type Organisation struct {
	ID               int64   `db:"id"`
	Name             string  `db:"name"`
	Kind             string  `db:"kind"`
	Sector           string  `db:"sector"`
	MunicipalityCode *string `db:"municipality_code"`
	OrgNumber        *string `db:"org_number"`
	Demo             bool    `db:"demo"`
	// MunicipalityVerifiedAt and MunicipalityVerifiedBy say when and by
	// which admin the municipality code was verified; nil until it is, and
	// again after the code changes.
	MunicipalityVerifiedAt *time.Time `db:"municipality_verified_at"`
	MunicipalityVerifiedBy *int64     `db:"municipality_verified_by"`
	Version                int        `db:"version"`
	CreatedAt              time.Time  `db:"created_at"`
}

// OrganisationInput holds an organisation's editable fields.
type OrganisationInput struct {
	Name             string
	Kind             string
	Sector           string
	MunicipalityCode *string
	OrgNumber        *string
	Demo             bool
}

var (
	organisationKinds = []string{"MUNICIPALITY", "DISTRICT", "REGION", "AGENCY", "COMPANY", "OTHER"}
	municipalityCode  = regexp.MustCompile(`^[0-9]{4}$`)
	orgNumber         = regexp.MustCompile(`^[0-9]{6}-?[0-9]{4}$`)
)

func (in *OrganisationInput) validate() error {
	in.Name = strings.TrimSpace(in.Name)
	if err := checkText("name", in.Name, 1, 200); err != nil {
		return err
	}
	if !contains(organisationKinds, in.Kind) {
		return InvalidField("kind", "must be one of %s", strings.Join(organisationKinds, ", "))
	}
	if in.Sector != "PUBLIC" && in.Sector != "PRIVATE" {
		return InvalidField("sector", "must be PUBLIC or PRIVATE")
	}
	if c := in.MunicipalityCode; c != nil && !municipalityCode.MatchString(*c) {
		return InvalidField("municipalityCode", "must be four digits, such as 1280")
	}
	if n := in.OrgNumber; n != nil && (!orgNumber.MatchString(*n) || !luhn(strings.ReplaceAll(*n, "-", ""))) {
		return InvalidField("orgNumber", "must be a Swedish organisation number, NNNNNN-NNNN with a valid check digit")
	}
	return nil
}

// luhn reports whether the digit string passes the Luhn check used by
// Swedish organisation numbers.
func luhn(digits string) bool {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// CreateOrganisation creates an organisation; only admins may (applicants
// get theirs through SignUp).
func (db *DB) CreateOrganisation(ctx context.Context, in OrganisationInput) (*Organisation, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() {
		return nil, Errorf(Forbidden, "only admins create organisations")
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	return createOnce(ctx, db, callerKey(a), "createOrganisation", func(tx conn) (*Organisation, error) {
		return insertOrganisation(ctx, tx, in)
	}, func(id int64) (*Organisation, error) {
		m, err := db.FindOrganisationsByIDs(ctx, []int64{id})
		return foundOr(m, err, "organisation", id)
	})
}

func insertOrganisation(ctx context.Context, c conn, in OrganisationInput) (*Organisation, error) {
	o := &Organisation{}
	err := c.get(ctx, o, `INSERT INTO organisations (name, kind, sector, municipality_code, org_number, demo)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
		in.Name, in.Kind, in.Sector, in.MunicipalityCode, in.OrgNumber, in.Demo)
	return o, err
}

// UpdateOrganisation changes an organisation the caller administers or
// belongs to, if version is still current.
func (db *DB) UpdateOrganisation(ctx context.Context, id int64, version int, in OrganisationInput) (*Organisation, error) {
	a := ActorFrom(ctx)
	if !a.IsAdmin() && !a.IsMember(id) {
		return nil, notFound("organisation", id)
	}
	if err := in.validate(); err != nil {
		return nil, err
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
		cycles, err := frozenBy(ctx, tx, old, in)
		if err != nil {
			return err
		}
		if len(cycles) > 0 && !a.IsAdmin() {
			return Errorf(WrongPhase, "the organisation has a submitted application under assessment: its name and municipality "+
				"are what the jury assesses and checks conflicts against, and stay as they are until the results are published (an admin can correct them)")
		}
		// A new municipality code is not verified, whoever sets it.
		if err := tx.get(ctx, o, `UPDATE organisations SET name = $2, kind = $3, sector = $4,
				municipality_code = $5, org_number = $6, version = version + 1,
				municipality_verified_at = CASE WHEN municipality_code IS DISTINCT FROM $5 THEN NULL ELSE municipality_verified_at END,
				municipality_verified_by = CASE WHEN municipality_code IS DISTINCT FROM $5 THEN NULL ELSE municipality_verified_by END
			WHERE id = $1 RETURNING *`,
			id, in.Name, in.Kind, in.Sector, in.MunicipalityCode, in.OrgNumber); err != nil {
			return err
		}
		for _, c := range cycles {
			if err := db.audit(ctx, tx, c, "organisation.update", "organisation", id, old, o); err != nil {
				return err
			}
		}
		return nil
	})
	return o, err
}

// frozenBy lists the cycles, not yet published, in which the organisation
// has a submitted application, when the change touches its name or
// municipality: those are what the jury assesses and what conflicts are
// checked against.
func frozenBy(ctx context.Context, tx conn, old *Organisation, in OrganisationInput) ([]int64, error) {
	if old.Name == in.Name && equalPtr(old.MunicipalityCode, in.MunicipalityCode) {
		return nil, nil
	}
	var cycles []int64
	err := tx.sel(ctx, &cycles, `SELECT DISTINCT a.cycle_id FROM applications a JOIN cycles c ON c.id = a.cycle_id
		WHERE a.organisation_id = $1 AND a.status = 'SUBMITTED' AND c.phase <> 'PUBLISHED' ORDER BY 1`, old.ID)
	return cycles, err
}

func equalPtr[T comparable](a, b *T) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// staleOrMissing explains why a versioned update matched no row.
func (db *DB) staleOrMissing(ctx context.Context, table, kind string, id int64) error {
	var exists bool
	if err := db.conn().get(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id = $1)`, id); err != nil {
		return err
	}
	if !exists {
		return notFound(kind, id)
	}
	return Errorf(Conflict, "%s %d was changed by someone else; reload it and try again", kind, id)
}

// orgVisible is the predicate for organisations the caller may see:
// admins all, members their own, jurors those whose applications they may
// see. $1–$3 are the visibility arguments.
const orgVisible = `($1 = 'ADMIN' OR o.id = ANY($2) OR ($1 = 'JUROR' AND EXISTS (
	SELECT 1 FROM applications a WHERE a.organisation_id = o.id AND ` + applicationVisible + `)))`

// orgMembersVisible is the predicate for seeing an organisation's members:
// admins and the members themselves. $1 is the role, $2 the caller's orgs.
const orgMembersVisible = `($1 = 'ADMIN' OR o.id = ANY($2))`

// FindOrganisationsByIDs returns the visible organisations among ids.
func (db *DB) FindOrganisationsByIDs(ctx context.Context, ids []int64) (map[int64]*Organisation, error) {
	a := ActorFrom(ctx)
	var orgs []*Organisation
	err := db.conn().sel(ctx, &orgs, `SELECT o.* FROM organisations o WHERE o.id = ANY($4) AND `+orgVisible,
		visibility(a, pq.Array(ids))...)
	out := make(map[int64]*Organisation, len(orgs))
	for _, o := range orgs {
		out[o.ID] = o
	}
	return out, err
}

// FindOrganisations lists the visible organisations.
func (db *DB) FindOrganisations(ctx context.Context, p Page) ([]*Organisation, bool, error) {
	a := ActorFrom(ctx)
	var orgs []*Organisation
	err := db.conn().sel(ctx, &orgs, `SELECT o.* FROM organisations o WHERE `+orgVisible+`
		AND o.id > $4 ORDER BY o.id LIMIT $5`, visibility(a, p.After, p.First+1)...)
	orgs, more := trimPage(orgs, p)
	return orgs, more, err
}

// CountOrganisations counts the visible organisations.
func (db *DB) CountOrganisations(ctx context.Context) (int, error) {
	a := ActorFrom(ctx)
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM organisations o WHERE `+orgVisible, visibility(a)...)
	return n, err
}
