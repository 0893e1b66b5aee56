package web

import "unicode/utf8"

// field is what the shared input, textarea and select templates draw.
type field struct {
	Name, Label, Hint, Value, Error, ErrorPrefix, Type, Autocomplete, Class, List, Inputmode string
	Rows, Max                                                                                int
	CountText, CountLeft, CountOver                                                          string
	Options                                                                                  []option
}

type option struct{ Value, Label string }

// DescribedBy ties the hint, error and counter to the field.
func (f field) DescribedBy() string {
	s := ""
	add := func(id string) {
		if s != "" {
			s += " "
		}
		s += id
	}
	if f.Hint != "" {
		add("f-" + f.Name + "-hint")
	}
	if f.Error != "" {
		add("f-" + f.Name + "-error")
	}
	if f.Max > 0 {
		add("f-" + f.Name + "-count")
	}
	return s
}

var autocompletes = map[string]string{"email": "email", "password": "current-password", "new-password": "new-password"}

// F is the text field name labelled by labelKey, of type typ, with the
// hint hintKey ("" for none), filled with what was typed and its error.
func (v *view) F(name, labelKey, typ, hintKey string) field {
	f := field{Name: name, Label: v.T(labelKey), Type: typ, Value: v.Form.Get(name), Error: v.Form.Error(name),
		ErrorPrefix: v.T("form.errorPrefix"), Autocomplete: autocompletes[typ]}
	if typ == "new-password" {
		f.Type = "password"
	}
	if typ == "decimal" {
		f.Type, f.Inputmode, f.Class = "text", "decimal", "short"
	}
	if typ == "date" || typ == "number" {
		f.Class = "short"
	}
	if typ == "name" {
		f.Type, f.Autocomplete = "text", "name"
	}
	if hintKey != "" {
		f.Hint = v.T(hintKey)
	}
	return f
}

// Area is a textarea of rows rows counting its characters against max.
func (v *view) Area(name, labelKey, hintKey string, rows, max int) field {
	f := v.F(name, labelKey, "", hintKey)
	f.Rows, f.Max = rows, max
	n := utf8.RuneCountInString(f.Value)
	f.CountLeft, f.CountOver = v.T("count.left"), v.T("count.over")
	if n > max {
		f.CountText = v.T("count.overText", formatNumber(v.Lang, float64(n-max), 0), formatNumber(v.Lang, float64(max), 0))
	} else {
		f.CountText = v.T("count.leftText", formatNumber(v.Lang, float64(max-n), 0), formatNumber(v.Lang, float64(max), 0))
	}
	return f
}

// Sel is a select of opts (value, label key pairs, or value, label when
// the label starts with "=").
func (v *view) Sel(name, labelKey, hintKey string, opts ...string) field {
	f := v.F(name, labelKey, "", hintKey)
	for i := 0; i+1 < len(opts); i += 2 {
		label := opts[i+1]
		if len(label) > 0 && label[0] == '=' {
			label = label[1:]
		} else {
			label = v.T(label)
		}
		f.Options = append(f.Options, option{Value: opts[i], Label: label})
	}
	return f
}

// With returns f with its options appended: for selects built from data.
func (f field) With(opts []option) field {
	f.Options = append(f.Options, opts...)
	return f
}

// Labelled is f with a label written out rather than from the catalogue.
func (v *view) Labelled(label string, f field) field {
	f.Label = label
	return f
}

// Searchable is f filled as the user types from the KPI list listID
// (by app.js; without JavaScript the search button does it).
func (v *view) Searchable(listID string, f field) field {
	f.List = listID
	return f
}
