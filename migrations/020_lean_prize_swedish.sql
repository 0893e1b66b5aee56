-- Svenska Leanpriset is judged and read in Swedish: the LEAN_PRIZE
-- template's criteria get Swedish titles, guidance and band names
-- (store/template.go). Criteria made from the old English template keep
-- their meaning, so they are translated in place: only a criterion whose
-- code, title, empty guidance and bands are exactly the old template's
-- (bands is json since 018: compared as jsonb, written as jsonb writes it).
WITH texts(code, english, swedish, guidance) AS (VALUES
    ('1', 'How the organisation works with lean', 'Hur organisationen arbetar med lean',
     'Beskriv varför och hur ni arbetar med lean: hur ledningen leder förbättringsarbetet, hur medarbetarna deltar i det varje dag och hur arbetssättet har vuxit fram över tid.'),
    ('2', 'What results lean has given', 'Vilka resultat lean har gett',
     'Redovisa mätbara resultat för dem ni finns till för, för medarbetarna och för verksamheten, med utgångsvärde och nuvärde och med officiell statistik (Kolada) där den finns.'),
    ('3', 'What others can learn from it', 'Vad andra kan lära av arbetet',
     'Beskriv vad andra organisationer kan lära av ert arbete och hur ni delar med er av era erfarenheter.'))
UPDATE criteria c
SET title = t.swedish, guidance = t.guidance,
    bands = '[{"from": 0, "to": 5, "label": "inget systematiskt arbetssätt"},
              {"from": 10, "to": 25, "label": "i början"},
              {"from": 30, "to": 45, "label": "under utveckling"},
              {"from": 50, "to": 65, "label": "väl fungerande"},
              {"from": 70, "to": 85, "label": "förfinat"},
              {"from": 90, "to": 100, "label": "föredöme"}]'::jsonb::json
FROM texts t
WHERE c.code = t.code AND c.title = t.english AND c.guidance = ''
  AND c.bands::jsonb = '[{"from": 0, "to": 5, "label": "no systematic approach"},
                  {"from": 10, "to": 25, "label": "early"},
                  {"from": 30, "to": 45, "label": "developing"},
                  {"from": 50, "to": 65, "label": "effective"},
                  {"from": 70, "to": 85, "label": "refined"},
                  {"from": 90, "to": 100, "label": "role model"}]'::jsonb;
