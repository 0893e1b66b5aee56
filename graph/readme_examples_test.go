package graph_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// An example is one GraphQL operation from a ```graphql block of the
// README, with the caller the block's directive names and the error code
// its "# → CODE" comment expects ("" for success).
type example struct {
	line      int
	caller    string
	operation string
	wantCode  string
}

// TestREADMEExamplesRunOnAFreshDemo runs every GraphQL example of the
// README, in order, on one fresh demo database (what make run serves), as
// the caller its block names in a comment just before it:
// <!-- example: anonymous -->, <!-- example: admin --> (the demo admin), or
// <!-- example: applicant --> (the token the latest example answered), or
// <!-- example: skip (why) --> for a block that cannot run there.
// An example must answer without errors unless a "# → CODE" comment after
// it names the error it shows. A block without a directive fails the test,
// so that no example escapes it.
func TestREADMEExamplesRunOnAFreshDemo(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(t, string(readme))
	e := newDemoEnv(t)
	tokens := map[string]string{"anonymous": "", "admin": e.login(store.DemoAdminEmail, store.DemoPassword)}
	for _, ex := range examples {
		token, ok := tokens[ex.caller]
		if !ok {
			t.Fatalf("README line %d: no %s token yet (an earlier example must sign up or log in)", ex.line, ex.caller)
		}
		r := e.gql(token, ex.operation, nil)
		if got := r.code(); got != ex.wantCode {
			t.Errorf("README line %d (as %s): %s\n  errors %+v, want code %q", ex.line, ex.caller, ex.operation, r.Errors, ex.wantCode)
			continue
		}
		if tok := findToken(r.Data); tok != "" {
			tokens["applicant"] = tok
		}
	}
	if len(examples) < 10 {
		t.Errorf("found %d README examples, want the README's 10 or more", len(examples))
	}
}

var (
	blockRE     = regexp.MustCompile("(?s)(?:<!-- example: ([a-z]+)[^>]*-->\\s*)?\\n[ \\t]*```graphql\\n(.*?)```")
	expectCode  = regexp.MustCompile(`^#\s*→\s*([A-Z_]+)\b`)
	operationRE = regexp.MustCompile(`^(mutation|query|\{)`)
)

// readmeExamples splits the README's graphql blocks into operations.
func readmeExamples(t *testing.T, readme string) []example {
	t.Helper()
	var out []example
	for _, m := range blockRE.FindAllStringSubmatchIndex(readme, -1) {
		line := strings.Count(readme[:m[4]], "\n") + 1
		if m[2] < 0 {
			t.Errorf("README line %d: a graphql block without an <!-- example: caller --> directive", line)
			continue
		}
		caller := readme[m[2]:m[3]]
		if caller == "skip" {
			continue
		}
		out = append(out, splitOperations(readme[m[4]:m[5]], caller, line)...)
	}
	return out
}

// splitOperations splits a block into its top-level operations; a comment
// line "# → CODE" says which error the operation before it answers.
func splitOperations(block, caller string, line int) []example {
	var out []example
	depth := 0
	for i, l := range strings.Split(block, "\n") {
		text := strings.TrimSpace(l)
		if m := expectCode.FindStringSubmatch(text); m != nil && depth == 0 && len(out) > 0 {
			out[len(out)-1].wantCode = m[1]
			continue
		}
		if code, _, _ := strings.Cut(l, "#"); depth == 0 && operationRE.MatchString(strings.TrimSpace(code)) {
			out = append(out, example{line: line + i, caller: caller})
		}
		if len(out) == 0 {
			continue
		}
		code, _, _ := strings.Cut(l, "#")
		out[len(out)-1].operation += code + "\n"
		depth += strings.Count(code, "{") - strings.Count(code, "}")
	}
	return out
}

// findToken returns the first "token" string in an answer.
func findToken(v any) string {
	switch v := v.(type) {
	case map[string]any:
		if tok, ok := v["token"].(string); ok {
			return tok
		}
		for _, x := range v {
			if tok := findToken(x); tok != "" {
				return tok
			}
		}
	case []any:
		for _, x := range v {
			if tok := findToken(x); tok != "" {
				return tok
			}
		}
	}
	return ""
}
