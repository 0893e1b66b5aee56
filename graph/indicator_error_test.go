package graph_test

import "testing"

// TestIndicatorErrorNamesItsIndicator: an INVALID indicator says which
// field (extensions.field) of which indicator (extensions.index, from 0)
// it is about; errors about no list element carry no index.
func TestIndicatorErrorNamesItsIndicator(t *testing.T) {
	e := newEnv(t)
	c := e.openCycle(e.admin(), 2026)
	token, org := e.signUp("anna@sodertalje.se", "Södertälje kommun")
	r := e.gql(token, createApp, map[string]any{"c": c.id, "o": org, "t": "Huset för fler i arbete"}).ok()
	id, v := r.str("createApplication.id"), r.num("createApplication.version")
	bad := malmoIndicator()
	bad["kpiId"] = "Q12"
	r = e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{
		"indicators": []any{malmoIndicator(), bad}}}).wantCode("INVALID")
	if x := r.Errors[0].Extensions; x["field"] != "indicators.kpiId" || x["index"] != 1.0 {
		t.Errorf("extensions = %v, want field indicators.kpiId and index 1", x)
	}
	r = e.gql(token, updateApp, map[string]any{"id": id, "v": v, "in": map[string]any{"title": ""}}).wantCode("INVALID")
	if x := r.Errors[0].Extensions; x["field"] != "title" || x["index"] != nil {
		t.Errorf("extensions = %v, want field title and no index", x)
	}
}
