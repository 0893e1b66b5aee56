package web

import (
	"math"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on machines without a zone database
)

var monthNames = map[string][12]string{
	"sv": {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// stockholm is the time zone dates are shown in.
var stockholm = func() *time.Location {
	l, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		return time.UTC
	}
	return l
}()

// formatDate writes t as a date in lang: "3 december 2026", "3 December 2026".
func formatDate(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(stockholm)
	return strconv.Itoa(t.Day()) + " " + monthNames[lang][t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// formatDateTime is formatDate with the time of day.
func formatDateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	clock := t.In(stockholm).Format("15:04")
	if lang == "sv" {
		return formatDate(lang, t) + " kl. " + clock
	}
	return formatDate(lang, t) + ", " + clock
}

// formatNumber writes v with at most decimals decimals, trailing zeros
// dropped, grouped in thousands: sv "1 234,5" (no-break space), en "1,234.5".
func formatNumber(lang string, v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	group, point := "\u00a0", ","
	if lang == "en" {
		group, point = ",", "."
	}
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// swedishOrder is a sort key that puts names in Swedish alphabetical
// order: å, ä and ö after z, é as e, ü as y, case ignored.
var swedishOrder = strings.NewReplacer("å", "z\x01", "ä", "z\x02", "æ", "z\x02", "ö", "z\x03", "ø", "z\x03",
	"é", "e", "è", "e", "ü", "y")

func swedishKey(s string) string { return swedishOrder.Replace(strings.ToLower(s)) }
