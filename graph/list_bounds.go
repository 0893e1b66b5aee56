package graph

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/graphql-go/graphql/language/ast"

	"github.com/leanforum/awards/store"
)

// listBounds holds, by "Type.field", how many items an unpaginated list
// may return: the real count of the rows it lists (store.ListSizes, at
// least shortListSize), narrowed by its arguments where they are literals.
// A list field of the schema that is neither paginated nor here counts
// shortListSize items; TestEveryListIsBounded names each one, so that a
// new list is a decision.
var listBounds = map[string]func(f *ast.Field, n store.ListSizes) int{
	"Query.municipalities":            func(_ *ast.Field, n store.ListSizes) int { return n.Municipalities },
	"Query.groups":                    func(_ *ast.Field, n store.ListSizes) int { return n.Groups },
	"MunicipalityGroup.members":       func(_ *ast.Field, n store.ListSizes) int { return n.Municipalities },
	"Municipality.profile":            profileItems,
	"BenchmarkTable.rows":             func(_ *ast.Field, n store.ListSizes) int { return n.Municipalities },
	"CostModel.rows":                  func(_ *ast.Field, n store.ListSizes) int { return n.Municipalities },
	"Query.efficiency":                func(_ *ast.Field, n store.ListSizes) int { return n.Municipalities },
	"Efficiency.peers":                func(_ *ast.Field, n store.ListSizes) int { return n.Municipalities },
	"Query.similarMunicipalities":     similarItems,
	"BenchmarkReportContent.focus":    func(_ *ast.Field, n store.ListSizes) int { return n.ReportFocus },
	"BenchmarkReportContent.trends":   func(_ *ast.Field, n store.ListSizes) int { return n.ReportFocus * n.ReportKPIs },
	"BenchmarkReportContent.sections": func(_ *ast.Field, n store.ListSizes) int { return n.ReportSections },
	"BenchmarkReportContent.years":    func(_ *ast.Field, n store.ListSizes) int { return n.ReportYears },
	"BenchmarkReport.kpiIds":          func(_ *ast.Field, n store.ListSizes) int { return n.ReportKPIs },
	"BenchmarkReport.years":           func(_ *ast.Field, n store.ListSizes) int { return n.ReportYears },
	"BenchmarkReport.focus":           func(_ *ast.Field, n store.ListSizes) int { return n.ReportFocus },
	"BenchmarkReport.versions":        func(_ *ast.Field, n store.ListSizes) int { return n.VersionsPerReport },
	"Query.benchmarkReports":          func(f *ast.Field, n store.ListSizes) int { return min(firstArgument(f), n.Reports) },
	"Trend.series":                    func(*ast.Field, store.ListSizes) int { return seriesYears },
	"FocusTrend.series":               func(*ast.Field, store.ListSizes) int { return seriesYears },
	"Evidence.series":                 func(*ast.Field, store.ListSizes) int { return seriesYears },
	"KPI.values":                      func(f *ast.Field, _ store.ListSizes) int { return seriesItems(f) },
	"KPIPage.nodes":                   func(*ast.Field, store.ListSizes) int { return 1 }, // the page counts its first
	"Cycle.results":                   func(_ *ast.Field, n store.ListSizes) int { return n.ApplicationsPerCycle },
	"Cycle.assignments":               func(_ *ast.Field, n store.ListSizes) int { return n.AssignmentsPerCycle },
	"Cycle.conflicts":                 func(_ *ast.Field, n store.ListSizes) int { return n.ApplicationsPerCycle * n.JurorsPerCycle }, // a pair rarely has two reasons
	"User.assignments":                func(_ *ast.Field, n store.ListSizes) int { return n.AssignmentsPerJuror },
	"Cycle.conflictCandidates":        func(_ *ast.Field, n store.ListSizes) int { return n.ApplicationsPerCycle }, // one per applying organisation
	"Cycle.auditActors": func(_ *ast.Field, n store.ListSizes) int {
		return n.ApplicationsPerCycle + n.JurorsPerCycle + shortListSize
	}, // applicants, jurors and a few admins
	"Cycle.jury":               func(_ *ast.Field, n store.ListSizes) int { return n.JurorsPerCycle },
	"Cycle.criteria":           func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"Criterion.children":       func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"Application.answers":      func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"Application.consensus":    func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"Application.finalScores":  func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"FinalScore.strengths":     func(_ *ast.Field, n store.ListSizes) int { return n.JurorsPerCycle },
	"FinalScore.opportunities": func(_ *ast.Field, n store.ListSizes) int { return n.JurorsPerCycle },
	"Application.scores":       func(_ *ast.Field, n store.ListSizes) int { return n.JurorsPerCycle * n.CriteriaPerCycle },
	"Ranking.applications":     func(_ *ast.Field, n store.ListSizes) int { return n.ApplicationsPerCycle },
	"Ranking.flags":            func(_ *ast.Field, n store.ListSizes) int { return n.ApplicationsPerCycle * n.CriteriaPerCycle },
	"Ranking.jurors":           func(_ *ast.Field, n store.ListSizes) int { return n.JurorsPerCycle },
	"RankedApplication.cells":  func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"Reliability.criteria":     func(_ *ast.Field, n store.ListSizes) int { return n.CriteriaPerCycle },
	"Mutation.autoAssign":      func(_ *ast.Field, n store.ListSizes) int { return n.ApplicationsPerCycle * n.JurorsPerCycle },
}

