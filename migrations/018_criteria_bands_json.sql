-- A criterion's bands are kept as json, the text as written, rather than
-- jsonb: nothing queries inside them, and writing jsonb back as text on
-- every read of a criteria list was most of PostgreSQL's work for
-- awards → cycles → criteria (420 criteria: about 5 ms of 7 per statement).
ALTER TABLE criteria ALTER COLUMN bands DROP DEFAULT;
ALTER TABLE criteria ALTER COLUMN bands TYPE json USING bands::json;
ALTER TABLE criteria ALTER COLUMN bands SET DEFAULT '[]';
