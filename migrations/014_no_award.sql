-- "No award this cycle": the explicit, audited decision (setNoAward) that
-- lets a cycle be DECIDED without a winner and without a decision on
-- every application; the reason is published with the cycle.
ALTER TABLE cycles ADD COLUMN no_award boolean NOT NULL DEFAULT false,
    ADD COLUMN no_award_reason text NOT NULL DEFAULT '';
