package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// FuzzHandler sends each input twice through the handler, as a query and
// as a whole request body. Whatever comes in, the handler must not panic,
// must answer JSON, and must take less than a second. The seed corpus in
// testdata/fuzz/FuzzHandler holds the known attacks. Run it with
// `make fuzz`.
func FuzzHandler(f *testing.F) {
	e := newEnv(f)
	f.Fuzz(func(t *testing.T, query string, body []byte) {
		wrapped, _ := json.Marshal(map[string]string{"query": query})
		for _, b := range [][]byte{wrapped, body} {
			start := time.Now()
			rec := post(e.h, b)
			if took := time.Since(start); took > time.Second {
				t.Errorf("answered in %v: %.200q", took, b)
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || !json.Valid(rec.Body.Bytes()) {
				t.Errorf("answer %d %q is not JSON: %.200q", rec.Code, rec.Body, b)
			}
		}
	})
}