// shortLists are the unpaginated lists that stay short whatever the data:
// a criterion's bands, an application's indicators, a user's
// organisations and an organisation's members, a juror's conflicts, the
// templates, the levels of a reliability measure, a cost model's
// coefficients and a DEA unit's targets (one per input or output), and
// the organisations a session shows, and the juries a user sits on. They count shortListSize items.
var shortLists = []string{"Criterion.bands", "Application.indicators", "User.organisations", "Organisation.members",
	"Session.organisations", "Query.conflicts", "Query.templates", "CriterionReliability.alpha",
	"ReliabilityMeasures.alpha", "CostModel.coefficients", "Efficiency.inputTargets", "Efficiency.outputTargets",
	"Consensus.participants", "Award.cycles", "User.juries"}

// profileItems is how many KPIs a profile may return: those named, or
// every KPI with a value up to maxProfileKPIs.
func profileItems(f *ast.Field, n store.ListSizes) int {
	if l, ok := argument(f, "kpiIds").(*ast.ListValue); ok {
		return min(len(l.Values), n.KPIs)
	}
	return min(maxProfileKPIs, n.KPIs)
}

// similarItems is the k a similarMunicipalities query asks for.
func similarItems(f *ast.Field, n store.ListSizes) int {
	if v, ok := argument(f, "k").(*ast.IntValue); ok {
		if k, err := strconv.Atoi(v.Value); err == nil && k >= 0 {
			return min(k, n.Municipalities)
		}
	}
	return n.Municipalities
}

// argument is the value of f's argument name, or nil.
func argument(f *ast.Field, name string) ast.Value {
	for _, a := range f.Arguments {
		if a.Name != nil && a.Name.Value == name {
			return a.Value
		}
	}
	return nil
}

// listSizesTTL is how long counted list sizes are used before they are
// counted again.
const listSizesTTL = time.Minute

// listSizes keeps the counted store.ListSizes and counts them again when they are older than
// listSizesTTL; onChange runs when they grew or shrank (the handler then
// forgets the documents it measured with the old ones).
type listSizes struct {
	db       *store.DB
	onChange func()
	mu       sync.Mutex
	sizes    store.ListSizes
	counted  time.Time
}

// get returns the current sizes. Should counting fail, the last ones stay
// (an error here is no reason to refuse the request; the response size
// limit still holds).
func (l *listSizes) get() store.ListSizes {
	if l == nil || l.db == nil { // a handler without a database, in tests
		return store.ListSizes{Municipalities: 1, KPIs: 1, Groups: 1, ApplicationsPerCycle: shortListSize,
			JurorsPerCycle: shortListSize, CriteriaPerCycle: shortListSize, AssignmentsPerCycle: shortListSize, Reports: 1,
			VersionsPerReport: 1, ReportKPIs: 1, ReportYears: 1, ReportSections: 1, ReportFocus: 1}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.counted) < listSizesTTL {
		return l.sizes
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := l.db.FindListSizes(ctx)
	if err != nil {
		return l.sizes
	}
	// The lists of a cycle count at least as many as a short list, as
	// they did before they were counted; the others at least one.
	for _, p := range []*int{&n.ApplicationsPerCycle, &n.JurorsPerCycle, &n.CriteriaPerCycle, &n.AssignmentsPerCycle} {
		*p = max(*p, shortListSize)
	}
	for _, p := range []*int{&n.Municipalities, &n.KPIs, &n.Groups, &n.Reports, &n.VersionsPerReport, &n.ReportKPIs,
		&n.ReportYears, &n.ReportSections, &n.ReportFocus} {
		*p = max(*p, 1)
	}
	changed := n != l.sizes
	l.sizes, l.counted = n, time.Now()
	if changed && l.onChange != nil {
		l.onChange()
	}
	return n
}
