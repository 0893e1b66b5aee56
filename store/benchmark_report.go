package store

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/lib/pq"
)

// BenchmarkReport is an admin's definition of a benchmark report.
type BenchmarkReport struct {
	ID        int64          `db:"id"`
	Title     string         `db:"title"`
	KPIIDs    pq.StringArray `db:"kpi_ids"`
	Years     pq.Int64Array  `db:"years"`
	GroupID   *string        `db:"group_id"`
	Focus     pq.StringArray `db:"focus"`
	Version   int            `db:"version"`
	Demo      bool           `db:"demo"`
	CreatedBy *int64         `db:"created_by"`
	CreatedAt time.Time      `db:"created_at"`
	UpdatedAt time.Time      `db:"updated_at"`
	// Published is the number of published versions.
	Published int `db:"published"`
}

// BenchmarkReportInput defines a report.
type BenchmarkReportInput struct {
	Title   string
	KPIIDs  []string
	Years   []int
	GroupID *string
	Focus   []string
}

// BenchmarkVersion is a published, immutable version of a report.
type BenchmarkVersion struct {
	ReportID    int64           `db:"report_id"`
	Version     int             `db:"version"`
	Title       string          `db:"title"`
	Snapshot    json.RawMessage `db:"snapshot"`
	DataDate    time.Time       `db:"data_date"`
	PublishedBy *int64          `db:"published_by"`
	PublishedAt time.Time       `db:"published_at"`
}

func (in *BenchmarkReportInput) validate(ctx context.Context, c conn) error {
	in.Title = strings.TrimSpace(in.Title)
	if err := checkText("title", in.Title, 1, 200); err != nil {
		return err
	}
	if len(in.KPIIDs) == 0 || len(in.KPIIDs) > 20 {
		return InvalidField("kpiIds", "name 1–20 KPIs")
	}
	if len(in.Years) == 0 || len(in.Years) > 30 {
		return InvalidField("years", "name 1–30 years")
	}
	for _, y := range in.Years {
		if y < minYear || y > maxYear {
			return InvalidField("years", "%d is not a year", y)
		}
	}
	return checkReferences(ctx, c, in)
}

// checkReferences checks that the KPIs, group and focus municipalities exist.
func checkReferences(ctx context.Context, c conn, in *BenchmarkReportInput) error {
	var missing []string
	err := c.sel(ctx, &missing, `SELECT x FROM unnest($1::text[]) x WHERE NOT EXISTS (SELECT 1 FROM kpis WHERE id = x)
		UNION ALL SELECT x FROM unnest($2::text[]) x WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = x)
		UNION ALL SELECT x FROM unnest($3::text[]) x WHERE NOT EXISTS (SELECT 1 FROM municipality_groups WHERE id = x)`,
		pq.Array(in.KPIIDs), pq.Array(in.Focus), pq.Array(optional(in.GroupID)))
	if err == nil && len(missing) > 0 {
		return InvalidField("kpiIds", "unknown KPI, municipality or group: %s", strings.Join(missing, ", "))
	}
	return err
}

func optional(s *string) []string {
	if s == nil || *s == "" {
		return []string{}
	}
	return []string{*s}
}

// CreateBenchmarkReport defines a report; only admins may.
func (db *DB) CreateBenchmarkReport(ctx context.Context, in BenchmarkReportInput) (*BenchmarkReport, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins define benchmark reports")
	}
	r := &BenchmarkReport{}
	err := db.inTx(ctx, func(tx conn) error {
		if err := in.validate(ctx, tx); err != nil {
			return err
		}
		return tx.get(ctx, r, `INSERT INTO benchmark_reports (title, kpi_ids, years, group_id, focus, created_by)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING *, 0 AS published`, in.Title, pq.Array(in.KPIIDs),
			pq.Array(in.Years), in.GroupID, pq.Array(nonNil(in.Focus)), nullID(actorID(ActorFrom(ctx))))
	})
	return r, err
}

// UpdateBenchmarkReport changes a definition if version is still current;
// published versions stay as they were. Only admins may.
func (db *DB) UpdateBenchmarkReport(ctx context.Context, id int64, version int, in BenchmarkReportInput) (*BenchmarkReport, error) {
	if !ActorFrom(ctx).IsAdmin() {
		return nil, Errorf(Forbidden, "only admins define benchmark reports")
	}
	r := &BenchmarkReport{}
	err := db.inTx(ctx, func(tx conn) error {
		if err := in.validate(ctx, tx); err != nil {
			return err
		}
		err := tx.get(ctx, r, `UPDATE benchmark_reports SET title = $3, kpi_ids = $4, years = $5, group_id = $6,
				focus = $7, version = version + 1, updated_at = now()
			WHERE id = $1 AND version = $2
			RETURNING *, (SELECT count(*) FROM benchmark_report_versions WHERE report_id = $1) AS published`,
			id, version, in.Title, pq.Array(in.KPIIDs), pq.Array(in.Years), in.GroupID, pq.Array(nonNil(in.Focus)))
		if isNoRows(err) {
			return db.staleOrMissing(ctx, "benchmark_reports", "benchmark report", id)
		}
		return err
	})
	return r, err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
