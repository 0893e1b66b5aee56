package graph

import (
	"fmt"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// municipalityCheckType is the MunicipalityCheck type: an indicator's
// municipality against its organisation's.
func municipalityCheckType() *graphql.Object {
	return obj("MunicipalityCheck", "An indicator's municipality against the municipality its organisation names, "+
		"and whether an admin has verified that one.", graphql.Fields{
		"indicatorMunicipalityCode": {Type: nonNull(graphql.String), Description: "The municipality whose KPI series the indicator names."},
		"organisationMunicipalityCode": {Type: graphql.String,
			Description: "The municipality the organisation names; null when it names none."},
		"matches": {Type: nonNull(graphql.Boolean), Description: "Whether the two are the same municipality."},
		"organisationMunicipalityVerified": {Type: nonNull(graphql.Boolean),
			Description: "Whether an admin has verified the organisation's municipality."},
		"note": {Type: nonNull(graphql.String), Description: "The check in words, for the jury."},
	})
}

// municipalityCheckField is Indicator.municipalityCheck: for jurors and
// admins, null for others and for an indicator that names no
// municipality.
func (s *schema) municipalityCheckField() *graphql.Field {
	t := municipalityCheckType()
	return &graphql.Field{Type: t,
		Description: "Jurors and admins: whether the indicator's municipality is its organisation's, and whether that is verified.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			ind := p.Source.(*store.Indicator)
			a := store.ActorFrom(p.Context)
			if ind.MunicipalityCode == nil || a == nil || (a.Role != store.RoleJuror && !a.IsAdmin()) {
				return nil, nil
			}
			return municipalityCheckOut(ind), nil
		}}
}

// otherMunicipality says whether an indicator names a municipality other
// than its organisation's (or its organisation names none).
func otherMunicipality(ind *store.Indicator) bool {
	return ind.MunicipalityCode != nil && (ind.OrganisationMunicipality == nil || *ind.OrganisationMunicipality != *ind.MunicipalityCode)
}

func municipalityCheckOut(ind *store.Indicator) map[string]any {
	code, verified := *ind.MunicipalityCode, ind.OrganisationMunicipalityVerified
	var note string
	switch {
	case ind.OrganisationMunicipality == nil:
		note = fmt.Sprintf("the indicator names municipality %s; the organisation names none", code)
	case otherMunicipality(ind):
		note = fmt.Sprintf("the indicator names municipality %s, not the organisation's %s", code, *ind.OrganisationMunicipality)
	default:
		note = "the organisation's municipality"
	}
	if ind.OrganisationMunicipality != nil && !verified {
		note += fmt.Sprintf(" (%s not yet verified by an admin)", *ind.OrganisationMunicipality)
	}
	return map[string]any{"indicatorMunicipalityCode": code, "organisationMunicipalityCode": derefOrNil(ind.OrganisationMunicipality),
		"matches": !otherMunicipality(ind), "organisationMunicipalityVerified": verified, "note": note}
}
