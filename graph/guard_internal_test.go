package graph

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/graphql-go/graphql/language/lexer"
	"github.com/graphql-go/graphql/language/source"

	"github.com/leanforum/awards/store"
)

func TestGuard(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("{ a ", n) + strings.Repeat("}", n) }
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{ ")
		for i := 0; i < n; i++ {
			b.WriteString("x: me ")
		}
		return b.String() + "}"
	}
	cases := []struct {
		name, doc string
		refused   bool
	}{
		{"15 brackets deep", nest(MaxNesting), false},
		{"16 brackets deep", nest(MaxNesting + 1), true},
		{"brackets of every kind count", `{ a(b: [[[[[[[[[[[[[{c: 1}]]]]]]]]]]]]]) }`, true},
		{"5,000 tokens", "{" + strings.Repeat(" a", MaxTokens-2) + "}", false},
		{"5,001 tokens", "{" + strings.Repeat(" a", MaxTokens-1) + "}", true},
		{"commas, white space and comments are not tokens", "{" + strings.Repeat(",", 9000) + strings.Repeat("# a a a\n", 2000) + " a}", false},
		{"a number is one token", "{ a(first: " + strings.Repeat("1", 9000) + ") }", false},
		{"a spread is one token", "{" + strings.Repeat(" ...F", MaxTokens/2-1) + "}", false},
		{"30 aliases", aliases(MaxAliases), false},
		{"31 aliases", aliases(MaxAliases + 1), true},
		{"argument names are not aliases", "{ a(" + strings.Repeat("x: 1 ", 40) + ") }", false},
		{"variable definitions are not aliases", "query(" + strings.Repeat("$x: Int ", 40) + ") { a }", false},
		{"object fields are not aliases", "{ a(in: {" + strings.Repeat("x: 1 ", 40) + "}) }", false},
		{"directive arguments are not aliases", "{" + strings.Repeat(" a @include(if: true)", 40) + " }", false},
		{"aliases in fragments count", "fragment F on Query {" + strings.Repeat(" x: me", MaxAliases+1) + "}", true},
		{"brackets in a string do not count", `{ a(x: "` + strings.Repeat("{[(", 100) + `") }`, false},
		{"an escaped quote does not end a string", `{ a(x: "\"` + strings.Repeat("{", 100) + `") }`, false},
		{"brackets in a block string do not count", "{ a(x: \"\"\"\n" + strings.Repeat("{\"", 100) + "\n\"\"\") }", false},
		{`an escaped """ does not end a block string`, `{ a(x: """ \""" ` + strings.Repeat("{", 100) + `""") }`, false},
		{"aliases in a string do not count", `{ a(x: "` + strings.Repeat("x: me ", 40) + `") }`, false},
		{"brackets in a comment do not count", "{ a # " + strings.Repeat("{", 100) + "\n}", false},
		{"a comment ends at a carriage return", "{ a #\r" + nest(MaxNesting) + "}", true},
		{"a string ends at a line break", "{ a(x: \"\n" + nest(MaxNesting) + "\") }", true},
		{"a byte order mark is ignored", "\uFEFF{ a }", false},
		{"unbalanced closers are left to the parser", strings.Repeat("}", 100) + nest(MaxNesting), false},
		{"an unterminated block string is left to the parser", `{ a(x: """` + strings.Repeat("{", 100), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := guard(lexable(c.doc))
			if (err != nil) != c.refused {
				t.Fatalf("guard = %v, want refused %v", err, c.refused)
			}
			if err != nil && store.ErrorCode(err) != store.QueryTooComplex {
				t.Errorf("code = %s, want QUERY_TOO_COMPLEX", store.ErrorCode(err))
			}
		})
	}
}

func TestDocCacheIsBounded(t *testing.T) {
	key := func(i byte) [32]byte { return [32]byte{i} }
	c := newDocCache(3, 100)
	for i := byte(0); i < 5; i++ {
		c.add(key(i), &prepared{}, 10)
	}
	if c.len() != 3 {
		t.Errorf("entries = %d, want 3", c.len())
	}
	if _, ok := c.get(key(1)); ok {
		t.Error("the least recently used document was kept")
	}
	c.get(key(2)) // now the most recent
	c.add(key(9), &prepared{}, 10)
	if _, ok := c.get(key(2)); !ok {
		t.Error("a recently used document was dropped")
	}
	c.add(key(10), &prepared{}, 95)
	if c.len() != 1 || c.bytes != 95 {
		t.Errorf("after a large document: %d entries of %d bytes, want 1 of 95", c.len(), c.bytes)
	}
	c.add(key(11), &prepared{}, 101)
	if _, ok := c.get(key(11)); ok {
		t.Error("a document larger than the whole cache was kept")
	}
}

