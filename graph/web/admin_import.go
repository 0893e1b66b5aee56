package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// importData is the upload's outcome: the import's summary, or what
// POST /import refused.
type importData struct {
	adminBenchmarksData
	Summary *store.ImportSummary `json:"-"`
	Failed  string               `json:"-"` // the API's message when nothing was imported
}

// Where is a skipped row's place: its line (CSV) or record (JSON).
func (d *importData) Where(e store.RowError) string {
	if e.Record != nil {
		return "values[" + strconv.Itoa(*e.Record) + "]"
	}
	return strconv.Itoa(e.Line)
}

// upload is the upload form's fields and its file.
type upload struct {
	values url.Values
	file   *multipart.Part
	media  string
}

// maxUploadBytes bounds the whole form: the file (graph.MaxImportBytes)
// and its few other fields.
const maxUploadBytes = graph.MaxImportBytes + 64<<10

// adminImport reads the upload form as a stream: its fields, then the
// file, which goes straight to POST /import as the logged-in admin. The
// CSRF token is checked before a byte of the file is sent on.
func (s *Server) adminImport(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
	up, ok := s.readUpload(w, r)
	if !ok {
		return
	}
	f := newForm(up.values)
	c := s.cat(r)
	if up.file == nil || up.media == "" {
		f.fail("file", c.text("admin.import.pickFile"))
		s.showAdminBenchmarks(w, r, f, nil, http.StatusUnprocessableEntity)
		return
	}
	status, body := s.postImport(r, up)
	if status == http.StatusUnauthorized {
		s.endSession(w)
		http.Redirect(w, r, "/login?next="+url.QueryEscape("/admin/benchmarks"), http.StatusSeeOther)
		return
	}
	d := &importData{}
	if status != http.StatusOK {
		var e struct {
			Errors []struct {
				Message string `json:"message"`
			} `json:"errors"`
		}
		json.Unmarshal(body, &e)
		if len(e.Errors) > 0 {
			d.Failed = e.Errors[0].Message
		}
		f.fail("file", c.text("admin.import.failed", d.Failed))
		if status == http.StatusForbidden {
			s.errorPage(w, r, graph.Error{Code: store.Forbidden})
			return
		}
		s.showAdminBenchmarks(w, r, f, d, http.StatusUnprocessableEntity)
		return
	}
	d.Summary = &store.ImportSummary{}
	if err := json.Unmarshal(body, d.Summary); err != nil {
		s.errorPage(w, r, graph.Error{Code: store.Internal, Message: err.Error()})
		return
	}
	s.showAdminBenchmarks(w, r, f, d, http.StatusOK)
}

// readUpload reads the form's fields up to its file part and checks the
// CSRF token; a refused form has its answer.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) (*upload, bool) {
	mr, err := r.MultipartReader()
	if err != nil {
		s.render(w, r, http.StatusBadRequest, "error", &view{TitleKey: "error.invalid"})
		return nil, false
	}
	up := &upload{values: url.Values{}}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.render(w, r, http.StatusBadRequest, "error", &view{TitleKey: "error.invalid"})
			return nil, false
		}
		if p.FormName() == "file" {
			up.file, up.media = p, importMedia(p)
			break
		}
		b, _ := io.ReadAll(io.LimitReader(p, 4<<10))
		up.values.Add(p.FormName(), string(b))
	}
	if !s.validCSRF(r, up.values.Get("csrf")) {
		s.render(w, r, http.StatusForbidden, "error", &view{TitleKey: "error.csrf"})
		return nil, false
	}
	up.values.Del("csrf")
	return up, true
}

// importMedia is the media type POST /import reads the file part as,
// by its name's extension, or "" for none chosen or another kind.
func importMedia(p *multipart.Part) string {
	switch strings.ToLower(path.Ext(p.FileName())) {
	case ".csv":
		return "text/csv"
	case ".json":
		return "application/json"
	}
	return ""
}

// postImport sends the file to the API's POST /import in-process, as the
// session's user, and returns its status and body.
func (s *Server) postImport(r *http.Request, up *upload) (int, []byte) {
	q := url.Values{"kind": {up.values.Get("kind")}}
	if up.values.Get("skipInvalid") == "on" {
		q.Set("skipInvalid", "true")
	}
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, "/import?"+q.Encode(), up.file)
	req.Header.Set("Content-Type", up.media)
	req.Header.Set("Authorization", "Bearer "+s.token(r))
	req.RemoteAddr = r.RemoteAddr
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	s.api.ServeHTTP(rec, req)
	return rec.status, rec.body.Bytes()
}

// recorder keeps an in-process answer.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (rc *recorder) Header() http.Header         { return rc.header }
func (rc *recorder) WriteHeader(status int)      { rc.status = status }
func (rc *recorder) Write(b []byte) (int, error) { return rc.body.Write(b) }
