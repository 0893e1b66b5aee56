package kolada

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// RecordError is an element of "values" that decoded as JSON but is not a
// valid record. The stream goes on past it.
type RecordError struct {
	Index   int    // the element's index in "values", counted over all pages
	Field   string // the bad field inside the element, or "" for the whole element
	Message string
}

func (e *RecordError) Error() string {
	where := fmt.Sprintf("values[%d]", e.Index)
	if e.Field != "" {
		where += "." + e.Field
	}
	return where + ": " + e.Message
}

// FormatError is input that is not a v3 envelope: malformed or truncated
// JSON, or no "values" array. Nothing after it can be read.
type FormatError struct {
	Index   int   // the element being read, or -1 outside "values"
	Offset  int64 // the byte offset in the page
	Message string
}

func (e *FormatError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("kolada: %s at byte %d", e.Message, e.Offset)
	}
	return fmt.Sprintf("kolada: %s in values[%d] at byte %d", e.Message, e.Index, e.Offset)
}

// opener fetches a page by URL.
type opener func(ctx context.Context, url string) (io.ReadCloser, error)

// Stream reads the elements of "values" one at a time from one document or
// from a series of API pages, so memory does not grow with the input.
type Stream struct {
	ctx     context.Context
	open    opener
	follow  bool     // whether to follow next_url
	pending []string // first pages of the queries still to read
	body    io.ReadCloser
	dec     *json.Decoder
	sawVals bool   // the current page had a "values" key
	inVals  bool   // the decoder is inside the "values" array
	next    string // the current page's next_url
	index   int    // the next element's index over all pages
	err     error  // a sticky error that ends the stream
}

// NewStream reads one v3 document from r. A file is one page: its
// next_url, if any, is not followed.
func NewStream(r io.Reader) *Stream {
	open := func(context.Context, string) (io.ReadCloser, error) { return io.NopCloser(r), nil }
	return &Stream{ctx: context.Background(), open: open, pending: []string{""}}
}

// Next decodes the next element into v (a pointer, zeroed first) and
// validates it. It returns io.EOF
// after the last one, a *RecordError for an invalid element (Next may be
// called again), and any other error when the stream cannot go on.
func (s *Stream) Next(v Record) error {
	if s.err != nil {
		return s.err
	}
	for !s.inVals {
		if err := s.advance(); err != nil {
			s.err = err
			s.Close()
			return err
		}
	}
	if !s.dec.More() {
		if err := s.delim(']'); err != nil {
			return err
		}
		s.inVals = false
		return s.Next(v)
	}
	return s.decode(v)
}

// Index returns how many elements the stream has read.
func (s *Stream) Index() int { return s.index }

// Close closes the page being read.
func (s *Stream) Close() error {
	if s.body == nil {
		return nil
	}
	err := s.body.Close()
	s.body, s.dec = nil, nil
	return err
}

func (s *Stream) decode(v Record) error {
	i := s.index
	s.index++
	reflect.ValueOf(v).Elem().SetZero() // Decode would merge into old fields
	err := s.dec.Decode(v)
	if err == nil {
		err = v.Validate()
	}
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		err = typeError("", te)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return &RecordError{Index: i, Field: fe.Field, Message: fe.Message}
	}
	s.err = s.formatError(i, err)
	s.Close()
	return s.err
}

// advance reads the envelope up to the next "values" array, opening the
// next page when one ends; it returns io.EOF when no page is left.
func (s *Stream) advance() error {
	if s.dec == nil {
		if err := s.openNext(); err != nil {
			return err
		}
	}
	for s.dec.More() {
		key, err := s.dec.Token()
		if err != nil {
			return s.envelopeError(err)
		}
		switch key {
		case "values":
			return s.startValues()
		case "next_url":
			var next *string
			if err := s.dec.Decode(&next); err != nil {
				return s.envelopeError(err)
			}
			if next != nil {
				s.next = *next
			}
		default:
			var skip json.RawMessage
			if err := s.dec.Decode(&skip); err != nil {
				return s.envelopeError(err)
			}
		}
	}
	return s.endPage()
}

func (s *Stream) startValues() error {
	s.sawVals = true
	tok, err := s.dec.Token()
	switch {
	case err != nil:
		return s.envelopeError(err)
	case tok == nil:
		return nil
	case tok != json.Delim('['):
		return &FormatError{Index: -1, Offset: s.dec.InputOffset(), Message: `"values" is not an array`}
	}
	s.inVals = true
	return nil
}

// endPage reads the envelope's closing brace and queues the next page.
func (s *Stream) endPage() error {
	if err := s.delim('}'); err != nil {
		return err
	}
	if !s.sawVals {
		return &FormatError{Index: -1, Offset: s.dec.InputOffset(), Message: `no "values" array`}
	}
	if err := s.end(); err != nil {
		return err
	}
	if s.next != "" && s.follow {
		s.pending = append([]string{s.next}, s.pending...)
	}
	return s.Close()
}

// end checks that nothing but white space follows the envelope: a valid
// document with more after it is not the document it seems, and is not
// imported in part.
func (s *Stream) end() error {
	tok, err := s.dec.Token()
	if errors.Is(err, io.EOF) {
		return nil
	}
	msg := "data after the document"
	if err == nil {
		msg += fmt.Sprintf(" (%v)", tok)
	}
	s.err = &FormatError{Index: -1, Offset: s.dec.InputOffset(), Message: msg}
	s.Close()
	return s.err
}

// openNext opens the next queued page and reads its opening brace.
func (s *Stream) openNext() error {
	if len(s.pending) == 0 {
		return io.EOF
	}
	url := s.pending[0]
	s.pending = s.pending[1:]
	body, err := s.open(s.ctx, url)
	if err != nil {
		return err
	}
	s.body, s.dec, s.sawVals, s.next = body, json.NewDecoder(body), false, ""
	return s.delim('{')
}

// delim reads the token d or fails the stream.
func (s *Stream) delim(d json.Delim) error {
	tok, err := s.dec.Token()
	if err == nil && tok != d {
		err = &FormatError{Index: -1, Offset: s.dec.InputOffset(), Message: fmt.Sprintf("expected %v, found %v", d, tok)}
	}
	if err != nil {
		s.err = s.envelopeError(err)
		s.Close()
	}
	return s.err
}

// envelopeError describes a failure to read the envelope around the
// elements.
func (s *Stream) envelopeError(err error) error {
	idx := -1
	if s.inVals {
		idx = s.index
	}
	return s.formatError(idx, err)
}

// formatError describes a failure to read JSON at element idx (-1 when
// outside "values"); errors that are not about the format pass through.
func (s *Stream) formatError(idx int, err error) error {
	var fe *FormatError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &fe):
		return fe
	case errors.As(err, &se):
		return &FormatError{Index: idx, Offset: se.Offset, Message: "malformed JSON: " + se.Error()}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &FormatError{Index: idx, Offset: s.dec.InputOffset(), Message: "truncated JSON"}
	}
	return err
}
