package graph

import (
	"container/list"
	"sync"
)

// Bounds of the cache of validated documents.
const (
	docCacheEntries = 512
	docCacheBytes   = 4 << 20 // of document text; the parsed form is larger
)

// docCache keeps the most recently used validated documents, keyed by the
// SHA-256 of their text, so a repeated query skips parsing and validation.
// It holds at most maxEntries documents of at most maxBytes text in all.
type docCache struct {
	maxEntries, maxBytes int

	mu    sync.Mutex
	bytes int
	order *list.List // of *docEntry, most recently used first
	items map[[32]byte]*list.Element
}

type docEntry struct {
	key  [32]byte
	doc  *prepared
	size int
}

func newDocCache(maxEntries, maxBytes int) *docCache {
	return &docCache{maxEntries: maxEntries, maxBytes: maxBytes, order: list.New(), items: map[[32]byte]*list.Element{}}
}

func (c *docCache) get(key [32]byte) (*prepared, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*docEntry).doc, true
}

// add stores doc, whose text is size bytes, dropping the least recently
// used documents to make room.
func (c *docCache) add(key [32]byte, doc *prepared, size int) {
	if size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; ok {
		return
	}
	c.items[key] = c.order.PushFront(&docEntry{key, doc, size})
	c.bytes += size
	for c.order.Len() > c.maxEntries || c.bytes > c.maxBytes {
		old := c.order.Remove(c.order.Back()).(*docEntry)
		delete(c.items, old.key)
		c.bytes -= old.size
	}
}

func (c *docCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// clear forgets every document, when what they were measured with changed.
func (c *docCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	c.items = map[[32]byte]*list.Element{}
	c.bytes = 0
}
