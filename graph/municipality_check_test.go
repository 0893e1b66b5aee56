package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestMunicipalityCheck(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	// apps[1]'s organisation names municipality 1001; its indicator names 0101's series.
	j := newJury(t, e, 2, 3, "")
	db := e.rawSQL()
	_, err := db.ExecContext(context.Background(), `INSERT INTO indicators (application_id, position, name, unit, direction,
			baseline_value, baseline_on, current_value, current_on, kpi_id, municipality_code)
		VALUES ($1, 1, 'Utredningstid', 'dagar', 'LOWER_IS_BETTER', 107, '2018-06-30', 99, '2022-06-30', 'U33401', '0101')`, j.apps[1])
	if err != nil {
		t.Fatal(err)
	}
	q := fmt.Sprintf(`{ application(id: "%s") { organisation { id version municipalityCode municipalityVerified municipalityVerifiedAt }
		indicators { municipalityCheck { indicatorMunicipalityCode organisationMunicipalityCode matches organisationMunicipalityVerified note } } } }`, j.apps[1])
	check := func(token string) (map[string]any, map[string]any) {
		r := e.gql(token, q, nil).ok()
		c, _ := r.get("application.indicators").([]any)[0].(map[string]any)["municipalityCheck"].(map[string]any)
		return c, r.get("application.organisation").(map[string]any)
	}
	c, org := check(j.admin)
	t.Run("jurors and admins see an indicator naming another municipality", func(t *testing.T) {
		if c["matches"] != false || c["organisationMunicipalityCode"] != "1001" || c["organisationMunicipalityVerified"] != false ||
			!strings.Contains(c["note"].(string), "not the organisation's 1001") || !strings.Contains(c["note"].(string), "not yet verified") {
			t.Errorf("municipalityCheck = %v, want a mismatch 0101 against an unverified 1001", c)
		}
		j.assign(1, 1).ok()
		if jc, _ := check(j.tokens[1]); jc == nil || jc["matches"] != false {
			t.Errorf("the assigned juror's municipalityCheck = %v", jc)
		}
		if ac, _ := check(j.applicant[1]); ac != nil {
			t.Errorf("the applicant gets municipalityCheck %v", ac)
		}
	})
	if org["municipalityVerified"] != false || org["municipalityVerifiedAt"] != nil {
		t.Fatalf("a new organisation = %v, want its municipality unverified", org)
	}
	const verify = `mutation($id: ID!, $v: Int!, $ok: Boolean!) { verifyOrganisationMunicipality(id: $id, version: $v, verified: $ok) {
		version municipalityVerified municipalityVerifiedAt } }`
	args := map[string]any{"id": org["id"], "v": org["version"], "ok": true}
	t.Run("only admins verify", func(t *testing.T) {
		e.gql(j.applicant[1], verify, args).wantCode("FORBIDDEN")
		e.gql(j.tokens[0], verify, args).wantCode("FORBIDDEN")
	})
	v := e.gql(j.admin, verify, args).ok()
	t.Run("a verified municipality says so, audited", func(t *testing.T) {
		if v.get("verifyOrganisationMunicipality.municipalityVerified") != true || v.get("verifyOrganisationMunicipality.municipalityVerifiedAt") == nil {
			t.Errorf("verify = %v", v.Data)
		}
		if c, _ := check(j.admin); c["organisationMunicipalityVerified"] != true || strings.Contains(c["note"].(string), "not yet verified") {
			t.Errorf("municipalityCheck after verifying = %v", c)
		}
		e.gql(j.admin, verify, args).wantCode("CONFLICT")
		r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { auditLog(first: 100) { nodes { action entityId newValue } } } }`,
			map[string]any{"c": j.cycle.id}).ok()
		found := false
		for _, n := range r.get("cycle.auditLog.nodes").([]any) {
			n := n.(map[string]any)
			found = found || (n["action"] == "organisation.verify_municipality" && n["entityId"] == org["id"])
		}
		if !found {
			t.Error("the verification is not in the cycle's audit log")
		}
	})
	t.Run("a changed municipality code is unverified again", func(t *testing.T) {
		r := e.gql(j.admin, `mutation($id: ID!, $v: Int!) { updateOrganisation(id: $id, version: $v, input: {name: "Kommun 1",
			kind: MUNICIPALITY, sector: PUBLIC, municipalityCode: "0101"}) { municipalityVerified municipalityVerifiedAt } }`,
			map[string]any{"id": org["id"], "v": v.num("verifyOrganisationMunicipality.version")}).ok()
		if r.get("updateOrganisation.municipalityVerified") != false || r.get("updateOrganisation.municipalityVerifiedAt") != nil {
			t.Errorf("after changing the code = %v, want unverified", r.Data)
		}
		if c, _ := check(j.admin); c["matches"] != true {
			t.Errorf("municipalityCheck after the organisation moved to 0101 = %v, want a match", c)
		}
	})
	t.Run("the ranking PDF marks another municipality and an unverified one", func(t *testing.T) {
		_, err := db.ExecContext(context.Background(), `UPDATE organisations SET municipality_code = '1001' WHERE id = $1`, org["id"])
		if err != nil {
			t.Fatal(err)
		}
		j.advance("SCORING")
		j.score(1, 1, 60)
		for lang, wants := range map[string][]string{"sv": {"organisationens kommun", "ej verifierad"},
			"en": {"organisation's municipality", "not verified"}} {
			rec := e.get(j.admin, "/reports/cycles/"+j.cycle.id+"/ranking.pdf?lang="+lang)
			text := strings.Join(strings.Fields(pdfText(t, rec.Body.Bytes())), " ")
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("ranking.pdf?lang=%s lacks %q", lang, w)
				}
			}
		}
	})
}
