package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
)

// GroupKind tells Kolada's kinds of municipality group apart, and those an
// admin defines.
type GroupKind string

// The group kinds.
const (
	KindKommungrupp GroupKind = "KOMMUNGRUPP" // SKR's municipality groups, G92786–G92794
	KindCounty      GroupKind = "COUNTY"      // the municipalities of a county, G33612–G33632
	KindSizeClass   GroupKind = "SIZE_CLASS"  // by population, G30823–G30831
	KindSimilar     GroupKind = "SIMILAR"     // "Liknande kommuner …", per area of activity
	KindNetwork     GroupKind = "NETWORK"     // any other Kolada group, such as a network
	KindCustom      GroupKind = "CUSTOM"      // defined by an admin (ids A1, A2, …)
)

// koladaGroupKind classifies a Kolada group by its id and title.
func koladaGroupKind(id, title string) GroupKind {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "G"))
	switch {
	case n >= 92786 && n <= 92794:
		return KindKommungrupp
	case n >= 33612 && n <= 33632:
		return KindCounty
	case n >= 30823 && n <= 30831:
		return KindSizeClass
	case strings.HasPrefix(title, "Liknande "):
		return KindSimilar
	}
	return KindNetwork
}

// Group is a group of municipalities. Kolada reports a group's value as the
// unweighted mean of its members'.
type Group struct {
	ID        string         `db:"id"`
	Title     string         `db:"title"`
	Kind      GroupKind      `db:"kind"`
	Members   pq.StringArray `db:"members"` // municipality codes, in order
	Demo      bool           `db:"demo"`
	UpdatedAt time.Time      `db:"updated_at"`
}

const groupSelect = `SELECT g.*, coalesce((SELECT array_agg(municipality_code ORDER BY municipality_code)
	FROM municipality_group_members WHERE group_id = g.id), '{}') AS members FROM municipality_groups g`

// GroupFilter selects groups: with the given ids, of a kind, having a
// member, or whose title contains Search; all when empty.
type GroupFilter struct {
	IDs    []string
	Kind   GroupKind
	Member string
	Search string
}

// FindGroups returns the groups f selects, ordered by kind and title.
// Reference data are public.
func (db *DB) FindGroups(ctx context.Context, f GroupFilter) ([]*Group, error) {
	var out []*Group
	err := db.conn().sel(ctx, &out, groupSelect+`
		WHERE (coalesce(cardinality($1::text[]), 0) = 0 OR g.id = ANY($1)) AND ($2 = '' OR g.kind = $2)
			AND ($3 = '' OR EXISTS (SELECT 1 FROM municipality_group_members x WHERE x.group_id = g.id AND x.municipality_code = $3))
			AND g.title ILIKE '%' || $4 || '%'
		ORDER BY g.kind, g.title, g.id`, pq.Array(f.IDs), f.Kind, f.Member, escapeLike(f.Search))
	return out, err
}

// FindGroupByID returns the group with id.
func (db *DB) FindGroupByID(ctx context.Context, id string) (*Group, error) {
	return findGroup(ctx, db.conn(), id)
}

func findGroup(ctx context.Context, c conn, id string) (*Group, error) {
	g := &Group{}
	err := c.get(ctx, g, groupSelect+` WHERE g.id = $1`, id)
	if isNoRows(err) {
		return nil, Errorf(NotFound, "group %s not found", id)
	}
	return g, err
}

// GroupInput is a group an admin defines: a title and the member
// municipalities' codes.
type GroupInput struct {
	Title   string
	Members []string
}

// MaxGroupMembers is the most municipalities a group may have.
const MaxGroupMembers = 400

func (in *GroupInput) validate() error {
	in.Title = strings.TrimSpace(in.Title)
	if err := checkText("title", in.Title, 1, 200); err != nil {
		return err
	}
	if len(in.Members) == 0 || len(in.Members) > MaxGroupMembers {
		return InvalidField("members", "name 1 to %d municipalities", MaxGroupMembers)
	}
	seen := map[string]bool{}
	for _, c := range in.Members {
		if !municipalityCode.MatchString(c) {
			return InvalidField("members", "%q is not a four-digit municipality code", c)
		}
		if seen[c] {
			return InvalidField("members", "%s appears twice", c)
		}
		seen[c] = true
	}
	return nil
}
