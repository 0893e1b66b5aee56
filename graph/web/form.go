package web

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
)

// form is what a user typed and what is wrong with it: errors by field
// name, and those that belong to no field.
type form struct {
	Values url.Values
	Errors map[string]string
	Top    []string
	order  []string          // field names in the order their errors came
	labels map[string]string // what the summary names a field by, when its label is not enough
}

func newForm(values url.Values) *form {
	if values == nil {
		values = url.Values{}
	}
	return &form{Values: values, Errors: map[string]string{}}
}

// without copies v without the named fields: what a form shows back
// never holds a password.
func without(v url.Values, names ...string) url.Values {
	out := url.Values{}
	for k, x := range v {
		if !slices.Contains(names, k) {
			out[k] = slices.Clone(x)
		}
	}
	return out
}

// Get is the value typed into field name.
func (f *form) Get(name string) string { return f.Values.Get(name) }

// Error is the message for field name, or "".
func (f *form) Error(name string) string { return f.Errors[name] }

// HasErrors reports whether anything is wrong.
func (f *form) HasErrors() bool { return len(f.Errors) > 0 || len(f.Top) > 0 }

// fail records msg against field ("" for the top of the page).
func (f *form) fail(field, msg string) {
	if field == "" {
		f.Top = append(f.Top, msg)
		return
	}
	if _, ok := f.Errors[field]; !ok {
		f.order = append(f.order, field)
		f.Errors[field] = msg
	}
}

// failIn records msg against field, which the summary names by label
// (an indicator row's field: "Indicator 2: …").
func (f *form) failIn(field, label, msg string) {
	if f.labels == nil {
		f.labels = map[string]string{}
	}
	f.labels[field] = label
	f.fail(field, msg)
}

// Summary is the field errors in order, for the summary at the top.
func (f *form) Summary() []fieldError {
	out := make([]fieldError, 0, len(f.order))
	for _, n := range f.order {
		m := f.Errors[n]
		if l := f.labels[n]; l != "" {
			m = l + ": " + m
		}
		out = append(out, fieldError{Field: n, Message: m})
	}
	return out
}

type fieldError struct{ Field, Message string }

// apiErrors puts the API's errors on the form: an error with
// extensions.field beside the form field fields maps it to (by the API's
// name), in the page's language when the catalogue has a message for it.
func (f *form) apiErrors(c catalogue, errs []graph.Error, fields map[string]string) {
	for _, e := range errs {
		name, ok := fields[e.Field]
		if e.Field == "" || !ok {
			name = ""
		}
		f.fail(name, apiMessage(c, e))
	}
}

// apiMessage is the message for e in c's language: one for its field and
// code, else one for its code, with the API's (English) message after it.
func apiMessage(c catalogue, e graph.Error) string {
	if e.Field != "" {
		if m, ok := c["api."+string(e.Code)+"."+e.Field]; ok {
			return m
		}
	}
	if m, ok := c["api."+string(e.Code)]; ok {
		if e.Code == "INTERNAL" || e.Code == "TIMEOUT" {
			return m + " " + c.text("error.requestId", e.RequestID)
		}
		return m + " (" + e.Message + ")"
	}
	return e.Message
}

// number reads a decimal number as a person types it: a decimal comma or
// point, spaces between thousands. Empty is nil.
func number(s string) (*float64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".", "−", "-").Replace(strings.TrimSpace(s))
	if s == "" {
		return nil, true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, false
	}
	return &v, true
}
