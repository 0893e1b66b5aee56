package graph

import (
	"strings"
	"unicode/utf8"

	"github.com/leanforum/awards/store"
)

// Limits checked by one linear scan before a document is parsed.
const (
	// MaxNesting is how deep `{`, `[` and `(` may nest.
	MaxNesting = 15
	// MaxTokens is how many tokens (names, numbers, strings, punctuators)
	// a document may have; commas, white space and comments do not count.
	MaxTokens = 5000
	// MaxAliases is how many aliased fields a document may have.
	MaxAliases = 30
)

// guard scans a lexable document once, as the GraphQL lexer would, and
// refuses one that nests brackets deeper than MaxNesting or has more than
// MaxTokens tokens or MaxAliases aliases. graphql-go's parser and
// validator recurse without a bound, so this runs before parser.Parse.
// Anything the scan does not understand is left for the parser to refuse.
func guard(doc string) error {
	var s docScan
	return s.scan(doc)
}

// scan counts the tokens of doc, stopping at the first limit it passes.
// doc is lexable: its ignored text is ASCII.
func (s *docScan) scan(doc string) error {
	for i := 0; i < len(doc); {
		switch c := doc[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			i++
			continue
		case c == '#':
			i = skipComment(doc, i)
			continue
		}
		next, kind := scanToken(doc, i)
		if err := s.take(kind, doc[i]); err != nil {
			return err
		}
		i = next
	}
	return nil
}

// lexable returns doc with its ignored text made ASCII: each non-ASCII
// character of a comment, and each byte order mark outside a string,
// becomes one space. graphql-go v0.8.1's lexer counts such a character
// as one byte when it skips ignored text (graphql-go/graphql#699), so
// after "# Hämta" it reads the next name from the wrong place and refuses
// "query Q" with "Expected {, found Name". Lines and the characters of
// each line keep their places, so error locations stay true; strings are
// left as they are, since the lexer reads them right. An ASCII doc is
// returned as it is.
func lexable(doc string) string {
	if isASCII(doc) {
		return doc
	}
	b := make([]byte, 0, len(doc))
	for i := 0; i < len(doc); {
		switch {
		case doc[i] == '"':
			j := skipString(doc, i)
			b, i = append(b, doc[i:j]...), j
		case doc[i] == '#':
			j := skipComment(doc, i)
			for _, r := range doc[i:j] {
				if r >= utf8.RuneSelf {
					r = ' '
				}
				b = append(b, byte(r))
			}
			i = j
		case strings.HasPrefix(doc[i:], "\uFEFF"):
			b, i = append(b, ' '), i+len("\uFEFF")
		default:
			b, i = append(b, doc[i]), i+1
		}
	}
	return string(b)
}

// isASCII reports whether s has only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// docScan counts what guard limits.
type docScan struct {
	open            [MaxNesting]byte
	depth, values   int // open brackets; of those, ( and [
	tokens, aliases int
	prev            tokenKind
}

// take counts one token of kind, whose first byte is c.
func (s *docScan) take(kind tokenKind, c byte) error {
	if s.tokens++; s.tokens > MaxTokens {
		return tooComplex("the document has more than %d tokens", MaxTokens)
	}
	defer func() { s.prev = kind }()
	switch kind {
	case tokOpen:
		if s.depth == MaxNesting {
			return tooComplex("the document nests brackets more than %d deep", MaxNesting)
		}
		s.open[s.depth] = c
		s.depth++
		if c != '{' {
			s.values++
		}
	case tokClose:
		if s.depth > 0 {
			s.depth--
			if s.open[s.depth] != '{' {
				s.values--
			}
		}
	case tokColon:
		// An alias is a name and a colon directly in a selection set, not
		// inside arguments or a list, where colons name argument or object
		// fields.
		if s.prev == tokName && s.values == 0 && s.depth > 0 {
			if s.aliases++; s.aliases > MaxAliases {
				return tooComplex("the document has more than %d aliases", MaxAliases)
			}
		}
	}
	return nil
}

// tokenKind is what guard needs to know about a token.
type tokenKind int

const (
	tokOther tokenKind = iota
	tokName
	tokColon
	tokOpen
	tokClose
)

// scanToken reads the token that starts at doc[i] and returns where the
// next one may start.
func scanToken(doc string, i int) (int, tokenKind) {
	switch c := doc[i]; {
	case c == '"':
		return skipString(doc, i), tokOther
	case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		j := i + 1
		for j < len(doc) && isNameByte(doc[j]) {
			j++
		}
		return j, tokName
	case c == '-' || isDigit(c):
		return scanNumber(doc, i), tokOther
	case c == '{' || c == '[' || c == '(':
		return i + 1, tokOpen
	case c == '}' || c == ']' || c == ')':
		return i + 1, tokClose
	case c == ':':
		return i + 1, tokColon
	case strings.HasPrefix(doc[i:], "..."):
		return i + 3, tokOther
	}
	return i + 1, tokOther
}

// scanNumber reads a number as graphql-go's lexer does (readNumber):
// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and no more, so that
// 1-1-1 is three numbers and 0x1 a number and a name. Where the lexer
// would fail (a sign or a dot without digits) the parser refuses the
// document; the scan counts one token and goes on.
func scanNumber(doc string, i int) int {
	if doc[i] == '-' {
		i++
	}
	if i < len(doc) && doc[i] == '0' {
		i++
	} else {
		i = scanDigits(doc, i)
	}
	if i < len(doc) && doc[i] == '.' {
		i = scanDigits(doc, i+1)
	}
	if i < len(doc) && (doc[i] == 'e' || doc[i] == 'E') {
		i++
		if i < len(doc) && (doc[i] == '+' || doc[i] == '-') {
			i++
		}
		i = scanDigits(doc, i)
	}
	return i
}

func scanDigits(doc string, i int) int {
	for i < len(doc) && isDigit(doc[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isNameByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// skipComment skips from # to the end of the line, or to a control
// character, where the lexer ends a comment too.
func skipComment(doc string, i int) int {
	for i++; i < len(doc) && (doc[i] >= 0x20 || doc[i] == '\t'); i++ {
	}
	return i
}

// skipString skips a string or block string starting at doc[i]. An
// unterminated one ends at the end of its line (a string) or of the
// document (a block string); the parser then refuses it.
func skipString(doc string, i int) int {
	if strings.HasPrefix(doc[i:], `"""`) {
		for j := i + 3; j < len(doc); j++ {
			if strings.HasPrefix(doc[j:], `\"""`) {
				j += 3
			} else if strings.HasPrefix(doc[j:], `"""`) {
				return j + 3
			}
		}
		return len(doc)
	}
	for j := i + 1; j < len(doc); j++ {
		switch doc[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(doc)
}

func tooComplex(format string, args ...any) *store.Error {
	return store.Errorf(store.QueryTooComplex, format, args...)
}
