package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// cycleSettings are a cycle's editable settings as the pages read them.
type cycleSettings struct {
	Title                      string  `json:"title"`
	OpensAt                    string  `json:"opensAt"`
	ClosesAt                   string  `json:"closesAt"`
	ScoringClosesAt            string  `json:"scoringClosesAt"`
	ScoreVisibility            string  `json:"scoreVisibility"`
	Aggregation                string  `json:"aggregation"`
	JurorsPerApplication       int     `json:"jurorsPerApplication"`
	FlagRangeShare             float64 `json:"flagRangeShare"`
	FlagSDShare                float64 `json:"flagSdShare"`
	LockScoresAfterSeeing      bool    `json:"lockScoresAfterSeeing"`
	ReliabilityMinApplications int     `json:"reliabilityMinApplications"`
}

// settingNames are the settings form's fields, named as the API names
// them (so an error's extensions.field is its form field), in the order
// the page shows them.
var settingNames = []string{"title", "opensAt", "closesAt", "scoringClosesAt", "scoreVisibility", "aggregation",
	"jurorsPerApplication", "flagRangeShare", "flagSdShare", "lockScoresAfterSeeing", "reliabilityMinApplications"}

// settingFields maps the API's error fields to the form's: the same names.
var settingFields = func() map[string]string {
	m := map[string]string{"year": "year", "template": "template"}
	for _, n := range settingNames {
		m[n] = n
	}
	return m
}()

// values are the settings as the form shows them: times in Stockholm as
// a datetime-local field holds them, shares in percent.
func (c cycleSettings) values(lang string) url.Values {
	v := url.Values{}
	v.Set("title", c.Title)
	v.Set("opensAt", localTime(c.OpensAt))
	v.Set("closesAt", localTime(c.ClosesAt))
	v.Set("scoringClosesAt", localTime(c.ScoringClosesAt))
	v.Set("scoreVisibility", c.ScoreVisibility)
	v.Set("aggregation", c.Aggregation)
	v.Set("jurorsPerApplication", strconv.Itoa(c.JurorsPerApplication))
	v.Set("flagRangeShare", percentInput(lang, c.FlagRangeShare))
	v.Set("flagSdShare", percentInput(lang, c.FlagSDShare))
	if c.LockScoresAfterSeeing {
		v.Set("lockScoresAfterSeeing", "on")
	}
	v.Set("reliabilityMinApplications", strconv.Itoa(c.ReliabilityMinApplications))
	return v
}

// localTime writes an RFC 3339 time as a datetime-local field holds it,
// in Stockholm's time.
func localTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(stockholm).Format("2006-01-02T15:04")
}

// parseLocalTime reads a time as a datetime-local field sends it (or as
// a person types it without one: "2026-03-31 23:59", a date alone is
// midnight), in Stockholm's time.
func parseLocalTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, stockholm); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// percentInput writes a share as a percent field holds it.
func percentInput(lang string, share float64) string { return decimalInput(lang, share*100) }

// decimalInput writes x as a number field holds it: a decimal comma in
// Swedish, no grouping.
func decimalInput(lang string, x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if lang == "sv" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// settingsInput is the API's input from the form's settings; what cannot
// be read fails at its field.
func settingsInput(f *form, c catalogue) map[string]any {
	in := map[string]any{"title": strings.TrimSpace(f.Get("title")), "scoreVisibility": f.Get("scoreVisibility"),
		"aggregation": f.Get("aggregation"), "lockScoresAfterSeeing": f.Get("lockScoresAfterSeeing") == "on"}
	for _, n := range []string{"opensAt", "closesAt", "scoringClosesAt"} {
		if t, ok := parseLocalTime(f.Get(n)); ok {
			in[n] = t.UTC().Format(time.RFC3339)
		} else {
			f.fail(n, c.text("cycle.form.badTime"))
		}
	}
	for _, n := range []string{"jurorsPerApplication", "reliabilityMinApplications"} {
		if x, err := strconv.Atoi(strings.TrimSpace(f.Get(n))); err == nil {
			in[n] = x
		} else {
			f.fail(n, c.text("cycle.form.badWhole"))
		}
	}
	for _, n := range []string{"flagRangeShare", "flagSdShare"} {
		if x, ok := number(f.Get(n)); ok && x != nil {
			in[n] = *x / 100
		} else {
			f.fail(n, c.text("cycle.form.badPercent"))
		}
	}
	return in
}
