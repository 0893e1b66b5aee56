package pdf

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/leanforum/awards/reports/kpi"
)

// words are the fixed texts shared by every document.
type words struct {
	page, of  string // "Sida 3 av 7"
	dataDate  string // footer: "Data per 2024-03-31"
	continued string // after a table caption on later pages
	missing   string // a value that is not there
	higher    string // kpi.HigherIsBetter
	lower     string // kpi.LowerIsBetter
	neutral   string // kpi.Neutral
	colours   [4]string
	synthetic string // a synthetic value, beside its mark
	axisFrom  string // "the axis starts at %s"
}

// words returns the shared texts of the language.
func (l Lang) words() words {
	if l == English {
		return words{page: "Page", of: "of", dataDate: "Data as of", continued: "(continued)",
			missing: "–", higher: "higher is better", lower: "lower is better", neutral: "neither way is better",
			colours: [4]string{"Green", "Yellow", "Red", "Grey"}, synthetic: "synthetic demo value (not official)",
			axisFrom: "axis starts at %s, not 0"}
	}
	return words{page: "Sida", of: "av", dataDate: "Data per", continued: "(forts.)",
		missing: "–", higher: "högre är bättre", lower: "lägre är bättre", neutral: "varken högre eller lägre är bättre",
		colours: [4]string{"Grön", "Gul", "Röd", "Grå"}, synthetic: "syntetiskt demovärde (inte officiellt)",
		axisFrom: "axeln börjar vid %s, inte 0"}
}

// direction names d in the language.
func (w words) direction(d kpi.Direction) string {
	switch d {
	case kpi.HigherIsBetter:
		return w.higher
	case kpi.LowerIsBetter:
		return w.lower
	}
	return w.neutral
}

// colour names c in the language.
func (w words) colour(c kpi.Colour) string {
	switch c {
	case kpi.Green:
		return w.colours[0]
	case kpi.Yellow:
		return w.colours[1]
	case kpi.Red:
		return w.colours[2]
	}
	return w.colours[3]
}

// minus is the typographic minus sign, used in both languages.
const minus = "−"

// num formats v with dec decimals: in Swedish with a decimal comma and a
// space between thousands, in English with a decimal point and commas;
// thousands are grouped from five digits on. Negative numbers take a real
// minus sign, and a value that rounds to zero has none. NaN and infinities
// print as a dash.
func (l Lang) num(v float64, dec int) string {
	if !finite(v) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	whole, frac, _ := strings.Cut(s, ".")
	point, thousands := ",", " "
	if l == English {
		point, thousands = ".", ","
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(minus)
	}
	if len(whole) < 5 {
		b.WriteString(whole)
	} else {
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteString(thousands)
			}
			b.WriteRune(c)
		}
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// signed formats v like num with a plus sign when it rounds above zero.
func (l Lang) signed(v float64, dec int) string {
	s := l.num(v, dec)
	if v > 0 && strings.Trim(s, "0,.") != "" {
		return "+" + s
	}
	return s
}

// value formats a measured value with as many decimals as it has, at most
// two: 105, 4,5, 0,25.
func (l Lang) value(v float64) string {
	for dec := 0; dec < 2; dec++ {
		if math.Abs(v*math.Pow10(dec)-math.Round(v*math.Pow10(dec))) < 1e-9 {
			return l.num(v, dec)
		}
	}
	return l.num(v, 2)
}

// decimalsFor returns how many decimals, at most two, the values need so
// that a column of them all has the same number.
func decimalsFor(vs []float64) int {
	dec := 0
	for _, v := range vs {
		for dec < 2 && math.Abs(v*math.Pow10(dec)-math.Round(v*math.Pow10(dec))) >= 1e-9 {
			dec++
		}
	}
	return dec
}

// signedValue is value with a plus sign on a value above zero.
func (l Lang) signedValue(v float64) string {
	if s := l.value(v); v > 0 && strings.Trim(s, "0,.") != "" {
		return "+" + s
	}
	return l.value(v)
}

// percent formats v, already in percent, with dec decimals: "61,5 %" in
// Swedish, "61.5%" in English.
func (l Lang) percent(v float64, dec int) string {
	if !finite(v) {
		return "–"
	}
	if l == English {
		return l.num(v, dec) + "%"
	}
	return l.num(v, dec) + " %"
}

// withUnit returns "name (unit)", or name alone when it already names
// the unit, as Kolada's titles often do ("…, kr/inv").
func withUnit(name, unit string) string {
	unit = clean(unit)
	if unit == "" || strings.Contains(strings.ToLower(name), strings.ToLower(unit)) {
		return name
	}
	return name + " (" + unit + ")"
}

// lower returns s with its first letter in lower case.
func lower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// date formats t as an ISO date, which both languages read.
func date(t time.Time) string { return t.Format("2006-01-02") }

// clean makes user text safe to set on one line: invalid UTF-8 and runes
// outside the Basic Multilingual Plane (which gofpdf cannot encode) become
// U+FFFD, and control characters, line breaks included, become spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError || r > 0xFFFF:
			return '\uFFFD'
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// cleanText is clean for text set over several lines: line breaks stay.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = clean(line)
	}
	return strings.Join(lines, "\n")
}
