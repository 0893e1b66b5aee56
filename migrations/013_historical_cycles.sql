-- A historical cycle: its results were recorded without the jury's
-- scores (a past year entered from the records, as the demo's 2012
-- cycle). Its decisions need a submitted, eligible application but no
-- scores, and its feedback says that none are recorded. Admins set it
-- with markCycleHistorical, audited, while the cycle has no scores.
ALTER TABLE cycles ADD COLUMN historical boolean NOT NULL DEFAULT false;
