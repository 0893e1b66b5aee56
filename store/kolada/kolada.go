// Package kolada reads the Kolada API v3: the envelope
// {"values": [...], "next_url": "..."} of /kpi, /municipality,
// /municipality_groups and /data, decoded one element at a time from a file
// or from the API with paging, chunked id lists and back-off on HTTP 429.
//
// It only reads and checks the format; storing is the store package's.
package kolada

import (
	"fmt"
	"regexp"
	"time"
)

// Record is an element of "values": Validate checks it once decoded.
type Record interface {
	Validate() error
}

// FieldError is a decoded element with a bad field.
type FieldError struct {
	Field   string // the field's path inside the element, such as values[1].gender
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

func fieldError(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

var (
	kpiID          = regexp.MustCompile(`^[A-Z][0-9]{5}$`)
	municipalityID = regexp.MustCompile(`^[0-9]{4}$`)
	groupID        = regexp.MustCompile(`^G[0-9]{1,9}$`)
)

// IsKPIID reports whether s looks like a Kolada KPI id, such as U33401.
func IsKPIID(s string) bool { return kpiID.MatchString(s) }

// IsMunicipalityID reports whether s is a four-digit municipality or
// region code, such as 1280 (0000 is Riket).
func IsMunicipalityID(s string) bool { return municipalityID.MatchString(s) }

// IsGroupID reports whether s looks like a Kolada group id, such as G92787.
func IsGroupID(s string) bool { return groupID.MatchString(s) }

// KPI is an entry of the /kpi catalogue.
type KPI struct {
	ID                  string  `json:"id"`
	Title               string  `json:"title"`
	Description         string  `json:"description"`
	IsDividedByGender   bool    `json:"is_divided_by_gender"`
	MunicipalityType    string  `json:"municipality_type"`
	Auspice             *string `json:"auspice"`
	OperatingArea       string  `json:"operating_area"`
	Perspective         *string `json:"perspective"`
	PrelPublicationDate *string `json:"prel_publication_date"`
	PublicationDate     *string `json:"publication_date"`
	PublPeriod          *string `json:"publ_period"`
	HasOUData           bool    `json:"has_ou_data"`
}

// Validate implements Record.
func (k *KPI) Validate() error {
	switch {
	case !IsKPIID(k.ID):
		return fieldError("id", "%q is not a KPI id (a capital letter and five digits)", k.ID)
	case k.Title == "":
		return fieldError("title", "is empty")
	case k.MunicipalityType != "K" && k.MunicipalityType != "L" && k.MunicipalityType != "A":
		return fieldError("municipality_type", "%q is not K, L or A", k.MunicipalityType)
	}
	for _, d := range []struct {
		field string
		v     *string
	}{{"prel_publication_date", k.PrelPublicationDate}, {"publication_date", k.PublicationDate}} {
		if d.v == nil || *d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, *d.v); err != nil {
			return fieldError(d.field, "%q is not a date (YYYY-MM-DD)", *d.v)
		}
	}
	return nil
}

// Municipality is an entry of /municipality: type K is a municipality,
// L a region (and 0000 Riket).
type Municipality struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Type  string `json:"type"`
}

// Validate implements Record.
func (m *Municipality) Validate() error {
	switch {
	case !IsMunicipalityID(m.ID):
		return fieldError("id", "%q is not a four-digit municipality code", m.ID)
	case m.Title == "":
		return fieldError("title", "is empty")
	case m.Type != "K" && m.Type != "L":
		return fieldError("type", "%q is not K or L", m.Type)
	}
	return nil
}

// Group is an entry of /municipality_groups.
type Group struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Members []Member `json:"members"`
}

// Member is a municipality in a Group.
type Member struct {
	ID    string `json:"member_id"`
	Title string `json:"member_title"`
}

// Validate implements Record.
func (g *Group) Validate() error {
	switch {
	case !IsGroupID(g.ID):
		return fieldError("id", "%q is not a group id (G and digits)", g.ID)
	case g.Title == "":
		return fieldError("title", "is empty")
	}
	for i, m := range g.Members {
		if !IsMunicipalityID(m.ID) {
			return fieldError(fmt.Sprintf("members[%d].member_id", i), "%q is not a four-digit municipality code", m.ID)
		}
	}
	return nil
}
