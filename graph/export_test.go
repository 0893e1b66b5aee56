package graph_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestExports(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.scoredBy(1, 0, 60, 65)
	get := e.get
	want := map[string]struct {
		header string
		rows   int
	}{
		"scores":     {"application_id,application,organisation_id,organisation,juror_id,juror,criterion_id,criterion,criterion_title,value", 6},
		"normalised": {"application_id,application,organisation,criterion_id,criterion,criterion_title,n,mean,median,sd,range,raw,z_score_view,severity_view,flagged", 3},
		"consensus":  {"application_id,application,organisation_id,organisation,criterion_id,criterion,criterion_title,value,rationale,participant_ids,participants", 0},
		"audit":      {"id,at,actor_id,actor,action,entity,entity_id,old_value,new_value", 0},
	}
	for kind, w := range want {
		t.Run(kind, func(t *testing.T) {
			path := fmt.Sprintf("/exports/cycles/%s/%s.csv", j.cycle.id, kind)
			rec := get(j.admin, path)
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
				t.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body)
			}
			rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(strings.Join(rows[0], ","), w.header) {
				t.Errorf("header = %v, want %s…", rows[0], w.header)
			}
			if kind != "audit" && len(rows)-1 != w.rows {
				t.Errorf("%d rows, want %d", len(rows)-1, w.rows)
			}
			if kind == "audit" && len(rows) < 10 {
				t.Errorf("audit export has %d rows", len(rows))
			}
			if rec := get(j.tokens[0], path); rec.Code != 403 {
				t.Errorf("a juror gets %d, want 403", rec.Code)
			}
			if rec := get(j.applicant[0], path); rec.Code != 403 {
				t.Errorf("an applicant gets %d, want 403", rec.Code)
			}
		})
	}
	if rec := get(j.admin, "/exports/cycles/"+j.cycle.id+"/secrets.csv"); rec.Code != 404 {
		t.Errorf("unknown export = %d, want 404", rec.Code)
	}
	for _, kind := range []string{"scores", "normalised", "consensus", "audit"} {
		if rec := get(j.admin, "/exports/cycles/99999/"+kind+".csv"); rec.Code != 404 || !strings.Contains(rec.Body.String(), "NOT_FOUND") {
			t.Errorf("%s export of an unknown cycle = %d %q, want 404 NOT_FOUND", kind, rec.Code, rec.Body.String())
		}
	}
	if !strings.Contains(get(j.admin, fmt.Sprintf("/exports/cycles/%s/scores.csv", j.cycle.id)).Body.String(), "Kommun 1") {
		t.Error("scores export lacks the organisation name")
	}
}

func TestJuryFieldsAreBatched(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 4, 3, "")
	for app := 1; app < 4; app++ {
		j.assign(app, 0).ok()
	}
	j.advance("SCORING")
	for app := 1; app < 4; app++ {
		j.score(0, app, 50)
		e.gql(j.admin, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
			value: 50, rationale: "r", participants: $p}) { value } }`, map[string]any{"a": j.apps[app], "k": j.cycle.criteria[0], "p": j.jurors[:1]}).ok()
	}
	const q = `query($n: Int) { applications(first: $n) { nodes { title scores { value } consensus { value band } cycle { jury { name } assignments { jurorId } } } } }`
	counts := map[int]int64{}
	for _, n := range []int{2, 4} {
		e.gql(j.admin, q, map[string]any{"n": n}).ok()
		counts[n] = e.logs.lastStatements()
	}
	if counts[2] != counts[4] {
		t.Errorf("statements for 2 and 4 applications = %d and %d, want the same", counts[2], counts[4])
	}
}

// getExport fetches an export as the admin of j.
func getExport(t *testing.T, e *env, token, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := e.get(token, path)
	if rec.Code != 200 {
		t.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body)
	}
	return rec
}

// TestExportsNeutraliseFormulas puts texts that spreadsheets run as
// formulas into every exported field a user can write (an organisation's
// name, a juror's name and comments, a consensus rationale) and checks,
// for every export in both formats, that no cell starts a formula and the
// texts come back prefixed with a quote.
func TestExportsNeutraliseFormulas(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	db := e.rawSQL()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `UPDATE organisations SET name = '=HYPERLINK("http://evil","x")' WHERE id = $1`, j.orgs[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE users SET name = '@SUM(A1)' WHERE id = $1`, j.jurors[0]); err != nil {
		t.Fatal(err)
	}
	j.assign(1, 0).ok()
	j.assign(1, 1).ok()
	j.advance("SCORING")
	for _, k := range j.cycle.criteria {
		e.gql(j.tokens[0], saveScore, map[string]any{"a": j.apps[1], "k": k, "v": 50, "s": "+1+1"}).ok()
		e.gql(j.tokens[1], saveScore, map[string]any{"a": j.apps[1], "k": k, "v": 55, "s": "\tcmd"}).ok()
	}
	for _, i := range []int{0, 1} {
		e.gql(j.tokens[i], `mutation($a: ID!) { submitEvaluation(applicationId: $a) { submittedAt } }`, map[string]any{"a": j.apps[1]}).ok()
	}
	e.gql(j.admin, `mutation($a: ID!, $k: ID!, $p: [ID!]!) { recordConsensus(input: {applicationId: $a, criterionId: $k,
		value: 50, rationale: "-2+3", participants: $p}) { value } }`,
		map[string]any{"a": j.apps[1], "k": j.cycle.criteria[0], "p": j.jurors[:2]}).ok()
	hostile := map[string][]string{
		"scores":     {`'=HYPERLINK("http://evil","x")`, "'@SUM(A1)", "'+1+1", "'\tcmd"},
		"normalised": {`'=HYPERLINK("http://evil","x")`},
		"consensus":  {`'=HYPERLINK("http://evil","x")`, "'-2+3", "'@SUM(A1); Juror"},
		"audit":      {"'@SUM(A1)"},
	}
	for kind, want := range hostile {
		for _, format := range []string{"", "excel-sv"} {
			t.Run(kind+"/"+format, func(t *testing.T) {
				path := fmt.Sprintf("/exports/cycles/%s/%s.csv", j.cycle.id, kind)
				if format != "" {
					path += "?format=" + format
				}
				body := getExport(t, e, j.admin, path).Body.String()
				r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\xEF\xBB\xBF")))
				if format == "excel-sv" {
					r.Comma = ';'
				}
				rows, err := r.ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				cells := map[string]bool{}
				for _, row := range rows {
					for i, c := range row {
						cells[c] = true
						if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
							t.Errorf("row %v, column %s: cell %q starts a formula", row[0], rows[0][i], c)
						}
					}
				}
				for _, w := range want {
					if !cells[w] {
						t.Errorf("no cell %q in\n%s", w, body)
					}
				}
			})
		}
	}
}

