package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func shroutFleissCSV() string {
	m := [][]int{{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}}
	var b strings.Builder
	b.WriteString("target,rater,score\n")
	for i, row := range m {
		for j, v := range row {
			fmt.Fprintf(&b, "S%d,J%d,%d\n", i+1, j+1, v)
		}
	}
	return b.String()
}

func wikipediaAlphaCSV() string {
	coders := map[string]string{
		"A": "* * * * * 3 4 1 2 1 1 3 3 * 3",
		"B": "1 * 2 1 3 3 4 3 * * * * * * *",
		"C": "* * 2 1 3 4 4 * 2 1 1 3 3 * 4",
	}
	var b strings.Builder
	b.WriteString("unit,rater,value\n")
	for _, c := range []string{"A", "B", "C"} {
		for u, v := range strings.Fields(coders[c]) {
			if v != "*" {
				fmt.Fprintf(&b, "u%d,%s,%s\n", u+1, c, v)
			}
		}
	}
	return b.String()
}

func TestAnalyze(t *testing.T) {
	cases := []struct {
		name string
		args []string
		in   string
		want string
	}{
		{"icc", []string{"icc"}, shroutFleissCSV(),
			"ICC1,0.165742\nICC2,0.289764\nICC3,0.714841\nICC1k,0.442797\nICC2k,0.620051\nICC3k,0.909316\n"},
		// psych::ICC's McGraw & Wong intervals for the same data: ICC1 [−0.133, 0.72], ICC2 [0.019, 0.76], …
		{"icc with intervals", []string{"icc", "-ci", "0.95"}, shroutFleissCSV(),
			"ICC1,0.165742,-0.132932,0.722560\nICC2,0.289764,0.018787,0.761084\nICC3,0.714841,0.342465,0.945858\n" +
				"ICC1k,0.442797,-0.884442,0.912415\nICC2k,0.620051,0.071137,0.927232\nICC3k,0.909316,0.675675,0.985892\n"},
		{"nominal alpha", []string{"alpha", "-level", "nominal"}, wikipediaAlphaCSV(), "0.691358\n"},
		{"interval alpha", []string{"alpha", "-level", "interval"}, wikipediaAlphaCSV(), "0.810845\n"},
		{"dea crs input", []string{"dea", "-id", "firm", "-inputs", "x1,x2", "-outputs", "q", "-rts", "crs", "-orientation", "in"},
			"firm,x1,x2,q\nA,2,5,1\nB,2,4,2\nC,6,6,3\nD,3,2,1\nE,6,2,2\n",
			"id,efficiency,peers\nA,0.500000,B\nB,1.000000,B\nC,0.833333,B;E\nD,0.714286,B;E\nE,1.000000,E\n"},
		{"dea with semicolons and decimal commas", []string{"dea", "-sep", ";", "-id", "kommun", "-inputs", "kostnad", "-outputs", "kvalitet", "-rts", "vrs"},
			"kommun;kostnad;kvalitet\nSödertälje;100,5;75\nMalmö;200;100\nÅre;300;300\n",
			// Malmö: 75 + 225λ = 100 gives λ = 1/9 and input 100.5 + 199.5/9 = 122.67 of 200.
			"id,efficiency,peers\nSödertälje,1.000000,Södertälje\nMalmö,0.613333,Södertälje;Åre\nÅre,1.000000,Åre\n"},
		{"dea for Swedish Excel", []string{"dea", "-sep", ";", "-id", "kommun", "-inputs", "kostnad", "-outputs", "kvalitet", "-rts", "vrs", "-format", "excel-sv"},
			"kommun;kostnad;kvalitet\nSödertälje;100,5;75\nMalmö;200;100\n=Åre;300;300\n",
			"\xEF\xBB\xBFid;efficiency;peers\r\nSödertälje;1,000000;Södertälje\r\nMalmö;0,613333;\"Södertälje;=Åre\"\r\n\"'=Åre\";1,000000;\"'=Åre\"\r\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, out := newMain("", "")
			args := append([]string{"analyze"}, c.args...)
			args = append(args, "-in", writeFile(t, c.in))
			if err := m.Run(context.Background(), args); err != nil {
				t.Fatal(err)
			}
			if out.String() != c.want {
				t.Errorf("awardd %v printed\n%s\nwant\n%s", c.args, out, c.want)
			}
		})
	}
}

func TestAnalyzeRefusesMalformedInput(t *testing.T) {
	cases := []struct {
		args []string
		in   string
		want string
	}{
		{[]string{"icc"}, "target,rater,score\nS1,J1,9\nS1,J2,x\n", "line 3"},
		{[]string{"icc"}, "target,rater,score\nS1,J1,9\nS1,J2,4\nS2,J1,3\n", "S2"},
		{[]string{"icc", "-ci", "1.5"}, shroutFleissCSV(), "confidence level"},
		{[]string{"alpha", "-level", "interval"}, "unit,rater,value\nu1,A,1\nu1,A,2\n", "line 3"},
		{[]string{"alpha", "-level", "loud"}, "unit,rater,value\n", "loud"},
		{[]string{"dea", "-id", "f", "-inputs", "x", "-outputs", "y"}, "f,x,y\nA,1,2\nB,zero,3\n", "line 3"},
		{[]string{"dea", "-id", "f", "-inputs", "x", "-outputs", "y"}, "f,x,y\nA,0,2\nB,1,3\n", "A"},
		{[]string{"dea", "-id", "f", "-inputs", "x", "-outputs", "y", "-rts", "odd"}, "f,x,y\n", "odd"},
	}
	for _, c := range cases {
		m, _ := newMain("", "")
		args := append(append([]string{"analyze"}, c.args...), "-in", writeFile(t, c.in))
		err := m.Run(context.Background(), args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("awardd %v on %q = %v, want an error naming %q", c.args, c.in, err, c.want)
		}
	}
}
