package store

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeBands is json.Unmarshal(data, &bands) for what PostgreSQL writes
// for a jsonb array of bands: `[{"to": 10, "from": 0, "label": "…"}, …]`.
// Reading 20 awards' criteria spent half its time in encoding/json's
// reflection; this reads the common shape directly and leaves anything
// else (escapes in a label, other keys, other types) to encoding/json.
func decodeBands(data []byte) (Bands, error) {
	if b, ok := scanBands(string(data)); ok {
		return b, nil
	}
	var b Bands
	err := json.Unmarshal(data, &b)
	return b, err
}

// bandScanner reads one jsonb text; ok turns false at the first byte it
// does not expect.
type bandScanner struct {
	s  string
	ok bool
}

// scanBands reads s as bands, or says it cannot.
func scanBands(s string) (Bands, bool) {
	r := &bandScanner{s: s, ok: true}
	out := Bands{}
	if r.byte('['); r.peek() == ']' {
		r.s = r.s[1:]
		return out, r.end()
	}
	for r.ok {
		out = append(out, r.band())
		if r.peek() != ',' {
			break
		}
		r.byte(',')
	}
	r.byte(']')
	return out, r.end()
}

// band reads one {"key": value, …} object of the keys from, to and label,
// each at most once.
func (r *bandScanner) band() Band {
	var b Band
	var seen [3]bool
	r.byte('{')
	for r.ok {
		key := r.str()
		r.byte(':')
		switch {
		case key == "from" && !seen[0]:
			b.From, seen[0] = r.num(), true
		case key == "to" && !seen[1]:
			b.To, seen[1] = r.num(), true
		case key == "label" && !seen[2]:
			b.Label, seen[2] = r.str(), true
		default:
			r.ok = false
		}
		if r.peek() != ',' {
			break
		}
		r.byte(',')
	}
	r.byte('}')
	return b
}

// byte reads c after optional spaces.
func (r *bandScanner) byte(c byte) {
	if r.peek() != c {
		r.ok = false
		return
	}
	r.s = r.s[1:]
}

// peek skips spaces and returns the next byte (0 at the end or once failed).
func (r *bandScanner) peek() byte {
	r.s = trimSpace(r.s)
	if !r.ok || r.s == "" {
		return 0
	}
	return r.s[0]
}

// str reads a string of valid UTF-8 without escapes or control
// characters (encoding/json replaces invalid bytes).
func (r *bandScanner) str() string {
	if r.byte('"'); !r.ok {
		return ""
	}
	for i := 0; i < len(r.s); i++ {
		switch c := r.s[i]; {
		case c == '"':
			v := r.s[:i]
			r.s = r.s[i+1:]
			r.ok = utf8.ValidString(v)
			return v
		case c == '\\' || c < 0x20:
			r.ok = false
			return ""
		}
	}
	r.ok = false
	return ""
}

// num reads a JSON number.
func (r *bandScanner) num() float64 {
	r.peek()
	i := 0
	for i < len(r.s) && (r.s[i] >= '0' && r.s[i] <= '9' || r.s[i] == '-' || r.s[i] == '+' || r.s[i] == '.' || r.s[i] == 'e' || r.s[i] == 'E') {
		i++
	}
	f, err := strconv.ParseFloat(r.s[:i], 64)
	if err != nil || i == 0 || !jsonNumber(r.s[:i]) {
		r.ok = false
	}
	r.s = r.s[i:]
	return f
}

// end says whether the whole text was read.
func (r *bandScanner) end() bool {
	return r.ok && trimSpace(r.s) == ""
}

// trimSpace drops JSON's white space from the start of s.
func trimSpace(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
		s = s[1:]
	}
	return s
}

// jsonNumber says whether s is a number as JSON spells it:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? (strconv also takes
// "+1", "1." and ".5").
func jsonNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	digits := func() int {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		s = s[n:]
		return n
	}
	if strings.HasPrefix(s, "0") {
		s = s[1:]
	} else if digits() == 0 {
		return false
	}
	if strings.HasPrefix(s, ".") {
		if s = s[1:]; digits() == 0 {
			return false
		}
	}
	if s != "" && (s[0] == 'e' || s[0] == 'E') {
		if s = s[1:]; s != "" && (s[0] == '+' || s[0] == '-') {
			s = s[1:]
		}
		if digits() == 0 {
			return false
		}
	}
	return s == ""
}
