package graph_test

import (
	"fmt"
	"testing"

	"github.com/leanforum/awards/store"
)

// TestEveryConnectionCountsItsItems: every paginated list answers
// totalCount, the number of items its pages hold, as the README says, for
// the callers who may list it.
func TestEveryConnectionCountsItsItems(t *testing.T) {
	e := newDemoEnv(t)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	cycles := e.gql(admin, `{ awards { nodes { cycles { id } } } }`, nil).ok().
		get("awards.nodes").([]any)[0].(map[string]any)["cycles"].([]any)
	lists := []struct{ who, token, path, args string }{
		{"admin", admin, "applications", ""},
		{"admin", admin, "awards", ""},
		{"admin", admin, "organisations", ""},
		{"admin", admin, "users", ""},
		{"admin", admin, "benchmarkReports", ""},
		{"anonymous", "", "benchmarkReports", ""},
		{"anonymous", "", "awards", ""},
	}
	for _, l := range lists {
		n, total := e.pageThrough(l.token, l.path, l.args)
		if n != total || n == 0 {
			t.Errorf("%s: %s has %d items over its pages and totalCount %d, want equal and not 0", l.who, l.path, n, total)
		}
	}
	entries := 0
	for _, c := range cycles {
		id := c.(map[string]any)["id"].(string)
		n, total := e.pageThrough(admin, "cycle.auditLog", id)
		if n != total {
			t.Errorf("cycle %s: the audit log has %d entries over its pages and totalCount %d, want equal", id, n, total)
		}
		entries += n
	}
	if entries == 0 {
		t.Error("the demo's audit logs are empty: nothing was counted")
	}
}

// pageThrough reads every page of the connection at path (a top-level
// field, or cycle.auditLog of cycle id) two items at a time and returns how
// many items the pages held and the totalCount of the first page.
func (e *env) pageThrough(token, path, id string) (items, total int) {
	e.t.Helper()
	after := ""
	for page := 0; ; page++ {
		q := fmt.Sprintf(`query($after: String) { %s(first: 2, after: $after) { totalCount nodes { __typename } pageInfo { hasNextPage endCursor } } }`, path)
		if path == "cycle.auditLog" {
			q = `query($after: String, $id: ID!) { cycle(id: $id) { auditLog(first: 2, after: $after) {
				totalCount nodes { __typename } pageInfo { hasNextPage endCursor } } } }`
		}
		vars := map[string]any{"id": id}
		if after != "" {
			vars["after"] = after
		}
		if id == "" {
			delete(vars, "id")
		}
		r := e.gql(token, q, vars).ok()
		c, _ := r.get(path).(map[string]any)
		if page == 0 {
			total = int(c["totalCount"].(float64))
		}
		items += len(c["nodes"].([]any))
		info := c["pageInfo"].(map[string]any)
		if info["hasNextPage"] != true || page > 500 {
			return items, total
		}
		after = info["endCursor"].(string)
	}
}
