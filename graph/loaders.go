package graph

import (
	"context"

	"github.com/leanforum/awards/store"
)

// loaders are one request's batches, one per kind of nested read.
type loaders struct {
	orgs               *batch[*store.Organisation]
	orgsByUser         *batch[[]*store.Organisation]
	members            *batch[[]*store.User]
	awards             *batch[*store.Award]
	cycles             *batch[*store.Cycle]
	cyclesByAward      *batch[[]*store.Cycle]
	criteriaByCycle    *batch[[]*store.Criterion]
	answersByApp       *batch[[]*store.Answer]
	indicatorsByApp    *batch[[]*store.Indicator]
	resultsByCycle     *batch[[]*store.Result]
	juryByCycle        *batch[[]*store.Juror]
	assignmentsByCycle *batch[[]*store.Assignment]
	scoresByApp        *batch[[]*store.Score]
	consensusByApp     *batch[[]*store.Consensus]
	criteria           *batch[*store.Criterion]
}

func newLoaders(db *store.DB) *loaders {
	return &loaders{
		orgs:               newBatch(db.FindOrganisationsByIDs),
		orgsByUser:         newBatch(db.FindOrganisationsByUserIDs),
		members:            newBatch(db.FindMembersByOrganisationIDs),
		awards:             newBatch(db.FindAwardsByIDs),
		cycles:             newBatch(db.FindCyclesByIDs),
		cyclesByAward:      newBatch(db.FindCyclesByAwardIDs),
		criteriaByCycle:    newBatch(db.FindCriteriaByCycleIDs),
		answersByApp:       newBatch(db.FindAnswersByApplicationIDs),
		indicatorsByApp:    newBatch(db.FindIndicatorsByApplicationIDs),
		resultsByCycle:     newBatch(db.FindResultsByCycleIDs),
		juryByCycle:        newBatch(db.FindJurorsByCycleIDs),
		assignmentsByCycle: newBatch(db.FindAssignmentsByCycleIDs),
		scoresByApp:        newBatch(db.FindScoresByApplicationIDs),
		consensusByApp:     newBatch(db.FindConsensusByApplicationIDs),
		criteria:           newBatch(db.FindCriteriaByIDs),
	}
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFrom returns the request's loaders.
func loadersFrom(ctx context.Context) *loaders {
	return ctx.Value(loadersKey{}).(*loaders)
}