// TestGuardCountsTokensAsTheLexerDoes generates documents of numbers,
// signs, names, punctuators, strings and comments, and checks that the
// guard counts as many tokens in each, made lexable, as graphql-go's
// lexer reads; a document the lexer refuses is left out, since the parser
// refuses it too.
func TestGuardCountsTokensAsTheLexerDoes(t *testing.T) {
	pieces := []string{"1", "0", "-", "-1", "1.5", "e", "E", "+", ".", "...", "1e5", "2E-3", "x", "_a", "0x1p4", "1_000",
		"{", "}", "(", ")", "[", "]", ":", "$", "!", "=", "@", "|", "&", " ", ",", "\t", "\n", "\r", "\uFEFF",
		"# ä\n", "# ääää\n", "#\x00", "abcdef", `"ä"`, `"a"`, `"\""`, `"""b"""`, `"""\""" """`, "# c\n", "08", "00", "1-1-1", "-0", "1.0e+1"}
	rng := rand.New(rand.NewPCG(7, 11))
	compared := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(30); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		doc := lexable(b.String())
		want, ok := lexerTokens(doc)
		if !ok {
			continue
		}
		compared++
		var s docScan
		err := s.scan(doc)
		if err != nil && store.ErrorCode(err) != store.QueryTooComplex {
			t.Fatalf("scan(%q) = %v", doc, err)
		}
		if s.tokens != want {
			t.Fatalf("guard counts %d tokens in %q, the lexer %d", s.tokens, doc, want)
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d documents lexed; the generator is too rough", compared)
	}
}

// lexerTokens counts the tokens graphql-go's lexer reads in doc, and says
// whether it read it all without an error.
func lexerTokens(doc string) (int, bool) {
	next := lexer.Lex(source.NewSource(&source.Source{Body: []byte(doc)}))
	for n, pos := 0, 0; ; n++ {
		tok, err := next(pos)
		if err != nil {
			return 0, false
		}
		if tok.Kind == lexer.EOF {
			return n, true
		}
		pos = tok.End
	}
}

func TestGuardRefusesNumbersJoinedByMinusSigns(t *testing.T) {
	doc := "{ a(x: [" + strings.Repeat("1-", 20000) + "1]) }"
	if err := guard(doc); store.ErrorCode(err) != store.QueryTooComplex {
		t.Errorf("guard(1-1-…-1) = %v, want QUERY_TOO_COMPLEX", err)
	}
}

// TestLexableReadsAsItsASCIITwin generates documents whose comments and
// byte order marks hold non-ASCII text, each with a twin whose ignored
// text is ASCII (each comment ends its line, so nothing else falls in
// it), and checks that graphql-go's lexer reads the same tokens
// from the lexable document as from its twin. Strings keep their
// non-ASCII text in both.
func TestLexableReadsAsItsASCIITwin(t *testing.T) {
	pieces := [][2]string{{"# Hämta ×\n", "# Hamta x\n"}, {"#ö\n", "#o\n"}, {"\uFEFF", " "}, {"# 😀\r", "# a\r"},
		{"query", "query"}, {" Q", " Q"}, {"{", "{"}, {"}", "}"}, {"me", "me"}, {"(x: ", "(x: "}, {")", ")"},
		{`"Malmö # ä"`, `"Malmö # ä"`}, {`"""Södertälje # """`, `"""Södertälje # """`}, {" ", " "}, {"\n", "\n"}, {"1.5", "1.5"}, {"$v", "$v"}}
	rng := rand.New(rand.NewPCG(3, 5))
	compared := 0
	for n := 0; n < 20000; n++ {
		var doc, twin strings.Builder
		for k := rng.IntN(25); k >= 0; k-- {
			p := pieces[rng.IntN(len(pieces))]
			doc.WriteString(p[0])
			twin.WriteString(p[1])
		}
		got, gotErr := lexerTokenList(lexable(doc.String()))
		want, wantErr := lexerTokenList(twin.String())
		if gotErr != wantErr || !slices.Equal(got, want) {
			t.Fatalf("lexable(%q) lexes as %q (refused %v), its twin %q as %q (refused %v)",
				doc.String(), got, gotErr, twin.String(), want, wantErr)
		}
		if !wantErr {
			compared++
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d documents lexed", compared)
	}
}

func TestLexable(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"{ me }", "{ me }"},
		{"# Hämta mina uppgifter\nquery Mig { me }", "# H mta mina uppgifter\nquery Mig { me }"},
		{"# 200 × 7 × 10\r\n{ me }", "# 200   7   10\r\n{ me }"},
		{"\uFEFFquery Q { me }", " query Q { me }"},
		{`{ a(x: "# Malmö") }`, `{ a(x: "# Malmö") }`},
		{"{ a(x: \"\"\"\n# Malmö \\\"\"\" ö\n\"\"\") } # ö", "{ a(x: \"\"\"\n# Malmö \\\"\"\" ö\n\"\"\") } #  "},
		{"{ a(x: \"unterminated # ö\n# ö\n}", "{ a(x: \"unterminated # ö\n#  \n}"},
	} {
		if got := lexable(c.doc); got != c.want {
			t.Errorf("lexable(%q) = %q, want %q", c.doc, got, c.want)
		}
	}
	doc := "query Q { me }"
	if got := lexable(doc); unsafe.StringData(got) != unsafe.StringData(doc) {
		t.Error("lexable copied a document that needed no change")
	}
}

// lexerTokenList is the kind and value of each token graphql-go's lexer
// reads in doc, and whether it refused doc.
func lexerTokenList(doc string) ([]string, bool) {
	next := lexer.Lex(source.NewSource(&source.Source{Body: []byte(doc)}))
	var out []string
	for pos := 0; ; {
		tok, err := next(pos)
		if err != nil {
			return out, true
		}
		if tok.Kind == lexer.EOF {
			return out, false
		}
		out = append(out, tok.Kind.String()+" "+tok.Value)
		pos = tok.End
	}
}
