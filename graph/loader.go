package graph

import (
	"context"
	"sync"

	"github.com/leanforum/awards/store"
)

// batch collects the ids its thunks ask for and fetches them all with one
// call when the first thunk runs. graphql-go resolves thunks breadth-first,
// so every sibling in a list asks before any is fetched. A batch belongs to
// one request: it is never shared between callers.
type batch[K comparable, V any] struct {
	db    *store.DB
	fetch func(*store.DB, context.Context, []K) (map[K]V, error)

	mu      sync.Mutex
	pending []K
	done    map[K]outcome[V]
}

type outcome[V any] struct {
	v   V
	err error
}

// init sets the method of db that b fetches with.
func (b *batch[K, V]) init(db *store.DB, fetch func(*store.DB, context.Context, []K) (map[K]V, error)) {
	b.db, b.fetch = db, fetch
}

// load queues id and returns a thunk that yields its value: the zero value
// (null, or an empty list) when the caller may not see it.
// (One closure, not then's two: it is called for every object of a list.)
func (b *batch[K, V]) load(ctx context.Context, id K) func() (any, error) {
	b.queue(id)
	return func() (any, error) {
		v, err := b.get(ctx, id)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

// then queues id and returns a thunk that yields fn of its value.
func (b *batch[K, V]) then(ctx context.Context, id K, fn func(V) (any, error)) func() (any, error) {
	b.queue(id)
	return func() (any, error) {
		v, err := b.get(ctx, id)
		if err != nil {
			return nil, err
		}
		return fn(v)
	}
}

// queue asks for id with the next fetch, unless it was fetched.
func (b *batch[K, V]) queue(id K) {
	b.mu.Lock()
	if _, ok := b.done[id]; !ok {
		b.pending = append(b.pending, id)
	}
	b.mu.Unlock()
}

// get returns id's value, fetching it with every pending id when it has
// not been fetched yet.
func (b *batch[K, V]) get(ctx context.Context, id K) (V, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.done[id]; !ok {
		ids := append(b.pending, id)
		b.pending = nil
		m, err := b.fetch(b.db, ctx, dedupe(ids))
		if b.done == nil {
			b.done = make(map[K]outcome[V], len(ids))
		}
		for _, k := range ids {
			b.done[k] = outcome[V]{m[k], err}
		}
	}
	o := b.done[id]
	return o.v, o.err
}

func dedupe[K comparable](ids []K) []K {
	seen := make(map[K]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
