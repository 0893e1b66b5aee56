package graph

import (
	"context"

	"github.com/leanforum/awards/store"
)

// loaders are one request's batches, one per kind of nested read.
type loaders struct {
	orgs               batch[int64, *store.Organisation]
	apps               batch[int64, *store.Application]
	juriesByUser       batch[int64, []*store.Cycle]
	assignmentsByUser  batch[int64, []*store.Assignment]
	orgsByUser         batch[int64, []*store.Organisation]
	members            batch[int64, []*store.User]
	awards             batch[int64, *store.Award]
	cycles             batch[int64, *store.Cycle]
	cyclesByAward      batch[int64, []*store.Cycle]
	criteriaByCycle    batch[int64, []*store.Criterion]
	answersByApp       batch[int64, []*store.Answer]
	indicatorsByApp    batch[int64, []*store.Indicator]
	resultsByCycle     batch[int64, []*store.Result]
	juryByCycle        batch[int64, []*store.Juror]
	assignmentsByCycle batch[int64, []*store.Assignment]
	candidatesByCycle  batch[int64, []*store.ConflictCandidate]
	scoresByApp        batch[int64, []*store.Score]
	consensusByApp     batch[int64, []*store.Consensus]
	criteria           batch[int64, *store.Criterion]
	versionsByReport   batch[int64, []*store.BenchmarkVersion]
	seriesByKPI        batch[string, []store.PanelValue]
	kpis               batch[string, *store.KPI]
	municipalities     batch[string, *store.Municipality]
	groupsByID         batch[string, *store.Group]
	profiles           batch[profileKey, []map[string]any]
	kpiValues          batch[valuesKey, []*store.KPIValue]
	snapshots          batch[store.VersionKey, []byte]
}

// newLoaders makes one request's loaders in one allocation: the batches
// inline, each fetching with a method of db (a method expression, which
// allocates nothing, where a method value allocates a closure).
func newLoaders(db *store.DB) *loaders {
	l := &loaders{}
	l.orgs.init(db, (*store.DB).FindOrganisationsByIDs)
	l.apps.init(db, (*store.DB).FindApplicationsByIDs)
	l.juriesByUser.init(db, (*store.DB).FindJuriesByUserIDs)
	l.assignmentsByUser.init(db, (*store.DB).FindAssignmentsByJurorIDs)
	l.orgsByUser.init(db, (*store.DB).FindOrganisationsByUserIDs)
	l.members.init(db, (*store.DB).FindMembersByOrganisationIDs)
	l.awards.init(db, (*store.DB).FindAwardsByIDs)
	l.cycles.init(db, (*store.DB).FindCyclesByIDs)
	l.cyclesByAward.init(db, (*store.DB).FindCyclesByAwardIDs)
	l.criteriaByCycle.init(db, (*store.DB).FindCriteriaByCycleIDs)
	l.answersByApp.init(db, (*store.DB).FindAnswersByApplicationIDs)
	l.indicatorsByApp.init(db, (*store.DB).FindIndicatorsByApplicationIDs)
	l.resultsByCycle.init(db, (*store.DB).FindResultsByCycleIDs)
	l.juryByCycle.init(db, (*store.DB).FindJurorsByCycleIDs)
	l.assignmentsByCycle.init(db, (*store.DB).FindAssignmentsByCycleIDs)
	l.candidatesByCycle.init(db, (*store.DB).FindConflictCandidatesByCycleIDs)
	l.scoresByApp.init(db, (*store.DB).FindScoresByApplicationIDs)
	l.consensusByApp.init(db, (*store.DB).FindConsensusByApplicationIDs)
	l.criteria.init(db, (*store.DB).FindCriteriaByIDs)
	l.versionsByReport.init(db, (*store.DB).FindBenchmarkVersions)
	l.seriesByKPI.init(db, (*store.DB).FindSeriesByKPI)
	l.kpis.init(db, (*store.DB).FindKPIsByIDs)
	l.municipalities.init(db, (*store.DB).FindMunicipalitiesByCodes)
	l.groupsByID.init(db, (*store.DB).FindGroupsByIDs)
	l.profiles.init(db, func(db *store.DB, ctx context.Context, keys []profileKey) (map[profileKey][]map[string]any, error) {
		return fetchProfiles(db)(ctx, keys)
	})
	l.kpiValues.init(db, func(db *store.DB, ctx context.Context, keys []valuesKey) (map[valuesKey][]*store.KPIValue, error) {
		return fetchKPIValues(db)(ctx, keys)
	})
	l.snapshots.init(db, (*store.DB).FindBenchmarkSnapshots)
	return l
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFrom returns the request's loaders.
func loadersFrom(ctx context.Context) *loaders {
	return ctx.Value(loadersKey{}).(*loaders)
}
