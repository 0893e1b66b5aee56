package web

import (
	"net/http"
	"path"
	"strings"
)

// serveStatic serves the stylesheet and the script from the binary.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := path.Base(r.URL.Path)
	types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
	ctype, ok := types[path.Ext(name)]
	b, err := files.ReadFile("static/" + name)
	if !ok || err != nil || strings.HasPrefix(name, ".") {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(b)
}
