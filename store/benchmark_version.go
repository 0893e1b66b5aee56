package store

import (
	"context"
	"time"

	"github.com/lib/pq"
)

const reportSelect = `SELECT r.*, (SELECT count(*) FROM benchmark_report_versions v WHERE v.report_id = r.id) AS published
	FROM benchmark_reports r`

// FindBenchmarkReport returns a definition: admins see every one, others
// those with a published version.
func (db *DB) FindBenchmarkReport(ctx context.Context, id int64) (*BenchmarkReport, error) {
	r := &BenchmarkReport{}
	err := db.conn().get(ctx, r, reportSelect+` WHERE r.id = $1`, id)
	if isNoRows(err) || (err == nil && r.Published == 0 && !ActorFrom(ctx).IsAdmin()) {
		return nil, Errorf(NotFound, "benchmark report %d not found", id)
	}
	return r, err
}

// FindBenchmarkReports lists definitions: admins all, everyone else the
// published ones.
func (db *DB) FindBenchmarkReports(ctx context.Context, p Page) ([]*BenchmarkReport, bool, error) {
	var rows []*BenchmarkReport
	err := db.conn().sel(ctx, &rows, `SELECT * FROM (`+reportSelect+`) x
		WHERE ($1 = 'ADMIN' OR x.published > 0) AND x.id > $2 ORDER BY x.id LIMIT $3`,
		ActorFrom(ctx).role(), p.After, p.First+1)
	rows, more := trimPage(rows, p)
	return rows, more, err
}

// CountBenchmarkReports counts the definitions FindBenchmarkReports lists
// to the caller: every one for admins, the published ones for others.
func (db *DB) CountBenchmarkReports(ctx context.Context) (int, error) {
	var n int
	err := db.conn().get(ctx, &n, `SELECT count(*) FROM benchmark_reports r
		WHERE $1 = 'ADMIN' OR EXISTS (SELECT 1 FROM benchmark_report_versions v WHERE v.report_id = r.id)`,
		ActorFrom(ctx).role())
	return n, err
}

// PublishBenchmarkReport stores snapshot as the report's next version,
// unless the latest version holds it already (then that one is returned);
// only admins may. Published versions never change.
func (db *DB) PublishBenchmarkReport(ctx context.Context, id int64, version int, snapshot []byte, dataDate time.Time) (*BenchmarkVersion, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins publish benchmark reports")
	}
	v := &BenchmarkVersion{}
	err := db.inTx(ctx, func(tx conn) error {
		r := &BenchmarkReport{}
		err := tx.get(ctx, r, `SELECT *, 0 AS published FROM benchmark_reports WHERE id = $1 FOR UPDATE`, id)
		if isNoRows(err) {
			return Errorf(NotFound, "benchmark report %d not found", id)
		}
		if err != nil {
			return err
		}
		if r.Version != version {
			return Errorf(Conflict, "benchmark report %d changed since you previewed it; preview it again", id)
		}
		// What the latest version already holds is that version: a double
		// click or a retry publishes once.
		err = tx.get(ctx, v, `SELECT * FROM benchmark_report_versions WHERE report_id = $1 AND title = $2
			AND snapshot = $3::jsonb AND data_date = $4
			AND version = (SELECT max(version) FROM benchmark_report_versions WHERE report_id = $1)`,
			id, r.Title, string(snapshot), dataDate)
		if !isNoRows(err) {
			return err
		}
		return tx.get(ctx, v, `INSERT INTO benchmark_report_versions (report_id, version, title, snapshot, data_date, published_by)
			VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM benchmark_report_versions WHERE report_id = $1),
				$2, $3, $4, $5) RETURNING *`, id, r.Title, string(snapshot), dataDate, nullID(actorID(ActorFrom(ctx))))
	})
	return v, err
}

// FindBenchmarkVersions returns, per report, its published versions
// without snapshots, newest first; they are public.
func (db *DB) FindBenchmarkVersions(ctx context.Context, ids []int64) (map[int64][]*BenchmarkVersion, error) {
	var rows []*BenchmarkVersion
	err := db.conn().sel(ctx, &rows, `SELECT report_id, version, title, '{}'::jsonb AS snapshot, data_date, published_by, published_at
		FROM benchmark_report_versions WHERE report_id = ANY($1) ORDER BY report_id, version DESC`, pq.Array(ids))
	out := map[int64][]*BenchmarkVersion{}
	for _, v := range rows {
		out[v.ReportID] = append(out[v.ReportID], v)
	}
	return out, err
}

// VersionKey names a published version of a benchmark report.
type VersionKey struct {
	Report  int64
	Version int
}

// FindBenchmarkSnapshots returns the snapshots of the versions keys name,
// in one statement; published versions are public.
func (db *DB) FindBenchmarkSnapshots(ctx context.Context, keys []VersionKey) (map[VersionKey][]byte, error) {
	ids, versions := make([]int64, len(keys)), make([]int64, len(keys))
	for i, k := range keys {
		ids[i], versions[i] = k.Report, int64(k.Version)
	}
	var rows []struct {
		Report   int64  `db:"report_id"`
		Version  int    `db:"version"`
		Snapshot []byte `db:"snapshot"`
	}
	err := db.conn().sel(ctx, &rows, `SELECT v.report_id, v.version, v.snapshot FROM benchmark_report_versions v
		JOIN unnest($1::bigint[], $2::int[]) AS k (report_id, version) USING (report_id, version)`,
		pq.Array(ids), pq.Array(versions))
	out := make(map[VersionKey][]byte, len(rows))
	for _, r := range rows {
		out[VersionKey{r.Report, r.Version}] = r.Snapshot
	}
	return out, err
}

// FindBenchmarkVersion returns one published version with its snapshot.
func (db *DB) FindBenchmarkVersion(ctx context.Context, id int64, version int) (*BenchmarkVersion, error) {
	v := &BenchmarkVersion{}
	err := db.conn().get(ctx, v, `SELECT * FROM benchmark_report_versions WHERE report_id = $1 AND version = $2`, id, version)
	if isNoRows(err) {
		return nil, Errorf(NotFound, "benchmark report %d has no version %d", id, version)
	}
	return v, err
}

// DataDate is when the KPI values of kpiIDs were last changed, the date a
// report built from them refers to.
func (db *DB) DataDate(ctx context.Context, kpiIDs []string) (time.Time, error) {
	var t *time.Time
	err := db.conn().get(ctx, &t, `SELECT max(updated_at) FROM kpi_records WHERE kpi_id = ANY($1)`, pq.Array(kpiIDs))
	if err != nil || t == nil {
		return time.Time{}, err
	}
	return t.UTC().Truncate(24 * time.Hour), nil
}
