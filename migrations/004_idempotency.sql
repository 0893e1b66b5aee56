-- Keys that clients send with the mutations that create things, so that a
-- create retried with the same key returns what the first attempt made.
-- A key is recorded in the same transaction as what it made.

CREATE TABLE idempotency_keys (
    caller     text NOT NULL,  -- 'user:<id>', or for signUp 'email:<lower-case address>'
    operation  text NOT NULL,  -- the mutation, such as 'createApplication'
    key        text NOT NULL CHECK (key <> ''),
    result_id  bigint,         -- the id of what it made; set before commit
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_key UNIQUE (caller, operation, key)
);
