package graph

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/store"
)

// Caller is who runs a document through Execute.
type Caller struct {
	// Token is the caller's API token, as in "Authorization: Bearer";
	// empty for an anonymous caller.
	Token string
	// Addr is the client's address, which the login limits count by.
	Addr string
}

// Result is the answer to an Execute: what POST /graphql would have
// answered, decoded.
type Result struct {
	// Status is the HTTP status POST /graphql would have answered.
	Status int
	// Data is the response's data as JSON; Decode reads it.
	Data   json.RawMessage
	Errors []Error
}

// Error is one error of a Result, with its extensions lifted out.
type Error struct {
	Message    string
	Path       []any
	Code       store.Code
	Field      string   // the input field the error is about, if any
	RequestID  string   // for INTERNAL and TIMEOUT
	RetryAfter int      // seconds, for RATE_LIMITED
	Rule       string   // the rule a refusal names (extensions.rule)
	Missing    []string // what the rule finds missing (extensions.missing)
}

// Decode unmarshals the result's data into v.
func (r *Result) Decode(v any) error {
	if len(r.Data) == 0 || string(r.Data) == "null" {
		return nil
	}
	return json.Unmarshal(r.Data, v)
}

// Execute runs one GraphQL document in-process as c, through the same
// guards, document cache, authentication, loaders, authorisation and
// error codes as POST /graphql, for server-rendered pages. The variables
// go through JSON as a request body's would, so they are coerced alike.
func (h *Handler) Execute(ctx context.Context, c Caller, document string, variables map[string]any) *Result {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, h.opts.RequestTimeout)
	defer cancel()
	ctx = withClientAddr(ctx, c.Addr)
	rid := newRequestID()
	req := &request{Query: document}
	if b, err := json.Marshal(variables); err != nil || json.Unmarshal(b, &req.Variables) != nil {
		return resultOf(http.StatusBadRequest, &response{Errors: []gqlerrors.FormattedError{
			requestError(store.Invalid, "the variables are not JSON")}})
	}
	status, resp := h.run(ctx, req, rid, func(ctx context.Context) (context.Context, error) {
		if c.Token == "" {
			return ctx, nil
		}
		return h.authenticateToken(ctx, c.Token)
	})
	h.opts.Log.Debug("graphql in-process", "request_id", rid, "status", status, "errors", len(resp.Errors),
		"duration_ms", time.Since(start).Milliseconds())
	return resultOf(status, resp)
}

// Check parses and validates document against the schema with the same
// guards as POST /graphql, without running it: the web pages' test keeps
// their documents in step with the schema through it.
func (h *Handler) Check(document string) []Error {
	if _, errs := h.prepare(&request{Query: document}); errs != nil {
		return resultOf(http.StatusBadRequest, &response{Errors: formatErrors(errs, "", h.opts.Log)}).Errors
	}
	return nil
}

func resultOf(status int, resp *response) *Result {
	r := &Result{Status: status}
	if resp.Data != nil {
		r.Data, _ = json.Marshal(resp.Data)
	}
	if resp.raw != nil { // the compiled executor's {"data":…}\n
		raw := resp.raw.Bytes()
		r.Data = append(json.RawMessage(nil), raw[len(`{"data":`):len(raw)-len("}\n")]...)
		resp.release()
	}
	for _, e := range resp.Errors {
		x := Error{Message: e.Message, Path: e.Path}
		if code, ok := e.Extensions["code"].(store.Code); ok {
			x.Code = code
		} else if s, ok := e.Extensions["code"].(string); ok {
			x.Code = store.Code(s)
		}
		x.Field, _ = e.Extensions["field"].(string)
		x.RequestID, _ = e.Extensions["requestId"].(string)
		x.Rule, _ = e.Extensions["rule"].(string)
		x.Missing = missingList(e.Extensions["missing"])
		switch n := e.Extensions["retryAfter"].(type) {
		case int:
			x.RetryAfter = n
		case float64:
			x.RetryAfter = int(n)
		}
		r.Errors = append(r.Errors, x)
	}
	return r
}

// missingList is a refusal's extensions.missing, as the executor left it.
func missingList(v any) []string {
	if l, ok := v.([]string); ok {
		return l
	}
	return stringList(v)
}

// ClientAddr is the address r comes from: the connection's peer, or the
// last entry of trustedHeader when that is set (see Options.ClientIPHeader).
func ClientAddr(r *http.Request, trustedHeader string) string { return clientAddr(r, trustedHeader) }
