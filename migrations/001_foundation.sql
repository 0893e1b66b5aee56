-- Accounts, organisations, awards, cycles, criteria and applications.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL CHECK (email <> ''),
    name          text NOT NULL CHECK (name <> ''),
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('ADMIN', 'JUROR', 'APPLICANT')),
    demo          boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE organisations (
    id                bigserial PRIMARY KEY,
    name              text NOT NULL CHECK (name <> ''),
    kind              text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'DISTRICT', 'REGION', 'AGENCY', 'COMPANY', 'OTHER')),
    sector            text NOT NULL CHECK (sector IN ('PUBLIC', 'PRIVATE')),
    municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
    org_number        text,
    demo              boolean NOT NULL DEFAULT false,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    organisation_id bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE awards (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name <> ''),
    description text NOT NULL DEFAULT '',
    demo        boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cycles (
    id                     bigserial PRIMARY KEY,
    award_id               bigint NOT NULL REFERENCES awards,
    year                   integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    title                  text NOT NULL CHECK (title <> ''),
    opens_at               timestamptz NOT NULL,
    closes_at              timestamptz NOT NULL,
    scoring_closes_at      timestamptz NOT NULL,
    phase                  text NOT NULL DEFAULT 'DRAFT'
        CHECK (phase IN ('DRAFT', 'OPEN', 'CLOSED', 'SCORING', 'CONSENSUS', 'DECIDED', 'PUBLISHED')),
    score_visibility       text NOT NULL DEFAULT 'AFTER_OWN_SUBMISSION'
        CHECK (score_visibility IN ('NEVER', 'AFTER_OWN_SUBMISSION', 'ALWAYS')),
    aggregation            text NOT NULL DEFAULT 'MEAN' CHECK (aggregation IN ('MEAN', 'MEDIAN')),
    jurors_per_application integer NOT NULL DEFAULT 3 CHECK (jurors_per_application BETWEEN 1 AND 50),
    template               text,
    version                integer NOT NULL DEFAULT 1,
    created_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (award_id, year),
    CHECK (opens_at < closes_at AND closes_at <= scoring_closes_at)
);

CREATE TABLE criteria (
    id          bigserial PRIMARY KEY,
    cycle_id    bigint NOT NULL REFERENCES cycles ON DELETE CASCADE,
    parent_id   bigint REFERENCES criteria ON DELETE CASCADE,
    position    integer NOT NULL,
    code        text NOT NULL CHECK (code <> ''),
    title       text NOT NULL CHECK (title <> ''),
    guidance    text NOT NULL DEFAULT '',
    weight      double precision NOT NULL CHECK (weight > 0),
    scale_min   double precision NOT NULL,
    scale_max   double precision NOT NULL,
    scale_step  double precision NOT NULL CHECK (scale_step > 0),
    bands       jsonb NOT NULL DEFAULT '[]',
    independent boolean NOT NULL DEFAULT false,
    UNIQUE (cycle_id, code),
    CHECK (scale_max > scale_min)
);
CREATE INDEX criteria_cycle_idx ON criteria (cycle_id, position);

CREATE TABLE applications (
    id                 bigserial PRIMARY KEY,
    cycle_id           bigint NOT NULL REFERENCES cycles,
    organisation_id    bigint NOT NULL REFERENCES organisations,
    title              text NOT NULL CHECK (title <> ''),
    summary            text NOT NULL DEFAULT '',
    status             text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    eligibility        text NOT NULL DEFAULT 'PENDING' CHECK (eligibility IN ('PENDING', 'ELIGIBLE', 'NOT_ELIGIBLE')),
    eligibility_reason text NOT NULL DEFAULT '',
    withdrawal_reason  text NOT NULL DEFAULT '',
    decision           text CHECK (decision IN ('WINNER', 'FINALIST', 'HONOURABLE_MENTION', 'NOT_SELECTED')),
    citation           text NOT NULL DEFAULT '',
    submitted_at       timestamptz,
    withdrawn_at       timestamptz,
    created_by         bigint NOT NULL REFERENCES users,
    version            integer NOT NULL DEFAULT 1,
    demo               boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (cycle_id, organisation_id)
);
CREATE INDEX applications_org_idx ON applications (organisation_id);

CREATE TABLE answers (
    application_id bigint NOT NULL REFERENCES applications ON DELETE CASCADE,
    criterion_id   bigint NOT NULL REFERENCES criteria ON DELETE CASCADE,
    text           text NOT NULL,
    PRIMARY KEY (application_id, criterion_id)
);

CREATE TABLE indicators (
    id                bigserial PRIMARY KEY,
    application_id    bigint NOT NULL REFERENCES applications ON DELETE CASCADE,
    position          integer NOT NULL,
    name              text NOT NULL CHECK (name <> ''),
    unit              text NOT NULL DEFAULT '',
    direction         text NOT NULL CHECK (direction IN ('LOWER_IS_BETTER', 'HIGHER_IS_BETTER')),
    baseline_value    double precision NOT NULL,
    baseline_on       date NOT NULL,
    current_value     double precision NOT NULL,
    current_on        date NOT NULL,
    target_value      double precision,
    legal_limit       double precision,
    kpi_id            text,
    municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$'),
    evidence          text NOT NULL DEFAULT ''
);
CREATE INDEX indicators_application_idx ON indicators (application_id, position);
