package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/leanforum/awards/store"
)

// formatErrors turns execution errors into what clients see: a domain
// error keeps its message and gains extensions.code (and field); a GraphQL
// error about the document or variables is INVALID; anything else is
// "internal error" with the request id, and the full error goes to the log.
func formatErrors(errs []gqlerrors.FormattedError, requestID string, log *slog.Logger) []gqlerrors.FormattedError {
	out := make([]gqlerrors.FormattedError, len(errs))
	for i, e := range errs {
		out[i] = formatError(e, originalError(e), requestID, log)
	}
	return out
}

// errTimeout is what a request whose deadline passed answers.
var errTimeout = store.Errorf(store.Timeout, "the request took too long and was stopped")

// errCancelled is what a request the client cancelled answers (to nobody,
// usually). It is no internal error: the handler logs the request once,
// as cancelled, at level info.
var errCancelled = store.Errorf(store.Cancelled, "the request was cancelled by the client")

// formatError describes e, whose underlying error is orig (nil for an
// error graphql-go raised about the document or variables).
func formatError(e gqlerrors.FormattedError, orig error, requestID string, log *slog.Logger) gqlerrors.FormattedError {
	if errors.Is(orig, context.DeadlineExceeded) {
		orig = errTimeout
	} else if errors.Is(orig, context.Canceled) {
		orig = errCancelled
	}
	var se *store.Error
	var re *retryError
	switch {
	case orig == nil:
		e.Extensions = map[string]any{"code": store.Invalid}
	case errors.As(orig, &re):
		e.Message = re.Error()
		e.Extensions = map[string]any{"code": store.RateLimited, "retryAfter": re.seconds()}
	case errors.As(orig, &se) && se.Code != store.Internal:
		e.Message = se.Message
		e.Extensions = map[string]any{"code": se.Code}
		if se.Field != "" {
			e.Extensions["field"] = se.Field
		}
		if se.Rule != "" {
			e.Extensions["rule"] = se.Rule
		}
		if len(se.Missing) > 0 {
			e.Extensions["missing"] = se.Missing
		}
		if se.Index != nil {
			e.Extensions["index"] = *se.Index
		}
	default:
		log.Error("internal error", "request_id", requestID, "path", e.Path, "err", orig)
		e.Message = "internal error"
		e.Extensions = map[string]any{"code": store.Internal, "requestId": requestID}
	}
	if e.Extensions["code"] == store.Timeout {
		log.Warn("request stopped by its deadline", "request_id", requestID, "path", e.Path)
		e.Extensions["requestId"] = requestID
	}
	return e
}

// originalError digs through the layers graphql-go wraps around a
// resolver's error (thunk errors come back wrapped more than once).
func originalError(e gqlerrors.FormattedError) error {
	err := e.OriginalError()
	for err != nil {
		switch x := err.(type) {
		case *gqlerrors.Error:
			if x.OriginalError == nil {
				return nil
			}
			err = x.OriginalError
		case gqlerrors.FormattedError:
			err = x.OriginalError()
		case *gqlerrors.FormattedError:
			err = x.OriginalError()
		default:
			return err
		}
	}
	return nil
}

// requestError is a response-level error before execution.
func requestError(code store.Code, msg string) gqlerrors.FormattedError {
	return gqlerrors.FormattedError{Message: msg, Extensions: map[string]any{"code": code}}
}
