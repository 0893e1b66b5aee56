package graph_test

import (
	"encoding/json"
	"testing"
)

// TestPublishedVersionReadAgain: a published version's content is the
// same at every read, whatever a read in between selected (the decoded
// snapshot is shared between requests, and a read of only the newest
// sections and the focus rows must not change it for the next).
func TestPublishedVersionReadAgain(t *testing.T) {
	e := newDemoEnv(t)
	const whole = `{ benchmarkReport(id: 1) { versions { version content { years sections { year kpi { id } national { mean }
		rows { code value rank focus inGroup } } trends { code kpi change } } } } }`
	const part = `{ benchmarkReport(id: 1) { versions { content { sections(latest: true) { year rows(focusOrGroup: true) { code } } } } } }`
	answer := func(q string) string {
		b, err := json.Marshal(e.gql("", q, nil).ok().get("benchmarkReport"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := answer(whole)
	if len(first) < 10000 {
		t.Fatalf("the demo report's content is %d bytes: %.200s", len(first), first)
	}
	partial := answer(part)
	if len(partial) >= len(first) {
		t.Errorf("the newest sections' focus and group rows are %d bytes, the whole %d", len(partial), len(first))
	}
	if again := answer(whole); again != first {
		t.Errorf("the version read again differs from the first read:\n%.300s\n%.300s", again, first)
	}
}
