package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// executeCompiled answers req with its compiled plan. It returns nil when
// the plan does not cover the document or a field failed: graphql-go's
// executor then answers, errors and null propagation included. A query
// has no side effects, so running it again is safe.
func (h *Handler) executeCompiled(ctx context.Context, p *prepared, req *request, rid string) (resp *response) {
	defer func() {
		if recover() != nil {
			resp = nil
		}
	}()
	if h.opts.ReferenceExecutor {
		return nil
	}
	pl := h.planFor(p, req.OperationName)
	if pl == nil {
		return nil
	}
	vars, err := getVariableValues(h.schema, pl.op.VariableDefinitions, req.Variables)
	if err != nil {
		return nil
	}
	root, err := pl.run(withLoaders(ctx, newLoaders(h.db)), vars)
	if err != nil {
		return nil
	}
	buf := answerBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	if err := pl.write(buf, root); err != nil {
		answerBuffers.Put(buf)
		return nil
	}
	if h.opts.CompareExecutors {
		h.compareExecutors(ctx, p, req, rid, buf.Bytes())
	}
	return &response{raw: buf, compiled: true}
}

// compareExecutors runs req again with graphql-go's executor and logs an
// error when its answer is not byte for byte the compiled one.
func (h *Handler) compareExecutors(ctx context.Context, p *prepared, req *request, rid string, compiled []byte) {
	ctx, _ = store.WithStatementCounter(ctx) // not the request's count
	res := graphql.Execute(graphql.ExecuteParams{Schema: h.schema, AST: p.doc, OperationName: req.OperationName,
		Args: req.Variables, Context: withLoaders(ctx, newLoaders(h.db))})
	var want bytes.Buffer
	json.NewEncoder(&want).Encode(&response{Data: res.Data,
		Errors: formatErrors(res.Errors, rid, slog.New(slog.DiscardHandler))})
	if !bytes.Equal(want.Bytes(), compiled) {
		h.opts.Log.Error(compiledDiffers, "request_id", rid, "query", req.Query,
			"compiled", string(compiled), "reference", want.String())
	}
}

// compiledDiffers is the log message of a difference between the
// executors, which the tests fail on.
const compiledDiffers = "the compiled executor's answer differs from graphql-go's"

// release returns a compiled answer's buffer to the pool.
func (r *response) release() {
	if r.raw != nil && r.raw.Cap() <= 1<<20 {
		answerBuffers.Put(r.raw)
	}
	r.raw = nil
}
