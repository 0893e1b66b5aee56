package spreadsheet_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/spreadsheet"
)

func write(d spreadsheet.Dialect, rows ...[]spreadsheet.Cell) string {
	var b bytes.Buffer
	w := spreadsheet.NewWriter(&b, d)
	for _, r := range rows {
		w.Row(r...)
	}
	if err := w.Err(); err != nil {
		panic(err)
	}
	return b.String()
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"}, {"-2+3", "'-2+3"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"}, {"\rcmd", "'\rcmd"},
		{"Malmö stad", "Malmö stad"}, {"", ""}, {" =1", " =1"}, {"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got, _ := spreadsheet.Neutralise(tt.in); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlain(t *testing.T) {
	got := write(spreadsheet.Plain,
		spreadsheet.Texts("id", "name", "value"),
		[]spreadsheet.Cell{spreadsheet.Int(7), spreadsheet.Text("=1+1"), spreadsheet.Number(-3.25, 2)},
		[]spreadsheet.Cell{spreadsheet.Int(8), spreadsheet.Text(`Kommun, "A"`), spreadsheet.Number(math.NaN(), 2)},
		[]spreadsheet.Cell{spreadsheet.Int(9), spreadsheet.Text("-x"), spreadsheet.OptNumber(nil, 1)})
	want := "id,name,value\n7,\"'=1+1\",-3.25\n8,\"Kommun, \"\"A\"\"\",\n9,\"'-x\",\n"
	if got != want {
		t.Errorf("plain CSV =\n%q\nwant\n%q", got, want)
	}
	rows, err := csv.NewReader(strings.NewReader(got)).ReadAll()
	if err != nil || rows[1][1] != "'=1+1" || rows[2][1] != `Kommun, "A"` {
		t.Errorf("read back = %q, %v", rows, err)
	}
}

func TestSwedish(t *testing.T) {
	got := write(spreadsheet.Swedish,
		spreadsheet.Texts("kommun", "värde"),
		[]spreadsheet.Cell{spreadsheet.Text("Malmö; Södra"), spreadsheet.Number(1234.5, 1)},
		[]spreadsheet.Cell{spreadsheet.Text("@evil"), spreadsheet.Number(-0.125, -1)})
	want := "\xEF\xBB\xBFkommun;värde\r\n\"Malmö; Södra\";1234,5\r\n\"'@evil\";-0,125\r\n"
	if got != want {
		t.Errorf("Swedish CSV =\n%q\nwant\n%q", got, want)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(got, "\xEF\xBB\xBF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 3 || rows[1][0] != "Malmö; Södra" || rows[2][1] != "-0,125" {
		t.Errorf("read back = %q, %v", rows, err)
	}
}

func TestParseDialect(t *testing.T) {
	for in, want := range map[string]string{"": "plain", "plain": "plain", "excel-sv": "excel-sv", "EXCEL-SV": "excel-sv"} {
		if d, err := spreadsheet.ParseDialect(in); err != nil || d.Name != want {
			t.Errorf("ParseDialect(%q) = %v, %v, want %s", in, d.Name, err, want)
		}
	}
	if _, err := spreadsheet.ParseDialect("xlsx"); !errors.Is(err, spreadsheet.ErrUnknownDialect) {
		t.Errorf("ParseDialect(xlsx) error = %v, want ErrUnknownDialect", err)
	}
}
