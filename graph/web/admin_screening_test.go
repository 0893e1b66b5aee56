package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestAdminScreening: the cycle's applications with status and
// eligibility; not eligible without a reason is refused at the reason
// with the choice kept; with one it is saved and shown; a form read
// before someone else screened says what the application is now,
// keeping what was typed; no choice is refused at the choice.
func TestAdminScreening(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	admin := f.browser("admin")
	path := "/admin/cycles/" + f.cycle + "/applications"
	p := admin.get(path).wantStatus(http.StatusOK)
	p.has(app0Title, app1Title, app0Org, "inskickad", "2 ansökningar; av de inskickade är 0 ogranskade, 2 behöriga och 0 inte behöriga",
		`value="ELIGIBLE" checked`)
	a := f.apps[0]
	version := formValue(p.Body, "version-"+a)
	form := url.Values{"eligibility-" + a: {"NOT_ELIGIBLE"}, "reason-" + a: {"  "}, "version-" + a: {version}}
	p = admin.post(path+"/"+a+"/screen", form).wantStatus(http.StatusUnprocessableEntity)
	p.has(`id="f-reason-`+a+`-error"`, "Ange ett skäl.", `id="f-eligibility-`+a+`-NOT_ELIGIBLE" name="eligibility-`+a+`" value="NOT_ELIGIBLE" checked`)
	form.Set("reason-"+a, "Organisationen är inte en kommun")
	admin.post(path+"/"+a+"/screen", cloneValues(form)).wantStatus(http.StatusSeeOther)
	admin.get(path).has("Behörigheten är sparad.", "inte behörig: Organisationen är inte en kommun", "1 behöriga och 1 inte behöriga")

	form.Set("eligibility-"+a, "ELIGIBLE")
	form.Set("reason-"+a, "Jag ändrade mig")
	p = admin.post(path+"/"+a+"/screen", form).wantStatus(http.StatusUnprocessableEntity)
	p.has("någon annan har ändrat ansökan", "Nu: inte behörig – inskickad", "Jag ändrade mig")
	admin.post(path+"/"+a+"/screen", url.Values{"version-" + a: {version}}).wantStatus(http.StatusUnprocessableEntity).
		has("Välj behörig eller inte behörig.")
}
