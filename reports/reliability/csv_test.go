package reliability_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/leanforum/awards/reports/reliability"
)

func TestReadICCCSV(t *testing.T) {
	rt, err := reliability.ReadICCCSV(strings.NewReader(shroutFleissCSV))
	if err != nil {
		t.Fatalf("ReadICCCSV(shroutFleissCSV) error: %v", err)
	}
	t.Run("labels keep first-appearance order", func(t *testing.T) {
		wantTargets := []string{"S1", "S2", "S3", "S4", "S5", "S6"}
		wantRaters := []string{"J1", "J2", "J3", "J4"}
		if !slices.Equal(rt.Targets, wantTargets) || !slices.Equal(rt.Raters, wantRaters) {
			t.Errorf("ReadICCCSV labels = %v, %v, want %v, %v", rt.Targets, rt.Raters, wantTargets, wantRaters)
		}
	})
	t.Run("scores form the targets by raters matrix", func(t *testing.T) {
		for i, row := range shroutFleiss {
			if !slices.Equal(rt.Scores[i], row) {
				t.Errorf("ReadICCCSV row %d = %v, want %v", i, rt.Scores[i], row)
			}
		}
	})
	t.Run("header is case-insensitive and trimmed", func(t *testing.T) {
		in := "\ufeff Target , RATER,Score\nA,x,1\nA,y,2\nB,x,3\nB,y,4\n"
		if _, err := reliability.ReadICCCSV(strings.NewReader(in)); err != nil {
			t.Errorf("ReadICCCSV(%q) error: %v", in, err)
		}
	})
}

func TestReadICCCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want []string // substrings of the error message
	}{
		{"missing rater names target and rater", "target,rater,score\nA,x,1\nA,y,2\nB,x,3\n",
			[]string{`target "B" has no score from rater "y"`}},
		{"several missing scores are counted", "target,rater,score\nA,x,1\nA,y,2\nA,z,2\nB,x,3\n",
			[]string{`target "B" has no score from rater "y"`, "2 scores missing"}},
		{"duplicate row names both lines", "target,rater,score\nA,x,1\nA,y,2\nA,x,3\n",
			[]string{"line 4", `duplicate score for target "A" and rater "x"`, "first given on line 2"}},
		{"non-numeric score names the line", "target,rater,score\nA,x,1\nA,y,high\n",
			[]string{"line 3", `score "high" is not a finite number`}},
		{"NaN score names the line", "target,rater,score\nA,x,NaN\n",
			[]string{"line 2", `"NaN" is not a finite number`}},
		{"empty target names the line", "target,rater,score\nA,x,1\n ,y,2\n",
			[]string{"line 3", "empty target"}},
		{"wrong header", "applicant,juror,points\nA,x,1\n",
			[]string{"line 1", `want "target,rater,score"`}},
		{"alpha header is the wrong header", "unit,rater,value\nA,x,1\n",
			[]string{"line 1", "header"}},
		{"header of two columns", "target,rater\nA,x\n",
			[]string{"line 1", "header"}},
		{"wrong number of fields names the line", "target,rater,score\nA,x,1\nA,y\n",
			[]string{"line 3", "wrong number of fields"}},
		{"empty input", "", []string{"empty input"}},
		{"header alone has no data", "target,rater,score\n", []string{"no data"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := reliability.ReadICCCSV(strings.NewReader(c.in))
			checkError(t, "ReadICCCSV", c.in, err, c.want)
		})
	}
}

func TestReadAlphaCSV(t *testing.T) {
	in := "unit,rater,value\n1,A,3\n1,B,3\n2,B,1\n3,A,2\n3,C,2\n"
	rt, err := reliability.ReadAlphaCSV(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ReadAlphaCSV(%q) error: %v", in, err)
	}
	t.Run("missing rows become NaN", func(t *testing.T) {
		want := [][]float64{{3, 3, na}, {na, 1, na}, {2, na, 2}}
		for i, row := range want {
			for j, w := range row {
				if g := rt.Scores[i][j]; g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
					t.Errorf("ReadAlphaCSV scores[%d][%d] = %v, want %v", i, j, g, w)
				}
			}
		}
	})
	t.Run("labels keep first-appearance order", func(t *testing.T) {
		if !slices.Equal(rt.Targets, []string{"1", "2", "3"}) || !slices.Equal(rt.Raters, []string{"A", "B", "C"}) {
			t.Errorf("ReadAlphaCSV labels = %v, %v, want [1 2 3], [A B C]", rt.Targets, rt.Raters)
		}
	})
	t.Run("errors name the line", func(t *testing.T) {
		dup := "unit,rater,value\n1,A,3\n1,B,3\n1,A,4\n"
		_, err := reliability.ReadAlphaCSV(strings.NewReader(dup))
		checkError(t, "ReadAlphaCSV", dup, err, []string{"line 4", `duplicate value for unit "1" and rater "A"`})
		bad := "unit,rater,value\n1,A,3\n1,B,\n"
		_, err = reliability.ReadAlphaCSV(strings.NewReader(bad))
		checkError(t, "ReadAlphaCSV", bad, err, []string{"line 3", "is not a finite number"})
	})
	t.Run("wrong header and empty input are rejected", func(t *testing.T) {
		for _, in := range []string{"target,rater,score\n1,A,3\n", ""} {
			_, err := reliability.ReadAlphaCSV(strings.NewReader(in))
			checkError(t, "ReadAlphaCSV", in, err, nil)
		}
	})
}

func TestFormatICCRoundTrip(t *testing.T) {
	rt, err := reliability.ReadICCCSV(strings.NewReader(shroutFleissCSV))
	if err != nil {
		t.Fatalf("ReadICCCSV(shroutFleissCSV) error: %v", err)
	}
	r, err := reliability.ICC(rt.Scores)
	if err != nil {
		t.Fatalf("ICC(shroutFleissCSV) error: %v", err)
	}
	var b strings.Builder
	if err := reliability.FormatICC(&b, r); err != nil {
		t.Fatalf("FormatICC error: %v", err)
	}
	want := "ICC1,0.165742\nICC2,0.289764\nICC3,0.714841\n" +
		"ICC1k,0.442797\nICC2k,0.620051\nICC3k,0.909316\n"
	if b.String() != want {
		t.Errorf("FormatICC(ICC(shroutFleissCSV)) = %q, want %q", b.String(), want)
	}
}

// checkError fails t unless err wraps ErrInvalid or ErrInsufficientData and
// its message holds every string in want.
func checkError(t *testing.T, fn, in string, err error, want []string) {
	t.Helper()
	if !errors.Is(err, reliability.ErrInvalid) && !errors.Is(err, reliability.ErrInsufficientData) {
		t.Errorf("%s(%q) error = %v, want an ErrInvalid or ErrInsufficientData", fn, in, err)
		return
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s(%q) error = %q, want it to contain %q", fn, in, err, w)
		}
	}
	if !strings.HasPrefix(err.Error(), "reliability: ") {
		t.Errorf("%s(%q) error = %q, want prefix %q", fn, in, err, "reliability: ")
	}
}
