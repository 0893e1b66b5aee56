package store

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/leanforum/awards/store/kolada"
)

// ImportKoladaData imports KPI values from Kolada v3 /data records: a
// file or a request's body (kolada.NewStream) or the API itself
// (kolada.Client.Data). The KPIs and municipalities must be stored already.
// Only admins may.
func (db *DB) ImportKoladaData(ctx context.Context, s *kolada.Stream, opts ImportOptions) (*ImportSummary, error) {
	return db.importValues(ctx, "data", &koladaValues{s: s}, opts)
}

// koladaValues reads value records from a stream of Kolada data records.
type koladaValues struct {
	s *kolada.Stream
	d kolada.Data
}

func (k *koladaValues) next(rec *valueRecord) error {
	if err := koladaError(k.s.Next(&k.d)); err != nil {
		return err
	}
	*rec = valueRecord{index: k.s.Index() - 1, kpi: k.d.KPI, municipality: k.d.Municipality,
		period: k.d.Period, values: rec.values[:0]}
	for _, v := range k.d.Values {
		g := genderValue{gender: v.Gender, status: v.Status, null: v.Value == nil}
		if v.Value != nil {
			g.value = *v.Value
		}
		rec.values = append(rec.values, g)
	}
	return nil
}

// koladaError turns the kolada package's errors about the input into the
// store's: an invalid record into a *RowError, broken JSON into INVALID.
func koladaError(err error) error {
	var re *kolada.RecordError
	var fe *kolada.FormatError
	switch {
	case errors.As(err, &re):
		return recordError(re.Index, re.Field, re.Message)
	case errors.As(err, &fe):
		return Errorf(Invalid, "%s (nothing was imported)", strings.TrimPrefix(fe.Error(), "kolada: "))
	}
	return err
}

// eachRecord reads s to the end, decoding into v and calling fn for each
// valid record; fn may reject the record by returning a *RowError.
func (r *importRun) eachRecord(s *kolada.Stream, v kolada.Record, fn func(index int) error) error {
	for {
		err := koladaError(s.Next(v))
		if err == io.EOF {
			return nil
		}
		var re *RowError
		if err != nil && !errors.As(err, &re) {
			return err
		}
		r.sum.Read++
		if err == nil {
			err = fn(s.Index() - 1)
		}
		if errors.As(err, &re) {
			err = r.reject(re)
		}
		if err != nil {
			return err
		}
	}
}

// recordError is a *RowError about field of the record at index.
func recordError(index int, field, message string) *RowError {
	return &RowError{Record: &index, Field: field, Message: message}
}
