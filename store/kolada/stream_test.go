package kolada_test

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/leanforum/awards/store/kolada"
	"github.com/leanforum/awards/store/storetest"
)

// readAll reads every element of s, returning the valid records and the
// record errors, and the error that ended the stream (nil at io.EOF).
func readAll[T any, PT interface {
	*T
	kolada.Record
}](s *kolada.Stream) ([]T, []*kolada.RecordError, error) {
	var out []T
	var bad []*kolada.RecordError
	for {
		var v T
		err := s.Next(PT(&v))
		var re *kolada.RecordError
		switch {
		case err == nil:
			out = append(out, v)
		case errors.As(err, &re):
			bad = append(bad, re)
		case err == io.EOF:
			return out, bad, nil
		default:
			return out, bad, err
		}
	}
}

func TestStreamDecodesData(t *testing.T) {
	doc := `{"next_url": "", "values": [
		{"kpi":"U33401","municipality":"1280","period":2012,"values":[
			{"gender":"T","count":1,"status":"","value":105.5},
			{"gender":"K","count":1,"status":"Bortfall","value":null},
			{"gender":"M","count":1,"status":null,"value":98}]},
		{"kpi":"N01951","municipality":"G92787","period":2020,"values":[]}
	], "count": 2}`
	got, bad, err := readAll[kolada.Data](kolada.NewStream(strings.NewReader(doc)))
	if err != nil || len(bad) > 0 || len(got) != 2 {
		t.Fatalf("readAll = %d records, %v, %v", len(got), bad, err)
	}
	d := got[0]
	if d.KPI != "U33401" || d.Municipality != "1280" || d.Period != 2012 || len(d.Values) != 3 {
		t.Fatalf("record 0 = %+v", d)
	}
	if v := d.Values[0]; v.Gender != "T" || v.Value == nil || *v.Value != 105.5 {
		t.Errorf("values[0] = %+v", v)
	}
	if v := d.Values[1]; v.Value != nil || v.Status != "Bortfall" {
		t.Errorf("values[1] = %+v, want a null value with status Bortfall", v)
	}
	if got[1].Municipality != "G92787" || len(got[1].Values) != 0 {
		t.Errorf("record 1 = %+v", got[1])
	}
}

func TestStreamErrors(t *testing.T) {
	rec := func(s string) string { return `{"values":[` + okData + `,` + s + `,` + okData + `]}` }
	cases := []struct {
		name, doc string
		want      string // in the record error, or in the fatal error when fatal
		fatal     bool
	}{
		{"period is not a year", rec(`{"kpi":"U33401","municipality":"1280","period":"2020-01","values":[]}`), `values[1].period: "2020-01" is not a year`, false},
		{"period out of range", rec(`{"kpi":"U33401","municipality":"1280","period":12,"values":[]}`), "values[1].period: 12 is not a year between", false},
		{"fractional period", rec(`{"kpi":"U33401","municipality":"1280","period":2020.5,"values":[]}`), "values[1].period: 2020.5 is not a year", false},
		{"gender", rec(`{"kpi":"U33401","municipality":"1280","period":2020,"values":[{"gender":"T","value":1},{"gender":"X","value":1}]}`), `values[1].values[1].gender: "X" is not T, K or M`, false},
		{"gender twice", rec(`{"kpi":"U33401","municipality":"1280","period":2020,"values":[{"gender":"T","value":1},{"gender":"T","value":2}]}`), "values[1].values[1].gender: T appears twice", false},
		{"value not a number", rec(`{"kpi":"U33401","municipality":"1280","period":2020,"values":[{"gender":"T","value":"abc"}]}`), `values[1].values[0].value: "abc" is not a number`, false},
		{"kpi is a number", rec(`{"kpi":33401,"municipality":"1280","period":2020,"values":[]}`), "values[1].kpi: is a JSON number, want a string", false},
		{"bad kpi id", rec(`{"kpi":"u33401","municipality":"1280","period":2020,"values":[]}`), `values[1].kpi: "u33401" is not a KPI id`, false},
		{"bad municipality", rec(`{"kpi":"U33401","municipality":"128","period":2020,"values":[]}`), `values[1].municipality: "128" is neither`, false},
		{"element not an object", rec(`42`), "values[1]: is a JSON number, want an object", false},
		{"truncated inside a record", `{"values":[` + okData + `,{"kpi":"U33401","munic`, "truncated JSON in values[1]", true},
		{"truncated between records", `{"values":[` + okData + `,`, "truncated JSON in values[1]", true},
		{"malformed record", `{"values":[` + okData + `,{"kpi":"U33401",,}]}`, "malformed JSON", true},
		{"no values", `{"next_url":null}`, `no "values" array`, true},
		{"values not an array", `{"values":{}}`, `"values" is not an array`, true},
		{"not an object", `[1,2]`, "expected {, found [", true},
		{"empty input", ``, "truncated JSON", true},
		{"a second document after the first", `{"values":[` + okData + `]}{"values":[]}`, "data after the document", true},
		{"text after the document", `{"values":[` + okData + `]} trailing`, "data after the document", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, bad, err := readAll[kolada.Data](kolada.NewStream(strings.NewReader(c.doc)))
			if c.fatal {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("error = %v, want one containing %q", err, c.want)
				}
				var fe *kolada.FormatError
				if !errors.As(err, &fe) {
					t.Errorf("error is %T, want *kolada.FormatError", err)
				}
				return
			}
			if err != nil || len(bad) != 1 || len(got) != 2 {
				t.Fatalf("readAll = %d records, %v, %v; want 2 records and one error", len(got), bad, err)
			}
			if bad[0].Index != 1 || !strings.Contains(bad[0].Error(), c.want) {
				t.Errorf("record error = %q (index %d), want %q at index 1", bad[0], bad[0].Index, c.want)
			}
		})
	}
}

