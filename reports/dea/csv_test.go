package dea_test

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/dea"
	"github.com/leanforum/awards/reports/spreadsheet"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name    string
		sep     rune
		in      string
		ids     []string
		inputs  [][]float64
		outputs [][]float64
	}{
		{
			name:    "comma separated with ignored columns",
			sep:     ',',
			in:      "kommun,kostnad,region,personal,kvalitet\nAle,2.5,V,4,1\nBorås,3,V,1e1,0\n",
			ids:     []string{"Ale", "Borås"},
			inputs:  [][]float64{{2.5, 4}, {3, 10}},
			outputs: [][]float64{{1}, {0}},
		},
		{
			name:    "swedish semicolon with decimal comma and thousands spaces",
			sep:     ';',
			in:      "\ufeffkommun;kostnad;personal;kvalitet\r\n\"Upplands Väsby\";52 300,5;4,25;0,9\r\nÖrebro; 48\u00a0100 ;3.5;1\r\n",
			ids:     []string{"Upplands Väsby", "Örebro"},
			inputs:  [][]float64{{52300.5, 4.25}, {48100, 3.5}},
			outputs: [][]float64{{0.9}, {1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := dea.ReadCSV(strings.NewReader(tt.in), tt.sep, "kommun", []string{"kostnad", "personal"}, []string{"kvalitet"})
			if err != nil {
				t.Fatalf("ReadCSV() error = %v", err)
			}
			if !reflect.DeepEqual(p.IDs, tt.ids) || !reflect.DeepEqual(p.Inputs, tt.inputs) || !reflect.DeepEqual(p.Outputs, tt.outputs) {
				t.Errorf("ReadCSV() = %v %v %v, want %v %v %v", p.IDs, p.Inputs, p.Outputs, tt.ids, tt.inputs, tt.outputs)
			}
			if !reflect.DeepEqual(p.InputNames, []string{"kostnad", "personal"}) || !reflect.DeepEqual(p.OutputNames, []string{"kvalitet"}) {
				t.Errorf("ReadCSV() names = %v %v, want the requested columns", p.InputNames, p.OutputNames)
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	const header = "id,x1,x2,q\n"
	tests := []struct {
		name string
		sep  rune
		in   string
		want string
	}{
		{"missing column is named", ',', "id,x1,q\nA,1,1\n", `dea: csv: no column "x2" in header`},
		{"missing id column is named", ',', "name,x1,x2,q\nA,1,1,1\n", `dea: csv: no column "id" in header`},
		{"non-numeric cell names line and column", ',', header + "A,1,2,3\nB,1,two,3\n", `dea: csv: line 3, column "x2": "two" is not a number`},
		{"empty cell", ',', header + "A,1,2,\n", `dea: csv: line 2, column "q": "" is not a number`},
		{"line counts multi-line quoted fields", ',', header + "\"A\nB\",1,2,3\nC,1,2,x\n", `dea: csv: line 4, column "q": "x" is not a number`},
		{"decimal comma needs semicolon", ',', header + "A,\"1,5\",2,3\n", `dea: csv: line 2, column "x1": "1,5" is not a number`},
		{"decimal point and comma together", ';', "id;x1;x2;q\nA;1.234,5;2;3\n", `dea: csv: line 2, column "x1": "1.234,5" is not a number`},
		{"empty id", ',', header + " ,1,2,3\n", `dea: csv: line 2, column "id": empty id`},
		{"wrong field count", ',', header + "A,1,2\n", "dea: csv: record on line 2: wrong number of fields"},
		{"empty input", ',', "", "dea: csv: empty input, want a header row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dea.ReadCSV(strings.NewReader(tt.in), tt.sep, "id", []string{"x1", "x2"}, []string{"q"})
			if err == nil || err.Error() != tt.want {
				t.Errorf("ReadCSV() error = %v, want %q", err, tt.want)
			}
		})
	}
	t.Run("column named twice", func(t *testing.T) {
		_, err := dea.ReadCSV(strings.NewReader(header), ',', "id", []string{"x1", "x2"}, []string{"x1"})
		if want := `dea: csv: column "x1" is named twice`; err == nil || err.Error() != want {
			t.Errorf("ReadCSV() error = %v, want %q", err, want)
		}
	})
}

func TestWriteCSV(t *testing.T) {
	results := []dea.Result{
		{ID: "A", Efficiency: 0.5, Peers: []dea.Peer{{Index: 1, ID: "B", Lambda: 0.5}}},
		{ID: "Ale, Lilla", Efficiency: 1, Peers: []dea.Peer{{Index: 1, ID: "Ale, Lilla", Lambda: 1}}},
		{ID: `D "7"`, Efficiency: 0.7142857142857, Peers: []dea.Peer{{ID: "B"}, {ID: "E"}}},
		{ID: "Z", Efficiency: math.Inf(1), Err: dea.ErrZeroOutput},
	}
	want := "id,efficiency,peers\n" +
		"A,0.500000,B\n" +
		"\"Ale, Lilla\",1.000000,\"Ale, Lilla\"\n" +
		"\"D \"\"7\"\"\",0.714286,B;E\n" +
		"Z,,\n"
	var b strings.Builder
	if err := dea.WriteCSV(&b, results); err != nil {
		t.Fatalf("WriteCSV() error = %v", err)
	}
	if b.String() != want {
		t.Errorf("WriteCSV() = %q, want %q", b.String(), want)
	}
}

func TestWriteSheetNeutralisesFormulasAndWritesSwedish(t *testing.T) {
	results := []dea.Result{
		{ID: "=HYPERLINK(\"http://x\")", Efficiency: 0.5, Peers: []dea.Peer{{ID: "@B"}}},
		{ID: "-1", Efficiency: 1, Peers: []dea.Peer{{ID: "-1"}}},
	}
	var b strings.Builder
	if err := dea.WriteSheet(&b, results, spreadsheet.Swedish); err != nil {
		t.Fatalf("WriteSheet() error = %v", err)
	}
	want := "\xEF\xBB\xBFid;efficiency;peers\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\")\";0,500000;\"'@B\"\r\n" +
		"\"'-1\";1,000000;\"'-1\"\r\n"
	if b.String() != want {
		t.Errorf("WriteSheet(Swedish) = %q, want %q", b.String(), want)
	}
}

func TestReadSolveWriteCSV(t *testing.T) {
	in := "firm;x1;x2;q\nA;2;5;1\nB;2;4;2\nC;6;6;3\nD;3;2;1\nE;6;2;2\n"
	p, err := dea.ReadCSV(strings.NewReader(in), ';', "firm", []string{"x1", "x2"}, []string{"q"})
	if err != nil {
		t.Fatalf("ReadCSV() error = %v", err)
	}
	res, err := dea.Solve(context.Background(), p)
	if err != nil {
		t.Fatalf("Solve() error = %v", err)
	}
	var b strings.Builder
	if err := dea.WriteCSV(&b, res); err != nil {
		t.Fatalf("WriteCSV() error = %v", err)
	}
	want := "id,efficiency,peers\nA,0.500000,B\nB,1.000000,B\nC,0.833333,B;E\nD,0.714286,B;E\nE,1.000000,E\n"
	if b.String() != want {
		t.Errorf("WriteCSV(Solve(ReadCSV(coelli))) = %q, want %q", b.String(), want)
	}
}
