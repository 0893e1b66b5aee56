package web

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Languages are the languages the pages come in, the default first.
var languages = []string{"sv", "en"}

// catalogue maps a message key to its text in one language.
type catalogue map[string]string

// loadCatalogues reads i18n/LANG.json for every language.
func loadCatalogues() (map[string]catalogue, error) {
	out := map[string]catalogue{}
	for _, l := range languages {
		b, err := files.ReadFile("i18n/" + l + ".json")
		if err != nil {
			return nil, fmt.Errorf("web: catalogue %s: %w", l, err)
		}
		c := catalogue{}
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, fmt.Errorf("web: catalogue %s: %w", l, err)
		}
		out[l] = c
	}
	return out, nil
}

// text is the message key in c, formatted with args; a missing key shows
// as itself in brackets (a test keeps that from happening).
func (c catalogue) text(key string, args ...any) string {
	m, ok := c[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

// missingKeys lists the keys of a that b lacks.
func missingKeys(a, b catalogue) []string {
	var out []string
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// pickLang is the language a request asks for by its cookie, else Swedish.
func pickLang(cookie string) string {
	for _, l := range languages {
		if cookie == l {
			return l
		}
	}
	return languages[0]
}
