package kpi_test

import (
	"testing"

	"github.com/leanforum/awards/reports/kpi"
)

// claimPanel: municipality 1280 is the best of four (lowest days) in 2012
// and the worst in 2023; 2013 is not published.
func claimPanel() kpi.Panel {
	vals := func(xs ...float64) []kpi.Value {
		codes := []string{"1280", "0180", "1480", "2480"}
		out := make([]kpi.Value, len(xs))
		for i, x := range xs {
			out[i] = kpi.Value{Code: codes[i], Value: x, Valid: true}
		}
		return out
	}
	return kpi.Panel{2012: vals(105, 120, 130, 140), 2014: vals(100, 110, 120, 130), 2023: vals(174, 100, 110, 120)}
}

func TestCheckClaim(t *testing.T) {
	p, group := claimPanel(), []string{"1280", "1480"}
	lower := kpi.LowerIsBetter
	t.Run("placed and coloured at the claimed year, not the latest", func(t *testing.T) {
		c := kpi.CheckClaim(kpi.Claim{Year: 2012, Value: 105}, "1280", p, group, lower, 0.05)
		if c.OfficialYear != 2012 || c.Official != 105 || c.Verdict != kpi.Agrees {
			t.Errorf("CheckClaim(2012, 105) = year %d, official %v, %s; want 2012, 105, AGREES", c.OfficialYear, c.Official, c.Verdict)
		}
		if c.National == nil || c.National.Rank != 1 || c.NationalSize != 4 || c.National.Colour != kpi.Green {
			t.Errorf("national place = %+v of %d, want 1 of 4, green", c.National, c.NationalSize)
		}
		if c.Group == nil || c.Group.Rank != 1 || c.GroupSize != 2 {
			t.Errorf("group place = %+v of %d, want 1 of 2", c.Group, c.GroupSize)
		}
	})
	t.Run("a claim outside the tolerance disagrees", func(t *testing.T) {
		// 140 → 105 is −25 %: a claimed 105 against an official 174 in 2023.
		c := kpi.CheckClaim(kpi.Claim{Year: 2023, Value: 105}, "1280", p, group, lower, 0.05)
		if c.Verdict != kpi.Disagrees || c.Official != 174 || c.National.Rank != 4 || c.National.Colour != kpi.Red {
			t.Errorf("CheckClaim(2023, 105) = %s, official %v, place %+v; want DISAGREES at 174, 4th, red", c.Verdict, c.Official, c.National)
		}
		if c := kpi.CheckClaim(kpi.Claim{Year: 2023, Value: 170}, "1280", p, group, lower, 0.05); c.Verdict != kpi.Agrees {
			t.Errorf("CheckClaim(2023, 170) = %s, want AGREES within 5 %% of 174", c.Verdict)
		}
	})
	t.Run("an unpublished year is placed on the nearest and not judged", func(t *testing.T) {
		// 2013 lies one year from 2012 and from 2014: the earlier is used.
		c := kpi.CheckClaim(kpi.Claim{Year: 2013, Value: 50}, "1280", p, group, lower, 0.05)
		if c.OfficialYear != 2012 || c.Verdict != kpi.NoOfficialValue || c.National == nil {
			t.Errorf("CheckClaim(2013) = year %d, %s, place %+v; want 2012, NO_OFFICIAL_VALUE, placed", c.OfficialYear, c.Verdict, c.National)
		}
	})
	t.Run("nothing within two years is nothing", func(t *testing.T) {
		c := kpi.CheckClaim(kpi.Claim{Year: 2018, Value: 50}, "1280", p, group, lower, 0.05)
		if c.OfficialYear != 0 || c.Verdict != kpi.NoOfficialValue || c.National != nil {
			t.Errorf("CheckClaim(2018) = year %d, %s, place %+v; want none", c.OfficialYear, c.Verdict, c.National)
		}
	})
	t.Run("a municipality without a value that year is not placed", func(t *testing.T) {
		c := kpi.CheckClaim(kpi.Claim{Year: 2012, Value: 50}, "0999", p, group, lower, 0.05)
		if c.OfficialYear != 0 || c.National != nil {
			t.Errorf("CheckClaim for 0999 = %+v, want nothing", c)
		}
	})
}
