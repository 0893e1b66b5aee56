package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestEvidenceForJurors(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	j := newJury(t, e, 2, 3, "")
	// Municipality 0101 (n = 1): U33401 is 100 + 7 − 2(y − 2018): 107 in 2018, 99 in 2022.
	db := e.rawSQL()
	_, err := db.ExecContext(context.Background(), `INSERT INTO indicators (application_id, position, name, unit, direction,
			baseline_value, baseline_on, current_value, current_on, legal_limit, kpi_id, municipality_code)
		VALUES ($1, 1, 'Utredningstid', 'dagar', 'LOWER_IS_BETTER', 107, '2018-06-30', 80, '2022-06-30', 120, 'U33401', '0101')`, j.apps[1])
	if err != nil {
		t.Fatal(err)
	}
	j.assign(1, 1).ok()
	q := fmt.Sprintf(`{ application(id: "%s") { indicators { official { municipalityName kommungrupp year
		baseline { year claimed official agrees } current { year claimed official agrees }
		national { rank of percentile colour } group { rank of } series { year value } } } } }`, j.apps[1])
	r := e.gql(j.tokens[1], q, nil).ok()
	ev := r.get("application.indicators").([]any)[0].(map[string]any)["official"].(map[string]any)
	base, cur := ev["baseline"].(map[string]any), ev["current"].(map[string]any)
	if base["official"] != 107.0 || base["agrees"] != true || cur["official"] != 99.0 || cur["agrees"] != false {
		t.Errorf("checks = %v / %v, want 107 agreeing and 99 against a claimed 80", base, cur)
	}
	// 2022 ranks by n*7 % 50 ascending: n = 1 gives 7, beaten by n = 0, 8, 15, 22 and 29
	// (0, 6, 5, 4 and 3): rank 6 of 30; among the odd codes only n = 15 and 29 beat it: rank 3.
	if nat := ev["national"].(map[string]any); nat["rank"] != 6.0 || nat["of"] != 30.0 {
		t.Errorf("national place = %v, want 6 of 30", nat)
	}
	if g := ev["group"].(map[string]any); g["of"] != 15.0 || g["rank"] != 3.0 {
		t.Errorf("place in the kommungrupp = %v, want 3 of 15 (the odd codes)", g)
	}
	if len(ev["series"].([]any)) != 5 || ev["year"] != 2022.0 {
		t.Errorf("series = %v, year %v", ev["series"], ev["year"])
	}
	t.Run("the feedback report draws the official series against the kommungrupp", func(t *testing.T) {
		j.advance("SCORING")
		j.score(1, 1, 55)
		rec := e.get(j.admin, "/reports/applications/"+j.apps[1]+"/feedback.pdf")
		if rec.Code != 200 {
			t.Fatalf("feedback = %d %s", rec.Code, rec.Body)
		}
		txt := pdfText(t, rec.Body.Bytes())
		for _, want := range []string{"Utredningstid", "Udda kommuner", "U33401"} {
			if !strings.Contains(txt, want) {
				t.Errorf("the feedback report lacks %q", want)
			}
		}
	})
	t.Run("applicants do not get it", func(t *testing.T) {
		r := e.gql(j.applicant[1], q, nil).ok()
		if ind := r.get("application.indicators").([]any)[0].(map[string]any); ind["official"] != nil {
			t.Errorf("the applicant sees %v", ind["official"])
		}
	})
	t.Run("unassigned jurors do not reach the application", func(t *testing.T) {
		if r := e.gql(j.tokens[0+2], q, nil).ok(); r.get("application") != nil {
			t.Errorf("an unassigned juror reads %v", r.Data)
		}
	})
}

func TestEvidenceAtClaimedYears(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	j := newJury(t, e, 2, 3, "")
	db := e.rawSQL()
	// Municipality 0101 is 6th of 30 on U33401 in 2019 (105 days) but the
	// worst in 2022, the latest year; 2016 is not published.
	_, err := db.ExecContext(context.Background(), `UPDATE kpi_records SET value_t = 300
		WHERE kpi_id = 'U33401' AND municipality_id = '0101' AND period = 2022`)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ExecContext(context.Background(), `INSERT INTO indicators (application_id, position, name, unit, direction,
			baseline_value, baseline_on, current_value, current_on, legal_limit, kpi_id, municipality_code)
		VALUES ($1, 1, 'Utredningstid', 'dagar', 'LOWER_IS_BETTER', 140, '2016-06-30', 80, '2019-06-30', 120, 'U33401', '0101')`, j.apps[1])
	if err != nil {
		t.Fatal(err)
	}
	q := fmt.Sprintf(`{ application(id: "%s") { indicators { official { year disagrees national { rank of colour }
		baseline { year officialYear official agrees verdict note national { rank of } }
		current { year officialYear official agrees verdict note national { rank of colour } } } } } }`, j.apps[1])
	r := e.gql(j.admin, q, nil).ok()
	ev := r.get("application.indicators").([]any)[0].(map[string]any)["official"].(map[string]any)
	base, cur := ev["baseline"].(map[string]any), ev["current"].(map[string]any)
	t.Run("the current claim is ranked at its own year, not the latest", func(t *testing.T) {
		if cur["officialYear"] != 2019.0 || cur["official"] != 105.0 || ev["year"] != 2019.0 {
			t.Errorf("current = %v, evidence year %v; want 2019 at 105", cur, ev["year"])
		}
		if nat := cur["national"].(map[string]any); nat["rank"] != 6.0 || nat["of"] != 30.0 {
			t.Errorf("current place = %v, want 6 of 30 in 2019 (30th in 2022)", nat)
		}
		if cur["verdict"] != "DISAGREES" || cur["agrees"] != false || ev["disagrees"] != true || cur["note"] != nil {
			t.Errorf("current = %v, disagrees %v; want DISAGREES (80 claimed, 105 official)", cur, ev["disagrees"])
		}
	})
	t.Run("an unpublished baseline year is placed on the nearest and said", func(t *testing.T) {
		if base["officialYear"] != 2018.0 || base["verdict"] != "NO_OFFICIAL_VALUE" || base["agrees"] != nil ||
			!strings.Contains(fmt.Sprint(base["note"]), "2016 is not published: placed on 2018") {
			t.Errorf("baseline = %v, want placed on 2018 without a verdict, said", base)
		}
	})
	t.Run("the ranking PDF marks the disagreeing claim", func(t *testing.T) {
		j.scoredBy(1, 0, 60)
		for lang, wants := range map[string][]string{
			"sv": {"Redovisade resultat mot officiell statistik", "AVVIKER", "2019: 80 / off. 105", "(2018)", "(!)"},
			"en": {"Claimed results against official statistics", "DISAGREES", "2019: 80 / off. 105", "(!)"},
		} {
			rec := e.get(j.admin, "/reports/cycles/"+j.cycle.id+"/ranking.pdf?lang="+lang)
			if rec.Code != 200 {
				t.Fatalf("ranking.pdf = %d %s", rec.Code, rec.Body)
			}
			text := strings.Join(strings.Fields(pdfText(t, rec.Body.Bytes())), " ")
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("ranking.pdf?lang=%s lacks %q", lang, w)
				}
			}
		}
	})
}
