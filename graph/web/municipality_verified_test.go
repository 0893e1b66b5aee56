package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// unverifiedTag is how a page marks an organisation's municipality that
// no admin has verified yet, in Swedish and in English.
const (
	unverifiedSv = `<span class="tag warn">ej verifierad</span>`
	unverifiedEn = `<span class="tag warn">not verified</span>`
)

// verifyMunicipality has the admin verify organisation id's municipality.
func (s *site) verifyMunicipality(id string) {
	s.t.Helper()
	admin := s.adminToken()
	r := s.gql(admin, `query($id: ID!) { organisation(id: $id) { version } }`, map[string]any{"id": id})
	s.gql(admin, `mutation($id: ID!, $v: Int!) { verifyOrganisationMunicipality(id: $id, version: $v, verified: true) { id } }`,
		map[string]any{"id": id, "v": dig(r, "organisation.version")})
}

// english switches b to English.
func (b *browser) english() {
	b.s.t.Helper()
	b.get("/login")
	b.post("/lang", url.Values{"lang": {"en"}, "next": {"/"}})
}

// TestResultsSayMunicipalityUnverified: the public results page marks
// each organisation's municipality as not verified, in both languages,
// until an admin verifies it.
func TestResultsSayMunicipalityUnverified(t *testing.T) {
	s := newSite(t)
	p := s.browser().get("/cycles/1/results").wantStatus(http.StatusOK)
	p.has("Kommun <span class=\"org-municipality\">1280 "+unverifiedSv, `href="/municipalities/1280"`)
	en := s.browser()
	en.english()
	en.get("/cycles/1/results").wantStatus(http.StatusOK).has("Municipality <span class=\"org-municipality\">1280 " + unverifiedEn)

	s.verifyMunicipality(orgID(t, s, "Malmö stad, Individ- och familjeomsorgen Södra innerstaden"))
	p = s.browser().get("/cycles/1/results").wantStatus(http.StatusOK)
	if !strings.Contains(p.Body, `Kommun <span class="org-municipality">1280</span>`) {
		t.Errorf("a verified municipality is still marked unverified on the results page")
	}
}

// TestJurorPagesSayMunicipalityUnverified: the juror's assignments and
// scoring page mark the organisation's municipality as not verified
// until an admin verifies it, in both languages.
func TestJurorPagesSayMunicipalityUnverified(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("assigned")
	b.get("/jury").wantStatus(http.StatusOK).has("Kommun <span class=\"org-municipality\">1280 "+unverifiedSv,
		"Kommun <span class=\"org-municipality\">1262 "+unverifiedSv)
	scoring := "/jury/applications/" + f.apps[0]
	b.get(scoring).wantStatus(http.StatusOK).has("<dt>Kommun</dt><dd><span class=\"org-municipality\">1280 " + unverifiedSv)

	s.verifyMunicipality(f.orgs[0])
	b.get(scoring).wantStatus(http.StatusOK).has("<dt>Kommun</dt><dd><span class=\"org-municipality\">1280</span>").lacks(unverifiedSv)
	b.get("/jury").wantStatus(http.StatusOK).has("<span class=\"org-municipality\">1280</span>",
		"<span class=\"org-municipality\">1262 "+unverifiedSv)

	b.english()
	b.get("/jury/applications/"+f.apps[1]).wantStatus(http.StatusOK).has("<dt>Municipality</dt>", "1262 "+unverifiedEn)
}

// TestApplicantPagesSayMunicipalityUnverified: the applicant's dashboard
// and editor say the organisation's municipality is not verified, and
// stop saying so once an admin has verified it.
func TestApplicantPagesSayMunicipalityUnverified(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	b := f.browser("applicant")
	b.get("/dashboard").wantStatus(http.StatusOK).has("Kommun <span class=\"org-municipality\">1280 "+unverifiedSv,
		"Sekretariatet har ännu inte kontrollerat")
	b.get("/applications/" + f.apps[0]).wantStatus(http.StatusOK).has("<dt>Kommun</dt><dd><span class=\"org-municipality\">Malmö (1280) " + unverifiedSv)

	s.verifyMunicipality(f.orgs[0])
	b.get("/dashboard").wantStatus(http.StatusOK).has("<span class=\"org-municipality\">1280</span>").lacks(unverifiedSv, "Sekretariatet har ännu inte kontrollerat")
	b.english()
	b.get("/applications/" + f.apps[0]).wantStatus(http.StatusOK).has("<dt>Municipality</dt><dd><span class=\"org-municipality\">Malmö (1280)</span>").lacks(unverifiedEn)
}
