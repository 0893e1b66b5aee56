package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"
)

// The data set: awards with cycles and criteria, applications with
// organisation, answers and indicators, and a KPI over every municipality.
const (
	seedAwards       = 20
	seedCyclesEach   = 3
	seedApplications = 100
	seedCriteria     = 10 // answered by every application
	seedIndicators   = 10 // per application
	seedKPI          = "U33401"
	seedYear         = 2022
)

// seed loads the data set through ours's GraphQL API, logged in as an
// admin; the KPI catalogue and values go through awardd import.
func seed(c *client, adminEmail, adminPassword string) error {
	d, err := c.do(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
		map[string]any{"e": adminEmail, "p": adminPassword})
	if err != nil {
		return err
	}
	c.token = str(path(d, "login", "token"))
	for i := 1; i <= seedAwards; i++ {
		award, err := c.do(`mutation($n: String!) { createAward(name: $n, description: "Ett pris för ständiga förbättringar.") { id } }`,
			map[string]any{"n": fmt.Sprintf("Pris %02d", i)})
		if err != nil {
			return err
		}
		for y := 0; y < seedCyclesEach; y++ {
			if _, err := openCycle(c, str(path(award, "createAward", "id")), 2026+y, "EFQM_2020"); err != nil {
				return err
			}
		}
	}
	return seedApplicationsCycle(c)
}

// openCycle creates a cycle from template (none when "") and opens it,
// returning its id.
func openCycle(c *client, awardID string, year int, template string, criteria ...int) (string, error) {
	now := time.Now().UTC()
	in := map[string]any{"awardId": awardID, "year": year, "title": fmt.Sprintf("Omgång %d", year),
		"opensAt": now.Add(-24 * time.Hour), "closesAt": now.AddDate(0, 1, 0), "scoringClosesAt": now.AddDate(0, 2, 0)}
	if template != "" {
		in["template"] = template
	}
	d, err := c.do(`mutation($in: CreateCycleInput!) { createCycle(input: $in) { id version } }`, map[string]any{"in": in})
	if err != nil {
		return "", err
	}
	id := str(path(d, "createCycle", "id"))
	for _, k := range criteria {
		_, err := c.do(`mutation($c: ID!, $in: CriterionInput!) { createCriterion(cycleId: $c, input: $in) { id } }`,
			map[string]any{"c": id, "in": map[string]any{"code": fmt.Sprintf("K%d", k), "title": fmt.Sprintf("Kriterium %d", k),
				"weight": 1 + k%3, "scaleMin": 0, "scaleMax": 100, "scaleStep": 5}})
		if err != nil {
			return "", err
		}
	}
	_, err = c.do(`mutation($id: ID!, $v: Int!) { advanceCycle(id: $id, version: $v, to: OPEN) { phase } }`,
		map[string]any{"id": id, "v": path(d, "createCycle", "version")})
	return id, err
}

// seedApplicationsCycle creates an award whose cycle has seedCriteria
// criteria, and seedApplications submitted applications to it.
func seedApplicationsCycle(c *client) error {
	award, err := c.do(`mutation { createAward(name: "Svenska Leanpriset", description: "Lean Forums pris.") { id } }`, nil)
	if err != nil {
		return err
	}
	ks := make([]int, seedCriteria)
	for i := range ks {
		ks[i] = i + 1
	}
	cycle, err := openCycle(c, str(path(award, "createAward", "id")), 2026, "", ks...)
	if err != nil {
		return err
	}
	d, err := c.do(`query($c: ID!) { cycle(id: $c) { criteria { id } } }`, map[string]any{"c": cycle})
	if err != nil {
		return err
	}
	var answers []map[string]any
	for _, k := range path(d, "cycle", "criteria").([]any) {
		answers = append(answers, map[string]any{"criterionId": path(k, "id"), "text": "Så arbetar vi med lean: " + strings.Repeat("flöde, ", 8)})
	}
	for i := 0; i < seedApplications; i++ {
		if err := seedApplication(c, cycle, i, answers); err != nil {
			return err
		}
	}
	return nil
}

func seedApplication(c *client, cycle string, i int, answers []map[string]any) error {
	o, err := c.do(`mutation($in: OrganisationInput!) { createOrganisation(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"name": fmt.Sprintf("Förvaltning %03d", i), "kind": "MUNICIPALITY", "sector": "PUBLIC",
			"municipalityCode": "1280"}})
	if err != nil {
		return err
	}
	a, err := c.do(`mutation($in: CreateApplicationInput!) { createApplication(input: $in) { id version } }`,
		map[string]any{"in": map[string]any{"cycleId": cycle, "organisationId": path(o, "createOrganisation", "id"),
			"title": fmt.Sprintf("Kortare väntetider %03d", i)}})
	if err != nil {
		return err
	}
	var inds []map[string]any
	for k := 0; k < seedIndicators; k++ {
		inds = append(inds, map[string]any{"name": fmt.Sprintf("Väntetid %d", k), "unit": "dagar", "direction": "LOWER_IS_BETTER",
			"baselineValue": 19 + k + i%7, "baselineDate": "2010-01-01", "currentValue": 10 + k, "currentDate": "2012-06-01"})
	}
	id := path(a, "createApplication", "id")
	u, err := c.do(`mutation($id: ID!, $v: Int!, $in: UpdateApplicationInput!) { updateApplication(id: $id, version: $v, input: $in) { version } }`,
		map[string]any{"id": id, "v": path(a, "createApplication", "version"),
			"in": map[string]any{"summary": "Väntetiden halverades.", "answers": answers, "indicators": inds}})
	if err != nil {
		return err
	}
	_, err = c.do(`mutation($id: ID!, $v: Int!) { submitApplication(id: $id, version: $v) { status } }`,
		map[string]any{"id": id, "v": path(u, "updateApplication", "version")})
	return err
}

// writeKPIValues writes a CSV of generated values of seedKPI for every
// municipality in counties (municipality_county.csv), 2018 to seedYear,
// for awardd import csv.
func writeKPIValues(counties, out string) error {
	f, err := os.Open(counties)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "kpi,municipality,period,gender,value,status")
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		code, _, _ := strings.Cut(sc.Text(), ",")
		if n == 0 || len(code) != 4 {
			continue
		}
		for y := 2018; y <= seedYear; y++ {
			for g, gender := range []string{"T", "K", "M"} {
				fmt.Fprintf(bw, "%s,%s,%d,%s,%d.%d,\n", seedKPI, code, y, gender, 80+(n*37+y)%90, (n+g)%10)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return w.Close()
}