const okData = `{"kpi":"U33401","municipality":"1280","period":2012,"values":[{"gender":"T","status":"","value":105}]}`

func TestStreamNullValuesAndKeyOrder(t *testing.T) {
	doc := `{"next_url":"http://elsewhere/page2","values":null,"extra":{"a":[1,2]}}`
	got, bad, err := readAll[kolada.Data](kolada.NewStream(strings.NewReader(doc)))
	if err != nil || len(got) != 0 || len(bad) != 0 {
		t.Errorf("values null: %d records, %v, %v; want none, and next_url not followed in a file", len(got), bad, err)
	}
}

func TestStreamReferenceRecords(t *testing.T) {
	kpis := `{"values":[{"id":"U33401","title":"Utredningstid","description":"d","is_divided_by_gender":true,
		"municipality_type":"K","auspice":null,"operating_area":"Individ- och familjeomsorg","perspective":"Kvalitet och resultat",
		"prel_publication_date":null,"publication_date":"2026-08-28","publ_period":"2025","has_ou_data":false},
		{"id":"U33402","title":"","municipality_type":"K"},
		{"id":"U33403","title":"x","municipality_type":"K","publication_date":"28/8"},
		{"id":"U33404","title":"x","municipality_type":"K","is_divided_by_gender":"yes"}]}`
	got, bad, err := readAll[kolada.KPI](kolada.NewStream(strings.NewReader(kpis)))
	if err != nil || len(got) != 1 || len(bad) != 3 {
		t.Fatalf("kpis: %d records, %v, %v", len(got), bad, err)
	}
	if k := got[0]; !k.IsDividedByGender || k.Auspice != nil || *k.PublicationDate != "2026-08-28" {
		t.Errorf("kpi = %+v", k)
	}
	for i, want := range []string{"values[1].title: is empty", "values[2].publication_date", "values[3].is_divided_by_gender: is a JSON string"} {
		if !strings.Contains(bad[i].Error(), want) {
			t.Errorf("error %d = %q, want %q", i, bad[i], want)
		}
	}
	groups := `{"values":[{"id":"G92787","title":"Storstäder","members":[{"member_id":"0180","member_title":"Stockholm"}]},
		{"id":"G1","title":"x","members":[{"member_id":"180"}]}]}`
	gs, bad, err := readAll[kolada.Group](kolada.NewStream(strings.NewReader(groups)))
	if err != nil || len(gs) != 1 || len(bad) != 1 || !strings.Contains(bad[0].Error(), "values[1].members[0].member_id") {
		t.Errorf("groups: %v, %v, %v", gs, bad, err)
	}
}

// TestStreamSharedFiles reads the real Kolada files in ../shared/data.
func TestStreamSharedFiles(t *testing.T) {
	count := func(name string, next func(*kolada.Stream) (int, int, error)) int {
		f, err := os.Open(storetest.SharedData(t, "kolada/"+name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		n, bad, err := next(kolada.NewStream(f))
		if err != nil || bad != 0 {
			t.Fatalf("%s: %d invalid records, %v", name, bad, err)
		}
		return n
	}
	for _, c := range []struct {
		name string
		next func(*kolada.Stream) (int, int, error)
		want int
	}{
		{"kpi.json", counter[kolada.KPI], 6099},
		{"municipality.json", counter[kolada.Municipality], 312},
		{"municipality_groups.json", counter[kolada.Group], 3630},
		{"data_samples.json", counter[kolada.Data], 303},
	} {
		if n := count(c.name, c.next); n != c.want {
			t.Errorf("%s has %d records, want %d", c.name, n, c.want)
		}
	}
}

func counter[T any, PT interface {
	*T
	kolada.Record
}](s *kolada.Stream) (int, int, error) {
	got, bad, err := readAll[T, PT](s)
	return len(got), len(bad), err
}
