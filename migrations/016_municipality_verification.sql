-- An admin's check of the municipality an organisation names (issue 12.7):
-- anyone signing up may name any municipality code, so until an admin has
-- verified it the system says so wherever the municipality is shown.
-- Changing the code clears the verification (store.UpdateOrganisation).
ALTER TABLE organisations
    ADD COLUMN municipality_verified_at timestamptz,
    ADD COLUMN municipality_verified_by bigint REFERENCES users ON DELETE SET NULL;
