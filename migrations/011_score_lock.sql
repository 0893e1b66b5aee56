-- A cycle setting for independent scoring under AFTER_OWN_SUBMISSION: once
-- a juror has submitted (and so can see the other jurors' scores on the
-- application), their score values for it are locked instead of only
-- flagged when changed (issue 11).
ALTER TABLE cycles ADD COLUMN lock_scores_after_seeing boolean NOT NULL DEFAULT false;
