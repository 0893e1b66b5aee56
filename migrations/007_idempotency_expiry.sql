-- An idempotency key remembers a fingerprint of the input it was first used
-- with, so that reusing it with different input is refused instead of
-- silently answering with the first result, and it is forgotten after a
-- day (store.IdempotencyKeyTTL). Keys recorded before this migration have
-- no fingerprint and match any input until they expire.
ALTER TABLE idempotency_keys ADD COLUMN fingerprint text NOT NULL DEFAULT '';
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
