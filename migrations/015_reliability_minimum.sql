-- The fewest applications the jury's intraclass correlations are estimated
-- on (issue 12.5): below it the ranking says "too few applications to
-- estimate" instead of printing a number. At least 2, which ICC itself needs.
ALTER TABLE cycles
    ADD COLUMN reliability_min_applications integer NOT NULL DEFAULT 5
        CHECK (reliability_min_applications BETWEEN 2 AND 1000);
