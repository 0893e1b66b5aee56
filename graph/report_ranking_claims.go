package graph

import (
	"context"

	"github.com/leanforum/awards/reports/pdf"
	"github.com/leanforum/awards/store"
)

// rankingClaims checks every claimed result of the ranked applications
// that names an official KPI series against that series at the claimed
// years, for the ranking PDF, in the order of the applications and their
// indicators.
func rankingClaims(ctx context.Context, l *loaders, apps []store.RankedApplication) ([]pdf.Claim, error) {
	for _, a := range apps {
		l.indicatorsByApp.load(ctx, a.ID)
	}
	var claims []pdf.Claim
	for _, a := range apps {
		inds, err := l.indicatorsByApp.get(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		for _, ind := range inds {
			src, err := loadEvidence(ctx, l, ind)
			if err != nil {
				return nil, err
			}
			if src == nil {
				continue
			}
			e := checkEvidence(ind, src, defaultTolerance)
			claims = append(claims, pdf.Claim{Application: key(a.ID), Indicator: ind.Name, KPI: src.k.ID,
				Municipality: src.m.Name + " (" + src.m.Code + ")", Baseline: e.baseline, Current: e.current,
				OtherMunicipality: otherMunicipality(ind), Unverified: ind.OrganisationMunicipality != nil && !ind.OrganisationMunicipalityVerified})
		}
	}
	return claims, nil
}
