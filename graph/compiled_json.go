package graph

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"sync"
	"unicode/utf8"
)

// answerBuffers are the buffers compiled answers are written into.
var answerBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// write writes {"data":…}\n for root, byte for byte as json.Encoder writes
// graphql-go's answer (keys sorted, HTML characters escaped). It fails
// on a value encoding/json would refuse.
func (pl *plan) write(buf *bytes.Buffer, root *objects) error {
	b := buf.AvailableBuffer()
	b = append(b, `{"data":`...)
	b, err := root.append(b, 0)
	if err != nil {
		return err
	}
	b = append(b, "}\n"...)
	buf.Write(b)
	return nil
}

// append appends object i of o.
func (o *objects) append(b []byte, i int) ([]byte, error) {
	fields := o.plan.fields
	b = append(b, '{')
	var err error
	for j, f := range fields {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, f.key...)
		slot := i*len(fields) + j
		if f.child == nil {
			if b, err = appendValue(b, o.vals[slot]); err != nil {
				return nil, err
			}
			continue
		}
		sp := o.spans[slot]
		switch {
		case sp.null:
			b = append(b, "null"...)
		case !f.list:
			b, err = o.children[j].append(b, int(sp.start))
		default:
			b = append(b, '[')
			for k := sp.start; k < sp.end && err == nil; k++ {
				if k > sp.start {
					b = append(b, ',')
				}
				b, err = o.children[j].append(b, int(k))
			}
			b = append(b, ']')
		}
		if err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendValue appends a serialized leaf, or a list of them, as
// encoding/json does.
func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendJSONString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int32:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		return appendFloat(b, v)
	case *float64: // see same
		return appendFloat(b, *v)
	case *string:
		return appendJSONString(b, *v), nil
	case []any:
		b = append(b, '[')
		var err error
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendValue(b, x); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	}
	j, err := json.Marshal(v)
	if err != nil {
		return nil, errUncovered
	}
	return append(b, j...), nil
}

// appendFloat is encoding/json's float64 encoding.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, errUncovered
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString is encoding/json's string encoding with HTML escaping,
// as json.Encoder writes by default.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
