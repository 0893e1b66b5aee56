-- Juries, conflicts of interest, assignments, scores, consensus and the
-- append-only audit log.

CREATE TABLE jurors (
    cycle_id          bigint NOT NULL REFERENCES cycles ON DELETE CASCADE,
    user_id           bigint NOT NULL REFERENCES users,
    lead              boolean NOT NULL DEFAULT false,
    organisation_id   bigint REFERENCES organisations,
    affiliation       text NOT NULL DEFAULT '',
    municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cycle_id, user_id)
);
CREATE INDEX jurors_user_idx ON jurors (user_id);

CREATE TABLE conflicts (
    id                bigserial PRIMARY KEY,
    juror_id          bigint NOT NULL REFERENCES users,
    organisation_id   bigint REFERENCES organisations,
    municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
    reason            text NOT NULL CHECK (reason <> ''),
    declared_by       bigint NOT NULL REFERENCES users,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((organisation_id IS NULL) <> (municipality_code IS NULL))
);
CREATE UNIQUE INDEX conflicts_juror_org_key ON conflicts (juror_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX conflicts_juror_municipality_key ON conflicts (juror_id, municipality_code) WHERE municipality_code IS NOT NULL;

-- conflicted says whether a juror may not see an application: a declared
-- or recorded conflict with its organisation or municipality, or the
-- juror's own affiliation in the application's cycle.
CREATE FUNCTION conflicted(juror bigint, app bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM applications a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.id = app AND (
            EXISTS (SELECT 1 FROM conflicts c WHERE c.juror_id = juror
                AND (c.organisation_id = a.organisation_id OR c.municipality_code = o.municipality_code))
            OR EXISTS (SELECT 1 FROM jurors j WHERE j.user_id = juror AND j.cycle_id = a.cycle_id
                AND (j.organisation_id = a.organisation_id OR j.municipality_code = o.municipality_code))))
$$;

CREATE TABLE assignments (
    application_id bigint NOT NULL REFERENCES applications,
    juror_id       bigint NOT NULL REFERENCES users,
    cycle_id       bigint NOT NULL REFERENCES cycles,
    assigned_by    bigint NOT NULL REFERENCES users,
    assigned_at    timestamptz NOT NULL DEFAULT now(),
    recused_at     timestamptz,
    recusal_reason text NOT NULL DEFAULT '',
    submitted_at   timestamptz,
    PRIMARY KEY (application_id, juror_id)
);
CREATE INDEX assignments_juror_idx ON assignments (juror_id);
CREATE INDEX assignments_cycle_idx ON assignments (cycle_id);

CREATE TABLE scores (
    application_id bigint NOT NULL,
    juror_id       bigint NOT NULL,
    criterion_id   bigint NOT NULL REFERENCES criteria,
    value          double precision,
    strengths      text NOT NULL DEFAULT '',
    opportunities  text NOT NULL DEFAULT '',
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, juror_id, criterion_id),
    FOREIGN KEY (application_id, juror_id) REFERENCES assignments ON DELETE CASCADE
);

CREATE TABLE consensus (
    application_id bigint NOT NULL REFERENCES applications,
    criterion_id   bigint NOT NULL REFERENCES criteria,
    value          double precision NOT NULL,
    rationale      text NOT NULL CHECK (rationale <> ''),
    participants   bigint[] NOT NULL,
    strengths      text NOT NULL DEFAULT '',
    opportunities  text NOT NULL DEFAULT '',
    recorded_by    bigint NOT NULL REFERENCES users,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, criterion_id)
);

CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor_id  bigint REFERENCES users,
    cycle_id  bigint REFERENCES cycles,
    action    text NOT NULL,
    entity    text NOT NULL,
    entity_id text NOT NULL,
    old_value jsonb,
    new_value jsonb
);
CREATE INDEX audit_log_cycle_idx ON audit_log (cycle_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Disagreement thresholds: a cell is flagged when its range or standard
-- deviation exceeds this share of the criterion's scale.
ALTER TABLE cycles
    ADD COLUMN flag_range_share double precision NOT NULL DEFAULT 0.30 CHECK (flag_range_share > 0),
    ADD COLUMN flag_sd_share    double precision NOT NULL DEFAULT 0.15 CHECK (flag_sd_share > 0);
