package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// client posts GraphQL documents to one server.
type client struct {
	url   string
	token string
	http  *http.Client
}

func newClient(url string) *client {
	return &client{url: url, http: &http.Client{Timeout: 60 * time.Second}}
}

// body is the JSON of a GraphQL request.
func body(query string, vars map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err) // only maps of plain values are marshalled
	}
	return b
}

// raw posts a document and returns the status and the answer's bytes.
func (c *client) raw(query string, vars map[string]any) (int, []byte, error) {
	req, err := http.NewRequest("POST", c.url, bytes.NewReader(body(query, vars)))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// do posts a document and returns its data, failing on any error.
func (c *client) do(query string, vars map[string]any) (map[string]any, error) {
	status, b, err := c.raw(query, vars)
	if err != nil {
		return nil, err
	}
	var r struct {
		Data   map[string]any    `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&r); err != nil || status != http.StatusOK || len(r.Errors) > 0 {
		return nil, fmt.Errorf("%s: status %d: %.400s", c.url, status, b)
	}
	return r.Data, nil
}

// path walks a decoded answer along keys.
func path(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func str(v any) string { return fmt.Sprint(v) }
