-- Mail: each user's language, the transactional outbox, invitations and
-- password resets (issue 16).

ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en'));

-- A mail is a row written in the transaction of the event that causes it.
-- The senders of every server claim due PENDING rows with FOR UPDATE SKIP
-- LOCKED and lease them by moving next_attempt_at past the send; claim
-- names the lease, so a sender whose lease ran out cannot mark a row that
-- another has claimed since. params is what the templates read; secret is
-- the one-time token of a link, kept only until the mail is sent.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    message_id      text NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
    kind            text NOT NULL CHECK (kind <> ''),
    user_id         bigint REFERENCES users ON DELETE SET NULL,
    to_address      text NOT NULL CHECK (to_address <> ''),
    to_name         text NOT NULL DEFAULT '',
    language        text NOT NULL CHECK (language IN ('sv', 'en')),
    params          jsonb NOT NULL DEFAULT '{}',
    secret          text,
    dedupe_key      text UNIQUE,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    claim           text,
    last_error      text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at         timestamptz
);
-- The claim query reads only this index: due pending rows in order.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE status = 'SENT';
CREATE INDEX outbox_user_idx ON outbox (user_id);

-- An invitation to create an account; only the token's SHA-256 is kept.
CREATE TABLE invitations (
    token_hash      bytea PRIMARY KEY,
    email           text NOT NULL CHECK (email <> ''),
    role            text NOT NULL CHECK (role IN ('ADMIN', 'JUROR', 'APPLICANT')),
    organisation_id bigint REFERENCES organisations ON DELETE CASCADE,
    language        text NOT NULL CHECK (language IN ('sv', 'en')),
    invited_by      bigint NOT NULL REFERENCES users,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz,
    CHECK ((role = 'APPLICANT') = (organisation_id IS NOT NULL))
);
CREATE INDEX invitations_email_idx ON invitations (lower(email));

-- A password reset; only the token's SHA-256 is kept.
CREATE TABLE password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
