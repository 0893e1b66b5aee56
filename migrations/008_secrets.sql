-- Secrets the servers share, made once at random by the first that needs
-- one (store.Secret): report links signed by one server are good on every
-- other and after a restart.
CREATE TABLE secrets (
    name       text PRIMARY KEY,
    value      bytea NOT NULL CHECK (length(value) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
