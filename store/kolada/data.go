package kolada

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The range of years a period may name.
const (
	MinYear = 1900
	MaxYear = 2100
)

// Data is a record of /data: one KPI's values for a municipality (or a
// group, whose id Kolada puts where a municipality id goes) and a year,
// with up to one value per gender.
type Data struct {
	KPI          string
	Municipality string
	Period       int
	Values       []Value
}

// Value is one gender's value in a Data record.
type Value struct {
	Gender string   // T total, K women, M men
	Status string   // as Kolada gives it, often empty
	Value  *float64 // nil when Kolada has no value
}

// rawData and rawValue are the JSON shapes of Data and Value, decoded
// loosely so that a bad field can be named exactly.
type rawData struct {
	KPI          string            `json:"kpi"`
	Municipality string            `json:"municipality"`
	Period       json.RawMessage   `json:"period"`
	Values       []json.RawMessage `json:"values"`
}

type rawValue struct {
	Gender string          `json:"gender"`
	Status *string         `json:"status"`
	Value  json.RawMessage `json:"value"`
}

// UnmarshalJSON decodes a record, returning a *FieldError that names the
// field when one is malformed.
func (d *Data) UnmarshalJSON(b []byte) error {
	var raw rawData
	if err := json.Unmarshal(b, &raw); err != nil {
		return typeError("", err)
	}
	period, err := parseYear(raw.Period)
	if err != nil {
		return err
	}
	*d = Data{KPI: raw.KPI, Municipality: raw.Municipality, Period: period, Values: make([]Value, 0, len(raw.Values))}
	seen := map[string]bool{}
	for i, rv := range raw.Values {
		v, err := parseValue(fmt.Sprintf("values[%d]", i), rv)
		if err != nil {
			return err
		}
		if seen[v.Gender] {
			return fieldError(fmt.Sprintf("values[%d].gender", i), "%s appears twice in the record", v.Gender)
		}
		seen[v.Gender] = true
		d.Values = append(d.Values, v)
	}
	return nil
}

// Validate implements Record.
func (d *Data) Validate() error {
	switch {
	case !IsKPIID(d.KPI):
		return fieldError("kpi", "%q is not a KPI id (a capital letter and five digits)", d.KPI)
	case !IsMunicipalityID(d.Municipality) && !IsGroupID(d.Municipality):
		return fieldError("municipality", "%q is neither a four-digit municipality code nor a group id", d.Municipality)
	}
	return nil
}

func parseYear(raw json.RawMessage) (int, error) {
	s := string(bytes.TrimSpace(raw))
	if s == "" || s == "null" {
		return 0, fieldError("period", "is missing")
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, fieldError("period", "%s is not a year", s)
	}
	if y < MinYear || y > MaxYear {
		return 0, fieldError("period", "%d is not a year between %d and %d", y, MinYear, MaxYear)
	}
	return y, nil
}

func parseValue(path string, raw json.RawMessage) (Value, error) {
	if !utf8.Valid(raw) { // Unmarshal would store U+FFFD, the CSV path refuses it
		return Value{}, fieldError(path+".status", "is not valid UTF-8 text")
	}
	var rv rawValue
	if err := json.Unmarshal(raw, &rv); err != nil {
		return Value{}, typeError(path+".", err)
	}
	v := Value{Gender: rv.Gender}
	if v.Gender != "T" && v.Gender != "K" && v.Gender != "M" {
		return v, fieldError(path+".gender", "%q is not T, K or M", v.Gender)
	}
	if rv.Status != nil {
		v.Status = *rv.Status
	}
	s := string(bytes.TrimSpace(rv.Value))
	if s == "" || s == "null" {
		return v, nil
	}
	f, err := ParseNumber(s)
	if errors.Is(err, ErrNotNumber) {
		return v, fieldError(path+".value", "%s is not a number", s)
	}
	if err != nil {
		return v, fieldError(path+".value", "%s", err)
	}
	v.Value = &f
	return v, nil
}

// typeError names the field of a JSON type mismatch.
func typeError(prefix string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fieldError(prefix+te.Field, "is a JSON %s, want %s", te.Value, jsonKind(te.Type.Kind().String()))
	}
	return fieldError(prefix, "%v", err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return goKind
}
