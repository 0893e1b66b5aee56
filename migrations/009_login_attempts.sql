-- Login attempts, so that every server counts the same ones and a restart
-- forgets none (graph's login limits). Unlogged: a crash may lose the last
-- minutes of attempts, which only lifts a limit early, and writing them
-- costs no WAL. Attempts older than the window are deleted as logins go.
CREATE UNLOGGED TABLE login_attempts (
    key text        NOT NULL CHECK (key <> ''),
    at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX login_attempts_key_at_idx ON login_attempts (key, at);
CREATE INDEX login_attempts_at_idx ON login_attempts (at);
