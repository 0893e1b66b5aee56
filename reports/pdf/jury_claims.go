package pdf

import (
	"fmt"
	"math"

	"github.com/leanforum/awards/reports/kpi"
)

// alertFill marks a row that disagrees with the official statistics.
const alertFill rgb = 0xF8D7D7

// Claim is one claimed result of an application checked against the
// official KPI series of the municipality it names, at the years it
// claims (kpi.CheckClaim).
type Claim struct {
	Application string // the application's id, as in Ranking
	Indicator   string // the indicator's name; required
	KPI         string // the KPI's id, such as U33401; required
	// Municipality names the municipality whose series is used.
	Municipality string
	// OtherMunicipality says the indicator's municipality is not its
	// organisation's; Unverified that the organisation's municipality has
	// not been verified by an admin.
	OtherMunicipality, Unverified bool
	Baseline, Current             kpi.ClaimCheck
}

// disagrees says whether either claim disagrees with the official value.
func (c Claim) disagrees() bool {
	return c.Baseline.Verdict == kpi.Disagrees || c.Current.Verdict == kpi.Disagrees
}

// checkClaims validates the claims.
func checkClaims(claims []Claim) error {
	for i, c := range claims {
		at := fmt.Sprintf("jury: Claims[%d]", i)
		if err := firstError(checkRequired(at+": Indicator", c.Indicator), checkRequired(at+": KPI", c.KPI),
			checkRequired(at+": Application", c.Application), checkNumber(at+": Baseline", c.Baseline.Value),
			checkNumber(at+": Current", c.Current.Value)); err != nil {
			return err
		}
	}
	return nil
}

// disputed counts the claims of each application that disagree.
func disputed(claims []Claim) map[string]int {
	n := map[string]int{}
	for _, c := range claims {
		if c.disagrees() {
			n[c.Application]++
		}
	}
	return n
}

// claims draws every claimed result with an official series: the claimed
// and the official value at each claimed year, the place in that year and
// the verdict, a disagreeing claim on a red ground.
func (j jury) claims() {
	if len(j.r.Claims) == 0 {
		return
	}
	j.heading(j.t.claimsHeading, 20)
	t := j.newTable("", []column{{j.t.application, 42, "L"}, {j.t.indicator, 44, "L"}, {j.t.baseline, 36, "L"},
		{j.t.current, 36, "L"}, {j.t.verdict, 22, "L"}})
	t.begin(len(j.r.Claims))
	for _, c := range j.r.Claims {
		verdict, fill := j.t.verdicts[string(kpi.Agrees)], black
		switch {
		case c.disagrees():
			verdict, fill = j.t.verdicts[string(kpi.Disagrees)], alertFill
		case c.Baseline.Verdict != kpi.Agrees || c.Current.Verdict != kpi.Agrees:
			verdict = j.t.verdicts[string(kpi.NoOfficialValue)]
		}
		t.row([]cell{{text: name(j.names.apps, c.Application), fill: fill}, {text: j.indicator(c), fill: fill},
			{text: j.claimPoint(c.Baseline), fill: fill}, {text: j.claimPoint(c.Current), fill: fill},
			{text: verdict, fill: fill, bold: c.disagrees()}})
	}
	t.end()
	j.note(j.t.claimsNote)
}

// indicator names a claim's indicator, KPI and municipality, with the
// municipality's remarks.
func (j jury) indicator(c Claim) string {
	s := clean(c.Indicator) + " · " + clean(c.KPI)
	if c.Municipality != "" {
		s += " · " + clean(c.Municipality)
	}
	if c.OtherMunicipality {
		s += " · " + j.t.otherMunicipality
	}
	if c.Unverified {
		s += " · " + j.t.unverified
	}
	return s
}

// claimPoint prints one claim: "2012: 105 / off. 105 · 1 av 290", with
// the year stood in for it when the claimed one is not published.
func (j jury) claimPoint(c kpi.ClaimCheck) string {
	s := fmt.Sprintf("%d: %s", c.Year, j.value(c.Value))
	if c.OfficialYear == 0 {
		return s + " / " + j.t.noOfficial
	}
	s += " / " + j.t.official + " " + j.value(c.Official)
	if c.OfficialYear != c.Year {
		s += fmt.Sprintf(" (%d)", c.OfficialYear)
	}
	if c.National != nil {
		s += fmt.Sprintf(" · %d %s %d", c.National.Rank, j.t.of, c.NationalSize)
	}
	return s
}

// value prints a claimed or official value with the decimals it needs,
// at most two.
func (j jury) value(v float64) string {
	for dec := 0; dec < 2; dec++ {
		p := math.Pow(10, float64(dec))
		if math.Abs(v*p-math.Round(v*p)) < 1e-9 {
			return j.lang.num(v, dec)
		}
	}
	return j.lang.num(v, 2)
}
