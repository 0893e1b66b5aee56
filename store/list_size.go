package store

import "context"

// ListSizes are how many rows the API's unpaginated lists can return
// now: the reference data's whole lists, and the longest list of its kind
// per cycle. The cost model multiplies them through a query's nesting.
type ListSizes struct {
	Municipalities       int `db:"municipalities"`
	KPIs                 int `db:"kpis"`
	Groups               int `db:"groups"`
	ApplicationsPerCycle int `db:"applications_per_cycle"`
	JurorsPerCycle       int `db:"jurors_per_cycle"`
	CriteriaPerCycle     int `db:"criteria_per_cycle"`
	AssignmentsPerCycle  int `db:"assignments_per_cycle"`
	// AssignmentsPerJuror is the most assignments of one juror, over
	// every cycle.
	AssignmentsPerJuror int `db:"assignments_per_juror"`
	// Benchmark reports: how many, their most versions, and the most
	// KPIs, years, KPI × year sections and focus municipalities of any.
	Reports           int `db:"reports"`
	VersionsPerReport int `db:"versions_per_report"`
	ReportKPIs        int `db:"report_kpis"`
	ReportYears       int `db:"report_years"`
	ReportSections    int `db:"report_sections"`
	ReportFocus       int `db:"report_focus"`
}

// FindListSizes counts the rows of ListSizes; every table it reads is
// small (no KPI values).
func (db *DB) FindListSizes(ctx context.Context) (ListSizes, error) {
	var s ListSizes
	err := db.conn().get(ctx, &s, `SELECT
		(SELECT count(*) FROM municipalities) AS municipalities,
		(SELECT count(*) FROM kpis) AS kpis,
		(SELECT count(*) FROM municipality_groups) AS groups,
		(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM applications GROUP BY cycle_id) x) AS applications_per_cycle,
		(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM jurors GROUP BY cycle_id) x) AS jurors_per_cycle,
		(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM criteria GROUP BY cycle_id) x) AS criteria_per_cycle,
		(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM assignments GROUP BY cycle_id) x) AS assignments_per_cycle,
		(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM assignments GROUP BY juror_id) x) AS assignments_per_juror,
		(SELECT count(*) FROM benchmark_reports) AS reports,
		(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM benchmark_report_versions GROUP BY report_id) x) AS versions_per_report,
		(SELECT coalesce(max(cardinality(kpi_ids)), 0) FROM benchmark_reports) AS report_kpis,
		(SELECT coalesce(max(cardinality(years)), 0) FROM benchmark_reports) AS report_years,
		(SELECT coalesce(max(cardinality(kpi_ids) * cardinality(years)), 0) FROM benchmark_reports) AS report_sections,
		(SELECT coalesce(max(cardinality(focus)), 0) FROM benchmark_reports) AS report_focus`)
	return s, err
}
