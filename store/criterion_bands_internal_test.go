package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// bandTexts are jsonb texts as PostgreSQL writes them, and some it never
// writes, which must still decode as encoding/json decodes them.
var bandTexts = []string{
	`[]`, ` [ ] `,
	`[{"to": 10, "from": 0, "label": "Inga belägg"}]`,
	`[{"to": 10.5, "from": -1e3, "label": ""}, {"to": 100, "from": 10.5, "label": "Fullt"}]`,
	`[{"to": 1E+2, "from": 0.25e-3, "label": "x"}]`,
	`[{"to": 10, "from": 0, "label": "Inga \"belägg\" \n"}]`,
	`[{"to": 10, "extra": [1], "label": "x"}]`,
	`[{"label": "x"}]`, `[{}]`, `[{"from": 1, "from": 2}]`,
	`[{"to": +1}]`, `[{"to": 1.}]`, `[{"to": .5}]`, `[{"to": 01}]`, `[{"to": 1e}]`, `[{"to": 1e+-2}]`,
	`[{"to": 1e999}]`, `[{"to": "1"}]`, `[{"to": null}]`, `[{"label": 3}]`,
	`[{"to": 1},]`, `[{"to": 1}`, `[{"to": 1}] x`, `{}`, `null`, ``, `[1]`, `[{"to" 1}]`,
	`[{"to": 1, "label": "a"}, {"from": 2, "label": "b"}]`, "[{\"label\":\"\xdf\"}]",
}

func TestDecodeBandsIsEncodingJSON(t *testing.T) {
	for _, text := range bandTexts {
		checkBandsDecode(t, text)
	}
}

func FuzzDecodeBands(f *testing.F) {
	for _, text := range bandTexts {
		f.Add(text)
	}
	f.Fuzz(checkBandsDecode)
}

// checkBandsDecode fails when decodeBands and json.Unmarshal disagree on
// text: the values, or whether it is an error.
func checkBandsDecode(t *testing.T, text string) {
	t.Helper()
	var want Bands
	wantErr := json.Unmarshal([]byte(text), &want)
	got, err := decodeBands([]byte(text))
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("decodeBands(%q) error = %v, want %v", text, err, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeBands(%q) = %#v, want %#v", text, got, want)
	}
}
