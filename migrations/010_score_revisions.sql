-- A score changed after its juror could see the other jurors' scores on
-- the application (under AFTER_OWN_SUBMISSION, once the juror has
-- submitted): when, so that the ranking and the audit log can flag it.
ALTER TABLE scores ADD COLUMN revised_after_seeing_at timestamptz;
