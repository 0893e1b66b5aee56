package graph_test

import (
	"fmt"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

func TestBenchmarkTable(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	r := e.gql("", `{ benchmarkTable(kpiId: "U33401", year: 2022, groupId: "G1", focus: ["0101"]) {
		kpi { id direction legalLimit } rows { code name value rank percentile colour inGroup focus gap }
		national { mean median count members } group { mean median count members } compliance { within count share } } }`, nil).ok()
	rows := r.get("benchmarkTable.rows").([]any)
	if len(rows) != 30 {
		t.Fatalf("rows = %d, want 30", len(rows))
	}
	first := rows[0].(map[string]any)
	// n*7 % 50 is smallest (0) for n = 0: 100 − 8 = 92 days.
	if first["code"] != "0100" || first["value"] != 92.0 || first["rank"] != 1.0 || first["colour"] != "GREEN" || first["gap"] != -28.0 {
		t.Errorf("first row = %v, want 0100 with 92 days, rank 1, GREEN, 28 days within the limit of 120", first)
	}
	if r.num("benchmarkTable.national.members") != 30 || r.num("benchmarkTable.group.members") != 15 {
		t.Errorf("members: national %v, group %v; want 30 and 15", r.get("benchmarkTable.national.members"), r.get("benchmarkTable.group.members"))
	}
	last := rows[29].(map[string]any)
	if last["colour"] != "RED" {
		t.Errorf("last row = %v, want RED", last)
	}
	for _, row := range rows {
		row := row.(map[string]any)
		if row["code"] == "0101" && (row["focus"] != true || row["inGroup"] != false) {
			t.Errorf("0101 = %v, want focus and not in the even group", row)
		}
	}
	if r.num("benchmarkTable.national.count") != 30 || r.num("benchmarkTable.group.count") != 15 {
		t.Errorf("summaries = %v / %v", r.get("benchmarkTable.national"), r.get("benchmarkTable.group"))
	}
	// Within 120 days: 100 + (n*7 % 50) − 8 ≤ 120, i.e. n*7 % 50 ≤ 28.
	within := 0
	for n := 0; n < 30; n++ {
		if n*7%50 <= 28 {
			within++
		}
	}
	if got := r.num("benchmarkTable.compliance.within"); got != within {
		t.Errorf("within the limit = %d, want %d", got, within)
	}
	t.Run("bad input", func(t *testing.T) {
		e.gql("", `{ benchmarkTable(kpiId: "X99999", year: 2022) { year } }`, nil).wantCode("INVALID")
		e.gql("", `{ benchmarkTable(kpiId: "U33401", year: 2022, groupId: "G404") { year } }`, nil).wantCode("NOT_FOUND")
	})
}

func TestAnalyses(t *testing.T) {
	dsn := storetest.NewDatabase(t)
	e := newEnvAt(t, dsn)
	seedKPIs(t, dsn)
	t.Run("trend", func(t *testing.T) {
		r := e.gql("", `{ trend(kpiId: "U33401", municipality: "0100") { first last change percentChange slope improving points series { year value } } }`, nil).ok()
		if r.get("trend.first") != 100.0 || r.get("trend.last") != 92.0 || r.get("trend.change") != -8.0 ||
			r.get("trend.slope") != -2.0 || r.get("trend.improving") != true || r.num("trend.points") != 5 {
			t.Errorf("trend = %v", r.Data)
		}
	})
	t.Run("similar municipalities", func(t *testing.T) {
		r := e.gql("", `{ similarMunicipalities(code: "0100", kpiIds: ["N00001", "U21468"], year: 2022) { code name distance } }`, nil).ok()
		ns := r.get("similarMunicipalities").([]any)
		if len(ns) != 7 {
			t.Fatalf("neighbours = %v, want 7", ns)
		}
		// n = 0 has elderly share 10 and satisfaction 60; n = 18 has 10 and 60 + 234 % 30 = 84.
		for _, nb := range ns {
			if nb.(map[string]any)["code"] == "0100" {
				t.Error("a municipality is its own neighbour")
			}
		}
	})
	t.Run("expected cost", func(t *testing.T) {
		r := e.gql("", `{ expectedCost(costKpiId: "N21006", structuralKpiIds: ["N00001"], year: 2022, qualityKpiId: "U21468") {
			coefficients r2 n rows { code expected deviation quadrant } } }`, nil).ok()
		if r.num("expectedCost.n") != 30 || len(r.get("expectedCost.coefficients").([]any)) != 2 {
			t.Errorf("model = %v", r.Data)
		}
		for _, row := range r.get("expectedCost.rows").([]any) {
			if row.(map[string]any)["quadrant"] == nil {
				t.Errorf("row without a quadrant: %v", row)
			}
		}
	})
	t.Run("efficiency", func(t *testing.T) {
		r := e.gql("", `{ efficiency(inputKpiIds: ["N21006"], outputKpiIds: ["U21468"], year: 2022, rts: CRS) { code efficiency peers { code lambda } } }`, nil).ok()
		res := r.get("efficiency").([]any)
		best := 0
		for _, x := range res {
			eff := x.(map[string]any)["efficiency"].(float64)
			if eff > 1+1e-9 || eff <= 0 {
				t.Errorf("efficiency %v outside (0, 1]", x)
			}
			if eff > 1-1e-9 {
				best++
			}
		}
		if len(res) != 30 || best == 0 {
			t.Errorf("results = %d with %d efficient, want 30 with at least one", len(res), best)
		}
		e.gql("", `{ efficiency(inputKpiIds: ["N21006"], outputKpiIds: ["U21468"], year: 2022, rts: ODD) { code } }`, nil).wantCode("INVALID")
	})
	t.Run("profile", func(t *testing.T) {
		r := e.gql("", `{ municipality(code: "0100") { name kommungrupp { id title } profile(year: 2022) { kpi { id } value rank of colour groupMedian groupCount better } } }`, nil).ok()
		items := r.get("municipality.profile").([]any)
		if len(items) != 4 || r.str("municipality.kommungrupp.id") != "G1" {
			t.Fatalf("profile = %v", r.Data)
		}
		for _, it := range items {
			it := it.(map[string]any)
			if it["kpi"].(map[string]any)["id"] == "U33401" && (it["rank"] != 1.0 || it["groupCount"] != 15.0 || it["better"] != true) {
				t.Errorf("U33401 in the profile = %v, want rank 1 in a group of 15, better than its median", it)
			}
		}
	})
	t.Run("KPI series", func(t *testing.T) {
		const q = `query($n: Int) { kpis(first: $n) { nodes { id
			values(municipalities: ["0101", "0100"], fromYear: 2021, toYear: 2022, genders: ["T"]) { municipality year gender value status synthetic } } } }`
		var counts []int64
		for _, n := range []int{2, 4} {
			r := e.gql("", q, map[string]any{"n": n}).ok()
			counts = append(counts, e.logs.lastStatements())
			nodes := r.get("kpis.nodes").([]any)
			if len(nodes) != n {
				t.Fatalf("%d KPIs, want %d", len(nodes), n)
			}
			for _, k := range nodes {
				k := k.(map[string]any)
				vs := k["values"].([]any)
				if len(vs) != 4 {
					t.Fatalf("%s: %d values, want 2 municipalities × 2 years", k["id"], len(vs))
				}
				if k["id"] == "U33401" {
					// 100 + 0·7 % 50 − (2021 − 2018)·2 for 0100 in 2021, first in key order.
					if v := vs[0].(map[string]any); v["municipality"] != "0100" || v["year"] != 2021.0 || v["value"] != 94.0 || v["gender"] != "T" {
						t.Errorf("first value of U33401 = %v, want 0100 2021 T 94", v)
					}
				}
			}
		}
		if counts[0] != counts[1] {
			t.Errorf("2 KPIs' series took %d statements and 4 took %d; want the same", counts[0], counts[1])
		}
		for _, args := range []string{`municipalities: []`, `genders: []`} {
			if r := e.gql("", `{ kpi(id: "U33401") { values(`+args+`) { value } } }`, nil).ok(); len(r.get("kpi.values").([]any)) != 0 {
				t.Errorf("values(%s) = %v, want none", args, r.get("kpi.values"))
			}
		}
		// Every value of a KPI, or many narrow series by aliases, cost more
		// than a request may.
		aliases := ""
		for i := 0; i < 29; i++ {
			aliases += fmt.Sprintf(" a%d: values(fromYear: %d) { value year municipality gender status synthetic }", i, 1990+i)
		}
		for _, q := range []string{`{ kpi(id: "U33401") { values { value year municipality } } }`,
			`{ kpis(first: 4) { nodes {` + aliases + ` } } }`} {
			e.gql("", q, nil).wantCode("QUERY_TOO_COMPLEX")
		}
		e.gql("", `{ kpi(id: "U33401") { values(fromYear: 2020, toYear: 2022) { value year municipality } } }`, nil).ok()
		for args, field := range map[string]string{`genders: ["X"]`: "genders", `municipalities: ["0100"], fromYear: 2022, toYear: 2020`: "fromYear"} {
			r := e.gql("", `{ kpi(id: "U33401") { values(`+args+`) { value } } }`, nil)
			if r.wantCode("INVALID"); r.Errors[0].Extensions["field"] != field {
				t.Errorf("values(%s): %+v, want INVALID on %s", args, r.Errors, field)
			}
		}
	})
	t.Run("profiles are batched", func(t *testing.T) {
		// Every municipality's profile, with and without named KPIs, in
		// the same few statements as one municipality's.
		const q = `query($group: String) { municipalities(groupId: $group) { code
			profile(year: 2022) { kpi { id } rank groupCount }
			named: profile(year: 2021, kpiIds: ["U33401", "N21006", "U33401"]) { kpi { id } value }
			none: profile(year: 2022, kpiIds: [""]) { value } comma: profile(year: 2022, kpiIds: ["U33401,N21006"]) { value } } }`
		var counts []int64
		for _, group := range []string{"G1", ""} {
			vars := map[string]any{"group": group}
			if group == "" {
				vars["group"] = nil
			}
			r := e.gql("", q, vars).ok()
			counts = append(counts, e.logs.lastStatements())
			ms := r.get("municipalities").([]any)
			for _, m := range ms {
				m := m.(map[string]any)
				if len(m["none"].([]any)) != 0 || len(m["comma"].([]any)) != 0 {
					t.Fatalf("%s: unknown KPI ids gave %v and %v; want nothing", m["code"], m["none"], m["comma"])
				}
				if len(m["profile"].([]any)) != 4 || len(m["named"].([]any)) != 2 {
					t.Fatalf("%s: profile %v, named %v; want 4 KPIs and the 2 named", m["code"], m["profile"], m["named"])
				}
			}
			if group == "G1" && len(ms) != 15 || group == "" && len(ms) != 30 {
				t.Errorf("group %q: %d municipalities", group, len(ms))
			}
		}
		// municipalities, then the KPIs with a value, the KPIs, their values
		// and the kommungrupper, once for every profile field.
		if counts[0] != 5 || counts[1] != 5 {
			t.Errorf("15 profiles took %d statements and 30 took %d; want 5 each", counts[0], counts[1])
		}
	})
}
