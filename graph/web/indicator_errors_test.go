package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestIndicatorErrorAtItsRow: an API error on an indicator (INVALID with
// extensions.field and extensions.index) is shown at that row's field,
// tied to it by aria-describedby, and in the summary at the top with a
// link to it; everything typed comes back and nothing is saved. Blank
// rows are not sent, so the API's index counts only the rows that were.
func TestIndicatorErrorAtItsRow(t *testing.T) {
	s := newSite(t)
	b, path := s.applicant("rowerror@example.se")
	f := editorForm(b.get(path))
	malmoIndicator(f)
	f.Set("indicators", "3") // row 1 stays blank
	for k, v := range map[string]string{"ind-2-name": "Väntetid familjestöd", "ind-2-unit": "dagar", "ind-2-direction": "LOWER_IS_BETTER",
		"ind-2-kpi": "Q12", "ind-2-baseline": "19", "ind-2-baselineDate": "2021-01-01", "ind-2-current": "10",
		"ind-2-currentDate": "2023-06-01", "ind-2-evidence": "Egen mätning."} {
		f.Set(k, v)
	}
	f.Set("summary", "Min sammanfattning.")
	f.Set("action", "save")
	p := b.post(path, f).wantStatus(http.StatusUnprocessableEntity)
	msg := "Ange ett Kolada-id som U33401: en bokstav och fem siffror."
	p.has(`<p class="error" id="f-ind-2-kpi-error"><span class="vh">`, msg,
		`<a href="#f-ind-2-kpi">Resultatmått 3: `+msg+`</a>`, // the summary names the row
		`value="Väntetid familjestöd"`, `value="Q12"`, "Egen mätning.", "Min sammanfattning.", `value="Utredningstid barn och unga"`)
	p.lacks(`id="f-ind-0-kpi-error"`, `id="f-ind-1-kpi-error"`)
	input := between(p.Body, `id="f-ind-2-kpi"`, ">")
	if !strings.Contains(input, `aria-describedby="f-ind-2-kpi-hint f-ind-2-kpi-error"`) || !strings.Contains(input, `aria-invalid="true"`) {
		t.Errorf("the KPI field of row 3 is not tied to its error: <input %s>", input)
	}
	if strings.Count(p.Body, msg) != 2 {
		t.Errorf("the message is on the page %d times, want at the field and in the summary", strings.Count(p.Body, msg))
	}
	saved := b.get(path).wantStatus(http.StatusOK)
	saved.lacks("Min sammanfattning.", "Väntetid familjestöd")

	// In English too, at the same place.
	b.post("/lang", url.Values{"lang": {"en"}, "next": {path}}).wantStatus(http.StatusSeeOther)
	p = b.post(path, f).wantStatus(http.StatusUnprocessableEntity)
	p.has(`id="f-ind-2-kpi-error"`, "Enter a Kolada id such as U33401: a letter and five digits.")
}
