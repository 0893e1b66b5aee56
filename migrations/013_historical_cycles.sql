-- A historical cycle: its results were recorded without the jury's
-- scores (a past year entered from the records, as the demo's 2012
-- cycle). Its decisions need a submitted, eligible application but no
-- scores, and its feedback says that none are recorded. Admins set it
-- with markCycleHistorical, audited, while the cycle has no scores.
ALTER TABLE cycles ADD COLUMN historical boolean NOT NULL DEFAULT false;

-- By that definition a cycle already published with decisions and not one
-- score or agreed score was recorded without scores: it is historical.
UPDATE cycles c SET historical = true
WHERE c.phase = 'PUBLISHED'
    AND EXISTS (SELECT 1 FROM applications a WHERE a.cycle_id = c.id AND a.decision IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM scores s JOIN applications a ON a.id = s.application_id
        WHERE a.cycle_id = c.id AND s.value IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM consensus cs JOIN applications a ON a.id = cs.application_id WHERE a.cycle_id = c.id);
