package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/leanforum/awards/store"
)

// defaultPageSize is the page size when a list is asked for without first.
const defaultPageSize = 20

// connection is a page of a list: its nodes with their ids, whether more
// follow, and a way to count the whole list when a client asks.
type connection struct {
	nodes   []any
	ids     []int64
	hasNext bool
	count   func() (int, error)
}

type edge struct {
	cursor string
	node   any
}

// pageArgs are the arguments every list takes.
var pageArgs = graphql.FieldConfigArgument{
	"first": {Type: graphql.Int, Description: "At most this many items (1–100, default 20)."},
	"after": {Type: graphql.String, Description: "The endCursor of the previous page."},
}

// withPageArgs adds pageArgs to args.
func withPageArgs(args graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	out := graphql.FieldConfigArgument{}
	for k, v := range pageArgs {
		out[k] = v
	}
	for k, v := range args {
		out[k] = v
	}
	return out
}

// pageFrom reads first and after.
func pageFrom(args map[string]any) (store.Page, error) {
	p := store.Page{First: defaultPageSize}
	if v, ok := args["first"].(int); ok {
		if v < 1 || v > store.MaxPageSize {
			return p, store.InvalidField("first", "must be between 1 and %d", store.MaxPageSize)
		}
		p.First = v
	}
	if s, ok := args["after"].(string); ok && s != "" {
		id, err := decodeCursor(s)
		if err != nil {
			return p, err
		}
		p.After = id
	}
	return p, nil
}

func encodeCursor(id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("c:" + strconv.FormatInt(id, 10)))
}

func decodeCursor(s string) (int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil && strings.HasPrefix(string(b), "c:") {
		if id, err := strconv.ParseInt(string(b[2:]), 10, 64); err == nil && id >= 0 {
			return id, nil
		}
	}
	return 0, store.InvalidField("after", "is not a cursor from this API")
}

// newConnection builds a connection from a page of items.
func newConnection[T any](items []T, id func(T) int64, hasNext bool, count func() (int, error)) *connection {
	c := &connection{hasNext: hasNext, count: count}
	for _, it := range items {
		c.nodes = append(c.nodes, it)
		c.ids = append(c.ids, id(it))
	}
	return c
}

func newPageInfoType() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name: "PageInfo",
		Fields: graphql.Fields{
			"hasNextPage": {Type: nonNull(graphql.Boolean), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(*connection).hasNext, nil
			}},
			"endCursor": {Type: graphql.String, Resolve: func(p graphql.ResolveParams) (any, error) {
				c := p.Source.(*connection)
				if len(c.ids) == 0 {
					return nil, nil
				}
				return encodeCursor(c.ids[len(c.ids)-1]), nil
			}},
		},
	})
}

// connectionType makes the XConnection and XEdge types for node.
func (s *schema) connectionType(node *graphql.Object) *graphql.Object {
	edgeType := graphql.NewObject(graphql.ObjectConfig{
		Name: node.Name() + "Edge",
		Fields: graphql.Fields{
			"cursor": {Type: nonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(edge).cursor, nil
			}},
			"node": {Type: nonNull(node), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(edge).node, nil
			}},
		},
	})
	return graphql.NewObject(graphql.ObjectConfig{
		Name: node.Name() + "Connection",
		Fields: graphql.Fields{
			"nodes": {Type: listOf(node), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(*connection).nodes, nil
			}},
			"edges": {Type: listOf(edgeType), Resolve: func(p graphql.ResolveParams) (any, error) {
				c := p.Source.(*connection)
				edges := make([]edge, len(c.nodes))
				for i := range c.nodes {
					edges[i] = edge{encodeCursor(c.ids[i]), c.nodes[i]}
				}
				return edges, nil
			}},
			"pageInfo": {Type: nonNull(s.pageInfo), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source, nil
			}},
			"totalCount": {Type: nonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (any, error) {
				return p.Source.(*connection).count()
			}},
		},
	})
}
