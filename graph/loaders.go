package graph

import (
	"context"

	"github.com/leanforum/awards/store"
)

// loaders are one request's batches, one per kind of nested read.
type loaders struct {
	orgs               *batch[int64, *store.Organisation]
	apps               *batch[int64, *store.Application]
	juriesByUser       *batch[int64, []*store.Cycle]
	assignmentsByUser  *batch[int64, []*store.Assignment]
	orgsByUser         *batch[int64, []*store.Organisation]
	members            *batch[int64, []*store.User]
	awards             *batch[int64, *store.Award]
	cycles             *batch[int64, *store.Cycle]
	cyclesByAward      *batch[int64, []*store.Cycle]
	criteriaByCycle    *batch[int64, []*store.Criterion]
	answersByApp       *batch[int64, []*store.Answer]
	indicatorsByApp    *batch[int64, []*store.Indicator]
	resultsByCycle     *batch[int64, []*store.Result]
	juryByCycle        *batch[int64, []*store.Juror]
	assignmentsByCycle *batch[int64, []*store.Assignment]
	scoresByApp        *batch[int64, []*store.Score]
	consensusByApp     *batch[int64, []*store.Consensus]
	criteria           *batch[int64, *store.Criterion]
	versionsByReport   *batch[int64, []*store.BenchmarkVersion]
	seriesByKPI        *batch[string, []store.PanelValue]
	kpis               *batch[string, *store.KPI]
	municipalities     *batch[string, *store.Municipality]
	groupsByID         *batch[string, *store.Group]
	profiles           *batch[profileKey, []map[string]any]
	kpiValues          *batch[valuesKey, []*store.KPIValue]
	snapshots          *batch[store.VersionKey, []byte]
}

func newLoaders(db *store.DB) *loaders {
	return &loaders{
		orgs:               newBatch(db.FindOrganisationsByIDs),
		apps:               newBatch(db.FindApplicationsByIDs),
		juriesByUser:       newBatch(db.FindJuriesByUserIDs),
		assignmentsByUser:  newBatch(db.FindAssignmentsByJurorIDs),
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
		versionsByReport:   newBatch(db.FindBenchmarkVersions),
		seriesByKPI:        newBatch(db.FindSeriesByKPI),
		kpis:               newBatch(db.FindKPIsByIDs),
		municipalities:     newBatch(db.FindMunicipalitiesByCodes),
		groupsByID:         newBatch(db.FindGroupsByIDs),
		profiles:           newBatch(fetchProfiles(db)),
		kpiValues:          newBatch(fetchKPIValues(db)),
		snapshots:          newBatch(db.FindBenchmarkSnapshots),
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