func TestExportsForSwedishExcel(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 2, "")
	j.scoredBy(1, 0, 60, 65)
	for _, kind := range []string{"scores", "normalised", "consensus", "audit"} {
		t.Run(kind, func(t *testing.T) {
			rec := getExport(t, e, j.admin, fmt.Sprintf("/exports/cycles/%s/%s.csv?format=excel-sv", j.cycle.id, kind))
			body := rec.Body.String()
			if !strings.HasPrefix(body, "\xEF\xBB\xBFapplication_id;") && !strings.HasPrefix(body, "\xEF\xBB\xBFid;") {
				t.Errorf("body starts %q, want a BOM and a ';'-separated header", body[:min(len(body), 30)])
			}
			if !strings.Contains(body, "\r\n") {
				t.Error("rows do not end in CRLF")
			}
			if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "excel-sv.csv") {
				t.Errorf("Content-Disposition = %q, want a name ending excel-sv.csv", cd)
			}
		})
	}
	body := getExport(t, e, j.admin, fmt.Sprintf("/exports/cycles/%s/scores.csv?format=excel-sv", j.cycle.id)).Body.String()
	if !strings.Contains(body, ";65;") {
		t.Errorf("scores for Swedish Excel lack the score 65:\n%s", body)
	}
	norm := getExport(t, e, j.admin, fmt.Sprintf("/exports/cycles/%s/normalised.csv?format=excel-sv", j.cycle.id)).Body.String()
	if !strings.Contains(norm, ";62,500000;") {
		t.Errorf("normalised for Swedish Excel lacks the mean 62,500000:\n%s", norm)
	}
	plain := getExport(t, e, j.admin, fmt.Sprintf("/exports/cycles/%s/scores.csv", j.cycle.id)).Body.String()
	plainNorm := getExport(t, e, j.admin, fmt.Sprintf("/exports/cycles/%s/normalised.csv", j.cycle.id)).Body.String()
	if strings.HasPrefix(plain, "\xEF\xBB\xBF") || strings.Contains(plain, ";") || !strings.Contains(plainNorm, ",62.500000,") {
		t.Errorf("plain exports have a BOM, a semicolon or no decimal point:\n%s\n%s", plain, plainNorm)
	}
	req := httptest.NewRequest("GET", fmt.Sprintf("/exports/cycles/%s/scores.csv?format=xlsx", j.cycle.id), nil)
	req.Header.Set("Authorization", "Bearer "+j.admin)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "INVALID") {
		t.Errorf("format=xlsx = %d %s, want 400 INVALID", rec.Code, rec.Body)
	}
}

func TestConsensusMadIsNullWhenNothingWasCompared(t *testing.T) {
	e := newEnv(t)
	j := newJury(t, e, 2, 3, "")
	j.assign(1, 0).ok()
	j.assign(1, 1).ok()
	j.advance("SCORING")
	j.score(0, 1, 60)
	j.score(1, 1, 65)
	r := e.gql(j.admin, `query($c: ID!) { cycle(id: $c) { ranking { jurors { consensusN consensusMad } } } }`,
		map[string]any{"c": j.cycle.id}).ok()
	for _, jr := range r.get("cycle.ranking.jurors").([]any) {
		m := jr.(map[string]any)
		if m["consensusN"].(float64) == 0 && m["consensusMad"] != nil {
			t.Errorf("juror with no consensus compared has consensusMad %v, want null", m["consensusMad"])
		}
	}
}
