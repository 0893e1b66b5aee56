-- Benchmark reports: an admin's definition, and its published versions as
-- immutable snapshots that later imports do not change.

CREATE TABLE benchmark_reports (
    id         bigserial PRIMARY KEY,
    title      text NOT NULL CHECK (title <> ''),
    kpi_ids    text[] NOT NULL CHECK (cardinality(kpi_ids) BETWEEN 1 AND 20),
    years      integer[] NOT NULL CHECK (cardinality(years) BETWEEN 1 AND 30),
    group_id   text REFERENCES municipality_groups ON DELETE SET NULL,
    focus      text[] NOT NULL DEFAULT '{}',
    version    integer NOT NULL DEFAULT 1,
    demo       boolean NOT NULL DEFAULT false,
    created_by bigint REFERENCES users,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE benchmark_report_versions (
    report_id    bigint NOT NULL REFERENCES benchmark_reports,
    version      integer NOT NULL CHECK (version > 0),
    title        text NOT NULL,
    snapshot     jsonb NOT NULL,
    data_date    date NOT NULL,
    published_by bigint REFERENCES users,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, version)
);

CREATE FUNCTION benchmark_versions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published benchmark report versions are immutable';
END $$;
CREATE TRIGGER benchmark_versions_no_change BEFORE UPDATE OR DELETE ON benchmark_report_versions
    FOR EACH ROW EXECUTE FUNCTION benchmark_versions_are_immutable();
