-- KPI values are stored as Kolada publishes them: one row per KPI,
-- municipality (or group) and year, holding the total and the values for
-- women and men. A third of the rows and of the key entries of one row per
-- value makes a bulk import about three times faster, and the readers,
-- who almost always want one gender, read a third as many rows.
--
-- A gender is present when its status is not null ('' when Kolada gives
-- none); its value may still be null, as Kolada's often are. Synthetic
-- records are the demo's; an import of real data replaces the whole
-- record, so real and synthetic values never share one.
CREATE TABLE kpi_records (
    kpi_id          text COLLATE "C" NOT NULL,
    municipality_id text COLLATE "C" NOT NULL,
    period          smallint NOT NULL CHECK (period BETWEEN 1900 AND 2100),
    value_t         double precision,
    status_t        text,
    value_k         double precision,
    status_k        text,
    value_m         double precision,
    status_m        text,
    synthetic       boolean NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kpi_id, municipality_id, period),
    CHECK (value_t IS NULL OR status_t IS NOT NULL),
    CHECK (value_k IS NULL OR status_k IS NOT NULL),
    CHECK (value_m IS NULL OR status_m IS NOT NULL),
    CHECK (num_nonnulls(status_t, status_k, status_m) > 0)
);

-- A municipality's KPIs in a year (its profile) without reading every record.
CREATE INDEX kpi_records_municipality_idx ON kpi_records (municipality_id, period);

INSERT INTO kpi_records (kpi_id, municipality_id, period, value_t, status_t, value_k, status_k,
                         value_m, status_m, synthetic, updated_at)
SELECT kpi_id, municipality_id, period,
       max(value) FILTER (WHERE gender = 'T'), max(status) FILTER (WHERE gender = 'T'),
       max(value) FILTER (WHERE gender = 'K'), max(status) FILTER (WHERE gender = 'K'),
       max(value) FILTER (WHERE gender = 'M'), max(status) FILTER (WHERE gender = 'M'),
       bool_or(synthetic), max(updated_at)
FROM kpi_values v
-- A synthetic value beside real ones of its record is dropped: real data
-- replaces synthetic data, and a record is one or the other.
WHERE NOT (v.synthetic AND EXISTS (SELECT FROM kpi_values r WHERE NOT r.synthetic
    AND (r.kpi_id, r.municipality_id, r.period) = (v.kpi_id, v.municipality_id, v.period)))
GROUP BY kpi_id, municipality_id, period;

DROP TABLE kpi_values;

-- The values one per row, as before, for reading. A query for one gender
-- reads one branch: the planner drops the others.
CREATE VIEW kpi_values AS
    SELECT kpi_id, municipality_id, period, 'T'::text COLLATE "C" AS gender,
           value_t AS value, status_t AS status, synthetic, updated_at
    FROM kpi_records WHERE status_t IS NOT NULL
    UNION ALL
    SELECT kpi_id, municipality_id, period, 'K'::text COLLATE "C",
           value_k, status_k, synthetic, updated_at
    FROM kpi_records WHERE status_k IS NOT NULL
    UNION ALL
    SELECT kpi_id, municipality_id, period, 'M'::text COLLATE "C",
           value_m, status_m, synthetic, updated_at
    FROM kpi_records WHERE status_m IS NOT NULL;
